"""Entering outcomes, their parties and reported figures in the admin, as an
editor does (events/outcome_admin.py)."""

import datetime

import pytest
from django.urls import reverse

from events.models import Event, Outcome, OutcomeParty, ReportedFigures
from events.selectors.listing import EventFilters, filter_events
from tests.factories import (
    CountryFactory,
    EventFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
)
from tests.forms import form_errors, management_form

pytestmark = pytest.mark.django_db


def _event_form(**overrides) -> dict[str, str]:
    data = {
        "title_en": "Forum of the peoples",
        "slug": "",
        "kind": "forum",
        "status": "published",
        # English only: publishing it so is a deliberate choice (issue 9).
        "publish_incomplete": "on",
        "start_date": "2024-05-01",
        "timezone": "Asia/Bishkek",
        **management_form("organization_roles"),
        **management_form("participations"),
        **management_form("quotes"),
        **management_form("sources"),
        **management_form("outcomes"),
        **management_form("reported_figures"),
    }
    data.update(overrides)
    return data


def _outcome_row(index: int = 0, **fields) -> dict[str, str]:
    return {f"outcomes-{index}-{name}": value for name, value in {"order": "0", **fields}.items()}


def test_admin_event_with_an_outcome_and_reported_figures(editor_client):
    follow_up = EventFactory(start_date=datetime.date(2024, 7, 8))
    data = _event_form(
        **management_form("outcomes", total=1),
        **_outcome_row(
            kind="plan",
            title_en="Hold a summer school",
            title_ru="Провести летнюю школу",
            planned_start="2024-07-01",
            planned_end="2024-07-31",
            follow_up=str(follow_up.pk),
        ),
        **management_form("reported_figures", total=1),
        **{
            "reported_figures-0-participants": "120",
            "reported_figures-0-countries": "14",
            "reported_figures-0-text_en": "More than 120 participants from 14 countries",
        },
    )
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get(slug="forum-of-the-peoples-2024")
    plan = event.outcomes.get()
    assert (plan.slug, plan.kind, plan.title_ru, plan.follow_up, plan.planned_month) == (
        "hold-a-summer-school-2024",
        "plan",
        "Провести летнюю школу",
        follow_up,
        datetime.date(2024, 7, 1),
    )
    figures = ReportedFigures.objects.get(event=event)
    assert (figures.participants, figures.countries, figures.regions) == (120, 14, None)
    assert plan.history.count() == 1
    # The event's search index holds the outcome's title.
    assert list(filter_events(Event.objects.all(), EventFilters(q="summer school"))) == [event]
    # The event's page in the admin links each outcome to its own page.
    page = editor_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert reverse("admin:events_outcome_change", args=[plan.pk]) in page.content.decode()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"kind": "plan", "title_en": "P", "follow_up": "earlier"},
            "The event that carried out a plan cannot start before the event that made it.",
        ),
        (
            {"kind": "memorandum", "title_en": "M", "planned_start": "2024-07-01"},
            "Only a plan has a planned date and an event that carried it out.",
        ),
        (
            {"kind": "agreement", "title_en": "A", "date": "2024-04-01"},
            "An outcome cannot come before its event starts.",
        ),
    ],
)
def test_admin_outcome_rules_are_form_errors(editor_client, row, message):
    earlier = EventFactory(start_date=datetime.date(2024, 4, 30))
    if row.get("follow_up") == "earlier":
        row = {**row, "follow_up": str(earlier.pk)}
    data = _event_form(**management_form("outcomes", total=1), **_outcome_row(**row))
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert (Event.objects.count(), Outcome.objects.count()) == (1, 0)


def _outcome_form(outcome: Outcome, **overrides) -> dict[str, str]:
    data = {
        "event": str(outcome.event_id),
        "kind": outcome.kind,
        "order": "0",
        "title_en": outcome.title_en,
        "slug": outcome.slug,
        **management_form("parties"),
    }
    data.update(overrides)
    return data


def test_admin_outcome_page_enters_parties_by_organization_or_country(editor_client):
    outcome = OutcomeFactory()
    organization = OrganizationFactory()
    country = CountryFactory(code="QQ")
    data = _outcome_form(
        outcome,
        **management_form("parties", total=2),
        **{
            "parties-0-organization": str(organization.pk),
            "parties-0-role": "signatory",
            "parties-0-order": "0",
            "parties-1-country": "QQ",
            "parties-1-role": "co_signatory",
            "parties-1-order": "1",
        },
    )
    url = reverse("admin:events_outcome_change", args=[outcome.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    assert list(outcome.parties.values_list("organization", "country", "role")) == [
        (organization.pk, None, "signatory"),
        (None, country.pk, "co_signatory"),
    ]
    # Both are autocomplete widgets on the page.
    page = editor_client.get(url).content.decode()
    assert page.count('data-theme="admin-autocomplete"') >= 4


@pytest.mark.parametrize(
    ("party", "message"),
    [
        ("neither", "A party is either an organization or a country: choose exactly one."),
        ("both", "A party is either an organization or a country: choose exactly one."),
        ("twice", "Please correct the duplicate data for organization."),
    ],
)
def test_admin_bad_parties_are_form_errors(editor_client, party, message):
    outcome = OutcomeFactory()
    organization = OrganizationFactory()
    # A row left at its defaults is an empty extra row; a chosen role makes it one.
    rows = {"parties-0-role": "proposer", "parties-0-order": "0"}
    total = 1
    if party == "both":
        rows |= {"parties-0-organization": str(organization.pk), "parties-0-country": "KG"}
    if party == "twice":
        total = 2
        rows |= {
            "parties-0-organization": str(organization.pk),
            "parties-1-organization": str(organization.pk),
            "parties-1-role": "proposer",
            "parties-1-order": "1",
        }
    data = _outcome_form(outcome, **management_form("parties", total=total), **rows)
    response = editor_client.post(reverse("admin:events_outcome_change", args=[outcome.pk]), data)
    assert response.status_code == 200
    assert message in form_errors(response)
    assert OutcomeParty.objects.count() == 0


def test_admin_adds_an_outcome_to_any_event_with_its_parties(editor_client):
    event = EventFactory(title_en="Forum")
    organization = OrganizationFactory()
    data = {
        "event": str(event.pk),
        "kind": "declaration",
        "order": "0",
        "title_en": "Declaration of friendship",
        "slug": "",
        **management_form("parties", total=1),
        "parties-0-organization": str(organization.pk),
        "parties-0-role": "proposer",
        "parties-0-order": "0",
    }
    response = editor_client.post(reverse("admin:events_outcome_add"), data)
    assert response.status_code == 302, form_errors(response)
    outcome = Outcome.objects.get()
    assert (outcome.slug, outcome.event, outcome.parties.get().organization) == (
        "declaration-of-friendship-2023",
        event,
        organization,
    )
    assert list(filter_events(Event.objects.all(), EventFilters(q="friendship"))) == [event]


def test_admin_deleting_outcomes_refreshes_the_search(editor_client):
    outcome = OutcomeFactory(title_en="Declaration of friendship")
    OutcomePartyFactory(outcome=outcome)
    from events.outcome_services import outcome_save

    outcome_save(outcome=outcome)
    assert filter_events(Event.objects.all(), EventFilters(q="friendship")).count() == 1
    response = editor_client.post(
        reverse("admin:events_outcome_changelist"),
        {"action": "delete_selected", "_selected_action": [str(outcome.pk)], "post": "yes"},
    )
    assert response.status_code == 302
    assert Outcome.objects.count() == 0
    assert filter_events(Event.objects.all(), EventFilters(q="friendship")).count() == 0
