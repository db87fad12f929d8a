"""Writing people and organizations through the API with a token."""

import pytest

from people.models import Organization, Person
from tests.factories import (
    CountryFactory,
    EditorFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    RegionFactory,
)
from tests.http import ORGANIZATION, PERSON, authorize, error_pairs

pytestmark = pytest.mark.django_db


def test_people_and_organizations_round_trip(api_client, token_for):
    authorize(api_client, token_for(EditorFactory()))
    organization = api_client.post("/api/v1/organizations/", ORGANIZATION, format="json")
    assert organization.status_code == 201, organization.json()
    assert organization.json()["slug"] == "civic-chamber"
    person = api_client.post(
        "/api/v1/people/",
        {
            **PERSON,
            "country": "ru",
            "positions": [
                {"title": {"en": "Member", "ru": "Член"}, "organization": "civic-chamber"}
            ],
        },
        format="json",
    )
    assert person.status_code == 201, person.json()
    data = person.json()
    assert (data["slug"], data["country"]["code"], data["name"]["ru"]) == (
        "anna-ivanova",
        "RU",
        "Анна Ivanova",
    )
    assert [(p["title"]["ru"], p["organization"]["slug"]) for p in data["positions"]] == [
        ("Член", "civic-chamber")
    ]
    position_id = data["positions"][0]["id"]
    updated = api_client.patch(
        "/api/v1/people/anna-ivanova/",
        {
            "family_name": {"ru": "Иванова"},
            "positions": [{"id": position_id, "title": {"en": "Chair"}}],
        },
        format="json",
    )
    assert updated.status_code == 200, updated.json()
    assert updated.json()["name"]["ru"] == "Анна Иванова"
    assert [p["id"] for p in updated.json()["positions"]] == [position_id]
    assert Person.objects.get().positions.get().title_en == "Chair"


def test_deleting_a_person_who_took_part_is_a_conflict_naming_the_event(api_client, token_for):
    participation = ParticipationFactory(person=PersonFactory(slug="kosachev"))
    event, person = participation.event, participation.person
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.delete("/api/v1/people/kosachev/")
    assert response.status_code == 409
    assert response.json() == {
        "type": "client_error",
        "errors": [
            {
                "code": "protected",
                "detail": "This person appears in events or competitions; remove them there first.",
                "attr": None,
            },
            {
                "code": "protected",
                "detail": f"Referred to by participant “{person.name}” of event "
                f"“{event.title}” ({event.slug}).",
                "attr": None,
            },
        ],
    }
    assert Person.objects.filter(pk=participation.person_id).exists()


def test_organization_errors(api_client, token_for):
    OrganizationFactory(slug="taken")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post(
        "/api/v1/organizations/",
        {
            "name": {"en": "X"},
            "slug": "taken",
            "kind": "club",
            "parent": "nope",
            "website": "not a url",
        },
        format="json",
    )
    assert response.status_code == 400
    assert sorted(error_pairs(response)) == [
        ("kind", '"club" is not a valid choice.'),
        ("parent", "Object with slug=nope does not exist."),
        ("website", "Enter a valid URL."),
    ]
    assert Organization.objects.count() == 1


def test_position_errors_name_their_row(api_client, token_for):
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post(
        "/api/v1/people/",
        {
            **PERSON,
            "positions": [
                {"title": {"en": "Rector"}},
                {"title": {"en": "Dean"}, "start_date": "2020-01-01", "end_date": "2019-01-01"},
            ],
        },
        format="json",
    )
    assert error_pairs(response) == [
        ("positions.1.non_field_errors", "A position cannot end before it starts.")
    ]
    assert Person.objects.count() == 0


def test_an_organization_has_a_region_in_its_country(api_client, token_for):
    russia = CountryFactory(code="QR")
    RegionFactory(country=russia, code="QR-TA", name_en="Tatarstan")
    RegionFactory(country=CountryFactory(code="QK"), code="QK-GB")
    authorize(api_client, token_for(EditorFactory()))
    created = api_client.post(
        "/api/v1/organizations/",
        {**ORGANIZATION, "country": "QR", "region": "qr-ta"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert (created.json()["region"]["code"], created.json()["region"]["name"]["en"]) == (
        "QR-TA",
        "Tatarstan",
    )
    slug = created.json()["slug"]
    assert [
        row["slug"]
        for row in api_client.get("/api/v1/organizations/?region=QR-TA").json()["results"]
    ] == [slug]
    wrong = api_client.patch(f"/api/v1/organizations/{slug}/", {"region": "QK-GB"}, format="json")
    assert error_pairs(wrong) == [
        ("non_field_errors", "The region must belong to the organization's country.")
    ]
    assert Organization.objects.get().region_id == "QR-TA"
