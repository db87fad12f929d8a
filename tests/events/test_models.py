"""Invariants of events/ live in the database and surface as validation errors."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from events.models import Edition, Entry, Event, Participation, Quote
from tests.factories import (
    CountryFactory,
    EditionFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    RegionFactory,
)
from tests.models import database_rejects

pytestmark = pytest.mark.django_db


def _unique_violation(constraint: str, sqlite_columns: str, change) -> bool:
    """PostgreSQL names the unique constraint; SQLite its table and columns."""
    complaint = database_rejects(change)
    return constraint in complaint or f"unique constraint failed: {sqlite_columns}" in complaint


def _messages(instance) -> list[str]:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.messages


def test_event_ending_before_start_is_rejected():
    event = EventFactory()
    assert "event_ends_after_start" in database_rejects(
        lambda: Event.objects.filter(pk=event.pk).update(end_date=datetime.date(2023, 4, 23))
    )
    event.end_date = datetime.date(2023, 4, 23)
    assert _messages(event) == ["An event cannot end before it starts."]


def test_event_ending_before_start_time_on_the_same_day_is_rejected():
    event = EventFactory(start_time=datetime.time(18, 0))
    event.end_date = event.start_date
    event.end_time = datetime.time(9, 0)
    assert _messages(event) == ["An event cannot end before it starts."]
    assert "event_ends_after_start_time" in database_rejects(lambda: event.save())


def test_event_end_time_needs_a_start_time():
    event = EventFactory()
    event.end_time = datetime.time(9, 0)
    assert _messages(event) == ["Give a start time when you give an end time."]


def test_event_region_must_be_in_the_host_country():
    event = EventFactory(host_country=CountryFactory(code="QK"))
    event.region = RegionFactory(country=CountryFactory(code="QR"), code="QR-MOW")
    assert _messages(event) == ["The region must belong to the host country."]
    assert "event_region_in_host_country" in database_rejects(lambda: event.save())
    event.region = RegionFactory(country=event.host_country, code="QK-GB")
    event.full_clean()
    event.save()


def test_event_cannot_be_its_own_parent():
    event = EventFactory()
    assert "event_not_own_parent" in database_rejects(
        lambda: Event.objects.filter(pk=event.pk).update(parent=event)
    )


def test_event_timezone_must_exist():
    event = EventFactory.build(timezone="Mars/Olympus", host_country=CountryFactory())
    assert "“Mars/Olympus” is not a time zone; use a name such as Asia/Bishkek." in _messages(event)


def test_event_start_and_end_are_in_the_venue_time_zone():
    event = EventFactory(
        start_time=datetime.time(10, 0),
        end_date=datetime.date(2023, 4, 25),
        end_time=datetime.time(17, 30),
        timezone="Asia/Bishkek",
    )
    assert event.start.isoformat() == "2023-04-24T10:00:00+06:00"
    assert event.end.isoformat() == "2023-04-25T17:30:00+06:00"
    all_day = EventFactory(start_time=None)
    assert (all_day.start, all_day.end) == (datetime.date(2023, 4, 24), datetime.date(2023, 4, 24))


def test_person_appears_once_per_role_in_an_event():
    participation = ParticipationFactory()
    duplicate = Participation(
        event=participation.event, person=participation.person, role=participation.role
    )
    assert _messages(duplicate) == ["This person already has this role in the event."]
    assert _unique_violation(
        "participation_person_role_unique",
        "events_participation.event_id",
        lambda: duplicate.save(),
    )
    # The same person in another role is fine.
    Participation.objects.create(
        event=participation.event, person=participation.person, role="moderator"
    )


def test_participation_needs_a_person_or_an_organization():
    event = EventFactory()
    unnamed = Participation(event=event, role="attendee", position_title_en="Director")
    assert _messages(unnamed) == ["Choose a person, or the organization of an unnamed participant."]
    assert "participation_has_person_or_organization" in database_rejects(lambda: unnamed.save())
    unnamed.organization = OrganizationFactory()
    unnamed.full_clean()
    unnamed.save()


def test_participation_position_must_be_the_persons_own():
    participation = ParticipationFactory.build(
        event=EventFactory(), person=PersonFactory(), position=PositionFactory()
    )
    assert _messages(participation) == [
        "This position belongs to someone else; choose one of theirs."
    ]


def test_edition_year_is_unique_per_competition():
    edition = EditionFactory(year=2022)
    duplicate = Edition(competition=edition.competition, year=2022)
    assert _messages(duplicate) == ["This competition already has an edition that year."]
    assert _unique_violation(
        "edition_unique_year", "events_edition.competition_id", lambda: duplicate.save()
    )


def test_entry_needs_an_entrant_and_a_region_of_its_country():
    edition = EditionFactory()
    assert _messages(Entry(edition=edition)) == ["An entry needs a person or an organization."]
    entry = Entry(
        edition=edition,
        person=PersonFactory(),
        country=CountryFactory(code="QK"),
        region=RegionFactory(country=CountryFactory(code="QR"), code="QR-MOW"),
    )
    assert _messages(entry) == ["The region must belong to the entry's country."]
    assert "entry_region_in_country" in database_rejects(lambda: entry.save())


def test_quote_needs_text():
    quote = Quote(event=EventFactory(), person=PersonFactory(), text="")
    assert "quote_not_empty" in database_rejects(lambda: quote.save())


def test_one_day_event_ending_before_its_start_time_is_rejected():
    # No end date means the event ends on its start date.
    event = EventFactory(start_time=datetime.time(18, 0))
    event.end_time = datetime.time(9, 0)
    assert _messages(event) == ["An event cannot end before it starts."]
    assert "event_ends_after_start_time" in database_rejects(lambda: event.save())
    event.end_date = datetime.date(2023, 4, 25)
    event.full_clean()
