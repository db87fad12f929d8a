"""The event list's filters and orderings in the API (events/api/filters.py,
events/selectors/listing.py)."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Event
from tests.factories import (
    CountryFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    RegionFactory,
    TopicFactory,
)
from tests.http import slugs_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def kyrgyzstan():
    return CountryFactory(code="QK")


def test_filter_kind(api_client):
    EventFactory(slug="a", kind="forum")
    EventFactory(slug="b", kind="round_table")
    assert slugs_of(api_client, "kind=forum") == ["a"]


def test_filter_country_matches_host_or_participating(api_client, kyrgyzstan):
    EventFactory(slug="hosted", host_country=kyrgyzstan)
    EventFactory(slug="joined").countries.add(kyrgyzstan)
    EventFactory(slug="elsewhere")
    assert sorted(slugs_of(api_client, "country=qk")) == ["hosted", "joined"]
    assert slugs_of(api_client, "host_country=QK") == ["hosted"]


def test_filter_region_and_city(api_client, kyrgyzstan):
    region = RegionFactory(country=kyrgyzstan, code="QK-GB")
    EventFactory(
        slug="bishkek", host_country=kyrgyzstan, region=region, city_en="Bishkek", city_ru="Бишкек"
    )
    EventFactory(slug="osh", host_country=kyrgyzstan, city_en="Osh")
    assert slugs_of(api_client, "region=QK-GB") == ["bishkek"]
    assert slugs_of(api_client, "city=бишкек") == ["bishkek"]
    assert slugs_of(api_client, "city=Bishkek") == ["bishkek"]


def test_filter_organization_person_parent_topic(api_client):
    organization, person, topic = (
        OrganizationFactory(slug="apr"),
        PersonFactory(slug="kosachev"),
        TopicFactory(slug="culture"),
    )
    parent = EventFactory(slug="parent")
    with_org = EventFactory(slug="with-org", parent=parent)
    EventOrganizationFactory(event=with_org, organization=organization)
    ParticipationFactory(event=EventFactory(slug="with-person"), person=person)
    EventFactory(slug="with-topic").topics.add(topic)
    assert slugs_of(api_client, "organization=apr") == ["with-org"]
    assert slugs_of(api_client, "person=kosachev") == ["with-person"]
    assert slugs_of(api_client, "parent=parent") == ["with-org"]
    assert slugs_of(api_client, "topic=culture") == ["with-topic"]


def test_filter_organization_involved_adds_its_people(api_client):
    apr = OrganizationFactory(slug="apr")
    EventOrganizationFactory(event=EventFactory(slug="role"), organization=apr)
    ParticipationFactory(
        event=EventFactory(slug="on-behalf"),
        person=PersonFactory(),
        position=None,
        organization=apr,
    )
    holder = PersonFactory()
    ParticipationFactory(
        event=EventFactory(slug="post-holder"),
        person=holder,
        position=PositionFactory(person=holder, organization=apr),
    )
    ParticipationFactory(event=EventFactory(slug="unrelated"))
    assert slugs_of(api_client, "organization=apr") == ["role"]
    assert sorted(slugs_of(api_client, "organization_involved=apr")) == [
        "on-behalf",
        "post-holder",
        "role",
    ]


def test_filter_dates_and_year(api_client):
    EventFactory(slug="y2022", start_date=datetime.date(2022, 12, 31))
    EventFactory(slug="y2023", start_date=datetime.date(2023, 4, 24))
    EventFactory(slug="y2024", start_date=datetime.date(2024, 1, 1))
    assert slugs_of(api_client, "year=2023") == ["y2023"]
    assert slugs_of(api_client, "start_after=2023-01-01&ordering=start") == ["y2023", "y2024"]
    assert slugs_of(api_client, "start_before=2023-04-24&ordering=start") == ["y2022", "y2023"]


def test_filter_updated_since(api_client):
    old = EventFactory(slug="old")
    Event.objects.filter(pk=old.pk).update(updated_at=timezone.now() - datetime.timedelta(days=3))
    EventFactory(slug="new")
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert slugs_of(api_client, f"updated_since={since.replace('+', '%2B')}") == ["new"]


def test_filter_updated_since_accepts_any_iso_offset(api_client):
    EventFactory(slug="new")
    # ISO 8601 allows offsets beyond PostgreSQL's ±15:59.
    assert slugs_of(api_client, "updated_since=2024-01-01T00:00:00%2B17:45") == ["new"]


def test_filter_q_in_both_scripts(api_client):
    event = EventFactory(slug="forum", title_en="Youth forum", title_ru="Молодёжный форум")
    ParticipationFactory(
        event=event, person=PersonFactory(family_name_en="Zorin", family_name_ru="Зорин")
    )
    EventFactory(slug="other", title_en="Exhibition", title_ru="Выставка")
    # Factories write rows directly; the services would have indexed them.
    call_command("rebuild_search_index")
    assert slugs_of(api_client, "q=Зорин") == ["forum"]
    assert slugs_of(api_client, "q=youth") == ["forum"]
    assert slugs_of(api_client, "q=Молодёжный") == ["forum"]


def test_filters_combine(api_client, kyrgyzstan):
    EventFactory(
        slug="match",
        kind="round_table",
        host_country=kyrgyzstan,
        start_date=datetime.date(2023, 4, 24),
    )
    EventFactory(
        slug="wrong-year",
        kind="round_table",
        host_country=kyrgyzstan,
        start_date=datetime.date(2022, 4, 24),
    )
    EventFactory(
        slug="wrong-kind",
        kind="forum",
        host_country=kyrgyzstan,
        start_date=datetime.date(2023, 4, 24),
    )
    assert slugs_of(api_client, "country=QK&year=2023", "/api/v1/round-tables/") == ["match"]
    assert slugs_of(api_client, "kind=round_table&country=QK&year=2023") == ["match"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("start", ["b", "a", "c"]),
        ("-start", ["c", "a", "b"]),
        ("title", ["a", "b", "c"]),
        ("-title", ["c", "b", "a"]),
        ("updated_at", ["a", "b", "c"]),
        ("-updated_at", ["c", "b", "a"]),
    ],
)
def test_ordering(api_client, ordering, expected):
    now = timezone.now()
    for offset, (slug, title, day) in enumerate(
        [("a", "Alpha", 10), ("b", "Beta", 1), ("c", "Gamma", 20)]
    ):
        event = EventFactory(slug=slug, title_en=title, start_date=datetime.date(2023, 5, day))
        Event.objects.filter(pk=event.pk).update(
            updated_at=now + datetime.timedelta(minutes=offset)
        )
    assert slugs_of(api_client, f"ordering={ordering}") == expected


def test_default_ordering_is_newest_first_with_times_within_a_day(api_client):
    EventFactory(
        slug="morning", start_date=datetime.date(2023, 5, 1), start_time=datetime.time(9, 0)
    )
    EventFactory(
        slug="evening", start_date=datetime.date(2023, 5, 1), start_time=datetime.time(19, 0)
    )
    EventFactory(slug="all-day", start_date=datetime.date(2023, 5, 1))
    EventFactory(slug="later", start_date=datetime.date(2023, 6, 1))
    assert slugs_of(api_client, "") == ["later", "evening", "morning", "all-day"]


@pytest.mark.parametrize(
    ("query", "attr", "detail"),
    [
        ("year=abc", "year", "Enter a whole number."),
        ("year=0", "year", "Ensure this value is greater than or equal to 1."),
        ("kind=party", "kind", "Select a valid choice. party is not one of the available choices."),
        (
            "country=QQQ",
            "country",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        (
            "organization=nobody",
            "organization",
            "Select a valid choice. That choice is not one of the available choices.",
        ),
        ("start_after=24.04.2023", "start_after", "Enter a valid date."),
        ("updated_since=yesterday", "updated_since", "Enter a valid date/time."),
        ("updated_since=0001-01-01T00:00:00%2B05:00", "updated_since", "Enter a valid date/time."),
        (
            "ordering=random",
            "ordering",
            "Select a valid choice. random is not one of the available choices.",
        ),
        ("page_size=0", "page_size", "A whole number from 1 to 100."),
        ("page_size=101", "page_size", "A whole number from 1 to 100."),
        ("page_size=ten", "page_size", "A whole number from 1 to 100."),
        (
            "cursor=nonsense",
            "cursor",
            "This cursor is not valid here; follow the `next` link as given.",
        ),
    ],
)
def test_bad_values_are_400_naming_the_parameter(api_client, query, attr, detail):
    response = api_client.get(f"/api/v1/events/?{query}")
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert [(error["attr"], error["detail"]) for error in errors] == [(attr, detail)]
