"""Visibility, conditional GET, throttling, CORS, the schema and its docs."""

import re

import pytest
import yaml
from openapi_spec_validator import validate

from tests.factories import EditorFactory, EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_drafts_are_hidden_from_the_public_and_shown_to_editors(api_client, token_for):
    EventFactory(slug="public", status="published")
    EventFactory(slug="called-off", status="cancelled")
    EventFactory(slug="draft", status="draft")
    anonymous = sorted(row["slug"] for row in api_client.get("/api/v1/events/").json()["results"])
    assert anonymous == ["called-off", "public"]
    assert api_client.get("/api/v1/events/draft/").status_code == 404
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(UserFactory())}")
    assert api_client.get("/api/v1/events/draft/").status_code == 404
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(EditorFactory())}")
    editor = sorted(row["slug"] for row in api_client.get("/api/v1/events/").json()["results"])
    assert editor == ["called-off", "draft", "public"]
    assert api_client.get("/api/v1/events/draft/").json()["status"] == "draft"


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


def test_throttle_counts_live_in_the_shared_cache(api_client, settings):
    from django.core.cache import cache

    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "5/minute"},
    }
    api_client.get("/api/v1/countries/")
    # Another process sees the same counter through the cache.
    assert len(cache.get("throttle_anon_127.0.0.1")) == 1


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
        "ordering",
        "cursor",
        "page_size",
    }
    # 401 for a bad token, 404 for an unknown ?format=, never 403 on a read.
    assert sorted(events["responses"]) == ["200", "400", "401", "404", "429"]
    create = schema["paths"]["/api/v1/events/"]["post"]
    assert sorted(create["responses"]) == ["201", "400", "401", "403", "404", "429"]
    error = schema["components"]["schemas"]["EventsListErrorResponse400"]
    assert error["oneOf"]


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


def test_a_draft_parent_is_not_named_to_the_public(api_client, token_for):
    parent = EventFactory(slug="secret-summit", status="draft")
    EventFactory(slug="side-event", status="published", parent=parent)
    assert api_client.get("/api/v1/events/side-event/").json()["parent"] is None
    # Asking for a draft's children answers exactly as for an unknown slug.
    draft = api_client.get("/api/v1/events/?parent=secret-summit")
    unknown = api_client.get("/api/v1/events/?parent=no-such-event")
    assert (draft.status_code, draft.json()) == (unknown.status_code, unknown.json())
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(EditorFactory())}")
    assert api_client.get("/api/v1/events/side-event/").json()["parent"]["slug"] == "secret-summit"
