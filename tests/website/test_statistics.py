"""The statistics page (website/views/home.py, website/pages/statistics.py)."""

import datetime
import itertools

import pytest
from django.core.cache import cache

from events.models import Event
from people.models import Country
from tests.factories import (
    CountryFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
)
from tests.pages import (
    fetch,
    fetch_page,
    queries_before_and_after_growth,
    section_of,
    text,
)

pytestmark = pytest.mark.django_db


def test_statistics_page_draws_charts_of_public_events(client):
    kg, ru = Country.objects.get(code="KG"), Country.objects.get(code="RU")
    organization = OrganizationFactory(name_en="Union", short_name_en="")
    for year, kind, host in [(2022, "forum", kg), (2023, "forum", kg), (2023, "seminar", ru)]:
        event = EventFactory(start_date=datetime.date(year, 5, 1), kind=kind, host_country=host)
        EventOrganizationFactory(event=event, organization=organization)
    # Involved twice in the last event (a role and a participant on its behalf),
    # and the host also listed among the participating countries: each counts once.
    ParticipationFactory(
        event=event, person=None, position=None, organization=organization, position_title_en="Head"
    )
    event.countries.add(ru)
    EventFactory(status=Event.Status.DRAFT, start_date=datetime.date(2019, 1, 1))
    tree = fetch_page(client, "/en/statistics/")

    def chart(chart_id):
        bars = section_of(tree, f"{chart_id}-heading").find(".//ol[@class='bars']")
        return [
            (
                text(bar.find(".//span[@class='bar__label']")),
                int(text(bar.find(".//span[@class='bar__value']"))),
            )
            for bar in bars.iter("a")
        ]

    assert chart("per-year") == [("2022", 1), ("2023", 2)]
    assert chart("per-kind") == [("Forum", 2), ("Seminar", 1)]
    assert chart("per-host-country") == [("Kyrgyzstan", 2), ("Russia", 1)]
    assert chart("top-organizations") == [("Union", 3)]
    assert chart("top-countries") == [("Kyrgyzstan", 2), ("Russia", 1)]
    totals = {
        text(row.find("dt")): text(row.find("dd")) for row in tree.find(".//dl[@class='totals']")
    }
    assert totals == {
        "Events": "3",
        "People taking part": "0",
        "Organizations involved": "1",
        "Countries involved": "2",
    }
    rows = section_of(tree, "per-year-heading").find(".//table/tbody")
    assert [link.get("href") for link in rows.iter("a")] == [
        "/en/events/?year=2022",
        "/en/events/?year=2023",
    ]
    # Every bar is a link to the events behind it, as the table's rows are.
    links = {
        chart_id: [bar.get("href") for bar in section_of(tree, f"{chart_id}-heading").iter("a")]
        for chart_id in ("per-kind", "top-organizations", "top-countries")
    }
    assert links["per-kind"][:2] == ["/en/events/?kind=forum", "/en/events/?kind=seminar"]
    assert links["top-organizations"][0] == (
        f"/en/events/?organization_involved={organization.slug}"
    )
    assert links["top-countries"][:2] == ["/en/events/?country=kg", "/en/events/?country=ru"]
    # Labels are text that wraps, never cut short.
    assert not any("…" in label for label, _value in chart("top-organizations"))


def test_statistics_show_every_organization_tied_with_the_last_shown(client):
    organizations = [OrganizationFactory(short_name_en=f"Org {n:02d}") for n in range(12)]
    for organization in organizations:
        EventOrganizationFactory(event=EventFactory(), organization=organization)
    # Org 00 in two events; the eleven others tie for the tenth place.
    EventOrganizationFactory(event=EventFactory(), organization=organizations[0])
    tree = fetch_page(client, "/en/statistics/")
    bars = section_of(tree, "top-organizations-heading").find(".//ol[@class='bars']")
    labels = [text(label) for label in bars.iter("span") if label.get("class") == "bar__label"]
    assert labels == [f"Org {n:02d}" for n in range(12)]


def test_statistics_figures_are_cached_until_an_event_changes(client, data_queries):
    EventFactory(kind="forum", start_date=datetime.date(2022, 1, 1))
    fetch(client, "/en/statistics/")  # warm the per-process caches
    cache.clear()
    cold = data_queries(lambda: fetch(client, "/en/statistics/"))
    warm = data_queries(lambda: fetch(client, "/en/statistics/"))
    # Warm: each cached figure's freshness (the latest change to an event),
    # and the names of the countries shown (no organization has events here).
    freshness = 'SELECT MAX("events_event"."updated_at") AS "latest" FROM "events_event"'
    assert [sql if sql == freshness else sql.split(" FROM ")[1].split()[0] for sql in warm] == [
        freshness,
        '"people_country"',
        freshness,
        freshness,
        '"people_country"',
    ]
    assert len(cold) > len(warm)
    EventFactory(kind="forum", start_date=datetime.date(2023, 1, 1))
    tree = fetch_page(client, "/en/statistics/")
    rows = section_of(tree, "per-year-heading").find(".//table/tbody")
    assert [link.get("href") for link in rows.iter("a")] == [
        "/en/events/?year=2022",
        "/en/events/?year=2023",
    ]


def test_statistics_page_queries_do_not_grow_with_rows(client, count_queries):
    years = itertools.count(2000)

    def grow():
        for kind in ("forum", "seminar"):
            event = EventFactory(
                kind=kind,
                start_date=datetime.date(next(years), 1, 1),
                host_country=CountryFactory(),
            )
            EventOrganizationFactory(event=event)
            ParticipationFactory(event=event)

    before, after = queries_before_and_after_growth(
        count_queries, lambda: fetch(client, "/en/statistics/"), grow
    )
    assert before == after
