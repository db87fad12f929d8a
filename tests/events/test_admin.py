"""The editors' admin, driven through HTTP as an editor would use it."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import Competition, Edition, Event, Participation, Topic
from people.models import Country, Organization, Person, Position, Region
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    NominationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
    RegionFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _event_with(rows: int) -> Event:
    event = EventFactory()
    for _ in range(rows):
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


def _country_with(rows: int) -> Country:
    country = CountryFactory()
    RegionFactory.create_batch(rows, country=country)
    return country


# Model -> builder of one object holding `rows` related rows (inlines, M2M).
CHANGE_FORM_BUILDERS = {
    Event: _event_with,
    Person: _person_with,
    Organization: _organization_with,
    Position: lambda rows: PositionFactory(),
    Competition: _competition_with,
    Edition: _edition_with,
    Topic: lambda rows: TopicFactory(),
    Country: _country_with,
    Region: lambda rows: RegionFactory(),
}

# Model -> builder of `rows` rows for its changelist.
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
    Country: lambda rows: CountryFactory.create_batch(rows),
    Region: lambda rows: RegionFactory.create_batch(rows),
}

# What an editor must not see in the admin at all.
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


def test_admin_registry_matches_the_models_editors_work_with():
    registered = {_label(model) for model in admin.site._registry}
    editable = {_label(model) for model in CHANGE_FORM_BUILDERS}
    assert registered == editable | NOT_FOR_EDITORS


@pytest.mark.parametrize("model", CHANGELIST_BUILDERS, ids=_label)
def test_admin_changelist_queries_do_not_grow_with_rows(model, editor_client, count_queries):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    CHANGELIST_BUILDERS[model](2)
    _get_ok(editor_client, url)  # warm the per-process caches (content types)
    few = count_queries(lambda: _get_ok(editor_client, url))
    CHANGELIST_BUILDERS[model](6)
    many = count_queries(lambda: _get_ok(editor_client, url))
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


@pytest.mark.parametrize("model", [Event, Person, Organization], ids=_label)
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
    assert response.status_code == (403 if model in (Country, Region) else 200)


def _get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def _management(prefix: str, total: int = 0, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def _event_post(**overrides) -> dict[str, str]:
    data = {
        "title_en": "Forum of the peoples",
        "title_ru": "Форум народов",
        "title_ky": "",
        "slug": "",
        "kind": "forum",
        "status": "draft",
        "start_date": "2024-05-01",
        "timezone": "Asia/Bishkek",
        **_management("organization_roles"),
        **_management("participations"),
        **_management("quotes"),
        **_management("sources"),
    }
    data.update(overrides)
    return data


def test_admin_event_add_with_inlines_saves_everything(editor_client):
    kg = CountryFactory(code="QK")
    region = RegionFactory(country=kg, code="QK-GB")
    person = PersonFactory()
    position = PositionFactory(person=person, title_en="Rector", title_ru="Ректор")
    organization = OrganizationFactory()
    data = _event_post(
        host_country="QK",
        region="QK-GB",
        body_en='<p onclick="steal()">Text<script>alert(1)</script></p>',
        **_management("organization_roles", total=1),
        **{
            "organization_roles-0-organization": str(organization.pk),
            "organization_roles-0-role": "organizer",
            "organization_roles-0-order": "0",
        },
        **_management("participations", total=1),
        **{
            "participations-0-person": str(person.pk),
            "participations-0-role": "speaker",
            "participations-0-position": str(position.pk),
            "participations-0-order": "0",
        },
        **_management("quotes", total=1),
        **{
            "quotes-0-person": str(person.pk),
            "quotes-0-language": "ru",
            "quotes-0-text": "Дружба народов",
            "quotes-0-order": "0",
        },
    )
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, _errors(response)
    event = Event.objects.get()
    assert (event.slug, event.region, event.host_country) == (
        "forum-of-the-peoples-2024",
        region,
        kg,
    )
    assert event.body_en == "<p>Text</p>"
    # A language left empty is "not filled in" (NULL), as the API shows it.
    assert (event.title_ky, event.summary_ru) == (None, None)
    participation = event.participations.get()
    # The title as worded defaults to the chosen position's, in every language.
    assert (participation.position_title_en, participation.position_title_ru) == (
        "Rector",
        "Ректор",
    )
    assert list(event.organization_roles.values_list("organization", "role")) == [
        (organization.pk, "organizer")
    ]
    assert list(event.quotes.values_list("text", "language")) == [("Дружба народов", "ru")]
    assert event.history.count() == 1
    assert participation.history.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end_date": "2024-04-30"}, "An event cannot end before it starts."),
        (
            {"start_time": "18:00", "end_time": "09:00", "end_date": "2024-05-01"},
            "An event cannot end before it starts.",
        ),
        ({"end_time": "09:00"}, "Give a start time when you give an end time."),
        ({"start_time": "18:00", "end_time": "09:00"}, "An event cannot end before it starts."),
        ({"timezone": "Mars/Olympus"}, "Select a valid choice."),
        ({"start_date": "24.13.2023"}, "Enter a valid date."),
        ({"kind": "party"}, "Select a valid choice."),
    ],
)
def test_admin_event_bad_input_is_a_form_error(editor_client, overrides, message):
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(**overrides))
    assert response.status_code == 200
    assert message in _errors(response)
    assert Event.objects.count() == 0


def test_admin_event_region_outside_host_country_is_a_form_error(editor_client):
    CountryFactory(code="QK")
    RegionFactory(country=CountryFactory(code="QR"), code="QR-MOW")
    response = editor_client.post(
        reverse("admin:events_event_add"), _event_post(host_country="QK", region="QR-MOW")
    )
    assert response.status_code == 200
    assert "The region must belong to the host country." in _errors(response)
    assert Event.objects.count() == 0


def test_admin_event_duplicate_slug_is_a_form_error(editor_client):
    EventFactory(slug="forum")
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(slug="forum"))
    assert response.status_code == 200
    assert "Event with this Slug already exists." in _errors(response)


def test_admin_participants_bad_rows_are_form_errors(editor_client):
    person, other = PersonFactory.create_batch(2)
    foreign_position = PositionFactory(person=other)
    rows = {
        **_management("participations", total=3),
        # The same person twice in the same role.
        "participations-0-person": str(person.pk),
        "participations-0-role": "speaker",
        "participations-0-order": "0",
        "participations-1-person": str(person.pk),
        "participations-1-role": "speaker",
        "participations-1-order": "1",
        # Someone else's position.
        "participations-2-person": str(person.pk),
        "participations-2-role": "moderator",
        "participations-2-position": str(foreign_position.pk),
        "participations-2-order": "2",
    }
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(**rows))
    assert response.status_code == 200
    errors = _errors(response)
    assert "Please correct the duplicate data for person and role" in errors
    assert "This position belongs to someone else; choose one of theirs." in errors
    assert Event.objects.count() == 0
    assert Participation.objects.count() == 0


def test_admin_participant_without_person_or_organization_is_a_form_error(editor_client):
    rows = {
        **_management("participations", total=1),
        "participations-0-role": "attendee",
        "participations-0-position_title_en": "Director",
        "participations-0-order": "0",
    }
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(**rows))
    assert response.status_code == 200
    assert "Choose a person, or the organization of an unnamed participant." in _errors(response)
    assert Event.objects.count() == 0


def test_admin_position_ending_before_start_is_a_form_error(editor_client):
    person = PersonFactory()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {
        "given_name_en": "Ivan",
        "family_name_en": "Petrov",
        "slug": person.slug,
        **_management("positions", total=1),
        "positions-0-title_en": "Rector",
        "positions-0-start_date": "2020-01-01",
        "positions-0-end_date": "2019-01-01",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "A position cannot end before it starts." in _errors(response)
    assert Position.objects.count() == 0


def test_admin_search_finds_events_by_russian_name_and_title(editor_client):
    event = EventFactory(title_en="Youth forum", title_ru="Молодёжный форум")
    other = EventFactory(title_en="Exhibition", title_ru="Выставка")
    person = PersonFactory(family_name_en="Kosachev", family_name_ru="Косачёв")
    ParticipationFactory(event=other, person=person)
    url = reverse("admin:events_event_changelist")
    assert _result_titles(editor_client.get(url, {"q": "Молодёжный"})) == [event.title_en]
    assert _result_titles(editor_client.get(url, {"q": "Косачёв"})) == [other.title_en]
    assert _result_titles(editor_client.get(url, {"q": "Kosachev"})) == [other.title_en]


def test_admin_filters_by_kind_status_country_and_year(editor_client):
    kg = CountryFactory(code="QK")
    match = EventFactory(kind="forum", status="draft", host_country=kg, start_date="2022-06-01")
    EventFactory(kind="forum", status="draft", host_country=kg, start_date="2023-06-01")
    EventFactory(kind="visit", status="draft", host_country=kg, start_date="2022-06-01")
    url = reverse("admin:events_event_changelist")
    params = {"kind__exact": "forum", "status__exact": "draft", "host_country__code__exact": "QK"}
    response = editor_client.get(url, {**params, "year": "2022"})
    assert _result_titles(response) == [match.title_en]
    # The date hierarchy drills down by year.
    assert _result_titles(editor_client.get(url, {**params, "start_date__year": "2022"})) == [
        match.title_en
    ]


def test_admin_publish_and_unpublish_actions_record_history(editor_client):
    drafts = EventFactory.create_batch(2, status="draft")
    url = reverse("admin:events_event_changelist")
    ids = [str(event.pk) for event in drafts]
    response = editor_client.post(url, {"action": "publish", "_selected_action": ids})
    assert response.status_code == 302
    assert set(Event.objects.values_list("status", flat=True)) == {"published"}
    assert [event.history.first().status for event in Event.objects.all()] == [
        "published",
        "published",
    ]
    editor_client.post(url, {"action": "unpublish", "_selected_action": ids[:1]})
    assert sorted(Event.objects.values_list("status", flat=True)) == ["draft", "published"]


def test_admin_revert_restores_an_earlier_version(editor_client):
    event = EventFactory(title_en="First title")
    event.title_en = "Second title"
    event.save()
    first = event.history.order_by("history_date").first()
    url = reverse("admin:events_event_simple_history", args=[event.pk, first.history_id])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert "First title" in page.content.decode()
    data = _event_post(
        title_en="First title",
        title_ru=event.title_ru,
        slug=event.slug,
        kind=event.kind,
        status=event.status,
        start_date=event.start_date.isoformat(),
        timezone=event.timezone,
        host_country=event.host_country_id,
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, _errors(response)
    event.refresh_from_db()
    assert event.title_en == "First title"
    assert event.history.count() == 3


def test_admin_view_on_site_links_to_the_public_page(editor_client):
    event = EventFactory(slug="bishkek-round-table")
    response = editor_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert 'class="viewsitelink"' in response.content.decode()
    redirect = editor_client.get(_view_on_site_url(response))
    assert redirect.status_code == 302
    assert redirect["Location"].endswith("/en/events/bishkek-round-table/")


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


def _errors(response) -> str:
    html = response.content.decode()
    return " ".join(
        re.sub(r"<[^>]+>", " ", block)
        for block in re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', html, re.S)
    ) + " ".join(re.findall(r'<p class="errornote">(.*?)</p>', html, re.S))


def _result_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th class="field-title"><a href="[^"]+">([^<]+)</a>', html)


def _view_on_site_url(response) -> str:
    return re.search(r'href="([^"]+)" class="viewsitelink"', response.content.decode()).group(1)


def test_admin_edition_shows_reported_and_derived_figures(editor_client):
    edition = EditionFactory(reported_regions=34, reported_countries=23)
    russia, kyrgyzstan = CountryFactory(code="QR"), CountryFactory(code="QK")
    moscow = RegionFactory(country=russia, code="QR-MOW")
    EntryFactory(edition=edition, country=russia, region=moscow)
    EntryFactory(edition=edition, country=russia, region=moscow)
    EntryFactory(edition=edition, country=kyrgyzstan)
    response = editor_client.get(reverse("admin:events_edition_changelist"))
    html = response.content.decode()
    cells = re.findall(r"<td class=\"field-((?:reported|entry)_\w+)\">(\d+)</td>", html)
    assert cells == [
        ("reported_regions", "34"),
        ("reported_countries", "23"),
        ("entry_count", "3"),
        ("entry_region_count", "1"),
        ("entry_country_count", "2"),
    ]


@pytest.mark.parametrize("year", ["0", "99999", "abc", "-1"])
def test_admin_year_filter_ignores_impossible_years(editor_client, year):
    EventFactory()
    response = editor_client.get(reverse("admin:events_event_changelist"), {"year": year})
    assert response.status_code == 200
    assert len(_result_titles(response)) == 1


def test_admin_revert_refreshes_the_search_index(editor_client):
    from events.search import search_events
    from events.services import event_create, event_update

    event = event_create(
        fields={"title_en": "Friendship forum", "kind": "forum", "start_date": "2024-01-01"}
    )
    event_update(event=event, fields={"title_en": "Culture days"})
    first = event.history.order_by("history_date").first()
    url = reverse("admin:events_event_simple_history", args=[event.pk, first.history_id])
    data = _event_post(
        title_en="Friendship forum", slug=event.slug, kind="forum", status="draft",
        start_date="2024-01-01", timezone="UTC",
    )  # fmt: skip
    assert editor_client.post(url, data).status_code == 302
    found = search_events(Event.objects.all(), "friendship").values_list("pk", flat=True)
    assert list(found) == [event.pk]


def test_admin_position_autocomplete_offers_the_rows_person_positions(editor_client):
    person, other = PersonFactory(), PersonFactory()
    own = PositionFactory(person=person, title_en="Rector")
    PositionFactory(person=other, title_en="Rector of another university")
    params = {
        "app_label": "events",
        "model_name": "participation",
        "field_name": "position",
        "term": "Rector",
    }
    everyone = editor_client.get("/admin/autocomplete/", params).json()["results"]
    assert len(everyone) == 2
    only_theirs = editor_client.get("/admin/autocomplete/", {**params, "person": person.pk})
    assert [row["id"] for row in only_theirs.json()["results"]] == [str(own.pk)]
