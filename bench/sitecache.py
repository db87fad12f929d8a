"""Time the page cache, search and the event list against a floor, in one run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
    REDIS_URL=redis://127.0.0.1:6379/7 CACHE_KEY_PREFIX=bench \\
        .venv/bin/python bench/sitecache.py --rounds 30

In-process (Django's test client, no network), so the figures are Django's
own cost. Each round asks every address once, the order reversed on every
other round (A/B/B/A…), so load from elsewhere falls on all of them. The
floor is a bare view returning the cached page's bytes through the same
middleware; ratios are to it. Prints a Markdown table: p50, p95, queries.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

import django

django.setup()

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import path

import diplomacy.urls

FORUM = "%D1%84%D0%BE%D1%80%D1%83%D0%BC"  # форум
_BARE: dict[str, bytes] = {}


def bare(request):
    return HttpResponse(_BARE["body"], content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare), *diplomacy.urls.urlpatterns]
handler500 = diplomacy.urls.handler500


def _time(client: Client, url: str, headers: dict) -> tuple[float, int]:
    with CaptureQueriesContext(connection) as queries:
        began = time.perf_counter()
        response = client.get(url, HTTP_HOST="localhost", **headers)
        elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries)


def run(cases: dict[str, tuple[str, dict]], rounds: int) -> dict[str, tuple[list[float], int]]:
    client = Client()
    for url, headers in cases.values():  # warm up, and fill the page cache
        client.get(url, HTTP_HOST="localhost", **headers)
    results: dict[str, tuple[list[float], int]] = {name: ([], 0) for name in cases}
    names = list(cases)
    for number in range(rounds):
        for name in names if number % 2 == 0 else reversed(names):
            url, headers = cases[name]
            elapsed, queries = _time(client, url, headers)
            results[name] = (results[name][0] + [elapsed], queries)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    cached = {"HTTP_X_BENCH": "cached"}
    with override_settings(ROOT_URLCONF=__name__, PAGE_CACHE_SECONDS=600):
        _BARE["body"] = Client().get("/en/events/", HTTP_HOST="localhost").content
        cases = {
            "floor: bare view, same bytes": ("/bench/bare/", {}),
            "/en/events/ cached (page cache hit)": ("/en/events/", cached),
            "/api/v1/events/ cached (page cache hit)": ("/api/v1/events/", cached),
        }
        results = run(cases, rounds)
    with override_settings(ROOT_URLCONF=__name__, PAGE_CACHE_SECONDS=0):
        cases = {
            "floor (uncached run): bare view": ("/bench/bare/", {}),
            "/en/events/": ("/en/events/", {}),
            "/en/events/?page=3": ("/en/events/?page=3", {}),
            f"/en/search/?q={FORUM}": (f"/en/search/?q={FORUM}", {}),
            "/en/search/?q=forum": ("/en/search/?q=forum", {}),
            f"/api/v1/events/?q={FORUM}": (f"/api/v1/events/?q={FORUM}", {}),
        }
        results |= run(cases, rounds)
    print(f"{settings.DATABASES['default']['NAME']}, {rounds} rounds alternated\n")
    print("| request | p50 ms | p95 ms | queries | p50 / floor |")
    print("|---|---|---|---|---|")
    floor = None
    for name, (timings, queries) in results.items():
        ordered = sorted(timings)
        p50 = statistics.median(ordered)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        if name.startswith("floor"):
            floor = p50
        print(f"| {name} | {p50:.1f} | {p95:.1f} | {queries} | {p50 / floor:.1f}× |")


if __name__ == "__main__":
    main()
