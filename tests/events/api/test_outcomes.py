"""Outcomes and figures through the API: written with their event, read on
the event and in /api/v1/outcomes/, and never leaking a draft."""

import datetime

import pytest

from events.models import Event, Outcome, OutcomeParty
from tests.factories import (
    CountryFactory,
    EditorFactory,
    EventFactory,
    OrganizationFactory,
    OutcomeFactory,
    OutcomePartyFactory,
    ReportedFiguresFactory,
    UserFactory,
)
from tests.http import EVENT, authorize, error_pairs, slugs_of

pytestmark = pytest.mark.django_db


def _post(api_client, token_for, **changes):
    authorize(api_client, token_for(EditorFactory()))
    return api_client.post("/api/v1/events/", {**EVENT, **changes}, format="json")


def test_an_event_is_written_with_its_outcomes_parties_and_figures(api_client, token_for):
    OrganizationFactory(slug="apr")
    CountryFactory(code="QK")
    EventFactory(slug="summer-school", start_date=datetime.date(2024, 7, 10))
    response = _post(
        api_client,
        token_for,
        outcomes=[
            {
                "kind": "memorandum",
                "title": {"en": "Memorandum of cooperation", "ru": "Меморандум о сотрудничестве"},
                "text": {"en": "On exchanges of students."},
                "date": "2024-05-02",
                "document_url": "https://example.org/memorandum.pdf",
                "parties": [
                    {"organization": "apr", "role": "signatory"},
                    {"country": "qk", "role": "co_signatory"},
                ],
            },
            {
                "kind": "plan",
                "title": {"en": "A summer school"},
                "planned_start": "2024-07-01",
                "planned_end": "2024-07-31",
                "follow_up": "summer-school",
            },
        ],
        reported_figures={"participants": 120, "countries": 14, "text": {"en": "More than 120"}},
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    memorandum, plan = data["outcomes"]
    assert memorandum["slug"] == "memorandum-of-cooperation-2024"
    assert memorandum["url"] == (
        "http://testserver/en/events/forum-of-the-peoples-2024/"
        "#outcome-memorandum-of-cooperation-2024"
    )
    assert (memorandum["kind"], memorandum["date"], memorandum["carried_out"]) == (
        "memorandum",
        "2024-05-02",
        None,
    )
    assert memorandum["title"] == {
        "en": "Memorandum of cooperation",
        "ru": "Меморандум о сотрудничестве",
        "ky": None,
    }
    assert [
        (
            party["organization"] and party["organization"]["slug"],
            party["country"] and party["country"]["code"],
            party["role"],
        )
        for party in memorandum["parties"]
    ] == [("apr", None, "signatory"), (None, "QK", "co_signatory")]
    assert (plan["planned_start"], plan["planned_end"], plan["carried_out"]) == (
        "2024-07-01",
        "2024-07-31",
        True,
    )
    assert plan["follow_up"]["slug"] == "summer-school"
    assert data["reported_figures"] == {
        "participants": 120,
        "countries": 14,
        "regions": None,
        "organizations": None,
        "text": {"en": "More than 120", "ru": None, "ky": None},
    }
    assert data["derived_figures"] == {"participants": 0, "countries": 0, "organizations": 0}
    api_client.credentials()
    assert api_client.get(f"/api/v1/events/{data['slug']}/").json() == data


def test_patch_keeps_an_outcome_by_its_slug_and_drops_those_left_out(api_client, token_for):
    event = EventFactory(slug="forum")
    kept = OutcomeFactory(event=event, slug="kept")
    OutcomePartyFactory(outcome=kept)
    OutcomeFactory(event=event, slug="dropped")
    ReportedFiguresFactory(event=event)
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch(
        "/api/v1/events/forum/",
        {
            "outcomes": [
                {"slug": "kept", "kind": "agreement", "title": {"en": "Agreement"}},
                {"kind": "award", "title": {"en": "Prize"}},
            ],
            "reported_figures": None,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert [(row["slug"], row["kind"], row["parties"]) for row in data["outcomes"]] == [
        ("kept", "agreement", []),
        ("prize-2023", "award", []),
    ]
    assert Outcome.objects.get(slug="kept").pk == kept.pk
    assert data["reported_figures"]["participants"] is None
    # A PATCH without outcomes leaves them as they are.
    response = api_client.patch("/api/v1/events/forum/", {"title": {"ru": "Ф"}}, format="json")
    assert [row["slug"] for row in response.json()["outcomes"]] == ["kept", "prize-2023"]


@pytest.mark.parametrize(
    ("outcome", "errors"),
    [
        (
            {"kind": "memorandum", "title": {"en": "M"}, "parties": [{"role": "signatory"}]},
            [
                (
                    "outcomes.0.parties.0.organization",
                    "Name the party: an organization's slug or a country's code.",
                )
            ],
        ),
        (
            {
                "kind": "memorandum",
                "title": {"en": "M"},
                "parties": [{"organization": "apr", "country": "QK"}],
            },
            [
                (
                    "outcomes.0.parties.0.country",
                    "A party is an organization or a country, not both.",
                )
            ],
        ),
        (
            {
                "kind": "memorandum",
                "title": {"en": "M"},
                "parties": [{"organization": "apr"}, {"organization": "apr", "role": "proposer"}],
            },
            [("outcomes.0.parties.1.organization", "Already a party to this outcome.")],
        ),
        (
            {"kind": "memorandum", "title": {"en": "M"}, "parties": [{"country": "ZY"}]},
            [("outcomes.0.parties.0.country", "Object with code=ZY does not exist.")],
        ),
        (
            {"kind": "plan", "title": {"en": "Plan"}, "follow_up": "earlier"},
            [
                (
                    "outcomes.0.follow_up",
                    "The event that carried out a plan cannot start before the event that made it.",
                )
            ],
        ),
        (
            {"kind": "statement", "title": {"en": "S"}, "follow_up": "earlier"},
            [("outcomes.0.follow_up", "Only a plan has this.")],
        ),
        (
            {"kind": "plan", "title": {"en": "P"}, "planned_start": "2024-04-01"},
            [("outcomes.0.planned_start", "A plan cannot be planned for before its event.")],
        ),
        (
            {
                "kind": "plan",
                "title": {"en": "P"},
                "planned_start": "2024-07-31",
                "planned_end": "2024-07-01",
            },
            [
                (
                    "outcomes.0.non_field_errors",
                    "A planned period needs its first day, and cannot end before it.",
                )
            ],
        ),
        (
            {"kind": "treaty", "title": {"en": "T"}},
            [("outcomes.0.kind", '"treaty" is not a valid choice.')],
        ),
        (
            {"kind": "statement", "title": {}},
            [("outcomes.0.title", "Give the text in at least one language.")],
        ),
        (
            {"kind": "statement", "title": {"en": "S"}, "slug": "taken"},
            [("outcomes.0.slug", "Outcome with this Slug already exists.")],
        ),
    ],
)
def test_outcome_errors_are_400_naming_the_field(api_client, token_for, outcome, errors):
    OrganizationFactory(slug="apr")
    CountryFactory(code="QK")
    EventFactory(slug="earlier", start_date=datetime.date(2024, 4, 30))
    OutcomeFactory(slug="taken")
    response = _post(api_client, token_for, outcomes=[outcome])
    assert response.status_code == 400
    assert error_pairs(response) == errors
    assert Event.objects.filter(slug="forum-of-the-peoples-2024").count() == 0
    assert OutcomeParty.objects.count() == 0


def test_reported_figures_errors_name_the_field(api_client, token_for):
    response = _post(api_client, token_for, reported_figures={"countries": -2})
    assert error_pairs(response) == [
        ("reported_figures.countries", "Ensure this value is greater than or equal to 0.")
    ]


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 401), ("no_permission", 403), ("editor", 200)]
)
def test_outcomes_are_written_only_by_those_who_may_change_events(
    api_client, token_for, who, status
):
    EventFactory(slug="forum")
    token = {
        "anonymous": lambda: None,
        "no_permission": lambda: token_for(UserFactory()),
        "editor": lambda: token_for(EditorFactory()),
    }[who]()
    body = {"outcomes": [{"kind": "statement", "title": {"en": "Agreed"}}]}
    response = authorize(api_client, token).patch("/api/v1/events/forum/", body, format="json")
    assert response.status_code == status
    assert Outcome.objects.count() == (1 if status == 200 else 0)


