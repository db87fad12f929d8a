"""Writing events through the API with a token: nested round trips and errors."""

import pytest
from django.contrib.auth.models import Permission

from events.models import Event, Participation
from tests.factories import (
    CompetitionFactory,
    CountryFactory,
    EditionFactory,
    EditorFactory,
    EventFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    RegionFactory,
    TopicFactory,
    UserFactory,
)
from tests.http import EVENT, authorize, error_pairs

pytestmark = pytest.mark.django_db


def test_editor_token_creates_an_event_with_everything_in_one_request(api_client, token_for):
    kyrgyzstan = CountryFactory(code="QK")
    RegionFactory(country=kyrgyzstan, code="QK-GB")
    russia = CountryFactory(code="QR")
    person = PersonFactory(slug="kosachev")
    position = PositionFactory(person=person, title_en="Deputy Chairman", title_ru="Заместитель")
    OrganizationFactory(slug="apr")
    OrganizationFactory(slug="sco-centre")
    TopicFactory(slug="culture")
    EditionFactory(competition=CompetitionFactory(slug="leader"), year=2024)
    body = {
        **EVENT,
        "start_time": "10:00",
        "end_date": "2024-05-02",
        "end_time": "17:00",
        "timezone": "Asia/Bishkek",
        "city": {"en": "Bishkek", "ru": "Бишкек"},
        "host_country": "qk",
        "region": "QK-GB",
        "countries": ["QK", "qr"],
        "topics": ["culture"],
        "edition": {"competition": "leader", "year": 2024},
        "body": {"en": "<p>Hello<script>alert(1)</script></p>"},
        "organizations": [{"organization": "apr", "role": "organizer"}],
        "participants": [
            {"person": "kosachev", "role": "welcome_address", "position_id": position.pk},
            {
                "organization": "sco-centre",
                "role": "attendee",
                "position": {"en": "Director of the centre"},
            },
        ],
        "quotes": [
            {
                "person": "kosachev",
                "text": "Дружба",
                "language": "ru",
                "translations": {"en": "Friendship", "ky": "Достук"},
            }
        ],
        "sources": [
            {
                "title": {"en": "Report"},
                "url": "https://example.org/report",
                "publisher_organization": "apr",
            }
        ],
    }
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post("/api/v1/events/", body, format="json")
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["slug"] == "forum-of-the-peoples-2024"
    assert (created["start"], created["end"]) == (
        "2024-05-01T10:00:00+06:00",
        "2024-05-02T17:00:00+06:00",
    )
    assert created["body"]["en"] == "<p>Hello</p>"
    assert [
        (p["person"] and p["person"]["slug"], p["role"], p["position"])
        for p in created["participants"]
    ] == [
        ("kosachev", "welcome_address", {"en": "Deputy Chairman", "ru": "Заместитель", "ky": None}),
        (None, "attendee", {"en": "Director of the centre", "ru": None, "ky": None}),
    ]
    assert created["participants"][0]["position_id"] == position.pk
    assert sorted(country["code"] for country in created["countries"]) == ["QK", "QR"]
    assert created["edition"]["year"] == 2024
    assert [(q["text"], q["language"], q["translations"]) for q in created["quotes"]] == [
        ("Дружба", "ru", {"en": "Friendship", "ru": None, "ky": "Достук"})
    ]
    assert created["sources"][0]["publisher_organization"] == "apr"
    # The same record, read back anonymously from the public API.
    api_client.credentials()
    public = api_client.get(f"/api/v1/events/{created['slug']}/")
    assert public.status_code == 200
    assert public.json() == created
    assert russia.participated_events.get().slug == created["slug"]


