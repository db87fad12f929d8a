"""Event reads from JSON built in PostgreSQL (events/api/documents.py) give the
serializers' bytes, to the public and to editors, in every language, for
lists (filters, orderings, cursors, sparse fields) and details; and each is
one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from events.search import refresh_event_search
from tests.factories import EditorFactory, EventFactory
from tests.http import authorize
from tests.rich import rich_events

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]

LANGUAGES = ("en", "ru", "ky")
LISTS = [
    "/api/v1/events/",
    "/api/v1/events/?page_size=2",
    "/api/v1/events/?ordering=title&page_size=3",
    "/api/v1/events/?ordering=-title",
    "/api/v1/events/?ordering=updated_at&page_size=4",
    "/api/v1/events/?ordering=start",
    "/api/v1/events/?country=QK",
    "/api/v1/events/?year=2023&kind=round_table",
    "/api/v1/events/?has_outcome=true",
    "/api/v1/events/?q=round",
    "/api/v1/events/?fields=slug,title,start,host_country&page_size=3",
    "/api/v1/events/?fields=parent,outcomes,countries,topics",
    "/api/v1/round-tables/",
    "/api/v1/events/?q=%09%C2%B6%C2%97%0C",  # no words: matches nothing
]


@pytest.fixture
def rich(db):
    events = rich_events()
    # A stored name the storage's URL percent-encodes.
    EventFactory(slug="with-image", image="events/круглый стол #2.jpg")
    refresh_event_search(Event.all_objects.values_list("pk", flat=True))
    return events


def _answer(client, url: str, language: str):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    return response.status_code, response.content, response.get("ETag")


def _both(client, settings, url: str, language: str) -> tuple:
    settings.API_SQL_DOCUMENTS = False
    expected = _answer(client, url, language)
    settings.API_SQL_DOCUMENTS = True
    return _answer(client, url, language), expected


def _walk(client, settings, url: str, language: str) -> int:
    """Every page of a list, each compared; the number of pages."""
    pages = 0
    while url:
        got, expected = _both(client, settings, url, language)
        assert got == expected, url
        assert got[0] == 200
        url = client.get(url, HTTP_ACCEPT_LANGUAGE=language).json()["next"]
        pages += 1
    return pages


@pytest.mark.parametrize("reader", ["public", "editor"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_from_sql_are_the_serializers_bytes(
    rich, api_client, token_for, settings, reader, language
):
    if reader == "editor":
        authorize(api_client, token_for(EditorFactory()))
    pages = {url: _walk(api_client, settings, url, language) for url in LISTS}
    visible = Event.objects.all()
    if reader == "public":
        visible = visible.filter(status__in=Event.PUBLIC_STATUSES)
    assert pages["/api/v1/events/?page_size=2"] == (visible.count() + 1) // 2


@pytest.mark.parametrize("reader", ["public", "editor"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_details_from_sql_are_the_serializers_bytes_and_etag(
    rich, api_client, token_for, settings, reader, language
):
    if reader == "editor":
        authorize(api_client, token_for(EditorFactory()))
    slugs = list(Event.all_objects.values_list("slug", flat=True))
    for slug in [*slugs, "no-such-event"]:
        for query in ("", "?fields=slug,parent,outcomes"):
            url = f"/api/v1/events/{slug}/{query}"
            got, expected = _both(api_client, settings, url, language)
            assert got == expected, url


def test_a_draft_parent_and_follow_up_are_named_to_editors_only(rich, api_client, token_for):
    timed, draft = rich["timed"], rich["draft"]
    child = Event.objects.get(parent=draft)
    public = api_client.get(f"/api/v1/events/{child.slug}/").json()
    plans = api_client.get(f"/api/v1/events/{timed.slug}/?fields=outcomes").json()["outcomes"]
    assert public["parent"] is None
    assert [plan["carried_out"] for plan in plans] == [None, True, False]
    authorize(api_client, token_for(EditorFactory()))
    edited = api_client.get(f"/api/v1/events/{child.slug}/?fields=slug,parent").json()
    plans = api_client.get(f"/api/v1/events/{timed.slug}/?fields=outcomes").json()["outcomes"]
    assert edited == {"slug": child.slug, "parent": edited["parent"]}
    assert edited["parent"]["slug"] == draft.slug
    assert [plan["carried_out"] for plan in plans] == [None, True, True]
    assert plans[2]["follow_up"]["slug"] == draft.slug


def test_links_carry_the_readers_language(rich, api_client):
    russian = api_client.get("/api/v1/events/?page_size=1", HTTP_ACCEPT_LANGUAGE="ru").json()
    assert russian["results"][0]["url"].startswith("http://testserver/ru/events/")


@pytest.mark.parametrize("page_size", [1, 20, 100])
def test_a_list_is_one_query_whatever_its_size(rich, api_client, page_size):
    url = f"/api/v1/events/?page_size={page_size}&ordering=title"
    api_client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = api_client.get(url)
    assert response.status_code == 200
    data = [query for query in context.captured_queries if "django_cache" not in query["sql"]]
    assert len(data) == 1


def test_a_detail_is_one_query(rich, api_client):
    url = f"/api/v1/events/{rich['timed'].slug}/"
    api_client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = api_client.get(url)
    assert response.status_code == 200
    data = [query for query in context.captured_queries if "django_cache" not in query["sql"]]
    assert len(data) == 1


def test_on_a_persistent_connection_statements_are_prepared_once(
    rich, api_client, settings, monkeypatch
):
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    urls = ["/api/v1/events/?page_size=3&ordering=title", f"/api/v1/events/{rich['timed'].slug}/"]
    for url in urls:
        got, expected = _both(api_client, settings, url, "ru")
        assert got == expected
        with CaptureQueriesContext(connection) as context:
            assert _answer(api_client, url, "ru") == expected
        assert [query["sql"][:24] for query in context.captured_queries] == [
            "EXECUTE event_documents_"
        ]
