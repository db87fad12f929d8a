"""The home page (website/views/home.py, website/pages/home.py)."""

import datetime

import pytest

from events.models import Event
from tests.factories import (
    CompetitionFactory,
    EventFactory,
)
from tests.pages import (
    fetch,
    fetch_page,
    list_titles,
    queries_before_and_after_growth,
    section_of,
    text,
)

pytestmark = pytest.mark.django_db


def test_home_lists_upcoming_and_recent_events(client):
    today = datetime.date.today()
    EventFactory(title_en="Next week", start_date=today + datetime.timedelta(days=7))
    EventFactory(title_en="Tomorrow", start_date=today + datetime.timedelta(days=1))
    EventFactory(title_en="Last year", start_date=today - datetime.timedelta(days=365))
    EventFactory(title_en="Draft", start_date=today, status=Event.Status.DRAFT)
    tree = fetch_page(client, "/en/")
    assert list_titles(section_of(tree, "upcoming-heading")) == ["Tomorrow", "Next week"]
    assert list_titles(section_of(tree, "recent-heading")) == ["Last year"]
    assert text(tree.find(".//h1")) == "Public diplomacy events"


def test_home_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for days in (-3, 3):
            EventFactory(start_date=datetime.date.today() + datetime.timedelta(days=days))
        CompetitionFactory()

    before, after = queries_before_and_after_growth(
        count_queries, lambda: fetch(client, "/en/"), grow
    )
    assert before == after