def test_a_quote_cannot_be_translated_into_its_own_language(api_client, token_for):
    EventFactory(slug="forum")
    PersonFactory(slug="kosachev")
    authorize(api_client, token_for(EditorFactory()))
    quote = {"person": "kosachev", "text": "Дружба", "language": "ru"}
    response = api_client.patch(
        "/api/v1/events/forum/",
        {"quotes": [{**quote, "translations": {"ru": "Дружба!"}}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "attr": "quotes.0.translations.ru",
            "code": "invalid",
            "detail": "The quote was said in this language; its text is the original.",
        }
    ]


def test_update_replaces_the_lists_it_is_given(api_client, token_for):
    event = EventFactory(slug="forum")
    ParticipationFactory(event=event, person=PersonFactory(slug="old"))
    PersonFactory(slug="new")
    OrganizationFactory(slug="apr")
    event.organization_roles.create(organization=OrganizationFactory(slug="kept"), role="host")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch(
        "/api/v1/events/forum/",
        {"title": {"ru": "Форум"}, "participants": [{"person": "new", "role": "speaker"}]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["title"]["ru"] == "Форум"
    assert data["title"]["en"] == event.title_en
    assert [p["person"]["slug"] for p in data["participants"]] == ["new"]
    assert [o["organization"]["slug"] for o in data["organizations"]] == ["kept"]


def test_delete_moves_the_event_to_the_trash_with_its_rows(api_client, token_for):
    event = EventFactory(slug="forum")
    ParticipationFactory(event=event)
    authorize(api_client, token_for(EditorFactory()))
    assert api_client.delete("/api/v1/events/forum/").status_code == 204
    assert api_client.get("/api/v1/events/forum/").status_code == 404
    assert (Event.objects.count(), Event.trash.get().slug) == (0, "forum")
    assert Participation.objects.filter(event_id=event.pk).count() == 1


@pytest.mark.parametrize(
    ("change", "errors"),
    [
        ({"kind": "party"}, [("kind", '"party" is not a valid choice.')]),
        ({"title": {}}, [("title", "Give the text in at least one language.")]),
        (
            {"title": "Forum"},
            [("title", 'Expected an object with a text per language, such as {"en": "…"}.')],
        ),
        ({"title": {"de": "Forum"}}, [("title", "Unknown language de; use en, ru, ky.")]),
        ({"title": {"en": "x" * 301}}, [("title.en", "Ensure this has at most 300 characters.")]),
        (
            {"start_date": "24.04.2024"},
            [
                (
                    "start_date",
                    "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.",
                )
            ],
        ),
        (
            {"end_date": "2024-04-01"},
            [("non_field_errors", "An event cannot end before it starts.")],
        ),
        (
            {"start_time": "18:00", "end_time": "09:00"},
            [("non_field_errors", "An event cannot end before it starts.")],
        ),
        (
            {"timezone": "Mars/Olympus"},
            [("timezone", "“Mars/Olympus” is not a time zone; use a name such as Asia/Bishkek.")],
        ),
        ({"host_country": "QQ"}, [("host_country", "Object with code=QQ does not exist.")]),
        ({"topics": ["nope"]}, [("topics", "Object with slug=nope does not exist.")]),
        (
            {"participants": [{"person": "nobody", "role": "speaker"}]},
            [("participants.0.person", "Object with slug=nobody does not exist.")],
        ),
        (
            {"participants": [{"role": "speaker"}]},
            [
                (
                    "participants.0.non_field_errors",
                    "Choose a person, or the organization of an unnamed participant.",
                )
            ],
        ),
        (
            {"edition": {"competition": "nope", "year": 2024}},
            [("edition.competition", "Object with slug=nope does not exist.")],
        ),
        ({"slug": "taken"}, [("slug", "Event with this Slug already exists.")]),
    ],
)
def test_event_validation_errors_name_the_field(api_client, token_for, change, errors):
    EventFactory(slug="taken")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.post("/api/v1/events/", {**EVENT, **change}, format="json")
    assert response.status_code == 400
    assert error_pairs(response) == errors
    assert Event.objects.count() == 1


def test_event_row_errors_from_the_database_rules_name_the_row(api_client, token_for):
    person, other = PersonFactory(slug="kosachev"), PersonFactory(slug="zorin")
    foreign = PositionFactory(person=other)
    CountryFactory(code="QK")
    RegionFactory(country=CountryFactory(code="QR"), code="QR-MOW")
    authorize(api_client, token_for(EditorFactory()))
    duplicate = {**EVENT, "participants": [{"person": "kosachev", "role": "speaker"}] * 2}
    response = api_client.post("/api/v1/events/", duplicate, format="json")
    assert error_pairs(response) == [
        ("participants.1.non_field_errors", "This person already has this role in the event.")
    ]
    foreign_position = {
        **EVENT,
        "participants": [{"person": "kosachev", "role": "speaker", "position_id": foreign.pk}],
    }
    response = api_client.post("/api/v1/events/", foreign_position, format="json")
    assert error_pairs(response) == [
        (
            "participants.0.position_id",
            "This position belongs to someone else; choose one of theirs.",
        )
    ]
    wrong_region = {**EVENT, "host_country": "QK", "region": "QR-MOW"}
    response = api_client.post("/api/v1/events/", wrong_region, format="json")
    assert error_pairs(response) == [
        ("non_field_errors", "The region must belong to the host country.")
    ]
    assert Event.objects.count() == 0
    assert person.participations.count() == 0


def test_a_partner_who_may_only_add_gets_back_the_draft_it_created(api_client, token_for):
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    authorize(api_client, token_for(user))
    response = api_client.post("/api/v1/events/", {**EVENT, "status": "draft"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "draft"
    assert Event.objects.count() == 1
    # It stays invisible to them afterwards, as drafts are to the public.
    assert api_client.get(f"/api/v1/events/{response.json()['slug']}/").status_code == 404


def test_a_draft_parent_cannot_be_probed_by_writing(api_client, token_for):
    EventFactory(slug="secret-summit", status="draft")
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="add_event"))
    authorize(api_client, token_for(user))
    response = api_client.post(
        "/api/v1/events/", {**EVENT, "parent": "secret-summit"}, format="json"
    )
    assert error_pairs(response) == [("parent", "Object with slug=secret-summit does not exist.")]


def test_patch_may_clear_one_language_while_another_remains(api_client, token_for):
    EventFactory(slug="forum", title_en="Forum", title_ru="Форум")
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch("/api/v1/events/forum/", {"title": {"en": None}}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == {"en": None, "ru": "Форум", "ky": None}
    response = api_client.patch("/api/v1/events/forum/", {"title": {"ru": None}}, format="json")
    assert error_pairs(response) == [("title", "Give the text in at least one language.")]


def test_parent_cycles_are_refused(api_client, token_for):
    first = EventFactory(slug="first")
    EventFactory(slug="second", parent=first)
    authorize(api_client, token_for(EditorFactory()))
    response = api_client.patch("/api/v1/events/first/", {"parent": "second"}, format="json")
    assert error_pairs(response) == [("parent", "The chosen event is already part of this one.")]
    response = api_client.patch("/api/v1/events/first/", {"parent": "first"}, format="json")
    assert error_pairs(response) == [("non_field_errors", "An event cannot be part of itself.")]
