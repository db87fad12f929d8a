"""Strict input: what the API does not take is a 400 naming it, never ignored."""

import pytest

from people.models import Organization
from tests.factories import EditorFactory, EventFactory, PersonFactory
from tests.http import EVENT, ORGANIZATION, authorize, error_pairs

pytestmark = pytest.mark.django_db

EVENT_LIST_TAKES = (
    "Unknown query parameter; this request takes `city`, `country`, `cursor`, `fields`, `format`, "
    "`has_outcome`, `host_country`, `kind`, `ordering`, `organization`, "
    "`organization_involved`, `outcome_kind`, `page_size`, `parent`, `person`, `q`, `region`, "
    "`start_after`, `start_before`, `topic`, `updated_since`, `year`."
)


def test_a_misspelt_filter_is_400_naming_it(api_client):
    EventFactory(slug="forum")
    response = api_client.get("/api/v1/events/?contry=ZZ")
    assert response.status_code == 400
    assert response.json() == {
        "type": "validation_error",
        "errors": [{"code": "unknown_parameter", "detail": EVENT_LIST_TAKES, "attr": "contry"}],
    }


def test_each_unknown_parameter_is_named(api_client):
    response = api_client.get("/api/v1/people/?b=1&a=2&q=anna")
    assert [error["attr"] for error in response.json()["errors"]] == ["a", "b"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/events/?format=json&page_size=5&cursor=&kind=forum",
        "/api/v1/events/forum/?format=json",
        "/api/v1/organizations/?region=RU-TA&format=json",
        "/api/v1/topics/?q=cult&ordering=-name",
    ],
)
def test_declared_parameters_pass(api_client, url):
    EventFactory(slug="forum")
    assert api_client.get(url).status_code in (200, 400)
    assert all(
        error["code"] != "unknown_parameter"
        for error in api_client.get(url).json().get("errors", [])
    )


def test_a_record_takes_no_filters(api_client):
    EventFactory(slug="forum")
    response = api_client.get("/api/v1/events/forum/?kind=forum")
    assert error_pairs(response) == [
        ("kind", "Unknown query parameter; this request takes `fields`, `format`.")
    ]


def test_an_unknown_body_field_is_400_naming_it(api_client, token_for):
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post(
        "/api/v1/organizations/", {**ORGANIZATION, "regoin": "RU-TA"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "code": "unknown_field",
            "detail": "Unknown field; this takes `country`, `description`, `kind`, `name`, "
            "`parent`, `region`, `short_name`, `slug`, `website`.",
            "attr": "regoin",
        }
    ]
    assert Organization.objects.count() == 0


def test_an_unknown_field_of_a_nested_row_is_named_by_its_path(api_client, token_for):
    PersonFactory(slug="anna")
    authorize(api_client, token_for(EditorFactory()))
    body = {
        **EVENT,
        "participants": [
            {"person": "anna", "role": "speaker"},
            {"person": "anna", "role": "moderator", "title": {"en": "Chair"}},
        ],
    }
    response = api_client.post("/api/v1/events/", body, format="json")
    assert [(error["code"], error["attr"]) for error in response.json()["errors"]] == [
        ("unknown_field", "participants.1.title")
    ]


def test_read_only_fields_sent_back_are_named(api_client, token_for):
    EventFactory(slug="forum")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch(
        "/api/v1/events/forum/", {"url": "x", "updated_at": "2024-01-01T00:00:00Z"}, format="json"
    )
    assert [error["attr"] for error in response.json()["errors"]] == ["updated_at", "url"]


def test_a_body_is_json_or_415(api_client, token_for):
    EventFactory(slug="forum", city_en="Bishkek")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch("/api/v1/events/forum/", {"city_en": "Osh"}, format="multipart")
    assert response.status_code == 415
    assert response.json()["errors"][0]["code"] == "unsupported_media_type"
