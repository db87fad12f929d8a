"""The search page over events, people and organizations (website/views/home.py)."""

import pytest

from events.search import refresh_event_search
from people.search import refresh_organization_search, refresh_person_search
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
)
from tests.models import ON_POSTGRESQL
from tests.pages import (
    check_page,
    fetch,
    fetch_page,
    headings,
    list_titles,
    queries_before_and_after_growth,
    section_of,
    text,
)
from tests.pages import text as pages_text
from tests.seed import SEED_TITLE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "text_typed"), [("en", "Kosachev"), ("ru", "Косачёв")])
def test_search_finds_events_people_and_organizations(client, seed, language, text_typed):
    tree = fetch_page(client, f"/{language}/search/?q={text_typed}")
    assert list_titles(section_of(tree, "found-events")) == [getattr(seed, f"title_{language}")]
    people = section_of(tree, "found-people")
    assert [link.get("href") for link in people.iter("a")] == [
        f"/{language}/people/konstantin-kosachev/"
    ]


@pytest.mark.parametrize("text_typed", ["Rossotrudnichestvo", "Россотрудничество"])
def test_search_finds_organizations_in_either_script(client, seed, text_typed):
    tree = fetch_page(client, f"/en/search/?q={text_typed}")
    organizations = section_of(tree, "found-organizations")
    assert [link.get("href") for link in organizations.iter("a")] == [
        "/en/organizations/rossotrudnichestvo/"
    ]
    assert list_titles(section_of(tree, "found-events")) == [SEED_TITLE]


def test_search_without_words_shows_the_form_only(client, seed):
    tree = fetch_page(client, "/en/search/?q=")
    assert [level for level, _ in headings(tree)] == [1]
    assert tree.find(".//input[@id='id_q']").get("value") == ""


def test_search_rejects_an_overlong_query(client):
    tree = fetch_page(client, "/en/search/?q=" + "a" * 201, 400)
    assert text(tree.find(".//p[@class='notice notice--error']")) == (
        "Ensure this value has at most 200 characters (it has 201)."
    )


def test_search_queries_do_not_grow_with_rows(client, count_queries):
    def grow():
        for _ in range(3):
            person = PersonFactory(family_name_en="Ivanova")
            organization = OrganizationFactory(name_en="Ivanova foundation")
            event = EventFactory()
            ParticipationFactory(event=event, person=person)
            refresh_person_search([person.pk])
            refresh_organization_search([organization.pk])
            refresh_event_search([event.pk])

    before, after = queries_before_and_after_growth(
        count_queries, lambda: fetch(client, "/en/search/?q=Ivanova"), grow
    )
    assert before == after


@pytest.mark.parametrize(
    ("text", "status", "shown"),
    [
        # On PostgreSQL one letter is a word, not a prefix, so that it cannot
        # make the database read every row; SQLite matches any substring.
        ("а", 200, "0 events" if ON_POSTGRESQL else "1 event"),
        ("а " * 50, 200, "0 events" if ON_POSTGRESQL else "1 event"),
        # Only the first eight words count; the seed event still matches.
        ("Kosachev " * 20, 200, "1 event"),
        ("x" * 201, 400, "Ensure this value has at most 200 characters (it has 201)."),
    ],
)
def test_search_takes_very_short_and_very_long_queries(client, seed, text, status, shown):
    response = client.get("/en/search/", {"q": text})
    assert response.status_code == status
    assert shown in pages_text(check_page(response.content).find(".//main"))


def test_search_ranks_the_newest_matches_only_and_says_more_than(client, count_queries):
    import datetime

    from django.contrib.auth.models import AnonymousUser

    from events.models import Event
    from events.selectors.listing import search_event_matches

    day = datetime.date(2023, 1, 1)
    for number in range(5):
        EventFactory(
            slug=f"forum-{number}",
            title_en=f"Forum {number}" if number != 3 else "Meeting",
            summary_en="A forum." if number == 3 else "",
            start_date=day + datetime.timedelta(days=number),
        )
    refresh_event_search(Event.objects.values_list("pk", flat=True))

    matches = search_event_matches(AnonymousUser(), "forum", limit=2, candidates=3)
    # The three newest matches (4, 3, 2) are ranked; a title match first.
    assert [event.slug for event in matches.events] == ["forum-4", "forum-2"]
    assert (matches.total, matches.more) == (3, True)
    every = search_event_matches(AnonymousUser(), "forum", limit=10, candidates=10)
    assert (every.total, every.more) == (5, False)
    assert [event.slug for event in every.events][:4] == [
        "forum-4",
        "forum-2",
        "forum-1",
        "forum-0",
    ]
    # Matches through a name first, then the newest matches, then their ranking.
    assert count_queries(lambda: search_event_matches(AnonymousUser(), "forum", limit=2)) == (
        3 if ON_POSTGRESQL else 2
    )


def test_search_page_says_more_than_when_matches_pass_the_shortlist(client, monkeypatch):
    from events.models import Event
    from events.selectors import listing

    monkeypatch.setattr(listing.search_event_matches, "__kwdefaults__", {"candidates": 3})
    for number in range(5):
        EventFactory(title_en=f"Forum {number}")
    refresh_event_search(Event.objects.values_list("pk", flat=True))
    tree = fetch_page(client, "/en/search/?q=forum")
    assert text(tree.find(".//h2[@id='found-events']")) == "More than 3 events"
    ru = fetch_page(client, "/ru/search/?q=forum")
    assert text(ru.find(".//h2[@id='found-events']")) == "Более 3 событий"