def test_the_outcome_list_is_read_only(api_client, token_for):
    OutcomeFactory(slug="memo")
    authorize(api_client, token_for(UserFactory(is_superuser=True)))
    assert api_client.post("/api/v1/outcomes/", {}, format="json").status_code == 405
    assert api_client.patch("/api/v1/outcomes/memo/", {}, format="json").status_code == 405


@pytest.fixture
def outcomes():
    """A memorandum between an organization of QK and one of QR (2023), a
    plan of QR's state (2024, dated 2025), an award (2024)."""
    kyrgyz = OrganizationFactory(slug="kyrgyz-assembly", country=CountryFactory(code="QK"))
    russian = OrganizationFactory(slug="russian-assembly", country=CountryFactory(code="QR"))
    memorandum = OutcomeFactory(slug="memorandum", kind="memorandum")
    OutcomePartyFactory(outcome=memorandum, organization=kyrgyz)
    OutcomePartyFactory(outcome=memorandum, organization=russian, role="co_signatory")
    forum = EventFactory(slug="forum-2024", start_date=datetime.date(2024, 5, 1))
    plan = OutcomeFactory(event=forum, slug="plan", kind="plan", date=datetime.date(2025, 1, 10))
    OutcomePartyFactory(outcome=plan, organization=None, country=russian.country)
    award = OutcomeFactory(event=forum, slug="award", kind="award")
    return {"memorandum": memorandum, "plan": plan, "award": award}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["plan", "award", "memorandum"]),
        ("kind=memorandum", ["memorandum"]),
        ("party_organization=kyrgyz-assembly", ["memorandum"]),
        ("party_country=qk", ["memorandum"]),
        ("party_country=QR", ["plan", "memorandum"]),
        ("year=2023", ["memorandum"]),
        ("year=2025", ["plan"]),
        ("year=2024", ["award"]),
        ("event=forum-2024", ["plan", "award"]),
        ("ordering=date", ["memorandum", "award", "plan"]),
        ("ordering=title&kind=plan", ["plan"]),
        ("party_country=QR&kind=plan", ["plan"]),
    ],
)
def test_outcome_list_filters(api_client, outcomes, query, expected):
    assert slugs_of(api_client, query, "/api/v1/outcomes/") == expected


