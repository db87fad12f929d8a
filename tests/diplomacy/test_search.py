"""Search folding (diplomacy/search.py): Kyrgyz letters and their Russian
look-alikes, apostrophes and modifier letters, soft-sign variants, with the
exact spelling first; on whichever database the suite runs (SQLite by
default, PostgreSQL with DATABASE_URL), each test checking it took that
database's own path."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from diplomacy.search import fold_text
from events.search import refresh_event_search
from people.models import Organization
from people.selectors import search_organizations, search_people
from people.services import organization_save, person_create
from tests.factories import EventFactory, ParticipationFactory
from tests.pages import fetch_page, list_titles, section_of

pytestmark = pytest.mark.django_db


def _person(**names):
    return person_create(fields=names)


def _found(text: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        people = [person.slug for person in search_people(text, limit=10)]
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    # The path taken is the database's own: full text on PostgreSQL, the
    # folding function registered on SQLite.
    if connection.vendor == "postgresql":
        assert "@@" in sql
        assert "diplomacy_fold" not in sql
    else:
        assert "diplomacy_fold(" in sql
    return people


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Өмүрбек", "омурбек"),
        ("Чыңгыз", "чынгыз"),
        ("Үсөн", "усон"),
        ("Косачёв", "косачев"),
        ("Gʻofur Gʻulom", "gofur gulom"),
        ("O'tkir", "otkir"),
        ("O’tkir", "otkir"),
        ("Oʼtkir", "otkir"),
        ("Гульнара", "гулнара"),
    ],
)
def test_fold_text_folds_look_alikes_marks_and_the_soft_sign(text, folded):
    assert fold_text(text) == folded


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        # Kyrgyz letters typed with their Russian look-alikes, and back.
        ({"given_name_ky": "Чыңгыз", "family_name_ky": "Айтматов"}, "Чынгыз Айтматов"),
        ({"given_name_ky": "Өмүрбек", "family_name_ky": "Текебаев"}, "Омурбек"),
        ({"given_name_ru": "Омурбек", "family_name_ru": "Текебаев"}, "Өмүрбек"),
        ({"given_name_ky": "Үсөн", "family_name_ky": "Сыдыков"}, "Усон Сыдыков"),
        # Uzbek Latin with the modifier letter, an apostrophe, a curly one, or none.
        ({"given_name_en": "Gʻofur", "family_name_en": "Gʻulom"}, "G'ofur G'ulom"),
        ({"given_name_en": "Gʻofur", "family_name_en": "Gʻulom"}, "G’ofur"),
        ({"given_name_en": "Gʻofur", "family_name_en": "Gʻulom"}, "Gofur Gulom"),
        ({"given_name_en": "O'tkir", "family_name_en": "Hoshimov"}, "Oʻtkir"),
        ({"given_name_en": "Otkir", "family_name_en": "Hoshimov"}, "O‘tkir Hoshimov"),
        # Soft-sign variants of a name, either way.
        ({"given_name_ru": "Гульнара", "family_name_ru": "Исаева"}, "Гулнара"),
        ({"given_name_ky": "Гүлнара", "family_name_ky": "Исаева"}, "Гульнара"),
    ],
)
def test_people_are_found_across_spellings(stored, typed):
    person = _person(**stored)
    _person(given_name_en="Someone", family_name_en="Else")
    assert _found(typed) == [person.slug]


def test_the_exact_spelling_ranks_first():
    kyrgyz = _person(given_name_ky="Өмүрбек", family_name_ky="Текебаев")
    russian = _person(given_name_ru="Омурбек", family_name_ru="Бабанов")
    assert _found("Өмүрбек") == [kyrgyz.slug, russian.slug]
    assert _found("Омурбек") == [russian.slug, kyrgyz.slug]


def test_organizations_are_found_without_the_apostrophe():
    organization = organization_save(
        organization=Organization(name_en="Oʻzbekiston Yoshlar Ittifoqi", kind="ngo")
    )
    organization_save(organization=Organization(name_en="Youth Union", kind="ngo"))
    for typed in ("O'zbekiston", "Ozbekiston yoshlar", "O’zbekiston"):
        assert [found.pk for found in search_organizations(typed, limit=5)] == [organization.pk]


def test_the_search_page_and_the_event_list_fold_the_same_way(client):
    person = _person(given_name_ky="Чыңгыз", family_name_ky="Айтматов")
    event = EventFactory(title_en="Reading evening")
    ParticipationFactory(event=event, person=person)
    refresh_event_search([event.pk])
    tree = fetch_page(client, "/ky/search/?q=Чынгыз")
    people = section_of(tree, "found-people")
    assert [link.get("href") for link in people.iter("a")] == [f"/ky/people/{person.slug}/"]
    assert list_titles(fetch_page(client, "/en/events/?q=Чынгыз")) == ["Reading evening"]
