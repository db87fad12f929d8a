"""Two editors on one event, and the trash: conflicts are refused with who
changed what and when, deleted events come back whole."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.models import DeletedEvent, Event
from tests.factories import (
    CountryFactory,
    EditorFactory,
    EventFactory,
    EventOrganizationFactory,
    OutcomeFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    SourceFactory,
    TopicFactory,
    UserFactory,
)
from tests.forms import form_errors, management_form

pytestmark = pytest.mark.django_db


def _conflict(response) -> str:
    """The form's error about the record as a whole."""
    html = response.content.decode()
    errors = re.search(r'<ul class="errorlist nonfield">(.*?)</ul>', html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", errors).strip()


def _opened_version(response) -> str:
    html = response.content.decode()
    return re.search(r'name="opened_version" value="(\d+)"', html).group(1)


def _change_post(event: Event, opened_version: str, **overrides) -> dict[str, str]:
    data = {
        "title_en": event.title_en,
        "title_ru": event.title_ru or "",
        "slug": event.slug,
        "kind": event.kind,
        "status": event.status,
        "start_date": event.start_date.isoformat(),
        "timezone": event.timezone,
        "city_en": event.city_en or "",
        "host_country": event.host_country_id or "",
        "opened_version": opened_version,
        **management_form("organization_roles"),
        **management_form("participations"),
        **management_form("quotes"),
        **management_form("sources"),
        **management_form("outcomes"),
        **management_form("reported_figures"),
    }
    data.update(overrides)
    return data


def _clients(*names):
    clients = []
    for name in names:
        client = Client()
        user = EditorFactory(username=name, first_name=name.title(), last_name="Editor")
        client.force_login(user)
        clients.append(client)
    return clients


def test_a_stale_admin_form_is_refused_naming_who_changed_what_and_when():
    event = EventFactory(title_en="Forum", city_en="Bishkek")
    url = reverse("admin:events_event_change", args=[event.pk])
    anna, boris = _clients("anna", "boris")
    opened = _opened_version(anna.get(url))
    assert _opened_version(boris.get(url)) == opened
    saved = anna.post(url, _change_post(event, opened, title_en="Youth forum"))
    assert saved.status_code == 302, form_errors(saved)
    when = timezone.localtime(Event.history.latest().history_date).strftime("%Y-%m-%d %H:%M %Z")

    refused = boris.post(url, _change_post(event, opened, city_en="Osh"))

    assert refused.status_code == 200
    assert _conflict(refused) == (
        "Someone else saved this record after you opened it; nothing was saved. "
        f"Anna Editor changed title [en] at {when}. "
        "Your changes are still in the form below. Compare them with the record as it is "
        "now (open it in a new tab); saving again replaces their changes with what this "
        "form holds."
    )
    # Boris's input is kept, and the form now holds the version Anna saved.
    assert 'name="city_en" value="Osh"' in refused.content.decode()
    assert _opened_version(refused) == str(int(opened) + 1)
    event.refresh_from_db()
    assert (event.title_en, event.city_en) == ("Youth forum", "Bishkek")
    # Saving the refused form again is a deliberate choice, and is saved.
    again = boris.post(
        url, _change_post(event, _opened_version(refused), city_en="Osh", title_en="Youth forum")
    )
    assert again.status_code == 302, form_errors(again)
    event.refresh_from_db()
    assert (event.title_en, event.city_en) == ("Youth forum", "Osh")


def test_a_change_to_the_inlines_alone_is_a_conflict_too():
    event = EventFactory(title_en="Forum")
    person = PersonFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    anna, boris = _clients("anna", "boris")
    opened = _opened_version(anna.get(url))
    rows = {
        **management_form("participations", total=1),
        "participations-0-person": str(person.pk),
        "participations-0-role": "speaker",
        "participations-0-order": "0",
    }
    assert anna.post(url, _change_post(event, opened, **rows)).status_code == 302

    refused = boris.post(url, _change_post(event, opened, title_en="Renamed"))

    assert "Anna Editor changed participants at " in _conflict(refused)
    event.refresh_from_db()
    assert (event.title_en, event.participations.count()) == ("Forum", 1)


def test_an_api_write_in_between_is_a_conflict_in_the_admin(api_client, token_for):
    event = EventFactory(slug="forum", title_en="Forum")
    url = reverse("admin:events_event_change", args=[event.pk])
    (anna,) = _clients("anna")
    opened = _opened_version(anna.get(url))
    partner = EditorFactory(username="partner")
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(partner)}")
    patch = api_client.patch("/api/v1/events/forum/", {"city": {"en": "Osh"}}, format="json")
    assert patch.status_code == 200

    refused = anna.post(url, _change_post(event, opened, title_en="Renamed"))

    assert "partner changed city [en] at " in _conflict(refused)
    event.refresh_from_db()
    assert (event.title_en, event.city_en) == ("Forum", "Osh")


