"""Reading people, countries and regions through the API."""

import pytest

pytestmark = pytest.mark.django_db


def test_person_with_positions(api_client, seed):
    data = api_client.get("/api/v1/people/vladimir-zorin/").json()
    assert data["name"]["ru"] == "Владимир Зорин"
    assert data["patronymic"]["ru"] == "Юрьевич"
    assert sorted(position["organization"]["slug"] for position in data["positions"]) == [
        "assembly-of-the-peoples-of-russia",
        "civic-chamber-of-russia",
        "presidential-council-for-interethnic-relations",
    ]


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("/api/v1/countries/kg/", "KG"),
        ("/api/v1/countries/KG/", "KG"),
        ("/api/v1/regions/kg-gb/", "KG-GB"),
    ],
)
def test_countries_and_regions_by_code_in_any_case(api_client, url, code):
    response = api_client.get(url)
    assert (response.status_code, response.json()["code"]) == (200, code)
