"""Redis is optional: with REDIS_URL set and Redis stopped, every page, the
API and the admin keep answering; the outage is logged once; throttling
counts per process meanwhile; Redis is used again when it is back.

A real redis-server runs on a free port and is stopped in the middle.
"""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches

from diplomacy import cache as resilient
from tests.factories import EventFactory

REDIS_SERVER = shutil.which("redis-server") or "redis-server"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server"),
]

PAGES = [
    "/en/",
    "/en/events/",
    "/en/events/forum/",
    "/en/statistics/",
    "/en/countries/",
    "/en/events.ics",
    "/sitemap.xml",
    "/api/v1/events/",
    "/api/v1/events/forum/",
    "/admin/",
    "/admin/events/event/",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Redis:
    def __init__(self) -> None:
        self.port = _free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis(settings):
    server = Redis()
    server.start()
    settings.CACHES = {
        "default": {
            "BACKEND": "diplomacy.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{server.port}/0",
            "KEY_PREFIX": "test",
        }
    }
    yield server
    if server.process.poll() is None:
        server.stop()


def _statuses(client) -> dict[str, int]:
    return {url: client.get(url).status_code for url in PAGES}


def test_every_page_the_api_and_the_admin_answer_with_redis_stopped(
    redis, editor_client, caplog, monkeypatch
):
    EventFactory(slug="forum")
    everything_ok = dict.fromkeys(PAGES, 200)
    assert _statuses(editor_client) == everything_ok
    assert caches["default"].get("site:probe", "missing") == "missing"
    caches["default"].set("site:probe", "in redis")

    redis.stop()
    with caplog.at_level(logging.WARNING, logger="diplomacy.cache"):
        assert _statuses(editor_client) == everything_ok
        assert _statuses(editor_client) == everything_ok
    outage = [record.getMessage() for record in caplog.records if record.name == "diplomacy.cache"]
    assert len(outage) == 1
    assert outage[0].startswith("Redis cache unavailable (")
    readyz = editor_client.get("/readyz").json()
    assert readyz == {"status": "degraded", "database": "ok", "cache": "degraded"}

    # Back: used again at the next try, and said once.
    monkeypatch.setattr(resilient, "RETRY_SECONDS", 0.0)
    redis.start()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="diplomacy.cache"):
        assert editor_client.get("/readyz").json()["cache"] == "ok"
        assert _statuses(editor_client) == everything_ok
    back = [record.getMessage() for record in caplog.records if record.name == "diplomacy.cache"]
    assert len(back) == 1
    assert back[0].startswith("Redis cache is back after ")
    caches["default"].set("site:probe", "again")
    assert caches["default"].get("site:probe") == "again"


def test_throttling_counts_per_process_while_redis_is_down(redis, api_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute", "user": "5/minute"},
    }
    redis.stop()
    statuses = [api_client.get("/api/v1/countries/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_the_page_cache_is_skipped_while_redis_is_down(redis, client, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 600
    EventFactory(slug="forum")
    assert client.get("/en/events/forum/")["X-Page-Cache"] == "miss"
    assert client.get("/en/events/forum/")["X-Page-Cache"] == "hit"

    monkeypatch.setattr(resilient, "RETRY_SECONDS", 0.0)
    redis.stop()
    # Each process's memory would miss the others' edits: nothing is kept.
    for _ in range(2):
        response = client.get("/en/events/forum/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "Cache-Control" not in response

    redis.start()
    assert client.get("/en/events/forum/")["X-Page-Cache"] == "miss"
    assert client.get("/en/events/forum/")["X-Page-Cache"] == "hit"


def test_with_redis_throttle_counts_are_shared_and_a_list_is_one_query(redis, api_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for day in range(1, 4):
        EventFactory(start_date=f"2024-01-0{day}")
    counts = {}
    for page_size in (1, 2, 100):
        with CaptureQueriesContext(connection) as context:
            assert api_client.get(f"/api/v1/events/?page_size={page_size}").status_code == 200
        counts[page_size] = len(context.captured_queries)
    # One query on PostgreSQL (the SQL documents); the serializers' on SQLite.
    expected = 1 if connection.vendor == "postgresql" else 8
    assert counts == {1: expected, 2: expected, 100: expected}
    assert len(caches["default"].get("throttle_anon_127.0.0.1")) == 3
