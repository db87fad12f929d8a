"""Queries per request do not grow with page size; deep pages cost what the first does."""

import datetime

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
    OutcomeFactory,
    OutcomePartyFactory,
    ParticipationFactory,
    PersonFactory,
    PositionFactory,
    QuoteFactory,
    SourceFactory,
    TopicFactory,
)
from tests.http import error_pairs

pytestmark = pytest.mark.django_db


def _rich_event(**kwargs):
    event = EventFactory(**kwargs)
    ParticipationFactory.create_batch(2, event=event)
    EventOrganizationFactory(event=event)
    QuoteFactory(event=event)
    SourceFactory(event=event)
    event.topics.add(TopicFactory())
    plan = OutcomeFactory(event=event, kind="plan", follow_up=EventFactory(status="draft"))
    OutcomePartyFactory.create_batch(2, outcome=plan)
    return event


def _outcome_with_parties():
    outcome = OutcomeFactory(kind="plan", follow_up=EventFactory())
    OutcomePartyFactory.create_batch(2, outcome=outcome)
    return outcome


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
    "/api/v1/outcomes/": _outcome_with_parties,
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


def _walk(api_client, url: str) -> list[list[str]]:
    """The slugs of every page, following `next` links."""
    pages = []
    while url:
        response = api_client.get(url)
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append([row["slug"] for row in body["results"]])
        url = body["next"]
    return pages


@pytest.fixture
def twelve_events():
    """Twelve events over four days: some at a time of day, some all day, two
    at the same time (told apart by their id), titles in no particular order."""
    specs = [
        (1, None, "K"), (1, "09:00", "B"), (1, "09:00", "H"), (1, "18:00", "E"),
        (2, None, "A"), (2, "10:00", "L"), (3, "08:30", "C"), (3, None, "J"),
        (3, "23:59", "F"), (4, "00:00", "D"), (4, None, "I"), (4, "12:00", "G"),
    ]  # fmt: skip
    return [
        EventFactory(
            slug=f"event-{title.lower()}",
            title_en=title,
            start_date=datetime.date(2024, 3, day),
            start_time=datetime.time.fromisoformat(time) if time else None,
        )
        for day, time, title in specs
    ]


def _by_start(event) -> tuple:
    return (event.start_date, event.start_time or datetime.time(0, 0), event.pk)


@pytest.mark.parametrize("page_size", [4, 5])
def test_default_order_is_newest_first_page_by_page(api_client, twelve_events, page_size):
    # 12 rows in pages of 4 end exactly on a page boundary: no empty last page.
    newest_first = [event.slug for event in sorted(twelve_events, key=_by_start, reverse=True)]
    pages = _walk(api_client, f"/api/v1/events/?page_size={page_size}")
    expected = [newest_first[i : i + page_size] for i in range(0, 12, page_size)]
    assert pages == expected


@pytest.mark.parametrize(
    ("ordering", "key", "reverse"),
    [
        ("start", _by_start, False),
        ("-start", _by_start, True),
        ("title", lambda event: (event.title_en, event.pk), False),
        ("-title", lambda event: (event.title_en, event.pk), True),
    ],
)
def test_each_ordering_pages_both_ways_without_gaps(
    api_client, twelve_events, ordering, key, reverse
):
    expected = [event.slug for event in sorted(twelve_events, key=key, reverse=reverse)]
    pages = _walk(api_client, f"/api/v1/events/?ordering={ordering}&page_size=4")
    assert pages == [expected[0:4], expected[4:8], expected[8:12]]


def test_page_size_is_capped_at_100_and_at_least_1(api_client):
    # DESIGN.md's contract: larger page sizes are capped, not refused.
    EventFactory.create_batch(101)
    body = api_client.get("/api/v1/events/?page_size=500").json()
    assert len(body["results"]) == 100
    assert body["next"] is not None
    for size in ("0", "-1", "abc"):
        response = api_client.get(f"/api/v1/events/?page_size={size}")
        assert response.status_code == 400
        assert response.json()["errors"] == [
            {
                "code": "invalid",
                "detail": "A whole number of at least 1 is required.",
                "attr": "page_size",
            }
        ]


@pytest.mark.parametrize("cursor", ["abc!", "a b", "é", "x" * 2001])
def test_a_cursor_outside_its_alphabet_is_400(api_client, cursor):
    response = api_client.get("/api/v1/events/", {"cursor": cursor})
    assert response.status_code == 400
    assert response.json()["errors"][0]["attr"] == "cursor"


def test_a_deep_page_costs_what_the_first_does(api_client):
    EventFactory.create_batch(60)
    # Warm: what a process reads once (and a throttle's first count) is not
    # what a page costs.
    api_client.get("/api/v1/events/?page_size=5")
    first = _queries(api_client, "/api/v1/events/?page_size=5")
    url = "/api/v1/events/?page_size=5"
    for _ in range(10):
        url = api_client.get(url).json()["next"]
    with CaptureQueriesContext(connection) as context:
        api_client.get(url)
    deep = len(context.captured_queries)
    assert deep == first
    # No request counts the table (the database cache counts its own; an
    # event's document counts its own participants).
    assert not any(
        'COUNT(*) AS "__count" FROM "events_event"' in query["sql"]
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


def test_a_cursor_of_the_opposite_direction_is_400(api_client, twelve_events):
    """Oldest-first and newest-first keys have the same types: only the
    ordering the cursor names tells them apart."""
    oldest_first = api_client.get("/api/v1/events/?ordering=start&page_size=4").json()["next"]
    cursor = oldest_first.split("cursor=")[1].split("&")[0]
    response = api_client.get(f"/api/v1/events/?ordering=-start&page_size=4&cursor={cursor}")
    assert response.status_code == 400
    assert error_pairs(response) == [
        ("cursor", "This cursor is not valid here; follow the `next` link as given.")
    ]
