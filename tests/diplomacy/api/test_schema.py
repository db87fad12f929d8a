"""The OpenAPI schema tells clients what the API really does: open reads,
every status a write can answer, headers, limits and the filters' meaning."""

import pytest
import yaml

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api_client) -> dict:
    response = api_client.get("/api/v1/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def _operation(schema: dict, path: str, method: str) -> dict:
    return schema["paths"][f"/api/v1/{path}"][method]


@pytest.mark.parametrize(
    "path",
    ["events/", "events/{slug}/", "people/", "organizations/{slug}/", "topics/", "countries/"],
)
def test_reads_need_no_token(schema, path):
    # `{}`: anonymous; a token only shows editors the drafts.
    assert _operation(schema, path, "get")["security"] == [
        {"knoxApiToken": []},
        {"cookieAuth": []},
        {},
    ]


def test_writes_need_a_token(schema):
    assert _operation(schema, "events/{slug}/", "patch")["security"] == [
        {"knoxApiToken": []},
        {"cookieAuth": []},
    ]


@pytest.mark.parametrize(
    ("path", "method", "statuses"),
    [
        (
            "events/{slug}/",
            "patch",
            ["200", "400", "401", "403", "404", "412", "415", "428", "429", "503"],
        ),
        (
            "events/{slug}/",
            "delete",
            ["204", "400", "401", "403", "404", "412", "428", "429", "503"],
        ),
        (
            "people/{slug}/",
            "delete",
            ["204", "400", "401", "403", "404", "409", "412", "428", "429", "503"],
        ),
        (
            "organizations/{slug}/",
            "delete",
            ["204", "400", "401", "403", "404", "409", "412", "428", "429", "503"],
        ),
        (
            "topics/{slug}/",
            "put",
            ["200", "400", "401", "403", "404", "412", "415", "428", "429", "503"],
        ),
    ],
)
def test_every_status_a_write_can_answer_is_documented(schema, path, method, statuses):
    operation = _operation(schema, path, method)
    assert sorted(operation["responses"]) == statuses
    assert {"name": "If-Match", "in": "header"}.items() <= next(
        parameter for parameter in operation["parameters"] if parameter["name"] == "If-Match"
    ).items()
    assert operation["responses"]["412"]["headers"]["ETag"]["schema"] == {"type": "string"}


def test_a_records_etag_is_documented_on_reads_and_writes(schema):
    read = _operation(schema, "events/{slug}/", "get")["responses"]["200"]
    created = _operation(schema, "events/", "post")["responses"]["201"]
    assert "ETag" in read["headers"]
    assert "ETag" in created["headers"]
    throttled = _operation(schema, "events/", "get")["responses"]["429"]
    assert throttled["headers"]["Retry-After"]["schema"] == {"type": "integer"}


def test_limits_and_filter_descriptions_are_in_the_schema(schema):
    parameters = {
        parameter["name"]: parameter
        for parameter in _operation(schema, "events/", "get")["parameters"]
    }
    assert parameters["year"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 9999}
    # An empty value (as forms send) means the parameter is not given.
    assert {parameters[name].get("allowEmptyValue") for name in parameters} == {True}
    # Capped, not refused: a larger value is a full page of 100, so no maximum.
    assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1}
    assert parameters["page_size"]["description"] == (
        "Rows per page, at least 1; 20 by default. Larger values than 100 are capped to 100."
    )
    assert parameters["cursor"]["schema"] == {
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]+$",
        "maxLength": 2000,
    }
    assert parameters["country"]["description"] == "ISO code of a host or participating country."
    assert parameters["organization"]["description"] == (
        "Slug of an organization with any role in the event."
    )
    assert parameters["region"]["description"] == "ISO 3166-2 code of the region, such as KG-GB."


def test_the_draft_proposal_is_documented(schema):
    operation = _operation(schema, "drafts/", "post")
    assert operation["security"] == [{"knoxApiToken": []}, {"cookieAuth": []}]
    assert sorted(operation["responses"]) == [
        "200", "400", "401", "403", "404", "415", "429", "503",
    ]  # fmt: skip
    components = schema["components"]["schemas"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Proposal"
    }
    request = components["ReportRequest"]
    assert request["required"] == ["text"]
    assert request["properties"]["text"]["description"].startswith("The report: plain text")
    assert components["ReportLanguageEnum"]["enum"] == ["ru", "en"]
    person = components["ProposedPerson"]["properties"]
    assert person["role"]["allOf"] == [{"$ref": "#/components/schemas/ParticipantRoleEnum"}]
    assert person["name"]["nullable"] is True
    assert sorted(components["Proposal"]["properties"]) == [
        "event", "language", "organizations", "people", "quotes", "source",
    ]  # fmt: skip
