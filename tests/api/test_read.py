"""Reading the API as a third party: the seed record, lists, details, lookups."""

import pytest
from django.core.management import call_command

from events.models import Event

pytestmark = pytest.mark.django_db

SEED = "round-table-public-diplomacy-russia-kyrgyzstan-2023"


@pytest.fixture
def demo(db):
    call_command("load_demo_data")
    return Event.objects.get(slug=SEED)


def test_seed_round_table_in_full(api_client, demo):
    response = api_client.get(f"/api/v1/round-tables/{SEED}/")
    assert response.status_code == 200
    data = response.json()
    assert (data["kind"], data["status"], data["start"], data["end"], data["timezone"]) == (
        "round_table",
        "published",
        "2023-04-24",
        "2023-04-24",
        "Asia/Bishkek",
    )
    assert data["url"] == f"http://testserver/en/events/{SEED}/"
    assert data["host_country"] == {
        "code": "KG",
        "name": {"en": "Kyrgyzstan", "ru": "Киргизия", "ky": "Кыргызстан"},
    }
    assert data["region"]["code"] == "KG-GB"
    assert data["city"] == {"en": "Bishkek", "ru": "Бишкек", "ky": "Бишкек"}
    assert data["edition"] == {
        "competition": "leader-of-peoples-diplomacy",
        "year": 2023,
        "title": {
            "en": "Leader of People's Diplomacy",
            "ru": "Лидер народной дипломатии",
            "ky": "Элдик дипломатиянын лидери",
        },
    }
    assert [(o["organization"]["slug"], o["role"]) for o in data["organizations"]] == [
        ("assembly-of-the-peoples-of-russia", "organizer"),
        ("assembly-of-the-peoples-of-kyrgyzstan", "partner"),
        ("eurasian-peoples-assembly", "supporter"),
        ("rossotrudnichestvo", "supporter"),
    ]
    participants = [
        (p["person"]["slug"] if p["person"] else None, p["role"], p["position"]["en"][:40])
        for p in data["participants"]
    ]
    assert participants == [
        ("konstantin-kosachev", "welcome_address", "Senator of the Russian Federation, Deput"),
        ("svetlana-smirnova", "moderator", "First Deputy Secretary General - Head of"),
        ("nikolay-udovichenko", "attendee", "Ambassador Extraordinary and Plenipotent"),
        ("altynbek-maksutov", "attendee", "Minister of Culture, Information, Sports"),
        ("vladimir-zorin", "attendee", "Co-Chairman of the Council of the Assemb"),
        ("abdylda-musaev", "attendee", "Rector of Bishkek State University"),
        ("larisa-khoperskaya", "attendee", "Chairman of the Association of Higher Ed"),
        ("zarina-umetalieva", "attendee", "Head of the Center for Eurasian Studies"),
        ("valery-ruzin", "attendee", "Deputy Secretary General of the Eurasian"),
        (None, "attendee", "Director of the National Center for Publ"),
    ]
    kosachev = data["participants"][0]
    assert kosachev["person"]["name"] == {
        "en": "Konstantin Kosachev",
        "ru": "Константин Косачёв",
        "ky": "Константин Косачёв",
    }
    assert kosachev["position"]["ru"] == (
        "Сенатор Российской Федерации, заместитель Председателя Совета Федерации"
    )
    assert data["participants"][-1]["organization"]["slug"] == (
        "sco-national-center-for-public-diplomacy"
    )
    assert sorted(c["code"] for c in data["countries"]) == ["KG", "RU"]
    assert sorted(t["slug"] for t in data["topics"]) == [
        "culture",
        "education",
        "information-space",
        "interethnic-relations",
        "science",
    ]
    assert [(q["person"]["slug"], q["language"]) for q in data["quotes"]] == [
        ("konstantin-kosachev", "en"),
        ("svetlana-smirnova", "en"),
    ]
    assert data["sources"] == [
        {
            "title": {
                "en": "The Eurasian Peoples' Assembly brings Russia and Kyrgyzstan closer",
                "ru": "Ассамблея народов Евразии сближает Россию и Кыргызстан",
                "ky": "Евразия элдеринин Ассамблеясы Россия менен Кыргызстанды жакындатат",
            },
            "url": "",
            "publisher": "",
            "rubric": {
                "en": "Regions of Russia",
                "ru": "Регионы России",
                "ky": "Россиянын региондору",
            },
            "published_at": "2023-04-24T18:42:00Z",
        }
    ]


def test_competition_editions_and_figures(api_client, demo):
    response = api_client.get("/api/v1/competitions/leader-of-peoples-diplomacy/")
    assert response.status_code == 200
    editions = {edition["year"]: edition for edition in response.json()["editions"]}
    assert list(editions) == [2023, 2022]
    first = editions[2022]
    assert {key: first["reported"][key] for key in ("regions", "countries", "participants")} == {
        "regions": 34,
        "countries": 23,
        "participants": None,
    }
    assert first["reported"]["text"]["ru"] == (
        "Представители некоммерческого сектора из 34 регионов России и 23 стран"
    )
    assert sorted(c["code"] for c in first["reported"]["countries_named"]) == sorted(
        ["TR", "RO", "MD", "FR", "CA", "IT", "MX", "IN", "SA", "GE", "UZ"]
    )
    assert first["derived"] == {"entries": 0, "regions": 0, "countries": 0}
    assert [event["slug"] for event in editions[2023]["events"]] == [SEED]


def test_person_with_positions(api_client, demo):
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


@pytest.mark.parametrize(
    "url", ["/api/v1/events/nope/", "/api/v1/countries/qq/", "/api/v1/people/nobody/"]
)
def test_unknown_records_are_404(api_client, url):
    response = api_client.get(url)
    assert response.status_code == 404
    assert response.json() == {
        "type": "client_error",
        "errors": [{"code": "not_found", "detail": "Not found.", "attr": None}],
    }
