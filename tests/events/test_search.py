"""Search over events, people and organizations in Latin and Cyrillic."""

import pytest
from django.core.management import call_command

from diplomacy.search import search
from events.models import Event
from events.search import search_events
from events.services import event_create
from people.models import Person
from people.services import person_create, person_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_data")
    return Event.objects.get()


def _found(text: str) -> list[str]:
    return list(search_events(Event.objects.all(), text).values_list("slug", flat=True))


@pytest.mark.parametrize(
    "text",
    ["Kosachev", "Косачёв", "Rossotrudnichestvo", "Россотрудничество", "Bishkek", "Бишкек"],
)
def test_search_finds_the_seed_event_by_names_in_either_script(demo, text):
    assert _found(text) == [demo.slug]


@pytest.mark.parametrize(
    "text",
    # ё typed as е; a prefix; a topic; a participant's title.
    ["Косачев", "Косач", "образование", "Education", "ректор"],
)
def test_search_matches_prefixes_folded_letters_topics_and_titles(demo, text):
    assert _found(text) == [demo.slug]


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["Бишкеке", "дипломатией", "round tables"])
def test_search_matches_russian_and_english_inflections(demo, text):
    assert _found(text) == [demo.slug]


@pytest.mark.parametrize("text", ["Nobody", "", "   ", "&|!:*()"])
def test_search_without_matches_is_empty(demo, text):
    assert _found(text) == []


@pytest.mark.postgresql  # SQLite searches the live columns: no index to refresh
def test_search_sees_a_renamed_person_at_once():
    person = person_create(fields={"given_name_en": "Anna", "family_name_en": "Ivanova"})
    event = event_create(
        fields={
            "title_en": "Forum",
            "kind": "forum",
            "start_date": "2024-01-01",
            "status": "published",
        },
        participants=[{"person": person, "role": "speaker"}],
    )
    person_update(person=person, fields={"family_name_ru": "Иванова"})
    assert _found("Иванова") == [event.slug]
    people = search(Person.objects.all(), "Иванова", fallback_fields=["family_name_ru"])
    assert list(people) == [person]


@pytest.mark.postgresql
@pytest.mark.parametrize("text", ["Kosachov", "Kossachev", "Косачов", "Konstantin Kosachov"])
def test_search_finds_names_spelt_slightly_differently(demo, text):
    assert _found(text) == [demo.slug]
    people = search(Person.objects.all(), text, fallback_fields=(), similar_field="search_names")
    assert [person.slug for person in people] == ["konstantin-kosachev"]


@pytest.mark.postgresql
def test_a_misspelt_name_in_the_api_and_on_the_site(client, demo):
    api = client.get("/api/v1/people/?q=Smirnowa").json()["results"]
    assert [row["slug"] for row in api] == ["svetlana-smirnova"]
    page = client.get("/en/search/?q=Smirnowa").content.decode()
    assert "/en/people/svetlana-smirnova/" in page
