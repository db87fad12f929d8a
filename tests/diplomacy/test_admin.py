"""The admin as a whole: what is registered, for whom, and at a fixed number of queries."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events.models import Competition, DeletedEvent, Edition, Event, Outcome, Topic
from people.models import (
    Country,
    DeletedOrganization,
    DeletedPerson,
    Organization,
    Person,
    Position,
    Region,
)
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    NominationFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
    RegionFactory,
    ReportedFiguresFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _event_with(rows: int) -> Event:
    event = EventFactory()
    ReportedFiguresFactory(event=event)
    for _ in range(rows):
        plan = OutcomeFactory(event=event, kind=Outcome.Kind.PLAN, follow_up=EventFactory())
        OutcomePartyFactory(outcome=plan)
        ParticipationFactory(event=event)
        EventOrganizationFactory(event=event)
        QuoteFactory(event=event)
        SourceFactory(event=event)
        event.topics.add(TopicFactory())
        event.countries.add(CountryFactory())
    return event


def _person_with(rows: int) -> Person:
    person = PersonFactory()
    PositionFactory.create_batch(rows, person=person)
    return person


def _organization_with(rows: int) -> Organization:
    organization = OrganizationFactory()
    PositionFactory.create_batch(rows, organization=organization)
    return organization


def _competition_with(rows: int) -> Competition:
    competition = CompetitionFactory()
    for year in range(rows):
        EditionFactory(competition=competition, year=2000 + year)
    competition.organizers.add(*OrganizationFactory.create_batch(rows))
    return competition


def _edition_with(rows: int) -> Edition:
    edition = EditionFactory()
    for _ in range(rows):
        nomination = NominationFactory(edition=edition)
        region = RegionFactory()
        EntryFactory(
            edition=edition,
            nomination=nomination,
            organization=OrganizationFactory(),
            country=region.country,
            region=region,
        )
        edition.countries.add(CountryFactory())
    return edition


def _outcome_with(rows: int) -> Outcome:
    outcome = OutcomeFactory(kind=Outcome.Kind.PLAN, follow_up=EventFactory())
    for _ in range(rows):
        OutcomePartyFactory(outcome=outcome)
        OutcomePartyFactory(outcome=outcome, organization=None, country=CountryFactory())
    return outcome


def _country_with(rows: int) -> Country:
    country = CountryFactory()
    RegionFactory.create_batch(rows, country=country)
    return country


CHANGE_FORM_BUILDERS = {
    Event: _event_with,
    Person: _person_with,
    Organization: _organization_with,
    Position: lambda rows: PositionFactory(),
    Competition: _competition_with,
    Edition: _edition_with,
    Topic: lambda rows: TopicFactory(),
    Outcome: _outcome_with,
    Country: _country_with,
    Region: lambda rows: RegionFactory(),
}


CHANGELIST_BUILDERS = {
    Event: lambda rows: [_event_with(1) for _ in range(rows)],
    Person: lambda rows: [_person_with(2) for _ in range(rows)],
    Organization: lambda rows: [
        OrganizationFactory(country=CountryFactory(), parent=OrganizationFactory())
        for _ in range(rows)
    ],
    Position: lambda rows: PositionFactory.create_batch(rows),
    Competition: lambda rows: [_competition_with(1) for _ in range(rows)],
    Edition: lambda rows: EditionFactory.create_batch(rows),
    Topic: lambda rows: TopicFactory.create_batch(rows),
    Outcome: lambda rows: [_outcome_with(1) for _ in range(rows)],
    Country: lambda rows: CountryFactory.create_batch(rows),
    Region: lambda rows: RegionFactory.create_batch(rows, country=CountryFactory(code="QX")),
}
# The ISO reference data already fills the first page of countries and
# regions: those lists are narrowed to the rows the test adds.
CHANGELIST_NARROWED = {Country: "?q=Country", Region: "?country__code__exact=QX"}


ADD_FORM_INLINES = {
    Event: [
        "organization_roles",
        "participations",
        "quotes",
        "sources",
        "outcomes",
        "reported_figures",
    ],
    Outcome: ["parties"],
    Person: ["positions"],
    Organization: ["positions"],
    Competition: ["editions"],
    Edition: ["nominations", "entries"],
}


def _in_trash(objs: list) -> list:
    for obj in objs:
        type(obj).objects.filter(pk=obj.pk).update(deleted_at=timezone.now())
    return objs


# The trash: records deleted by editors, listed for restoring or purging.
TRASH_BUILDERS = {
    DeletedEvent: lambda rows: _in_trash([_event_with(1) for _ in range(rows)]),
    DeletedPerson: lambda rows: _in_trash([_person_with(2) for _ in range(rows)]),
    DeletedOrganization: lambda rows: _in_trash(
        [OrganizationFactory(country=CountryFactory()) for _ in range(rows)]
    ),
}
CHANGELIST_BUILDERS.update(TRASH_BUILDERS)


NOT_FOR_EDITORS = {
    "auth.group",
    "auth.user",
    "axes.accessattempt",
    "axes.accessfailurelog",
    "axes.accesslog",
    "knox.authtoken",
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def _result_rows(response) -> int:
    """The rows of a changelist's result table."""
    table = re.search(rb'<table id="result_list">.*?<tbody>(.*?)</tbody>', response.content, re.S)
    return table.group(1).count(b"<tr") if table else 0


