"""Outcomes, their parties and reported figures: the rules the database and
the models keep, and the services that write them (events/outcome_services.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import Event, Outcome, OutcomeParty, ReportedFigures
from events.outcome_services import (
    event_outcomes_set,
    outcome_delete,
    outcome_save,
    reported_figures_set,
)
from events.selectors.events import with_event_details
from events.selectors.listing import EventFilters, filter_events
from events.selectors.outcomes import derived_figures
from events.services import event_create, event_update
from tests.factories import (
    CountryFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

APRIL = datetime.date(2023, 4, 24)


def _messages(error: ValidationError) -> dict[str, list[str]]:
    return error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (
            {"kind": "memorandum", "planned_start": datetime.date(2023, 7, 1)},
            {"__all__": ["Only a plan has a planned date and an event that carried it out."]},
        ),
        (
            {
                "kind": "plan",
                "planned_start": datetime.date(2023, 7, 31),
                "planned_end": datetime.date(2023, 7, 1),
            },
            {"__all__": ["A planned period needs its first day, and cannot end before it."]},
        ),
        (
            {"kind": "plan", "planned_end": datetime.date(2023, 7, 1)},
            {"__all__": ["A planned period needs its first day, and cannot end before it."]},
        ),
        (
            {"kind": "plan", "planned_start": datetime.date(2023, 4, 1)},
            {"planned_start": ["A plan cannot be planned for before its event."]},
        ),
        (
            {"kind": "agreement", "date": datetime.date(2023, 4, 23)},
            {"date": ["An outcome cannot come before its event starts."]},
        ),
    ],
)
def test_outcome_rules_surface_as_validation_errors(fields, errors):
    event = EventFactory(start_date=APRIL)
    with pytest.raises(ValidationError) as error:
        outcome_save(outcome=Outcome(event=event, title_en="Plan", **fields))
    assert _messages(error) == errors
    assert Outcome.objects.count() == 0


def test_a_follow_up_earlier_than_the_plans_event_is_refused():
    event = EventFactory(start_date=APRIL)
    earlier = EventFactory(start_date=datetime.date(2023, 4, 23))
    plan = Outcome(event=event, kind="plan", title_en="Summer school", follow_up=earlier)
    with pytest.raises(ValidationError) as error:
        outcome_save(outcome=plan)
    assert _messages(error) == {
        "follow_up": [
            "The event that carried out a plan cannot start before the event that made it."
        ]
    }
    plan.follow_up = EventFactory(start_date=APRIL)  # the same day is fine
    outcome_save(outcome=plan)
    assert plan.slug == "summer-school-2023"


def test_a_plan_cannot_be_carried_out_by_its_own_event():
    event = EventFactory()
    with pytest.raises(ValidationError) as error:
        outcome_save(outcome=Outcome(event=event, kind="plan", title_en="Next", follow_up=event))
    assert _messages(error) == {"__all__": ["A plan cannot be carried out by its own event."]}


def test_the_database_itself_keeps_the_outcome_rules():
    outcome = OutcomeFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Outcome.objects.filter(pk=outcome.pk).update(planned_start=APRIL)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeParty.objects.create(outcome=outcome)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeParty.objects.create(
            outcome=outcome, organization=OrganizationFactory(), country=CountryFactory()
        )
    party = OutcomePartyFactory(outcome=outcome)
    with pytest.raises(IntegrityError), transaction.atomic():
        OutcomeParty.objects.create(outcome=outcome, organization=party.organization)


@pytest.mark.parametrize(
    ("party", "message"),
    [
        ({}, "A party is either an organization or a country: choose exactly one."),
        ("both", "A party is either an organization or a country: choose exactly one."),
    ],
)
def test_a_party_is_exactly_one_organization_or_country(party, message):
    outcome = OutcomeFactory()
    if party == "both":
        party = {"organization": OrganizationFactory(), "country": CountryFactory()}
    with pytest.raises(ValidationError) as error:
        OutcomeParty(outcome=outcome, **party).full_clean()
    assert _messages(error) == {"__all__": [message]}


def test_a_party_appears_once_per_outcome():
    party = OutcomePartyFactory(organization=None, country=CountryFactory(code="QQ"))
    with pytest.raises(ValidationError) as error:
        OutcomeParty(outcome=party.outcome, country=party.country, role="proposer").full_clean()
    assert _messages(error) == {"__all__": ["This country is already a party to it."]}


def test_event_outcomes_set_keeps_outcomes_by_slug_and_replaces_the_rest():
    event = EventFactory(start_date=APRIL)
    kept = OutcomeFactory(event=event, slug="kept", kind="memorandum", date=APRIL)
    OutcomePartyFactory(outcome=kept)
    OutcomeFactory(event=event, slug="dropped")
    organization = OrganizationFactory()
    event_outcomes_set(
        event=event,
        outcomes=[
            {"title_en": "New plan", "kind": "plan", "planned_start": datetime.date(2023, 7, 1)},
            {
                "slug": "kept",
                "kind": "agreement",
                "title_en": "Agreement",
                "parties": [{"organization": organization, "role": "co_signatory"}],
            },
        ],
    )
    rows = list(event.outcomes.values_list("slug", "kind", "title_en", "title_ru", "date"))
    assert rows == [
        ("new-plan-2023", "plan", "New plan", None, None),
        ("kept", "agreement", "Agreement", None, None),
    ]
    assert Outcome.objects.get(slug="kept").pk == kept.pk
    assert list(kept.parties.values_list("organization", "role")) == [
        (organization.pk, "co_signatory")
    ]


def test_event_outcomes_set_names_the_bad_row_and_writes_nothing():
    event = EventFactory(start_date=APRIL)
    earlier = EventFactory(start_date=datetime.date(2022, 1, 1))
    with pytest.raises(ValidationError) as error, transaction.atomic():
        event_update(
            event=event,
            fields={},
            outcomes=[
                {"title_en": "Fine", "kind": "statement"},
                {"title_en": "Plan", "kind": "plan", "follow_up": earlier},
            ],
        )
    assert error.value.nested == {
        "outcomes": {
            "1": {
                "follow_up": [
                    "The event that carried out a plan cannot start before the event that made it."
                ]
            }
        }
    }
    assert Outcome.objects.count() == 0


def test_event_create_writes_outcomes_and_reported_figures_at_once():
    event = event_create(
        fields={"title_en": "Forum", "kind": "forum", "start_date": APRIL},
        outcomes=[{"title_en": "Resolution of the forum", "kind": "resolution"}],
        reported_figures={"participants": 120, "countries": 14, "text_en": " More than 120 "},
    )
    assert list(event.outcomes.values_list("slug", "kind")) == [
        ("resolution-of-the-forum-2023", "resolution")
    ]
    figures = ReportedFigures.objects.get(event=event)
    assert (figures.participants, figures.countries, figures.regions, figures.text_en) == (
        120,
        14,
        None,
        "More than 120",
    )


def test_reported_figures_are_replaced_and_removed_when_empty():
    event = EventFactory()
    reported_figures_set(event=event, figures={"participants": 50, "text_ru": "50 участников"})
    reported_figures_set(event=event, figures={"countries": 3})
    figures = ReportedFigures.objects.get(event=event)
    assert (figures.participants, figures.countries, figures.text_ru) == (None, 3, None)
    reported_figures_set(event=event, figures={})
    assert ReportedFigures.objects.count() == 0
    with pytest.raises(ValidationError) as error:
        reported_figures_set(event=event, figures={"countries": -1})
    assert list(_messages(error)) == ["reported_figures.countries"]


def test_outcome_changes_refresh_the_event_search_and_its_updated_at():
    event = EventFactory(title_en="Forum")
    before = Event.objects.get(pk=event.pk).updated_at
    outcome = outcome_save(
        outcome=Outcome(event=event, kind="memorandum", title_en="Memorandum on libraries")
    )
    assert Event.objects.get(pk=event.pk).updated_at > before
    found = filter_events(Event.objects.all(), EventFilters(q="libraries"))
    assert list(found) == [event]
    outcome_delete(outcome=outcome)
    assert list(filter_events(Event.objects.all(), EventFilters(q="libraries"))) == []


def test_outcome_texts_are_searched_in_russian_too():
    event = EventFactory()
    event_outcomes_set(
        event=event,
        outcomes=[
            {
                "kind": "declaration",
                "title_ru": "Декларация о дружбе",
                "text_ru": "Стороны договорились о летней школе",
            }
        ],
    )
    assert list(filter_events(Event.objects.all(), EventFilters(q="летней школе"))) == [event]


def test_event_filters_by_outcome_kind_and_presence():
    memorandum = OutcomeFactory(kind="memorandum").event
    plan = OutcomeFactory(kind="plan").event
    none = EventFactory()
    events = Event.objects.order_by("pk")
    assert list(filter_events(events, EventFilters(outcome_kind="plan"))) == [plan]
    assert list(filter_events(events, EventFilters(has_outcome=True))) == [memorandum, plan]
    assert list(filter_events(events, EventFilters(has_outcome=False))) == [none]


def test_derived_figures_count_people_once_and_their_countries():
    russia, kyrgyzstan = CountryFactory(code="QR"), CountryFactory(code="QK")
    event = EventFactory()
    person = PersonFactory(country=russia)
    ParticipationFactory(event=event, person=person, role="speaker")
    ParticipationFactory(event=event, person=person, role="moderator")
    # No country of their own: the country of their post's organization.
    stateless = PersonFactory()
    ParticipationFactory(
        event=event,
        person=stateless,
        position=PositionFactory(person=stateless, organization__country=kyrgyzstan),
    )
    # Named only by post, on behalf of an organization.
    ParticipationFactory(
        event=event,
        person=None,
        position=None,
        organization=OrganizationFactory(country=kyrgyzstan),
    )
    EventOrganizationFactory(event=event)
    loaded = with_event_details(Event.objects.filter(pk=event.pk)).get()
    figures = derived_figures(loaded)
    # The speaker-and-moderator is one person; the posts of their two
    # participations (factories make one each) are two organizations.
    assert (figures.participants, figures.countries, figures.organizations) == (3, 2, 5)
