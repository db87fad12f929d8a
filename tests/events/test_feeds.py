"""iCal, Atom, sitemaps and robots.txt, read back by real parsers."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.test import Client

from events.models import Event
from people.models import Country
from tests.factories import (
    CompetitionFactory,
    EventFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)
from tests.pages import queries_before_and_after_growth
from website.sitemaps import EventSitemap

pytestmark = pytest.mark.django_db

SEED = "round-table-public-diplomacy-russia-kyrgyzstan-2023"
SITE = "http://localhost:8000"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def seed(db):
    call_command("load_demo_data")
    return Event.objects.get(slug=SEED)


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


# --- iCal ----------------------------------------------------------------------


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
    assert str(event["LOCATION"]) == "Bishkek, Bishkek Shaary, Kyrgyzstan"
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


def test_event_ics_spanning_days_without_an_end_time_is_all_day(client):
    event = EventFactory(start_time=datetime.time(9, 0), end_date=datetime.date(2023, 4, 26))
    (component,) = _events(_calendar(client, f"/en/events/{event.slug}.ics"))
    assert (component["DTSTART"].dt, component["DTEND"].dt) == (
        datetime.date(2023, 4, 24),
        datetime.date(2023, 4, 27),
    )


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


# --- Atom ----------------------------------------------------------------------


def test_atom_feed_lists_public_events_latest_change_first(client, seed):
    older = EventFactory(title_en="Cancelled meeting", status="cancelled")
    EventFactory(title_en="Draft", status=Event.Status.DRAFT)
    Event.objects.filter(pk=older.pk).update(
        updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    )
    response = client.get("/en/events/feed.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Public diplomacy events"
    assert feed.feed.link == f"{SITE}/en/events/"
    assert [entry.title for entry in feed.entries] == [
        seed.title_en,
        "Cancelled: Cancelled meeting",
    ]
    entry = feed.entries[0]
    assert entry.link == f"{SITE}/en/events/{SEED}/"
    assert entry.id == f"{SITE}/en/events/{SEED}/"
    assert entry.summary == seed.summary_en
    assert [tag.term for tag in entry.tags] == [
        "Culture",
        "Education",
        "Information space",
        "Interethnic relations",
        "Science",
    ]
    assert entry.updated_parsed[:6] == seed.updated_at.utctimetuple()[:6]


def test_atom_feed_in_russian(client, seed):
    feed = feedparser.parse(client.get("/ru/events/feed.atom").content)
    assert feed.feed.language == "ru"
    assert [entry.title for entry in feed.entries] == [seed.title_ru]


def test_atom_feed_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for _ in range(3):
            EventFactory().topics.add(TopicFactory())

    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get("/en/events/feed.atom"), grow
    )
    assert before == after


# --- sitemaps and robots ---------------------------------------------------------


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    # Our own responses, not untrusted XML.
    return ET.fromstring(response.content)  # noqa: S314


def _sitemap(client, url):
    """{address: {hreflang: alternate}} of a sitemap section."""
    root = _xml(client, url)
    assert root.tag == f"{SITEMAP}urlset"
    return {
        entry.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")
        }
        for entry in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_index_lists_a_sitemap_per_kind_of_page(client):
    root = _xml(client, "/sitemap.xml")
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert [entry.find(f"{SITEMAP}loc").text for entry in root] == [
        f"{SITE}/sitemap-{section}.xml"
        for section in ("pages", "events", "competitions", "people", "organizations", "countries")
    ]


def test_sitemap_lists_every_public_event_in_every_language(client, seed):
    cancelled = EventFactory(status="cancelled")
    EventFactory(status=Event.Status.DRAFT, slug="secret")
    urls = _sitemap(client, "/sitemap-events.xml")
    expected = {
        f"{SITE}/{language}/events/{slug}/"
        for slug in (SEED, cancelled.slug)
        for language in ("en", "ru", "ky")
    }
    assert set(urls) == expected
    assert urls[f"{SITE}/ru/events/{SEED}/"] == {
        "en": f"{SITE}/en/events/{SEED}/",
        "ru": f"{SITE}/ru/events/{SEED}/",
        "ky": f"{SITE}/ky/events/{SEED}/",
        "x-default": f"{SITE}/events/{SEED}/",
    }


def test_sitemap_pages_split_items_and_languages_without_gaps(client, monkeypatch):
    monkeypatch.setattr(EventSitemap, "limit", 4)
    slugs = [EventFactory().slug for _ in range(3)]
    index = [entry.find(f"{SITEMAP}loc").text for entry in _xml(client, "/sitemap.xml")]
    assert index[1:4] == [
        f"{SITE}/sitemap-events.xml",
        f"{SITE}/sitemap-events.xml?p=2",
        f"{SITE}/sitemap-events.xml?p=3",
    ]
    pages = [list(_sitemap(client, f"/sitemap-events.xml?p={number}")) for number in (1, 2, 3)]
    assert [len(page) for page in pages] == [4, 4, 1]
    assert sorted(url for page in pages for url in page) == sorted(
        f"{SITE}/{language}/events/{slug}/" for slug in slugs for language in ("en", "ru", "ky")
    )


def test_sitemap_lists_people_organizations_competitions_countries_and_pages(client, seed):
    people = _sitemap(client, "/sitemap-people.xml")
    assert f"{SITE}/ky/people/konstantin-kosachev/" in people
    assert len(people) == 9 * 3
    organizations = _sitemap(client, "/sitemap-organizations.xml")
    assert len(organizations) == 13 * 3
    assert set(_sitemap(client, "/sitemap-competitions.xml")) == {
        f"{SITE}/{language}/competitions/leader-of-peoples-diplomacy/"
        for language in ("en", "ru", "ky")
    }
    countries = {url.split("/")[-2] for url in _sitemap(client, "/sitemap-countries.xml")}
    assert countries == {"kg", "ru"}
    pages = _sitemap(client, "/sitemap-pages.xml")
    assert f"{SITE}/en/statistics/" in pages
    assert f"{SITE}/ky/events/" in pages


def test_sitemap_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for _ in range(3):
            EventFactory()
            PersonFactory()
            OrganizationFactory()
            CompetitionFactory()

    for section in ("events", "people", "organizations", "competitions", "countries"):
        before, after = queries_before_and_after_growth(
            count_queries, lambda section=section: client.get(f"/sitemap-{section}.xml"), grow
        )
        assert before == after
    before, after = queries_before_and_after_growth(
        count_queries, lambda: client.get("/sitemap.xml"), grow
    )
    assert before == after


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /i18n/",
        "Disallow: /en/search/",
        "Disallow: /ru/search/",
        "Disallow: /ky/search/",
        "",
        f"Sitemap: {SITE}/sitemap.xml",
    ]


def test_feeds_survive_control_characters_written_around_the_services(client):
    event = EventFactory(slug="odd")
    Event.objects.filter(pk=event.pk).update(
        title_en="Line one\nline two\x0b", summary_en="Tab\tand vertical\x0btab"
    )
    atom = feedparser.parse(client.get("/en/events/feed.atom").content)
    assert [entry.title for entry in atom.entries] == ["Line one line two"]
    calendar = icalendar.Calendar.from_ical(client.get("/en/events/odd.ics").content)
    assert [str(component["summary"]) for component in calendar.walk("VEVENT")] == [
        "Line one line two"
    ]


def test_list_ics_is_kept_until_an_event_changes(client, count_queries):
    EventFactory(title_en="First")
    first = count_queries(lambda: client.get("/en/events.ics"))
    again = count_queries(lambda: client.get("/en/events.ics"))
    assert again < first
    EventFactory(title_en="Second")
    calendar = client.get("/en/events.ics").content.decode()
    assert "SUMMARY:Second" in calendar
