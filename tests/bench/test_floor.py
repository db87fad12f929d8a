"""bench/floor.py answers the event API's first pages with the API's own bytes.

The floor is what bench/compare measures the project against, so it must
return the same document: the same keys in the same order, the same values,
the same `next` links. It reads the database through its own connection, so
these tests commit their data (transactional, with the reference data put
back afterwards).
"""

from urllib.parse import urlsplit
from wsgiref.util import setup_testing_defaults

import pytest
from django.db import connection
from psycopg2.extensions import make_dsn

from bench.floor import Floor, cursor_at
from events.models import Event
from tests.rich import rich_events

pytestmark = [
    pytest.mark.postgresql,  # the floor builds its JSON in PostgreSQL
    pytest.mark.django_db(transaction=True),
]


def floor_dsn() -> str:
    settings = connection.settings_dict
    options = {
        "dbname": settings["NAME"],
        "user": settings["USER"],
        "password": settings["PASSWORD"],
        "host": settings["HOST"],
        "port": settings["PORT"],
    }
    return make_dsn(**{key: value for key, value in options.items() if value})


@pytest.fixture
def floor():
    app = Floor(floor_dsn())
    yield app
    if app.connection is not None:
        app.connection.close()


def get(app: Floor, path: str, query: str = "") -> tuple[str, bytes]:
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update(PATH_INFO=path, QUERY_STRING=query, HTTP_HOST="testserver")
    answer: dict = {}

    def start_response(status: str, headers: list) -> None:
        answer["status"] = status

    body = b"".join(app(environ, start_response))
    return answer["status"], body


@pytest.fixture
def events():
    """Events that exercise every part of the document, and some that must stay out."""
    return rich_events()


def union_slug(events) -> str:
    return events["union"].slug


def walk(app, client, page_size: int) -> list[bytes]:
    """Follow `next` from the first page to the last, on both sides at once."""
    query = f"page_size={page_size}"
    pages = []
    while True:
        response = client.get(f"/api/v1/events/?{query}")
        status, body = get(app, "/api/v1/events/", query)
        assert (response.status_code, status) == (200, "200 OK")
        assert body == response.content
        pages.append(body)
        link = response.json()["next"]
        if link is None:
            return pages
        query = urlsplit(link).query


def test_floor_pages_identical_to_api(client, floor, events):
    # Each transactional test restores the reference data (seconds): one
    # test walks every page size.
    public = Event.objects.filter(status__in=Event.PUBLIC_STATUSES).count()
    for page_size in (1, 2, 20):
        pages = walk(floor, client, page_size)
        assert len(pages) == -(-public // page_size)
        assert all(b'"slug":"' + events["draft"].slug.encode() not in page for page in pages)

    response = client.get("/api/v1/events/")
    assert get(floor, "/api/v1/events/") == ("200 OK", response.content)
    results = response.json()["results"]
    timed = next(row for row in results if row["slug"] == events["timed"].slug)
    # What the fixture is there for did reach the document.
    assert (timed["start"], timed["end"]) == (
        "2023-04-24T10:00:00+06:00",
        "2023-04-24T12:30:00+06:00",
    )
    assert timed["participants"][0]["person"]["name"]["en"] == "Ольга Орлова"
    assert timed["participants"][2]["person"] is None
    assert timed["image"] == "http://testserver/media/events/round-table.jpg"
    assert [(row["kind"], row["carried_out"]) for row in timed["outcomes"]] == [
        ("memorandum", None),
        ("plan", True),
        ("plan", False),
    ]
    assert [party["country"] for party in timed["outcomes"][0]["parties"]] == [
        {"code": "QK", "name": {"en": "Qyrgyz", "ru": "Кыргыз", "ky": "Кыргызстан"}},
        None,
    ]
    assert timed["reported_figures"]["participants"] == 120
    assert timed["derived_figures"] == {"participants": 3, "countries": 2, "organizations": 3}
    assert timed["quotes"][0]["translations"]["en"] == "Friendship of peoples."
    assert timed["sources"][0]["publisher_organization"] == union_slug(events)

    link = client.get("/api/v1/events/?page_size=3").json()["next"]
    assert urlsplit(link).query == f"cursor={cursor_at(floor_dsn(), 3)}&page_size=3"


def test_floor_detail_identical_to_api(client, floor, events):
    for event in Event.objects.all():
        path = f"/api/v1/events/{event.slug}/"
        response = client.get(path)
        status, body = get(floor, path)
        if event.is_public:
            assert (status, body) == ("200 OK", response.content)
        else:
            assert (response.status_code, status) == (404, "404 Not Found")