def _get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_admin_registry_matches_the_models_editors_work_with():
    registered = {_label(model) for model in admin.site._registry}
    editable = {_label(model) for model in CHANGE_FORM_BUILDERS}
    trash = {_label(model) for model in TRASH_BUILDERS}
    assert registered == editable | trash | NOT_FOR_EDITORS


@pytest.mark.parametrize("model", CHANGELIST_BUILDERS, ids=_label)
def test_admin_changelist_queries_do_not_grow_with_rows(model, editor_client, count_queries):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    url += CHANGELIST_NARROWED.get(model, "")
    CHANGELIST_BUILDERS[model](2)
    _get_ok(editor_client, url)  # warm the per-process caches (content types)
    few = count_queries(lambda: _get_ok(editor_client, url))
    shown_before = _result_rows(_get_ok(editor_client, url))
    CHANGELIST_BUILDERS[model](6)
    many = count_queries(lambda: _get_ok(editor_client, url))
    # Two rows' worth, then eight (an organization comes with its parent).
    assert _result_rows(_get_ok(editor_client, url)) == 4 * shown_before > 0
    assert many == few


@pytest.mark.parametrize("model", CHANGE_FORM_BUILDERS, ids=_label)
def test_admin_change_form_queries_do_not_grow_with_rows(model, editor_client, count_queries):
    def url(obj) -> str:
        return reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[obj.pk]
        )

    small = CHANGE_FORM_BUILDERS[model](1)
    large = CHANGE_FORM_BUILDERS[model](6)
    _get_ok(editor_client, url(small))  # warm the per-process caches (content types)
    few = count_queries(lambda: _get_ok(editor_client, url(small)))
    many = count_queries(lambda: _get_ok(editor_client, url(large)))
    assert many == few


@pytest.mark.parametrize("model", [Event, Person, Organization, Outcome], ids=_label)
def test_admin_history_page_queries_do_not_grow_with_changes(model, editor_client, count_queries):
    obj = CHANGE_FORM_BUILDERS[model](1)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_history", args=[obj.pk])
    _get_ok(editor_client, url)  # warm the per-process caches (content types)
    few = count_queries(lambda: _get_ok(editor_client, url))
    for number in range(5):
        obj.slug = f"{obj.slug}-{number}"
        obj.save()
    many = count_queries(lambda: _get_ok(editor_client, url))
    assert many == few


@pytest.mark.parametrize("model", CHANGE_FORM_BUILDERS, ids=_label)
def test_admin_add_form_renders_for_editors_who_may_add(model, editor_client):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    response = editor_client.get(url)
    # Reference data is loaded from ISO sources and never added by hand.
    if model in (Country, Region):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    fields = response.context["adminform"].form.fields
    required = [
        field.name
        for field in model._meta.fields
        if field.editable and not field.blank and not field.primary_key
    ]
    # A translated field is offered once per language.
    assert [name for name in required if name not in fields and f"{name}_en" not in fields] == []
    inlines = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert inlines == ADD_FORM_INLINES.get(model, [])


def test_editors_group_has_exactly_the_editing_permissions():
    group = Group.objects.get(name="Editors")
    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }
    edited = {
        "events": [
            "event",
            "eventorganization",
            "participation",
            "quote",
            "source",
            "topic",
            "competition",
            "edition",
            "nomination",
            "entry",
            "outcome",
            "outcomeparty",
            "reportedfigures",
        ],
        "people": ["person", "organization", "position"],
    }
    expected = {
        f"{app}.{action}_{model}"
        for app, models in edited.items()
        for model in models
        for action in ("view", "add", "change", "delete")
    } | {"people.view_country", "people.view_region"}
    assert granted == expected


@pytest.mark.parametrize("model_label", sorted(NOT_FOR_EDITORS))
def test_editors_cannot_open_admin_for_users_tokens_and_lockouts(editor_client, model_label):
    app, model = model_label.split(".")
    response = editor_client.get(reverse(f"admin:{app}_{model}_changelist"))
    assert response.status_code == 403


def test_editors_cannot_change_reference_data(editor_client):
    country = CountryFactory()
    response = editor_client.post(
        reverse("admin:people_country_change", args=[country.pk]),
        {"code": country.code, "alpha_3": country.alpha_3, "name_en": "Renamed"},
    )
    assert response.status_code == 403
    country.refresh_from_db()
    assert country.name_en != "Renamed"


def test_admin_login_locks_out_after_repeated_failures(client, editor):
    url = reverse("admin:login")
    for _ in range(5):
        client.post(url, {"username": editor.username, "password": "wrong"})
    response = client.post(url, {"username": editor.username, "password": "correct horse battery"})
    assert response.status_code == 429