NOT_A_CHOICE = "Select a valid choice. That choice is not one of the available choices."


@pytest.mark.parametrize(
    ("query", "attr", "detail"),
    [
        ("kind=treaty", "kind", "Select a valid choice. treaty is not one of the available choices."),  # noqa: E501
        ("party_country=XX1", "party_country", NOT_A_CHOICE),
        ("party_organization=nobody", "party_organization", NOT_A_CHOICE),
        ("year=abc", "year", "Enter a whole number."),
        ("ordering=size", "ordering", "Select a valid choice. size is not one of the available choices."),  # noqa: E501
    ],
)  # fmt: skip
def test_outcome_list_bad_values_are_400_naming_the_parameter(api_client, query, attr, detail):
    response = api_client.get(f"/api/v1/outcomes/?{query}")
    assert response.status_code == 400
    assert error_pairs(response) == [(attr, detail)]


def test_outcome_detail_by_slug_with_its_event(api_client, outcomes):
    response = api_client.get("/api/v1/outcomes/memorandum/")
    assert response.status_code == 200
    data = response.json()
    assert data["event"]["slug"] == outcomes["memorandum"].event.slug
    assert [party["organization"]["slug"] for party in data["parties"]] == [
        "kyrgyz-assembly",
        "russian-assembly",
    ]
    assert list(data) == [
        "slug",
        "url",
        "event",
        "kind",
        "title",
        "text",
        "date",
        "document_url",
        "planned_start",
        "planned_end",
        "follow_up",
        "carried_out",
        "parties",
        "updated_at",
    ]


def test_event_list_filters_by_outcome_kind_and_presence(api_client, outcomes):
    bare = EventFactory(slug="bare")
    memorandum_event = outcomes["memorandum"].event.slug
    assert slugs_of(api_client, "outcome_kind=memorandum") == [memorandum_event]
    assert slugs_of(api_client, "outcome_kind=plan") == ["forum-2024"]
    assert slugs_of(api_client, "has_outcome=true&ordering=start") == [
        memorandum_event,
        "forum-2024",
    ]
    assert slugs_of(api_client, "has_outcome=false") == [bare.slug]
    response = api_client.get("/api/v1/events/?has_outcome=perhaps")
    assert error_pairs(response) == [("has_outcome", "Use true or false.")]


