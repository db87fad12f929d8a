"""Sync clients learn which events left public view since a time."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event
from events.services import event_create, event_delete, event_update, events_set_status

pytestmark = pytest.mark.django_db


def _event(slug: str, status: str = "published") -> Event:
    return event_create(
        fields={
            "slug": slug,
            "title_en": slug.title(),
            "kind": "forum",
            "start_date": "2024-01-01",
            "status": status,
        }
    )


def _removed(api_client, since: datetime.datetime) -> list[tuple[str, str]]:
    stamp = since.isoformat().replace("+", "%2B")
    response = api_client.get(f"/api/v1/removed-events/?since={stamp}")
    assert response.status_code == 200, response.json()
    return [(row["slug"], row["reason"]) for row in response.json()["results"]]


def test_deleted_and_unpublished_events_are_listed_in_order(api_client):
    before = timezone.now()
    gone, withdrawn, kept = _event("gone"), _event("withdrawn"), _event("kept")
    event_delete(event=gone)
    events_set_status(events=Event.objects.filter(pk=withdrawn.pk), status="draft")
    event_update(event=kept, fields={"title_en": "Still here"})
    assert _removed(api_client, before) == [("gone", "deleted"), ("withdrawn", "unpublished")]
    assert _removed(api_client, timezone.now()) == []


def test_drafts_never_seen_by_the_public_are_not_named(api_client):
    before = timezone.now()
    secret = _event("secret", status="draft")
    event_update(event=secret, fields={"title_en": "Still secret"})
    event_delete(event=secret)
    assert _removed(api_client, before) == []


def test_since_is_required_and_checked(api_client):
    response = api_client.get("/api/v1/removed-events/")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"code": "required", "detail": "This field is required.", "attr": "since"}
    ]
    response = api_client.get("/api/v1/removed-events/?since=yesterday")
    assert response.json()["errors"][0]["attr"] == "since"


def test_removed_events_page_by_key(api_client):
    before = timezone.now()
    for number in range(5):
        event_delete(event=_event(f"event-{number}"))
    stamp = before.isoformat().replace("+", "%2B")
    url, seen = f"/api/v1/removed-events/?since={stamp}&page_size=2", []
    while url:
        body = api_client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url = body["next"]
    assert seen == [f"event-{number}" for number in range(5)]
