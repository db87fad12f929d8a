"""Queries per request do not grow with page size; deep pages cost what the first does."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    CompetitionFactory,
    EditionFactory,
    EntryFactory,
    EventFactory,
    EventOrganizationFactory,
    NominationFactory,
    OrganizationFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
    SourceFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def _rich_event(**kwargs):
    event = EventFactory(**kwargs)
    ParticipationFactory.create_batch(2, event=event)
    EventOrganizationFactory(event=event)
    QuoteFactory(event=event)
    SourceFactory(event=event)
    event.topics.add(TopicFactory())
    return event


def _rich_competition():
    competition = CompetitionFactory()
    competition.organizers.add(OrganizationFactory())
    edition = EditionFactory(competition=competition)
    EntryFactory(edition=edition, nomination=NominationFactory(edition=edition))
    EventFactory(edition=edition)
    return competition


def _person_with_positions():
    person = PersonFactory()
    PositionFactory.create_batch(2, person=person)
    return person


BUILDERS = {
    "/api/v1/events/": _rich_event,
    "/api/v1/round-tables/": lambda: _rich_event(kind="round_table"),
    "/api/v1/competitions/": _rich_competition,
    "/api/v1/people/": _person_with_positions,
    "/api/v1/organizations/": lambda: OrganizationFactory(parent=OrganizationFactory()),
}


def _queries(api_client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = api_client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", list(BUILDERS))
def test_list_queries_do_not_grow_with_page_size(api_client, path):
    build = BUILDERS[path]
    counts, built = [], 0
    for size in (1, 10, 50):
        for _ in range(size - built):
            build()
        built = size
        assert len(api_client.get(f"{path}?page_size={size}").json()["results"]) == size
        api_client.get(f"{path}?page_size={size}")  # warm per-process caches
        counts.append(_queries(api_client, f"{path}?page_size={size}"))
    assert counts[0] == counts[1] == counts[2]


@pytest.mark.parametrize("path", ["/api/v1/countries/", "/api/v1/regions/"])
def test_reference_list_queries_do_not_grow_with_page_size(api_client, path):
    # The ISO data is already loaded: thousands of rows.
    api_client.get(path)
    counts = [_queries(api_client, f"{path}?page_size={size}") for size in (1, 10, 50)]
    assert counts[0] == counts[1] == counts[2]


def test_pages_follow_next_links_without_gaps_or_repeats(api_client):
    created = {EventFactory().slug for _ in range(25)}
    seen, url, pages = [], "/api/v1/events/?page_size=10&ordering=title", 0
    while url:
        body = api_client.get(url).json()
        seen += [row["slug"] for row in body["results"]]
        url, pages = body["next"], pages + 1
    assert pages == 3
    assert sorted(seen) == sorted(created)
    assert len(seen) == len(set(seen))


def test_page_size_is_1_to_100(api_client):
    EventFactory.create_batch(101)
    body = api_client.get("/api/v1/events/?page_size=100").json()
    assert len(body["results"]) == 100
    assert body["next"] is not None
    for size in ("101", "500", "0"):
        response = api_client.get(f"/api/v1/events/?page_size={size}")
        assert response.status_code == 400
        assert response.json()["errors"] == [
            {"code": "invalid", "detail": "A whole number from 1 to 100.", "attr": "page_size"}
        ]


@pytest.mark.parametrize("cursor", ["abc!", "a b", "é", "x" * 2001])
def test_a_cursor_outside_its_alphabet_is_400(api_client, cursor):
    response = api_client.get("/api/v1/events/", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "cursor"


def test_a_deep_page_costs_what_the_first_does(api_client):
    EventFactory.create_batch(60)
    first = _queries(api_client, "/api/v1/events/?page_size=5")
    url = "/api/v1/events/?page_size=5"
    for _ in range(10):
        url = api_client.get(url).json()["next"]
    with CaptureQueriesContext(connection) as context:
        api_client.get(url)
    deep = len(context.captured_queries)
    assert deep == first
    # No request counts the table (the database cache counts its own).
    assert not any(
        "COUNT(" in query["sql"].upper() and "events_event" in query["sql"]
        for query in context.captured_queries
    )


def _cursor(ordering: str, key: list) -> str:
    import base64
    import json

    return base64.urlsafe_b64encode(json.dumps([ordering, key]).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "key",
    [
        ["not a date", "00:00:00", 1],
        ["2023-04-24", "25:99", 1],
        ["2023-04-24", "00:00:00", "one"],
        ["2023-04-24", "00:00:00", {"id": 1}],
        ["2023-04-24", None, 1],
        ["2023-04-24", "00:00:00", 10**30],
        ["2023-04-24", "00:00:00"],
        ["2023-04-24\x00", "00:00:00", 1],
    ],
)
def test_tampered_cursors_are_400(api_client, key):
    EventFactory.create_batch(3)
    response = api_client.get(f"/api/v1/events/?cursor={_cursor('-start', key)}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "cursor"


def test_a_cursor_from_another_ordering_is_400(api_client):
    response = api_client.get(f"/api/v1/events/?ordering=title&cursor={_cursor('-start', [1])}")
    assert response.status_code == 400