def test_outcomes_of_drafts_and_draft_follow_ups_do_not_leak(api_client, token_for):
    draft = EventFactory(slug="secret", status="draft", start_date=datetime.date(2024, 1, 1))
    OutcomePartyFactory(outcome=OutcomeFactory(event=draft, slug="hidden", kind="memorandum"))
    public = EventFactory(slug="public", start_date=datetime.date(2023, 1, 1))
    OutcomeFactory(event=public, slug="plan", kind="plan", follow_up=draft)
    assert slugs_of(api_client, "", "/api/v1/outcomes/") == ["plan"]
    assert api_client.get("/api/v1/outcomes/hidden/").status_code == 404
    assert slugs_of(api_client, "has_outcome=true") == ["public"]
    for url in ("/api/v1/outcomes/plan/", "/api/v1/events/public/"):
        data = api_client.get(url).json()
        plan = data if "event" in data else data["outcomes"][0]
        assert (plan["follow_up"], plan["carried_out"]) == (None, False)
    assert error_pairs(api_client.get("/api/v1/outcomes/?event=secret")) == [
        ("event", NOT_A_CHOICE)
    ]
    # Editors see both.
    authorize(api_client, token_for(EditorFactory()))
    assert slugs_of(api_client, "", "/api/v1/outcomes/") == ["hidden", "plan"]
    plan = api_client.get("/api/v1/outcomes/plan/").json()
    assert (plan["follow_up"]["slug"], plan["carried_out"]) == ("secret", True)


def test_a_draft_follow_up_cannot_be_probed_by_writing(api_client, token_for):
    EventFactory(slug="secret", status="draft")
    user = UserFactory()
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    authorize(api_client, token_for(user))
    body = {**EVENT, "outcomes": [{"kind": "plan", "title": {"en": "P"}, "follow_up": "secret"}]}
    response = api_client.post("/api/v1/events/", body, format="json")
    assert error_pairs(response) == [
        ("outcomes.0.follow_up", "Object with slug=secret does not exist.")
    ]


def test_outcome_list_pages_by_key_at_a_fixed_number_of_queries(api_client, count_queries):
    for number in range(5):
        outcome = OutcomeFactory(slug=f"o{number}", date=datetime.date(2024, 1, 1 + number))
        OutcomePartyFactory.create_batch(2, outcome=outcome)
    first = api_client.get("/api/v1/outcomes/?page_size=2").json()
    assert [row["slug"] for row in first["results"]] == ["o4", "o3"]
    second = api_client.get(first["next"]).json()
    assert [row["slug"] for row in second["results"]] == ["o2", "o1"]
    few = count_queries(lambda: api_client.get("/api/v1/outcomes/?page_size=2"))
    many = count_queries(lambda: api_client.get("/api/v1/outcomes/?page_size=5"))
    assert few == many


def test_outcomes_are_in_the_schema_with_help_texts(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter.get("description", "")
        for parameter in schema["paths"]["/api/v1/outcomes/"]["get"]["parameters"]
    }
    assert parameters["party_country"] == (
        "ISO code of a country that is a party, itself or through an organization based in it."
    )
    assert parameters["party_organization"] == "Slug of an organization that is a party."
    assert "/api/v1/outcomes/{slug}/" in schema["paths"]
    events = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/events/"]["get"]["parameters"]
    }
    assert events["has_outcome"]["schema"] == {"type": "boolean"}
    assert events["has_outcome"]["description"].startswith("true: events with at least one")
    assert events["country"]["description"] == "ISO code of a host or participating country."
    assert events["outcome_kind"]["description"].startswith("Events with an outcome of this kind.")
    event = schema["components"]["schemas"]["Event"]["properties"]
    assert {"outcomes", "reported_figures", "derived_figures"} <= set(event)


def test_the_seed_round_table_shows_its_two_outcomes_and_figures(api_client, seed):
    data = api_client.get(f"/api/v1/events/{seed.slug}/").json()
    assert [(row["slug"], row["kind"], row["parties"]) for row in data["outcomes"]] == [
        ("continue-humanitarian-projects-bishkek-moscow-2023", "statement", []),
        ("single-eurasian-information-space-2023", "recommendation", []),
    ]
    assert data["outcomes"][1]["title"] == {
        "en": "Create a single Eurasian information space",
        "ru": "Создать единое евразийское информационное пространство",
        "ky": "Бирдиктүү евразиялык маалыматтык мейкиндикти түзүү",
    }
    assert data["reported_figures"]["participants"] is None
    assert data["derived_figures"] == {"participants": 10, "countries": 2, "organizations": 11}
    assert slugs_of(api_client, "kind=recommendation", "/api/v1/outcomes/") == [
        "single-eurasian-information-space-2023"
    ]
