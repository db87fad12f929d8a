"""The editors' throughput (issue 9) through the admin: the time zone from
the place, slugs with the year, rows ordered without typing, times in minutes."""

import datetime
import re

import pytest
from django.urls import reverse

from events.models import Event
from people.zones import zone_for_place
from tests.factories import (
    CountryFactory,
    EventFactory,
    EventOrganizationFactory,
    OrganizationFactory,
    SourceFactory,
)
from tests.forms import form_errors, management_form

pytestmark = pytest.mark.django_db


def _event_post(**overrides) -> dict[str, str]:
    data = {
        "title_en": "International youth forum",
        "slug": "",
        "kind": "forum",
        "status": "draft",
        "start_date": "2024-05-01",
        "timezone": "",
        **management_form("organization_roles"),
        **management_form("participations"),
        **management_form("quotes"),
        **management_form("sources"),
        **management_form("outcomes"),
        **management_form("reported_figures"),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("country", "city", "zone"),
    [
        ("KG", "", "Asia/Bishkek"),
        ("RU", "", "Europe/Moscow"),
        ("RU", "Новосибирск", "Asia/Novosibirsk"),
        ("RU", "Yekaterinburg", "Asia/Yekaterinburg"),
        ("KZ", "Астана", "Asia/Almaty"),
        ("KZ", "Aktobe", "Asia/Aqtobe"),
        ("US", "", "America/New_York"),
    ],
)
def test_admin_event_time_zone_comes_from_the_place(editor_client, country, city, zone):
    CountryFactory(code=country)
    data = _event_post(host_country=country, city_en=city, start_time="10:00")
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().timezone == zone


def test_admin_event_time_zone_chosen_by_the_editor_is_kept(editor_client):
    CountryFactory(code="RU")
    data = _event_post(host_country="RU", timezone="Asia/Omsk")
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().timezone == "Asia/Omsk"


def test_admin_event_without_a_place_is_in_utc(editor_client):
    response = editor_client.post(reverse("admin:events_event_add"), _event_post())
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().timezone == "UTC"


def test_zone_for_place_without_a_country_is_unknown():
    assert (zone_for_place(country_code=None), zone_for_place(country_code="XX")) == (None, None)


def test_admin_event_slug_has_the_year_so_annual_events_do_not_collide(editor_client):
    for year in ("2023", "2024"):
        data = _event_post(start_date=f"{year}-05-01")
        response = editor_client.post(reverse("admin:events_event_add"), data)
        assert response.status_code == 302, form_errors(response)
    assert sorted(Event.objects.values_list("slug", flat=True)) == [
        "international-youth-forum-2023",
        "international-youth-forum-2024",
    ]


def test_admin_event_form_writes_times_without_seconds_and_names_links(editor_client):
    event = EventFactory(start_time=datetime.time(10, 0), end_time=datetime.time(12, 30))
    SourceFactory(event=event)
    html = editor_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert re.search(r'name="start_time" value="([^"]*)"', html).group(1) == "10:00"
    assert re.search(r'name="end_time" value="([^"]*)"', html).group(1) == "12:30"
    assert "Link (URL)" in html
    assert 'data-prepopulated-fields="[]"' in html


def test_admin_event_rows_are_ordered_by_their_place_not_typed(editor_client):
    first, second = OrganizationFactory(), OrganizationFactory()
    data = _event_post(
        **management_form("organization_roles", total=3),
        **{
            "organization_roles-0-organization": str(first.pk),
            "organization_roles-0-role": "organizer",
            "organization_roles-0-order": "",
            "organization_roles-1-organization": str(second.pk),
            "organization_roles-1-role": "supporter",
            "organization_roles-1-order": "",
            # An empty row that only got its place from the page is not saved.
            "organization_roles-2-order": "2",
        },
    )
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)
    event = Event.objects.get()
    assert list(event.organization_roles.values_list("organization", "order")) == [
        (first.pk, 0),
        (second.pk, 1),
    ]


def test_admin_event_rows_dragged_into_a_new_order_keep_it(editor_client):
    event = EventFactory()
    rows = [EventOrganizationFactory(event=event, order=index) for index in range(2)]
    data = _event_post(
        title_en=event.title_en,
        slug=event.slug,
        start_date=event.start_date.isoformat(),
        timezone=event.timezone,
        opened_version=str(event.version),
        **management_form("organization_roles", total=2, initial=2),
        **{
            f"organization_roles-{index}-{name}": value
            for index, row in enumerate(rows)
            for name, value in {
                "id": str(row.pk),
                "event": str(event.pk),
                "organization": str(row.organization_id),
                "role": row.role,
                "order": str(1 - index),
            }.items()
        },
    )
    response = editor_client.post(reverse("admin:events_event_change", args=[event.pk]), data)
    assert response.status_code == 302, form_errors(response)
    assert list(event.organization_roles.values_list("pk", flat=True)) == [rows[1].pk, rows[0].pk]


# --- completeness -------------------------------------------------------------


def _complete(**overrides):
    texts = {
        f"{field}_{code}": f"{field} {code}"
        for field in ("title", "summary")
        for code in ("en", "ru", "ky")
    }
    return EventFactory(**{**texts, **overrides})


def test_admin_event_changelist_shows_missing_languages_and_filters_them(editor_client):
    complete = _complete()
    no_kyrgyz = _complete(summary_ky=None)
    no_russian = _complete(title_ru="")
    url = reverse("admin:events_event_changelist")
    html = editor_client.get(url).content.decode()
    cells = dict(
        re.findall(
            r'<a href="/admin/events/event/(\d+)/change/[^"]*">[^<]*</a></th>.*?'
            r'<td class="field-languages_column">(.*?)</td>',
            html,
            re.S,
        )
    )
    assert re.sub(r"<[^>]+>", "", cells[str(complete.pk)]) == "✓"
    assert re.sub(r"<[^>]+>", "", cells[str(no_kyrgyz.pk)]) == "ky"
    assert re.sub(r"<[^>]+>", "", cells[str(no_russian.pk)]) == "ru"

    def listed(query: str) -> list[int]:
        response = editor_client.get(url + query)
        return sorted(event.pk for event in response.context["cl"].result_list)

    assert listed("?missing=ky") == [no_kyrgyz.pk]
    assert listed("?missing=ru") == [no_russian.pk]
    assert listed("?missing=none") == [complete.pk]
    assert listed("?missing=en") == []


def test_admin_event_publishing_without_every_language_asks_first(editor_client):
    data = _event_post(status="published", summary_en="A summary")
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["publish_incomplete"] == [
        "The title or the summary is missing in: Russian, Kyrgyz. Fill them in, or tick "
        "“Publish even though some languages are missing”."
    ]
    assert Event.objects.count() == 0
    response = editor_client.post(
        reverse("admin:events_event_add"), {**data, "publish_incomplete": "on"}
    )
    assert response.status_code == 302, form_errors(response)
    assert Event.objects.get().status == "published"


def test_admin_event_publishing_with_every_language_needs_no_confirmation(editor_client):
    texts = {
        f"{field}_{code}": f"{field} {code}"
        for field in ("title", "summary")
        for code in ("en", "ru", "ky")
    }
    data = _event_post(status="published", **texts)
    response = editor_client.post(reverse("admin:events_event_add"), data)
    assert response.status_code == 302, form_errors(response)


def test_admin_publish_action_warns_of_missing_languages(editor_client):
    event = EventFactory(status="draft", title_en="Forum", summary_ru=None)
    response = editor_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "publish", "_selected_action": [str(event.pk)]},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "1 event is now “published”.",
        "Published without a title or summary in every language (readers see a fallback): Forum.",
    ]
