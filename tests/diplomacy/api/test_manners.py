"""How the API behaves for every resource: caching, throttling, CORS, its schema and docs."""

import re

import pytest
import yaml
from openapi_spec_validator import validate

from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/events/forum/"])
def test_conditional_get_answers_304_until_the_record_changes(api_client, url):
    event = EventFactory(slug="forum")
    first = api_client.get(url)
    etag = first["ETag"]
    assert etag.startswith('"') or etag.startswith('W/"')
    again = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content) == (304, b"")
    event.title_en = "Renamed"
    event.save()
    changed = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_responses_vary_on_who_asks(api_client):
    EventFactory(slug="forum")
    vary = {part.strip() for part in api_client.get("/api/v1/events/")["Vary"].split(",")}
    assert {"Accept", "Authorization", "Cookie"} <= vary


def test_throttling_answers_429_with_retry_after(api_client, settings, token_for):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    statuses = [api_client.get("/api/v1/countries/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api_client.get("/api/v1/countries/")
    assert 0 < int(response["Retry-After"]) <= 60
    assert response.json()["errors"][0]["code"] == "throttled"
    # A token holder is counted on their own, at the user rate.
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(UserFactory())}")
    statuses = [api_client.get("/api/v1/countries/").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_throttle_counts_no_write_to_the_database(api_client, settings):
    """With the database as the shared cache, counters stay in this process's
    memory: a read writes nothing (with Redis they are shared: test_cache.py)."""
    from django.core.cache import cache, caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "5/minute"},
    }
    with CaptureQueriesContext(connection) as context:
        api_client.get("/api/v1/countries/")
    assert len(caches["throttle"].get("throttle_anon_127.0.0.1")) == 1
    assert cache.get("throttle_anon_127.0.0.1") is None
    # The countries' SELECT, and no cache query.
    assert len(context.captured_queries) == 1
    statuses = [api_client.get("/api/v1/countries/").status_code for _ in range(2)]
    assert statuses == [200, 429]


def test_cors_allows_reads_from_any_origin_but_not_writes(api_client):
    response = api_client.get("/api/v1/countries/", HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api_client.options(
        "/api/v1/events/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    page = api_client.get("/en/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in page


def test_schema_is_valid_openapi_3_and_documents_parameters_and_errors(api_client):
    response = api_client.get("/api/v1/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate(schema)
    assert schema["openapi"].startswith("3.")
    events = schema["paths"]["/api/v1/events/"]["get"]
    parameters = {parameter["name"] for parameter in events["parameters"]}
    assert parameters == {
        "kind",
        "country",
        "host_country",
        "region",
        "city",
        "organization",
        "organization_involved",
        "person",
        "parent",
        "topic",
        "start_after",
        "start_before",
        "year",
        "updated_since",
        "q",
        "outcome_kind",
        "has_outcome",
        "ordering",
        "cursor",
        "page_size",
        "fields",
    }
    fields = next(parameter for parameter in events["parameters"] if parameter["name"] == "fields")
    assert fields["schema"]["items"]["enum"][:4] == ["slug", "url", "title", "kind"]
    assert (fields["style"], fields["explode"]) == ("form", False)
    # 401 for a bad token, 404 for an unknown ?format=, 503 without the
    # database, never 403 on a read.
    assert sorted(events["responses"]) == ["200", "400", "401", "404", "429", "503"]
    create = schema["paths"]["/api/v1/events/"]["post"]
    assert sorted(create["responses"]) == ["201", "400", "401", "403", "404", "415", "429", "503"]
    error = schema["components"]["schemas"]["EventsListErrorResponse400"]
    assert error["oneOf"] == [
        {"$ref": "#/components/schemas/ValidationError"},
        {"$ref": "#/components/schemas/ParseErrorResponse"},
    ]
    item = schema["components"]["schemas"]["ValidationErrorItem"]
    assert sorted(item["properties"]) == ["attr", "code", "detail"]


def test_docs_page_works_without_the_internet(api_client):
    response = api_client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources, html
    assert all(source.startswith("/") for source in sources), sources
    assert "swagger-ui-bundle.js" in html


def test_a_forged_forwarded_for_header_does_not_reset_the_throttle(api_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "5/minute"},
    }
    statuses = [
        api_client.get("/api/v1/countries/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize(
    "url", ["/api/v1/events/nope/", "/api/v1/countries/qq/", "/api/v1/people/nobody/"]
)
def test_unknown_records_are_404(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 404
    assert response.json() == {
        "type": "client_error",
        "errors": [{"code": "not_found", "detail": "Not found.", "attr": None}],
    }
