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
