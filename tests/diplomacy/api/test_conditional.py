"""ETags and If-Match: a write made from a stale copy is refused, never
silently applied over someone else's change."""

import pytest

from events.models import Event
from people.models import Organization
from tests.factories import EditorFactory, EventFactory, OrganizationFactory, PersonFactory
from tests.http import authorize

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_api(api_client, token_for):
    return authorize(api_client, token_for(EditorFactory()))


def test_a_record_answers_with_a_strong_etag_that_every_write_changes(editor_api):
    EventFactory(slug="forum")
    first = editor_api.get("/api/v1/events/forum/")
    etag = first["ETag"]
    assert (etag[0], etag[-1], len(etag)) == ('"', '"', 34)
    assert editor_api.get("/api/v1/events/forum/")["ETag"] == etag
    patched = editor_api.patch(
        "/api/v1/events/forum/", {"city": {"en": "Osh"}}, format="json", HTTP_IF_MATCH=etag
    )
    assert patched.status_code == 200
    assert patched["ETag"] != etag
    assert editor_api.get("/api/v1/events/forum/")["ETag"] == patched["ETag"]


def test_a_nested_row_change_changes_the_etag(editor_api):
    EventFactory(slug="forum")
    PersonFactory(slug="anna")
    etag = editor_api.get("/api/v1/events/forum/")["ETag"]
    body = {"participants": [{"person": "anna", "role": "speaker"}]}
    assert editor_api.patch("/api/v1/events/forum/", body, format="json").status_code == 200
    assert editor_api.get("/api/v1/events/forum/")["ETag"] != etag


def test_a_put_from_a_stale_copy_is_412_and_keeps_the_other_change(editor_api):
    """Two clients read; A renames, B changes the city from its stale copy."""
    EventFactory(slug="forum", title_en="Forum", city_en="Bishkek")
    etag = editor_api.get("/api/v1/events/forum/")["ETag"]
    body = {"title": {"en": "Forum"}, "kind": "forum", "start_date": "2023-04-24"}
    renamed = editor_api.put(
        "/api/v1/events/forum/",
        {**body, "title": {"en": "Youth forum"}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert renamed.status_code == 200

    stale = editor_api.put(
        "/api/v1/events/forum/", {**body, "city": {"en": "Osh"}}, format="json", HTTP_IF_MATCH=etag
    )

    assert stale.status_code == 412
    assert stale["ETag"] == renamed["ETag"]
    assert stale.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "precondition_failed",
                "detail": "The record changed since you read it (If-Match does not match its "
                "ETag); read it again, apply your change to what it holds now, and retry.",
                "attr": None,
            }
        ],
    }
    event = Event.objects.get()
    assert (event.title_en, event.city_en) == ("Youth forum", "Bishkek")


@pytest.mark.parametrize("if_match", ['"bogus"', 'W/"bogus"', "garbage"])
def test_a_bogus_or_weak_if_match_is_412(editor_api, if_match):
    EventFactory(slug="forum", city_en="Bishkek")
    weak = "W/" + editor_api.get("/api/v1/events/forum/")["ETag"]
    for header in (if_match, weak):
        response = editor_api.patch(
            "/api/v1/events/forum/", {"city": {"en": "Osh"}}, format="json", HTTP_IF_MATCH=header
        )
        assert response.status_code == 412
    assert Event.objects.get().city_en == "Bishkek"


def test_if_match_star_or_one_of_a_list_matches(editor_api):
    EventFactory(slug="forum")
    etag = editor_api.get("/api/v1/events/forum/")["ETag"]
    listed = editor_api.patch(
        "/api/v1/events/forum/",
        {"city": {"en": "Osh"}},
        format="json",
        HTTP_IF_MATCH=f'"other", {etag}',
    )
    assert listed.status_code == 200
    star = editor_api.patch(
        "/api/v1/events/forum/", {"city": {"en": "Naryn"}}, format="json", HTTP_IF_MATCH="*"
    )
    assert star.status_code == 200


def test_a_stale_delete_is_412_and_deletes_nothing(editor_api):
    OrganizationFactory(slug="apr")
    etag = editor_api.get("/api/v1/organizations/apr/")["ETag"]
    editor_api.patch(
        "/api/v1/organizations/apr/", {"website": "https://apr.example"}, format="json"
    )
    response = editor_api.delete("/api/v1/organizations/apr/", HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert Organization.objects.filter(slug="apr").exists()
    current = editor_api.get("/api/v1/organizations/apr/")["ETag"]
    assert editor_api.delete("/api/v1/organizations/apr/", HTTP_IF_MATCH=current).status_code == 204


def test_without_if_match_a_write_proceeds_unless_the_server_requires_it(editor_api, settings):
    EventFactory(slug="forum")
    assert editor_api.patch("/api/v1/events/forum/", {}, format="json").status_code == 200
    settings.API_REQUIRE_IF_MATCH = True
    response = editor_api.patch("/api/v1/events/forum/", {}, format="json")
    assert response.status_code == 428
    assert response.json()["errors"] == [
        {
            "code": "precondition_required",
            "detail": "Send the ETag you read as If-Match: this server refuses writes that "
            "could overwrite a change made since.",
            "attr": None,
        }
    ]
    etag = editor_api.get("/api/v1/events/forum/")["ETag"]
    assert editor_api.delete("/api/v1/events/forum/").status_code == 428
    assert editor_api.delete("/api/v1/events/forum/", HTTP_IF_MATCH=etag).status_code == 204


def test_the_etag_is_the_one_this_client_reads(editor_api):
    """An editor sees a draft parent, the public does not: two representations."""
    from rest_framework.test import APIClient

    parent = EventFactory(slug="summit", status="draft")
    EventFactory(slug="forum", parent=parent)
    public = APIClient().get("/api/v1/events/forum/")
    assert public.json()["parent"] is None
    assert editor_api.get("/api/v1/events/forum/")["ETag"] != public["ETag"]


def test_a_renamed_participant_changes_the_etag_and_304_stops(api_client):
    from tests.factories import ParticipationFactory

    event = EventFactory(slug="forum")
    participation = ParticipationFactory(event=event)
    etag = api_client.get("/api/v1/events/forum/")["ETag"]
    assert api_client.get("/api/v1/events/forum/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    participation.person.family_name_en = "Renamed"
    participation.person.save()
    assert api_client.get("/api/v1/events/forum/", HTTP_IF_NONE_MATCH=etag).status_code == 200
