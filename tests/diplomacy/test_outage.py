"""Without its database the site answers 503 with Retry-After, in the reader's
language and the API's error JSON, and recovers without a restart; the
health endpoints tell a load balancer which is which.

The site runs in a subprocess whose DATABASE_URL points at a port where
nothing listens (a real refused connection), then at a proxy to the test
database once the proxy is started.
"""

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

# Requests one line at a time from stdin; each answer as a JSON line.
CLIENT = """
import json, sys
import django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False, HTTP_HOST="localhost")
for url in sys.stdin:
    response = client.get(url.strip())
    print(json.dumps({
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "type": response.get("Content-Type"),
        "body": response.content.decode(),
    }), flush=True)
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Proxy:
    """Forwards a local port to the test database's server."""

    def __init__(self, port: int, target: tuple[str, int]) -> None:
        self.server = socket.create_server(("127.0.0.1", port))
        self.target = target
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def site_without_database(tmp_path):
    port = _free_port()
    log = tmp_path / "stderr.log"
    name = connection.settings_dict["NAME"] if connection.vendor == "postgresql" else "x"
    environment = {
        **{key: value for key, value in os.environ.items() if key != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "diplomacy.settings",
        "DEBUG": "false",
        "SECRET_KEY": "outage-test-secret-key-that-is-long-enough",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/{name}",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", CLIENT],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
    )

    def get(url: str) -> dict:
        process.stdin.write(url + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    get.port = port
    get.log = log
    yield get
    process.stdin.close()
    process.wait(timeout=30)


@pytest.mark.parametrize(
    ("url", "language", "text"),
    [
        ("/en/", "en", "Briefly unavailable"),
        ("/ru/events/", "ru", "Временно недоступно"),
        ("/ky/statistics/", "ky", "Убактылуу жеткиликсиз"),
    ],
)
def test_pages_answer_503_in_the_readers_language(site_without_database, url, language, text):
    answer = site_without_database(url)
    assert (answer["status"], answer["retry_after"]) == (503, "5")
    assert f'<html lang="{language}">' in answer["body"]
    assert f"<h1>{text}</h1>" in answer["body"]
    for leak in ("Traceback", "OperationalError", "connection", "psycopg", "5432"):
        assert leak not in answer["body"]


@pytest.mark.parametrize("url", ["/api/v1/events/", "/api/v1/events/forum/", "/api/v1/people/"])
def test_the_api_answers_503_in_its_error_json(site_without_database, url):
    answer = site_without_database(url)
    assert (answer["status"], answer["retry_after"], answer["type"]) == (
        503,
        "5",
        "application/json",
    )
    assert json.loads(answer["body"]) == {
        "type": "server_error",
        "errors": [
            {
                "code": "service_unavailable",
                "detail": "The service is briefly unavailable; retry after the time given.",
                "attr": None,
            }
        ],
    }


def test_an_outage_is_logged_once_not_per_request(site_without_database):
    statuses = [site_without_database(url)["status"] for url in ["/en/", "/api/v1/events/"] * 3]
    assert statuses == [503] * 6
    log = site_without_database.log.read_text()
    assert log.count("Database unavailable, answering 503: OperationalError") == 1
    # No traceback per request from Django's request logger.
    assert (log.count("Traceback"), log.count("Service Unavailable")) == (0, 0)


def test_health_says_alive_but_not_ready(site_without_database):
    alive = site_without_database("/healthz")
    assert (alive["status"], json.loads(alive["body"])) == (200, {"status": "ok"})
    ready = site_without_database("/readyz")
    assert (ready["status"], ready["retry_after"]) == (503, "5")
    assert json.loads(ready["body"]) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "unknown",
    }


@pytest.mark.postgresql  # recovering needs a PostgreSQL server to reach
@pytest.mark.django_db
def test_the_site_recovers_when_the_database_is_back_without_a_restart(site_without_database):
    assert site_without_database("/api/v1/countries/?page_size=1")["status"] == 503
    settings = connection.settings_dict
    proxy = _Proxy(site_without_database.port, (settings["HOST"], int(settings["PORT"])))
    try:
        back = site_without_database("/api/v1/countries/?page_size=1")
        ready = site_without_database("/readyz")
    finally:
        proxy.close()
    assert back["status"] == 200
    assert len(json.loads(back["body"])["results"]) == 1
    assert (ready["status"], json.loads(ready["body"])) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok"},
    )
