"""Duplicates offered before a person or an organization is created, and
merging them (with history, search, redirects and undo), through the admin."""

import pytest
from django.urls import reverse

from events.models import Participation, Quote
from people.models import Merge, Organization, Person, Position
from people.selectors import search_people
from tests.factories import (
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
)
from tests.forms import form_errors, management_form

pytestmark = pytest.mark.django_db


def _person_post(**names) -> dict[str, str]:
    return {
        "slug": "",
        **names,
        **management_form("positions"),
    }


def _kosachev() -> Person:
    return PersonFactory(
        given_name_en="Konstantin",
        family_name_en="Kosachev",
        given_name_ru=None,
        family_name_ru=None,
        given_name_ky=None,
        family_name_ky=None,
        slug="konstantin-kosachev",
    )


@pytest.mark.parametrize(
    "names",
    [
        {"given_name_ru": "Константин", "family_name_ru": "Косачёв"},
        {"given_name_en": "Konstantin", "family_name_en": "Kosachyov"},
        {"given_name_en": "K.", "family_name_en": "Kosachev"},
    ],
)
def test_admin_person_add_offers_likely_duplicates_first(editor_client, names):
    existing = _kosachev()
    url = reverse("admin:people_person_add")
    response = editor_client.post(url, _person_post(**names))
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["not_a_duplicate"]
    change = reverse("admin:people_person_change", args=[existing.pk])
    assert error == (
        f'This may already be on record: <a href="{change}" target="_blank">Konstantin Kosachev</a>'
    )
    assert Person.objects.count() == 1
    response = editor_client.post(url, {**_person_post(**names), "not_a_duplicate": "on"})
    assert response.status_code == 302, form_errors(response)
    assert Person.objects.count() == 2


def test_admin_person_add_of_someone_new_saves_at_once(editor_client):
    _kosachev()
    data = _person_post(given_name_en="Svetlana", family_name_en="Smirnova")
    response = editor_client.post(reverse("admin:people_person_add"), data)
    assert response.status_code == 302, form_errors(response)


def test_admin_organization_add_offers_likely_duplicates_first(editor_client):
    existing = OrganizationFactory(
        name_en="Assembly of the Peoples of Russia", name_ru="Ассамблея народов России"
    )
    data = {"slug": "", "name_en": "Assembly of Peoples of Russia", "kind": "ngo"}
    data.update(management_form("positions"))
    response = editor_client.post(reverse("admin:people_organization_add"), data)
    assert response.status_code == 200
    (error,) = response.context["adminform"].form.errors["not_a_duplicate"]
    assert f"/admin/people/organization/{existing.pk}/change/" in error


def _merge(editor_client, model: str, kept, merged):
    url = reverse(f"admin:people_{model}_changelist")
    selection = {"action": "merge_selected", "_selected_action": [str(kept.pk), str(merged.pk)]}
    page = editor_client.post(url, selection)
    assert page.status_code == 200
    assert [record for record, _summary in page.context["records"]] == sorted(
        [kept, merged], key=lambda record: record.pk
    )
    return editor_client.post(url, {**selection, "kept": str(kept.pk)}, follow=True)


