"""Reading events and competitions through the API, and what the public may see."""

import pytest

from tests.factories import EditorFactory, EventFactory, UserFactory
from tests.seed import SEED

pytestmark = pytest.mark.django_db


def test_seed_round_table_in_full(api_client, seed):
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
        "name": {"en": "Kyrgyzstan", "ru": "Кыргызстан", "ky": "Кыргызстан"},
    }
    assert data["region"]["code"] == "KG-GB"
    assert data["city"] == {"en": "Bishkek", "ru": "Бишкек", "ky": "Бишкек"}
    assert data["edition"] == {
        "competition": "leader-of-peoples-diplomacy",
        "year": 2023,
        "title": {
            "en": "Leader of People’s Diplomacy",
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
    # The original as said, and the editors' translations beside it.
    kosachev = data["quotes"][0]
    assert kosachev["text"].startswith("Relations between states are called people’s relations")
    assert kosachev["translations"]["en"] is None
    assert kosachev["translations"]["ru"].startswith(
        "Межгосударственные отношения не случайно называют отношениями между народами."
    )
    assert kosachev["translations"]["ky"].startswith(
        "Мамлекеттер аралык мамилелерди элдер аралык мамилелер деп бекеринен айтышпайт."
    )
    assert data["sources"] == [
        {
            "title": {
                "en": "The Eurasian Peoples’ Assembly brings Russia and Kyrgyzstan closer",
                "ru": "Ассамблея народов Евразии сближает Россию и Кыргызстан",
                "ky": "Евразия элдеринин Ассамблеясы Россия менен Кыргызстанды жакындатат",
            },
            "url": "",
            "publisher": "",
            "publisher_organization": "eurasian-peoples-assembly",
            "rubric": {
                "en": "Regions of Russia",
                "ru": "Регионы России",
                "ky": "Россиянын региондору",
            },
            "published_at": "2023-04-24T18:42:00Z",
        }
    ]


def test_competition_editions_and_figures(api_client, seed):
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


def test_drafts_are_hidden_from_the_public_and_shown_to_editors(api_client, token_for):
    EventFactory(slug="public", status="published")
    EventFactory(slug="called-off", status="cancelled")
    EventFactory(slug="draft", status="draft")
    anonymous = sorted(row["slug"] for row in api_client.get("/api/v1/events/").json()["results"])
    assert anonymous == ["called-off", "public"]
    assert api_client.get("/api/v1/events/draft/").status_code == 404
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(UserFactory())}")
    assert api_client.get("/api/v1/events/draft/").status_code == 404
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(EditorFactory())}")
    editor = sorted(row["slug"] for row in api_client.get("/api/v1/events/").json()["results"])
    assert editor == ["called-off", "draft", "public"]
    assert api_client.get("/api/v1/events/draft/").json()["status"] == "draft"


def test_a_draft_parent_is_not_named_to_the_public(api_client, token_for):
    parent = EventFactory(slug="secret-summit", status="draft")
    EventFactory(slug="side-event", status="published", parent=parent)
    assert api_client.get("/api/v1/events/side-event/").json()["parent"] is None
    # Asking for a draft's children answers exactly as for an unknown slug.
    draft = api_client.get("/api/v1/events/?parent=secret-summit")
    unknown = api_client.get("/api/v1/events/?parent=no-such-event")
    assert (draft.status_code, draft.json()) == (unknown.status_code, unknown.json())
    api_client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(EditorFactory())}")
    assert api_client.get("/api/v1/events/side-event/").json()["parent"]["slug"] == "secret-summit"
