"""POST /api/v1/drafts/: the assistant's proposal for a report, as JSON, not saved."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command

from events.models import Event
from people.models import Organization, Person
from tests.factories import EditorFactory, OrganizationFactory, PersonFactory, UserFactory
from tests.http import authorize, error_pairs

pytestmark = pytest.mark.django_db

URL = "/api/v1/drafts/"
REPORTS = Path(__file__).parents[1] / "assistant" / "reports"
SEED = Path("/work/shared/seed/bishkek-round-table-2023.txt")
SEED_PATH = SEED if SEED.exists() else REPORTS / "seed-bishkek-round-table-2023.txt"

PEOPLE = [
    (
        "Konstantin Kosachev",
        "Senator of the Russian Federation, Deputy Chairman of the Federation Council",
        "welcome_address",
    ),
    (
        "Svetlana Smirnova",
        "First Deputy Secretary General - Head of the General Secretariat of the Eurasian "
        "Peoples' Assembly, Chairman of the Council of the Assembly of Peoples of Russia",
        "moderator",
    ),
    (
        "Nikolay Udovichenko",
        "Ambassador Extraordinary and Plenipotentiary of Russia to the Kyrgyz Republic",
        "attendee",
    ),
    (
        "Altynbek Maksutov",
        "Minister of Culture, Information, Sports and Youth Policy of the Kyrgyz Republic",
        "attendee",
    ),
    (
        "Vladimir Zorin",
        "Co-Chairman of the Council of the Assembly of Peoples of Russia, Chairman of the "
        "Civic Chamber of the Russian Federation for Harmonization of Interethnic and "
        "Interregional Relations, member of the Presidium of the Council under the President "
        "of the Russian Federation for Interethnic Relations",
        "attendee",
    ),
    ("Abdylda Musaev", "Rector of Bishkek State University", "attendee"),
    (
        "Larisa Khoperskaya",
        "Chairman of the Association of Higher Educational Institutions of the Kyrgyz Republic",
        "attendee",
    ),
    ("Zarina Umetalieva", "Head of the Center for Eurasian Studies", "attendee"),
    ("Valery Ruzin", "Deputy Secretary General of the Eurasian Peoples' Assembly", "attendee"),
    (None, "Director of the National Center for Public Diplomacy of the SCO", "attendee"),
]
ORGANIZATIONS = [
    ("Assembly of the Peoples of Russia", "organizer"),
    ("Assembly of the Peoples of Kyrgyzstan", "partner"),
    (
        'International Union of Non-Governmental Organizations "The Eurasian Peoples’ Assembly"',
        "supporter",
    ),
    ("Rossotrudnichestvo", "supporter"),
]


@pytest.fixture
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture
def editor_api(api_client, token_for):
    return authorize(api_client, token_for(EditorFactory()))


def test_a_report_is_answered_with_its_proposal(editor_api, seed_text):
    response = editor_api.post(URL, {"text": seed_text}, format="json")

    assert response.status_code == 200
    data = response.json()
    assert list(data) == ["language", "event", "people", "organizations", "quotes", "source"]
    assert data["language"] == "en"
    assert [(p["name"], p["title"], p["role"]) for p in data["people"]] == PEOPLE
    assert [(o["name"], o["role"], o["match"]) for o in data["organizations"]] == [
        (name, role, None) for name, role in ORGANIZATIONS
    ]
    event = data["event"]
    assert (event["kind"], event["start_date"], event["host_country"], event["region"]) == (
        "round_table",
        "2023-04-24",
        "KG",
        "KG-GB",
    )
    assert event["city"] == {"en": "Bishkek", "ru": None, "ky": None}
    assert event["countries"] == ["RU", "KG"]
    assert [quote["person"] for quote in data["quotes"]] == [
        "Konstantin Kosachev",
        "Svetlana Smirnova",
    ]
    assert data["people"][5]["evidence"] == {
        "start": data["people"][5]["evidence"]["start"],
        "end": data["people"][5]["evidence"]["start"] + 50,
        "text": "Abdylda Musaev, Rector of Bishkek State University",
    }
    assert data["source"] == {
        "title": "The Eurasian Peoples' Assembly brings Russia and Kyrgyzstan closer",
        "rubric": "Regions of Russia",
        "published_at": "2023-04-24T21:42:00",
    }
    assert Event.objects.count() == Person.objects.count() == Organization.objects.count() == 0


def test_the_answer_is_the_commands_json(editor_api, seed_text):
    out = io.StringIO()
    call_command("draft_from_report", str(SEED_PATH), "--json", stdout=out)

    response = editor_api.post(URL, {"text": seed_text, "language": "en"}, format="json")

    assert response.json() == json.loads(out.getvalue())


def test_people_and_organizations_on_record_are_matched(editor_api, seed_text):
    PersonFactory(slug="kosachev", given_name_en="Konstantin", family_name_en="Kosachev")
    OrganizationFactory(slug="rossotrudnichestvo", name_en="Rossotrudnichestvo")

    data = editor_api.post(URL, {"text": seed_text}, format="json").json()

    assert data["people"][0]["match"] == "kosachev"
    assert [o["match"] for o in data["organizations"]] == [None, None, None, "rossotrudnichestvo"]


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, [("text", "This field is required.")]),
        ({"text": ""}, [("text", "The text is empty; paste the report.")]),
        ({"text": "  \n "}, [("text", "The text is empty; paste the report.")]),
        ({"text": None}, [("text", "This field may not be null.")]),
        (
            {"text": "Der runde Tisch fand am 24. April in Bischkek statt, mit den Gästen."},
            [
                (
                    "text",
                    "The text is not in English or Russian; the assistant reads only those two.",
                )
            ],
        ),
        (
            {"text": "a " * 500_001},
            [
                (
                    "text",
                    "The text is larger than 1 MB; paste the report itself, not a whole page.",
                )
            ],
        ),
        (
            {"text": "<html><script>alert(1)</script><p></p></html>"},
            [("text", "Nothing readable remains once the web page's markup is removed.")],
        ),
        (
            {"text": "The round table was held in Bishkek on the 24th of April.", "language": "ru"},
            [("text", "The text is not in Russian.")],
        ),
        ({"text": "x", "language": "ky"}, [("language", '"ky" is not a valid choice.')]),
    ],
    ids=["missing", "empty", "blank", "null", "german", "too-large", "markup-only", "not-ru", "ky"],
)
def test_bad_input_is_a_400_naming_the_field(editor_api, body, errors):
    response = editor_api.post(URL, body, format="json")

    assert response.status_code == 400
    assert error_pairs(response) == errors


def test_an_unknown_field_is_refused(editor_api, seed_text):
    response = editor_api.post(URL, {"text": seed_text, "save": True}, format="json")

    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "code": "unknown_field",
            "detail": "Unknown field; this takes `language`, `text`.",
            "attr": "save",
        }
    ]


def test_only_json_bodies_are_read(editor_api, seed_text):
    response = editor_api.post(URL, {"text": seed_text})  # a form encoding

    assert response.status_code == 415


def test_markup_never_reaches_the_proposal(editor_api, seed_text):
    page = "".join(f"<p><b>{part}</b></p>" for part in seed_text.split("\n\n"))

    data = editor_api.post(URL, {"text": f"<script>x()</script>{page}"}, format="json").json()

    assert [(p["name"], p["title"], p["role"]) for p in data["people"]] == PEOPLE
    assert "<" not in json.dumps(data)


def test_anonymous_clients_are_asked_to_authenticate(api_client, seed_text):
    response = api_client.post(URL, {"text": seed_text}, format="json")

    assert response.status_code == 401


def test_a_token_without_the_permission_to_add_events_is_refused(api_client, token_for, seed_text):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="change_event"))
    authorize(api_client, token_for(user))

    response = api_client.post(URL, {"text": seed_text}, format="json")

    assert response.status_code == 403


def test_reading_is_throttled_like_other_writes(editor_api, settings, seed_text):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "user": "2/minute"},
    }
    short = {"text": seed_text[:2000]}
    statuses = [editor_api.post(URL, short, format="json").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


def test_the_number_of_queries_does_not_grow(editor_api, count_queries, seed_text):
    english = (REPORTS / "en-kazan-youth-forum.txt").read_text(encoding="utf-8")

    def post(text):
        return lambda: editor_api.post(URL, {"text": text}, format="json")

    short = count_queries(post(english))
    long = count_queries(post(seed_text))
    PersonFactory.create_batch(15)
    OrganizationFactory.create_batch(15)
    with_more_records = count_queries(post(seed_text))

    assert short == long == with_more_records