def test_admin_merge_moves_everything_keeps_names_history_and_redirects(client, editor_client):
    kept = _kosachev()
    duplicate = PersonFactory(
        given_name_en=None,
        family_name_en=None,
        given_name_ru="Константин",
        family_name_ru="Косачёв",
        slug="konstantin-kosachiov",
    )
    event = EventFactory(status="published")
    participation = ParticipationFactory(event=event, person=duplicate, role="welcome_address")
    quote = QuoteFactory(event=event, person=duplicate)
    position = PositionFactory(person=duplicate, title_en="Deputy Chairman")

    response = _merge(editor_client, "person", kept, duplicate)
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "1 record was merged into “Konstantin Kosachev”. To undo, select it and choose "
        "“Undo merges into the selected records”."
    ]
    assert Participation.objects.get(pk=participation.pk).person_id == kept.pk
    assert Quote.objects.get(pk=quote.pk).person_id == kept.pk
    assert Position.objects.get(pk=position.pk).person_id == kept.pk
    duplicate = Person.all_objects.get(pk=duplicate.pk)
    assert duplicate.deleted_at is not None
    kept.refresh_from_db()
    assert kept.known_names == "Константин\nКосачёв"
    # The history of the moved row and of both records tells the story.
    assert participation.history.count() == 2
    assert kept.history.first().history_change_reason == "Merged with Константин Косачёв"
    assert duplicate.history.first().history_change_reason == "Merged into Konstantin Kosachev"
    # The old spelling still finds the kept record.
    assert [person.pk for person in search_people("Косачёв", limit=5)] == [kept.pk]
    # The duplicate's page and API answer send readers to the kept one.
    page = client.get("/en/people/konstantin-kosachiov/")
    assert (page.status_code, page["Location"]) == (301, "/en/people/konstantin-kosachev/")
    api = client.get("/api/v1/people/konstantin-kosachiov/?format=json")
    assert (api.status_code, api["Location"]) == (
        301,
        "/api/v1/people/konstantin-kosachev/?format=json",
    )
    assert client.get("/en/people/nobody-at-all/").status_code == 404


def test_admin_merge_undo_puts_everything_back(client, editor_client):
    kept, duplicate = _kosachev(), PersonFactory(slug="k-kosachiov")
    participation = ParticipationFactory(person=duplicate)
    _merge(editor_client, "person", kept, duplicate)
    response = editor_client.post(
        reverse("admin:people_person_changelist"),
        {"action": "undo_merges", "_selected_action": [str(kept.pk)]},
        follow=True,
    )
    assert [str(message) for message in response.context["messages"]] == ["Merges undone: 1."]
    assert Participation.objects.get(pk=participation.pk).person_id == duplicate.pk
    assert Person.objects.get(pk=duplicate.pk).deleted_at is None
    kept.refresh_from_db()
    assert (kept.known_names, Merge.objects.count()) == ("", 0)
    assert client.get("/en/people/k-kosachiov/").status_code == 200


def test_admin_merge_of_two_in_the_same_role_at_one_event_is_refused(editor_client):
    kept, duplicate = _kosachev(), PersonFactory()
    event = EventFactory()
    ParticipationFactory(event=event, person=kept, role="speaker")
    ParticipationFactory(event=event, person=duplicate, role="speaker")
    response = _merge(editor_client, "person", kept, duplicate)
    (message,) = [str(message) for message in response.context["messages"]]
    assert message.startswith("Both records appear in the same place (participant: ")
    assert Person.objects.filter(pk=duplicate.pk).exists()
    assert Merge.objects.count() == 0


def test_admin_merge_of_organizations_moves_posts_and_roles(client, editor_client):
    kept = OrganizationFactory(slug="apr")
    duplicate = OrganizationFactory(slug="apr-2")
    position = PositionFactory(organization=duplicate)
    child = OrganizationFactory(parent=duplicate)
    _merge(editor_client, "organization", kept, duplicate)
    position.refresh_from_db()
    child.refresh_from_db()
    assert (position.organization_id, child.parent_id) == (kept.pk, kept.pk)
    assert Organization.trash.filter(pk=duplicate.pk).exists()
    page = client.get("/en/organizations/apr-2/")
    assert (page.status_code, page["Location"]) == (301, "/en/organizations/apr/")


def test_admin_person_add_with_a_post_in_one_step(editor_client):
    existing = OrganizationFactory(name_en="Bishkek State University")
    data = _person_post(
        given_name_ru="Абдылда",
        family_name_ru="Мусаев",
        post_title="Rector",
        post_organization="Bishkek State University",
    )
    response = editor_client.post(reverse("admin:people_person_add"), data)
    assert response.status_code == 302, form_errors(response)
    data = _person_post(
        given_name_en="Zarina",
        family_name_en="Umetalieva",
        post_title="Head",
        post_organization="Center for Eurasian Studies",
    )
    response = editor_client.post(reverse("admin:people_person_add"), data)
    assert response.status_code == 302, form_errors(response)
    posts = Position.objects.order_by("title").values_list("title", "organization__name")
    assert list(posts) == [("Head", "Center for Eurasian Studies"), ("Rector", existing.name)]
