"""Editing events and competitions in the admin, as an editor does."""

import re

import pytest
from django.urls import reverse

from events.models import Event, Participation
from tests.factories import (
    CountryFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    RegionFactory,
)
from tests.forms import admin_form_errors, form_errors, management_form

pytestmark = pytest.mark.django_db


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
        **management_form("organization_roles"),
        **management_form("participations"),
        **management_form("quotes"),
        **management_form("sources"),
        **management_form("outcomes"),
        **management_form("reported_figures"),
    }
    data.update(overrides)
    return data


def _result_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<th class="field-title"><a href="[^"]+">([^<]+)</a>', html)


def _view_on_site_url(response) -> str:
    return re.search(r'href="([^"]+)" class="viewsitelink"', response.content.decode()).group(1)


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
        **management_form("organization_roles", total=1),
        **{
            "organization_roles-0-organization": str(organization.pk),
            "organization_roles-0-role": "organizer",
            "organization_roles-0-order": "0",
        },
        **management_form("participations", total=1),
        **{
            "participations-0-person": str(person.pk),
            "participations-0-role": "speaker",
            "participations-0-position": str(position.pk),
            "participations-0-order": "0",
        },
        **management_form("quotes", total=1),
        **{
            "quotes-0-person": str(person.pk),
            "quotes-0-language": "ru",
            "quotes-0-text": "Дружба народов",
            "quotes-0-translation_en": "Friendship of peoples",
            "quotes-0-translation_ky": "Элдердин достугу",
            "quotes-0-order": "0",
        },
    )
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)
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
    assert list(
        event.quotes.values_list("text", "language", "translation_en", "translation_ky")
    ) == [("Дружба народов", "ru", "Friendship of peoples", "Элдердин достугу")]
    assert event.history.count() == 1
    assert participation.history.count() == 1


@pytest.mark.parametrize(
    ("overrides", "errors"),
    [
        ({"end_date": "2024-04-30"}, {"__all__": ["An event cannot end before it starts."]}),
        (
            {"start_time": "18:00", "end_time": "09:00", "end_date": "2024-05-01"},
            {"__all__": ["An event cannot end before it starts."]},
        ),
        ({"end_time": "09:00"}, {"__all__": ["Give a start time when you give an end time."]}),
        (
            {"start_time": "18:00", "end_time": "09:00"},
            {"__all__": ["An event cannot end before it starts."]},
        ),
        (
            {"timezone": "Mars/Olympus"},
            {
                "timezone": [
                    "Select a valid choice. Mars/Olympus is not one of the available choices."
                ]
            },
        ),
        ({"start_date": "24.13.2023"}, {"start_date": ["Enter a valid date."]}),
        (
            {"kind": "party"},
            {"kind": ["Select a valid choice. party is not one of the available choices."]},
        ),
    ],
)
def test_admin_event_bad_input_is_a_form_error(editor_client, overrides, errors):
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(**overrides))
    assert response.status_code == 200
    assert admin_form_errors(response) == errors
    assert Event.objects.count() == 0


def test_admin_event_region_outside_host_country_is_a_form_error(editor_client):
    CountryFactory(code="QK")
    RegionFactory(country=CountryFactory(code="QR"), code="QR-MOW")
    response = editor_client.post(
        reverse("admin:events_event_add"), _event_post(host_country="QK", region="QR-MOW")
    )
    assert response.status_code == 200
    assert admin_form_errors(response) == {
        "__all__": ["The region must belong to the host country."]
    }
    assert Event.objects.count() == 0


def test_admin_event_duplicate_slug_is_a_form_error(editor_client):
    EventFactory(slug="forum")
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(slug="forum"))
    assert response.status_code == 200
    assert admin_form_errors(response) == {"slug": ["Event with this Slug already exists."]}


def test_admin_participants_bad_rows_are_form_errors(editor_client):
    person, other = PersonFactory.create_batch(2)
    foreign_position = PositionFactory(person=other)
    rows = {
        **management_form("participations", total=3),
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
    assert admin_form_errors(response) == {
        "participations": [
            "Please correct the duplicate data for person and role, which must be unique."
        ],
        "participations-1-__all__": ["Please correct the duplicate values below."],
        "participations-2-position": [
            "This position belongs to someone else; choose one of theirs."
        ],
    }
    assert Event.objects.count() == 0
    assert Participation.objects.count() == 0


def test_admin_participant_without_person_or_organization_is_a_form_error(editor_client):
    rows = {
        **management_form("participations", total=1),
        "participations-0-role": "attendee",
        "participations-0-position_title_en": "Director",
        "participations-0-order": "0",
    }
    response = editor_client.post(reverse("admin:events_event_add"), _event_post(**rows))
    assert response.status_code == 200
    assert admin_form_errors(response) == {
        "participations-0-__all__": [
            "Choose a person, or the organization of an unnamed participant."
        ]
    }
    assert Event.objects.count() == 0


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
    assert response.status_code == 302, form_errors(response)
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


@pytest.mark.postgresql  # SQLite searches the live columns: no index to refresh
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
