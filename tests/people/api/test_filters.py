"""The filters of the people, organization, country and region lists."""

import pytest
from django.core.management import call_command

from tests.factories import (
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "query", "expected"),
    [
        ("/api/v1/people/", "q=Иванова", ["ivanova"]),
        ("/api/v1/people/", "organization=apr", ["ivanova"]),
        ("/api/v1/organizations/", "q=Ассамблея", ["apr"]),
        ("/api/v1/organizations/", "kind=university", ["bsu"]),
        ("/api/v1/countries/", "q=кыргызстан", ["KG"]),
        ("/api/v1/regions/", "country=kg&q=osh&ordering=code", ["KG-GO", "KG-O"]),
    ],
)
def test_other_lists_filter(api_client, path, query, expected):
    apr = OrganizationFactory(slug="apr", name_ru="Ассамблея народов России")
    OrganizationFactory(slug="bsu", kind="university")
    person = PersonFactory(slug="ivanova", family_name_ru="Иванова")
    person.positions.create(organization=apr, title_en="Member")
    PersonFactory(slug="petrov")
    call_command("rebuild_search_index")
    response = api_client.get(f"{path}?{query}")
    assert response.status_code == 200
    key = "slug" if "slug" in response.json()["results"][0] else "code"
    assert [row[key] for row in response.json()["results"]] == expected
