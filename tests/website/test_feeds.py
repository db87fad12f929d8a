"""The Atom feed (website/feeds.py), read back with feedparser; feeds and
calendars with odd characters."""

import datetime

import feedparser
import icalendar
import pytest

from events.models import Event
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