def _full_event() -> Event:
    event = EventFactory(slug="forum", status="published")
    ParticipationFactory(event=event)
    ParticipationFactory(event=event, role="moderator")
    EventOrganizationFactory(event=event)
    QuoteFactory(event=event)
    SourceFactory(event=event)
    event.topics.add(TopicFactory())
    event.countries.add(CountryFactory(), CountryFactory())
    return event


def _without_updated_at(data: dict) -> dict:
    return {key: value for key, value in data.items() if key != "updated_at"}


def test_deleted_in_the_admin_then_restored_the_event_is_back_whole(editor_client, api_client):
    event = _full_event()
    before = api_client.get("/api/v1/events/forum/").json()
    since = timezone.now().isoformat().replace("+", "%2B")

    delete_url = reverse("admin:events_event_delete", args=[event.pk])
    confirm = editor_client.get(delete_url).content.decode()
    assert f"<li>{event.title_en}</li>" in confirm
    assert "Participant" not in confirm  # its rows stay with it in the trash
    assert editor_client.post(delete_url, {"post": "yes"}).status_code == 302

    assert api_client.get("/api/v1/events/forum/").status_code == 404
    removed = api_client.get(f"/api/v1/removed-events/?since={since}").json()["results"]
    assert [(row["slug"], row["reason"]) for row in removed] == [("forum", "deleted")]
    trash_url = reverse("admin:events_deletedevent_changelist")
    listed = editor_client.get(trash_url).content.decode()
    assert event.title_en in listed
    assert '<td class="field-deleted_by">' in listed

    response = editor_client.post(
        trash_url, {"action": "restore_selected", "_selected_action": [str(event.pk)]}
    )
    assert response.status_code == 302

    after = api_client.get("/api/v1/events/forum/").json()
    assert _without_updated_at(after) == _without_updated_at(before)
    assert after["updated_at"] > before["updated_at"]
    assert len(after["participants"]) == 2
    assert len(after["countries"]) == 2
    # Public again, so no longer named as removed.
    assert api_client.get(f"/api/v1/removed-events/?since={since}").json()["results"] == []
    assert DeletedEvent.objects.count() == 0


def test_purging_needs_its_own_permission(editor_client):
    event = _full_event()
    editor_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    trash_url = reverse("admin:events_deletedevent_changelist")
    purge = {"action": "purge_selected", "_selected_action": [str(event.pk)]}
    # An editor may delete and restore, not purge.
    editor_client.post(trash_url, purge)
    assert Event.all_objects.filter(pk=event.pk).exists()

    purger = UserFactory(is_staff=True)
    purger.user_permissions.add(
        *Permission.objects.filter(codename__in=["delete_event", "purge_event", "view_event"])
    )
    client = Client()
    client.force_login(purger)
    assert client.post(trash_url, purge).status_code == 302
    assert not Event.all_objects.filter(pk=event.pk).exists()
    assert Event.history.filter(id=event.pk, history_type="-").count() == 1


def test_the_trash_is_hidden_from_those_who_may_not_delete():
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_event"))
    client = Client()
    client.force_login(viewer)
    assert client.get(reverse("admin:events_deletedevent_changelist")).status_code == 403


def test_two_editors_on_one_outcome_page_and_its_event_form():
    event = EventFactory(title_en="Forum")
    outcome = OutcomeFactory(event=event, title_en="Memorandum")
    outcome_url = reverse("admin:events_outcome_change", args=[outcome.pk])
    event_url = reverse("admin:events_event_change", args=[event.pk])
    anna, boris = _clients("anna", "boris")
    opened_outcome = _opened_version(boris.get(outcome_url))
    opened_event = _opened_version(boris.get(event_url))
    form = {
        "event": str(event.pk),
        "kind": outcome.kind,
        "order": "0",
        "slug": outcome.slug,
        "title_ru": outcome.title_ru,
        **management_form("parties"),
    }
    saved = anna.post(
        outcome_url,
        {
            **form,
            "title_en": "Signed memorandum",
            "opened_version": _opened_version(anna.get(outcome_url)),
        },
    )
    assert saved.status_code == 302, form_errors(saved)

    refused = boris.post(
        outcome_url, {**form, "title_en": "Draft memorandum", "opened_version": opened_outcome}
    )
    assert _conflict(refused).startswith(
        "Someone else saved this record after you opened it; nothing was saved. "
        "Anna Editor changed title [en] at "
    )
    # The outcome belongs to its event's form too: saving that form, opened
    # before Anna's save, would have written the old outcome back.
    event.refresh_from_db()
    refused = boris.post(event_url, _change_post(event, opened_event, title_en="Renamed"))
    assert _conflict(refused).startswith("Someone else saved this record after you opened it")
    outcome.refresh_from_db()
    event.refresh_from_db()
    assert (outcome.title_en, event.title_en) == ("Signed memorandum", "Forum")
