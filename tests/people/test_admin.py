"""Editing people and their positions in the admin."""

import pytest
from django.urls import reverse

from people.models import Position
from tests.factories import (
    PersonFactory,
    PositionFactory,
)
from tests.forms import admin_form_errors, form_errors, management_form

pytestmark = pytest.mark.django_db


def test_admin_position_ending_before_start_is_a_form_error(editor_client):
    person = PersonFactory()
    url = reverse("admin:people_person_change", args=[person.pk])
    data = {
        "given_name_en": "Ivan",
        "family_name_en": "Petrov",
        "slug": person.slug,
        **management_form("positions", total=1),
        "positions-0-title_en": "Rector",
        "positions-0-start_date": "2020-01-01",
        "positions-0-end_date": "2019-01-01",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert admin_form_errors(response) == {
        "positions-0-__all__": ["A position cannot end before it starts."]
    }
    assert Position.objects.count() == 0


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


def test_admin_country_shown_name_is_editable_and_kept_on_reload(client):
    from django.core.management import call_command

    from people.models import Country
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:people_country_change", args=["KG"])
    page = client.get(url).content.decode()
    # The ISO names are shown for reference, not as fields.
    assert "Kyrgyzstan · Киргизия · Кыргызстан" in page
    assert 'name="iso_name_ru"' not in page
    response = client.post(
        url, {"name_en": "Kyrgyz Republic", "name_ru": "Кыргызстан", "name_ky": "Кыргызстан"}
    )
    assert response.status_code == 302, form_errors(response)
    call_command("load_reference_data", verbosity=0)
    kyrgyzstan = Country.objects.get(code="KG")
    assert (kyrgyzstan.name_en, kyrgyzstan.iso_name_en) == ("Kyrgyz Republic", "Kyrgyzstan")
    assert client.get(reverse("admin:people_country_add")).status_code == 403


def test_deleting_a_person_in_the_admin_moves_them_to_the_trash(editor_client):
    from people.models import DeletedPerson, Person

    person = PersonFactory(family_name_en="Ivanova")
    PositionFactory(person=person)
    url = reverse("admin:people_person_delete", args=[person.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert DeletedPerson.objects.get().positions.count() == 1
    trash = reverse("admin:people_deletedperson_changelist")
    restore = {"action": "restore_selected", "_selected_action": [str(person.pk)]}
    assert editor_client.post(trash, restore).status_code == 302
    assert Person.objects.get().positions.count() == 1


def test_a_person_who_took_part_cannot_be_deleted_in_the_admin(editor_client):
    from people.models import Person
    from tests.factories import ParticipationFactory

    participation = ParticipationFactory()
    url = reverse("admin:people_person_delete", args=[participation.person_id])
    page = editor_client.get(url).content.decode()
    assert f"participant: {participation.person}" in page
    refused = editor_client.post(url, {"post": "yes"})
    assert (refused.status_code, "Cannot delete" in refused.content.decode()) == (200, True)
    assert Person.objects.filter(pk=participation.person_id).exists()
