"""iCalendar of an event and of a filtered list (website/calendar.py), read back with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.cache import cache
from django.test import Client

from events.models import Event
from people.models import Country
from tests.factories import (
    EventFactory,
    TopicFactory,
)
from tests.pages import (
    SITE,
    queries_before_and_after_growth,
)
from tests.seed import SEED

pytestmark = pytest.mark.django_db


def _calendar(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    # RFC 5545: CRLF line ends, lines folded at 75 octets.
    lines = body.split(b"\r\n")
    assert lines[-1] == b""
    assert all(len(line) <= 75 for line in lines)
    return icalendar.Calendar.from_ical(body)


def _events(calendar):
    return list(calendar.walk("VEVENT"))


def test_event_ics_of_the_seed_is_an_all_day_event(client, seed):
    response = client.get(f"/en/events/{SEED}.ics")
    assert response["Content-Disposition"] == f'attachment; filename="{SEED}.ics"'
    calendar = _calendar(client, f"/en/events/{SEED}.ics")
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == (
        "2.0",
        "-//diplomacy//Public diplomacy events//EN",
    )
    assert calendar.timezones == []
    (event,) = _events(calendar)
    assert event["DTSTART"].dt == datetime.date(2023, 4, 24)
    assert event["DTEND"].dt == datetime.date(2023, 4, 25)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["SUMMARY"]) == seed.title_en
    assert str(event["LOCATION"]) == "Bishkek, Kyrgyzstan"
    assert str(event["URL"]) == f"{SITE}/en/events/{SEED}/"
    assert str(event["UID"]) == f"event-{seed.pk}@localhost"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event["DESCRIPTION"].endswith(f"\n\n{SITE}/en/events/{SEED}/")
    assert [str(category) for category in event["CATEGORIES"].cats] == [
        "Round table",
        "Culture",
        "Education",
        "Information space",
        "Interethnic relations",
        "Science",
    ]
    assert event["DTSTAMP"].dt == seed.updated_at.replace(microsecond=0)


def test_event_ics_in_russian_keeps_the_uid(client, seed):
    (event,) = _events(_calendar(client, f"/ru/events/{SEED}.ics"))
    assert str(event["SUMMARY"]) == seed.title_ru
    assert str(event["UID"]) == f"event-{seed.pk}@localhost"
    assert str(event["URL"]) == f"{SITE}/ru/events/{SEED}/"


def test_event_ics_gives_times_in_the_venue_zone_with_its_vtimezone(client):
    event = EventFactory(
        start_time=datetime.time(10, 0), end_time=datetime.time(13, 0), timezone="Asia/Bishkek"
    )
    calendar = _calendar(client, f"/en/events/{event.slug}.ics")
    assert [timezone.tz_name for timezone in calendar.timezones] == ["Asia/Bishkek"]
    (component,) = _events(calendar)
    assert component["DTSTART"].params["TZID"] == "Asia/Bishkek"
    bishkek = ZoneInfo("Asia/Bishkek")
    assert component["DTSTART"].dt == datetime.datetime(2023, 4, 24, 10, tzinfo=bishkek)
    assert component["DTEND"].dt == datetime.datetime(2023, 4, 24, 13, tzinfo=bishkek)
    assert component["DTSTART"].dt.astimezone(datetime.UTC).hour == 4
    assert calendar.get_missing_tzids() == set()


def test_event_ics_in_utc_needs_no_vtimezone(client):
    event = EventFactory(start_time=datetime.time(9, 30), timezone="UTC")
    calendar = _calendar(client, f"/en/events/{event.slug}.ics")
    assert calendar.timezones == []
    (component,) = _events(calendar)
    assert component["DTSTART"].to_ical() == b"20230424T093000Z"
    assert "DTEND" not in component


def test_event_ics_spanning_days_without_an_end_time_keeps_its_start_time(client):
    event = EventFactory(
        start_time=datetime.time(9, 0),
        end_date=datetime.date(2023, 4, 26),
        timezone="Asia/Bishkek",
    )
    (component,) = _events(_calendar(client, f"/en/events/{event.slug}.ics"))
    assert (component["DTSTART"].to_ical(), component["DTEND"].to_ical()) == (
        b"20230424T090000",
        b"20230427T000000",
    )
    assert component["DTSTART"].params["TZID"] == "Asia/Bishkek"


@pytest.mark.parametrize(
    ("status", "ical"), [("cancelled", "CANCELLED"), ("postponed", "TENTATIVE")]
)
def test_event_ics_carries_the_status(client, status, ical):
    event = EventFactory(status=status)
    (component,) = _events(_calendar(client, f"/en/events/{event.slug}.ics"))
    assert str(component["STATUS"]) == ical


def test_event_ics_of_a_draft_is_for_editors_only(editor_client):
    event = EventFactory(status=Event.Status.DRAFT)
    assert Client().get(f"/en/events/{event.slug}.ics").status_code == 404
    (component,) = _events(_calendar(editor_client, f"/en/events/{event.slug}.ics"))
    assert str(component["STATUS"]) == "TENTATIVE"


def test_list_ics_applies_the_list_filters(client):
    kg = Country.objects.get(code="KG")
    EventFactory(title_en="Forum in Bishkek", kind="forum", host_country=kg)
    EventFactory(title_en="Round table in Bishkek", host_country=kg)
    EventFactory(title_en="Forum elsewhere", kind="forum")
    EventFactory(title_en="Draft forum", kind="forum", host_country=kg, status="draft")
    calendar = _calendar(client, "/en/events.ics?kind=forum&country=kg")
    assert [str(event["SUMMARY"]) for event in _events(calendar)] == ["Forum in Bishkek"]
    assert str(calendar["X-WR-CALNAME"]) == "Public diplomacy events"
    assert len(_events(_calendar(client, "/en/events.ics"))) == 3


def test_list_ics_with_a_bad_filter_is_a_400(client):
    response = client.get("/en/events.ics?year=abc")
    assert response.status_code == 400
    assert response.content.decode() == "year: Enter a whole number."


def test_list_ics_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for _ in range(3):
            EventFactory(start_time=datetime.time(10)).topics.add(TopicFactory())

    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get("/en/events.ics?kind=round_table"), grow
    )
    assert before == after


def test_list_ics_is_kept_until_an_event_changes(client, data_queries):
    EventFactory(title_en="First")
    client.get("/en/events.ics")  # warm the per-process caches
    cache.clear()
    cold = data_queries(lambda: client.get("/en/events.ics"))
    warm = data_queries(lambda: client.get("/en/events.ics"))
    # Warm, only the time of the latest change is read, to know the copy is fresh.
    assert [sql.split(" FROM ")[0] for sql in warm] == [
        'SELECT MAX("events_event"."updated_at") AS "latest"'
    ]
    assert len(cold) > len(warm)
    EventFactory(title_en="Second")
    calendar = client.get("/en/events.ics").content.decode()
    assert "SUMMARY:Second" in calendar
