"""Competitions and a competition's page (website/views/competitions.py,
website/pages/competition.py)."""

import itertools

import pytest

from people.models import Country
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    NominationFactory,
    OrganizationFactory,
    RegionFactory,
)
from tests.pages import (
    fetch,
    fetch_page,
    list_titles,
    queries_before_and_after_growth,
    section_of,
    text,
)
from tests.seed import SEED_TITLE

pytestmark = pytest.mark.django_db


def test_competition_page_shows_reported_figures(client, seed):
    tree = fetch_page(client, "/en/competitions/leader-of-peoples-diplomacy/")
    assert text(tree.find(".//h1")) == "Leader of People’s Diplomacy"
    edition = section_of(tree, "edition-2022")
    figures = {text(row.find("dt")): row.find("dd") for row in edition.find(".//dl").findall("div")}
    assert list(figures) == [
        "As reported by the organizers",
        "In the organizers' words",
        "Countries named",
    ]
    assert [text(item) for item in figures["As reported by the organizers"].iter("li")] == [
        "34 regions",
        "23 countries",
    ]
    assert text(figures["In the organizers' words"]) == (
        "Representatives of the non-profit sector from 34 regions of Russia and 23 countries"
    )
    assert [text(item) for item in figures["Countries named"].iter("li")] == [
        "Canada",
        "France",
        "Georgia",
        "India",
        "Italy",
        "Mexico",
        "Moldova",
        "Romania",
        "Saudi Arabia",
        "Türkiye",
        "Uzbekistan",
    ]
    events = section_of(tree, "edition-2023")
    assert list_titles(events) == [SEED_TITLE]


def test_competition_page_derives_figures_from_entries_and_lists_winners(client):
    edition = EditionFactory(year=2024, reported_countries=3)
    nomination = NominationFactory(edition=edition, title_en="Best project")
    kg_region = RegionFactory(country=Country.objects.get(code="KG"), code="KG-XX")
    winner = EntryFactory(
        edition=edition,
        nomination=nomination,
        result="winner",
        country=kg_region.country,
        region=kg_region,
    )
    EntryFactory(
        edition=edition,
        nomination=nomination,
        result="laureate",
        country=Country.objects.get(code="RU"),
    )
    EntryFactory(edition=edition, nomination=None, result="participant")
    tree = fetch_page(client, edition.competition.get_absolute_url())
    section = section_of(tree, "edition-2024")
    figures = {text(row.find("dt")): row.find("dd") for row in section.find(".//dl").findall("div")}
    assert {name: [text(item) for item in dd.iter("li")] for name, dd in figures.items()} == {
        "As reported by the organizers": ["3 countries"],
        "From the entries on record": ["3 entries", "1 region", "2 countries"],
    }
    assert [text(h3) for h3 in section.iter("h3")] == [
        "Figures",
        "Winners",
        "Nominations and entries",
    ]
    assert [text(h4) for h4 in section.iter("h4")] == ["Best project", "Outside any nomination"]
    winners = section.find(".//ul[@class='people-list']")
    assert text(winners) == f"{winner.person.name} ({kg_region.name_en}, Kyrgyzstan) — Best project"
    assert winners.find("li/a").get("href") == winner.person.get_absolute_url()
    badges = [
        text(badge) for badge in section.iter("span") if "badge" in (badge.get("class") or "")
    ]
    assert badges == ["Winner", "Laureate", "Participant"]


def test_competition_pages_query_counts_do_not_grow_with_rows(client, count_queries):
    competition = CompetitionFactory()
    years = itertools.count(2000)

    def grow():
        edition = EditionFactory(competition=competition, year=next(years))
        nomination = NominationFactory(edition=edition)
        for _ in range(2):
            EntryFactory(edition=edition, nomination=nomination, organization=OrganizationFactory())
            EventFactory(edition=edition)
        edition.countries.add(CountryFactory())
        competition.organizers.add(OrganizationFactory())
        # Another competition, for the list of competitions.
        CompetitionFactory()

    for url in (competition.get_absolute_url(), "/en/competitions/"):
        before, after = queries_before_and_after_growth(
            count_queries, lambda url=url: fetch(client, url), grow
        )
        assert before == after


def test_competition_list_counts_editions(client, seed):
    tree = fetch_page(client, "/en/competitions/")
    assert [text(item) for item in tree.find(".//main//ul").findall("li")] == [
        "Leader of People’s Diplomacy 2 editions"
    ]
