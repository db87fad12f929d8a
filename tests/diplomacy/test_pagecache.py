"""The shared page cache for anonymous readers (diplomacy/pagecache.py): served
without the database, emptied by any committed edit, never for editors or
token clients, with Cache-Control, ETag and gzip."""

import gzip

import pytest
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory

from diplomacy.pagecache import GENERATION_KEY, PageCacheMiddleware
from events.services import event_update
from tests.factories import EventFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db

SHARED = "public, max-age=60, stale-while-revalidate=300"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_BROWSER_SECONDS = 60
    settings.PAGE_STALE_SECONDS = 300
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache-tests",
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    "url",
    ["/en/", "/en/events/", "/en/events/forum/", "/ru/events/forum/", "/api/v1/events/"],
)
def test_pagecache_serves_a_second_anonymous_reader_without_queries(
    page_cache, client, count_queries, url
):
    EventFactory(slug="forum", title_en="Forum", title_ru="Форум")
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == SHARED
    assert count_queries(lambda: client.get(url)) == 0
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second["Cache-Control"] == SHARED
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]


def test_pagecache_keeps_languages_and_queries_apart(page_cache, client):
    EventFactory(slug="forum", title_en="Forum", title_ru="Форум")
    assert b"Forum" in client.get("/en/events/forum/").content
    assert "Форум".encode() in client.get("/ru/events/forum/").content
    client.get("/en/events/?kind=forum")
    assert client.get("/en/events/?kind=visit")["X-Page-Cache"] == "miss"


# Edits commit here, as they do on the site (in a test's own transaction
# nothing ever commits).
@pytest.mark.django_db(transaction=True)
def test_pagecache_is_emptied_by_an_edit_once_it_commits(page_cache, client):
    event = EventFactory(slug="forum", title_en="Old title")
    assert b"Old title" in client.get("/en/events/forum/").content
    assert b"Old title" in client.get("/en/events/").content
    generation = cache.get(GENERATION_KEY)
    with transaction.atomic():
        event_update(event=event, fields={"title_en": "New title"})
        # Not before the edit commits: a reader meanwhile still sees the old one.
        assert cache.get(GENERATION_KEY) == generation
        assert client.get("/en/events/forum/")["X-Page-Cache"] == "hit"
    # One bump per transaction, however many rows it wrote.
    assert cache.get(GENERATION_KEY) == generation + 1
    page = client.get("/en/events/forum/")
    assert page["X-Page-Cache"] == "miss"
    assert b"New title" in page.content
    assert b"New title" in client.get("/en/events/").content


@pytest.mark.django_db(transaction=True)
def test_pagecache_is_emptied_by_a_rename_of_a_person(page_cache, client):
    person = PersonFactory(family_name_en="Smirnova")
    ParticipationFactory(event=EventFactory(slug="forum"), person=person)
    assert b"Smirnova" in client.get("/en/events/forum/").content
    person.family_name_en = "Smirnoff"
    person.save()
    assert b"Smirnoff" in client.get("/en/events/forum/").content


def test_pagecache_neither_serves_nor_stores_for_editors(page_cache, editor_client):
    EventFactory(slug="forum")
    response = editor_client.get("/en/events/forum/")
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response
    # An editor's page was not stored for the public.
    assert Client().get("/en/events/forum/")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in editor_client.get("/en/events/forum/")


def test_pagecache_neither_serves_nor_stores_for_token_clients(page_cache, client):
    EventFactory(slug="forum")
    client.get("/api/v1/events/")
    response = client.get("/api/v1/events/", HTTP_AUTHORIZATION="Token nonsense")
    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_pagecache_answers_304_to_a_known_etag(page_cache, client):
    EventFactory(slug="forum")
    etag = client.get("/en/events/forum/")["ETag"]
    assert client.get("/en/events/forum/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    gzipped = client.get("/en/events/forum/", HTTP_ACCEPT_ENCODING="gzip")
    weak = gzipped["ETag"]
    assert weak == f"W/{etag}"
    again = client.get("/en/events/forum/", HTTP_IF_NONE_MATCH=weak, HTTP_ACCEPT_ENCODING="gzip")
    assert again.status_code == 304


def test_pagecache_does_not_store_errors(page_cache, client):
    assert client.get("/en/events/nothing-here/").status_code == 404
    assert "X-Page-Cache" not in client.get("/en/events/nothing-here/")


def test_gzip_compresses_anonymous_html_and_json_only(page_cache, editor_client):
    EventFactory(slug="forum")
    client = Client()
    for url in ("/en/events/", "/api/v1/events/"):
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == client.get(url).content
        assert "Content-Encoding" not in editor_client.get(url, HTTP_ACCEPT_ENCODING="gzip")


def test_pagecache_never_stores_a_page_with_a_csrf_token(page_cache):
    def form(request):
        return HttpResponse(f'<input name="csrfmiddlewaretoken" value="{get_token(request)}">')

    middleware = PageCacheMiddleware(form)
    request = RequestFactory().get("/en/form/")
    request.LANGUAGE_CODE = "en"
    response = middleware(request)
    assert "X-Page-Cache" not in response
    assert "public" not in response.get("Cache-Control", "")


@pytest.fixture
def proxy():
    """A stand-in reverse proxy on a free port that records what it is sent."""
    import http.server
    import threading

    received: list[tuple[str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_BAN(self):
            received.append((self.command, self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", received
    server.shutdown()
    server.server_close()


@pytest.mark.django_db(transaction=True)
def test_pagecache_edit_purges_the_reverse_proxy(page_cache, settings, proxy, caplog):
    url, received = proxy
    settings.PAGE_PURGE_URLS = [url, "http://127.0.0.1:9/"]
    event = EventFactory(slug="forum")
    received.clear()
    caplog.clear()
    with caplog.at_level("WARNING", logger="diplomacy.pagecache"):
        event_update(event=event, fields={"title_en": "New title"})
    assert received == [("BAN", "/")]
    assert [record.getMessage()[:45] for record in caplog.records] == [
        "Could not purge the proxy at http://127.0.0.1"
    ]
