"""Sparse rows: `?fields=` on the event list and detail, on PostgreSQL (the SQL
documents) and SQLite (the serializers) alike; the default keeps v1."""

import pytest

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

CALENDAR = "slug,title,start,host_country"


@pytest.fixture
def forum(db):
    return EventFactory(slug="forum", start_date="2024-05-01", host_country=None)


def test_a_list_of_calendar_rows_has_those_fields_in_the_contracts_order(forum, api_client):
    response = api_client.get(f"/api/v1/events/?fields=host_country,{CALENDAR}")
    assert response.status_code == 200
    assert response.json() == {
        "next": None,
        "results": [
            {
                "slug": "forum",
                "title": {"en": forum.title_en, "ru": forum.title_ru or None, "ky": None},
                "start": "2024-05-01",
                "host_country": None,
            }
        ],
    }


def test_a_detail_takes_fields_and_keeps_its_etag(forum, api_client):
    response = api_client.get("/api/v1/events/forum/?fields=slug,kind")
    assert response.json() == {"slug": "forum", "kind": forum.kind}
    again = api_client.get(
        "/api/v1/events/forum/?fields=slug,kind", HTTP_IF_NONE_MATCH=response["ETag"]
    )
    assert again.status_code == 304
    assert api_client.get("/api/v1/events/forum/")["ETag"] != response["ETag"]


def test_without_fields_or_with_an_empty_one_a_row_is_the_full_contract(forum, api_client):
    full = api_client.get("/api/v1/events/").json()["results"][0]
    empty = api_client.get("/api/v1/events/?fields=").json()["results"][0]
    assert full == empty
    assert len(full) == 33


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/events/forum/"])
def test_an_unknown_field_is_a_400_naming_it(forum, api_client, url):
    response = api_client.get(f"{url}?fields=slug,colour,size")
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["attr"] == "fields"
    assert error["code"] == "unknown_field"
    assert error["detail"].startswith("Unknown field `colour`, `size`; this takes `slug`, `url`,")


def test_fields_is_not_taken_by_writes(forum, editor_client):
    response = editor_client.patch(
        "/api/v1/events/forum/?fields=slug", {"kind": "forum"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "fields"
