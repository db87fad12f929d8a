"""Several writers at once, with real threads on PostgreSQL: no change is
lost, no If-Match race is won twice, no create fails for a taken slug."""

import threading
from collections.abc import Callable

import pytest
from django.db import connections
from rest_framework.test import APIClient

from events.models import Event
from people.models import Organization, Person
from tests.factories import EditorFactory, EventFactory, OrganizationFactory, PersonFactory
from tests.http import EVENT, authorize

pytestmark = [
    # Transactional, so that each thread's writes are committed and seen by
    # the others; the snapshot brings back the reference data afterwards.
    pytest.mark.django_db(transaction=True),
    # Row locks and concurrent transactions need PostgreSQL (SQLite locks the file).
    pytest.mark.postgresql,
]


def _in_threads(count: int, work: Callable[[int], object]) -> list:
    """work(0) … work(count - 1), each in its own thread and database
    connection, all started at once; their results in order."""
    start = threading.Barrier(count)
    results: list = [None] * count

    def run(index: int) -> None:
        try:
            start.wait()
            results[index] = work(index)
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.fixture
def token(token_for):
    return token_for(EditorFactory())


def _client(token: str) -> APIClient:
    return authorize(APIClient(), token)


# Eight writers, each changing its own field of the same event.
EVENT_FIELDS = {
    "title.en": lambda value: {"title": {"en": value}},
    "title.ru": lambda value: {"title": {"ru": value}},
    "city.en": lambda value: {"city": {"en": value}},
    "venue.en": lambda value: {"venue": {"en": value}},
    "summary.en": lambda value: {"summary": {"en": value}},
    "summary.ru": lambda value: {"summary": {"ru": value}},
    "online_url": lambda value: {"online_url": f"https://example.org/{value}"},
    "timezone": lambda value: {"timezone": ["Asia/Bishkek", "Europe/Moscow"][value.endswith("1")]},
}


def _read(data: dict, field: str):
    name, _, language = field.partition(".")
    return data[name][language] if language else data[name]


def test_concurrent_patches_of_different_fields_lose_nothing(token):
    EventFactory(slug="forum")
    rounds = 5
    fields = list(EVENT_FIELDS)

    def patch(index: int) -> list[int]:
        client, field = _client(token), fields[index]
        statuses = []
        for number in range(rounds):
            body = EVENT_FIELDS[field](f"w{index}-r{number}")
            statuses.append(client.patch("/api/v1/events/forum/", body, format="json").status_code)
        return statuses

    results = _in_threads(len(fields), patch)

    assert results == [[200] * rounds] * len(fields)
    data = APIClient().get("/api/v1/events/forum/").json()
    last = {
        field: EVENT_FIELDS[field](f"w{index}-r{rounds - 1}") for index, field in enumerate(fields)
    }
    kept = [field for field in fields if _read(data, field) == _read(last[field], field)]
    assert kept == fields  # 40 changes, the last of each writer's kept
    # The history's latest record holds the real result.
    latest = Event.history.filter(slug="forum").latest()
    assert (latest.title_en, latest.city_en, latest.timezone) == (
        data["title"]["en"],
        data["city"]["en"],
        data["timezone"],
    )


@pytest.mark.parametrize(
    ("path", "factory", "fields"),
    [
        (
            "people/anna",
            lambda: PersonFactory(slug="anna"),
            ["given_name", "family_name", "patronymic", "bio"],
        ),
        (
            "organizations/apr",
            lambda: OrganizationFactory(slug="apr"),
            ["name", "short_name", "description"],
        ),
    ],
)
def test_concurrent_patches_of_people_and_organizations_lose_nothing(token, path, factory, fields):
    factory()

    def patch(index: int) -> list[int]:
        client = _client(token)
        return [
            client.patch(
                f"/api/v1/{path}/", {fields[index]: {"en": f"w{index}-r{number}"}}, format="json"
            ).status_code
            for number in range(5)
        ]

    assert _in_threads(len(fields), patch) == [[200] * 5] * len(fields)
    data = APIClient().get(f"/api/v1/{path}/").json()
    assert [data[field]["en"] for field in fields] == [f"w{i}-r4" for i in range(len(fields))]
    model = Person if path.startswith("people") else Organization
    assert model.objects.get().version == 1 + 5 * len(fields)


def test_of_two_writers_with_one_if_match_only_one_wins(token):
    EventFactory(slug="forum", city_en="Bishkek")
    etag = _client(token).get("/api/v1/events/forum/")["ETag"]

    def patch(index: int) -> int:
        body = {"city": {"en": ["Osh", "Naryn"][index]}}
        response = _client(token).patch(
            "/api/v1/events/forum/", body, format="json", HTTP_IF_MATCH=etag
        )
        return response.status_code

    assert sorted(_in_threads(2, patch)) == [200, 412]


def test_twenty_concurrent_creates_with_one_title_all_succeed(token):
    def create(index: int) -> tuple[int, str]:
        response = _client(token).post("/api/v1/events/", EVENT, format="json")
        return response.status_code, response.json().get("slug", response.json())

    results = _in_threads(20, create)

    assert [status for status, _slug in results] == [201] * 20
    slugs = sorted(slug for _status, slug in results)
    expected = ["forum-of-the-peoples-2024"] + [
        f"forum-of-the-peoples-2024-{n}" for n in range(2, 21)
    ]
    assert slugs == sorted(expected)
    assert Event.objects.count() == 20


def test_service_updates_from_copies_read_before_the_lock_lose_nothing():
    """The admin and scripts write through event_update with the copy they
    read; the service locks and applies only the given fields to the row."""
    from events.services import event_update

    event = EventFactory(slug="forum")
    fields = ["title_en", "title_ru", "city_en", "venue_en", "summary_en", "summary_ru"]
    stale = {field: Event.objects.get(pk=event.pk) for field in fields}

    def update(index: int) -> None:
        field = fields[index]
        for number in range(5):
            event_update(event=stale[field], fields={field: f"w{index}-r{number}"})

    assert _in_threads(len(fields), update) == [None] * len(fields)
    event.refresh_from_db()
    assert [getattr(event, field) for field in fields] == [f"w{i}-r4" for i in range(len(fields))]


def test_a_create_that_loses_a_race_for_its_slug_is_a_400_not_a_500(token):
    """Validation reads before it writes: the other writer's row is not yet
    committed when this request checks the slug, and is when it inserts."""
    from django.db import transaction

    from tests.http import PERSON

    inserted, answer = threading.Event(), {}

    def other_writer() -> None:
        with transaction.atomic():
            PersonFactory(slug="anna-ivanova")
            inserted.set()
            # Commit once the request waits on this row's unique index entry.
            with connections["default"].cursor() as cursor:
                for _attempt in range(600):
                    cursor.execute(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                    )
                    if cursor.fetchone()[0]:
                        break
                    threading.Event().wait(0.05)
        connections.close_all()

    def request() -> None:
        inserted.wait(60)
        body = {**PERSON, "slug": "anna-ivanova"}
        response = _client(token).post("/api/v1/people/", body, format="json")
        answer.update(status=response.status_code, body=response.json())
        connections.close_all()

    threads = [threading.Thread(target=other_writer), threading.Thread(target=request)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert answer["status"] == 400, answer
    assert [error["detail"] for error in answer["body"]["errors"]] == [
        "Someone else saved a conflicting change at the same time; try again."
    ]
    assert list(Person.objects.values_list("slug", flat=True)) == ["anna-ivanova"]
