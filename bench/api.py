"""Time API requests against a seeded database (see bench/seed.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
        .venv/bin/python bench/api.py

Requests go through Django in-process (no network), each repeated and the
median reported, with the number of queries. Results are printed as a table.
"""

import base64
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")
os.environ.setdefault("API_THROTTLE_ANON", "1000000/minute")

import django

django.setup()

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.models import Event

REPEAT = 7


def cursor_at(offset: int) -> str:
    """The cursor a client holds after walking `offset` rows in the default order."""
    row = (
        Event.objects.filter(status__in=Event.PUBLIC_STATUSES)
        .order_by("-start_date", "-start_time", "-pk")
        .values("start_date", "start_time", "pk")[offset]
    )
    start_time = row["start_time"].isoformat() if row["start_time"] else "00:00:00"
    key = [row["start_date"].isoformat(), start_time, row["pk"]]
    return base64.urlsafe_b64encode(json.dumps(["-start", key]).encode()).decode().rstrip("=")


def measure(client: Client, url: str) -> tuple[float, int, int]:
    timings = []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url, HTTP_HOST="localhost")
            timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.content[:300])
    return statistics.median(timings) * 1000, len(queries.captured_queries), response.status_code


def main() -> None:
    client = Client()
    total = Event.objects.count()
    public = Event.objects.filter(status__in=Event.PUBLIC_STATUSES).order_by("pk")
    detail = public.values_list("slug", flat=True)[public.count() // 2]
    cases = [
        ("events, first page (20)", "/api/v1/events/"),
        ("events, page after 50,000 rows", f"/api/v1/events/?cursor={cursor_at(50_000)}"),
        ("events, 100 per page", "/api/v1/events/?page_size=100"),
        ("events, country + year", "/api/v1/events/?country=KG&year=2010"),
        ("events, full text 'форум'", "/api/v1/events/?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC"),
        ("events, person", "/api/v1/events/?person=bench-person-7"),
        ("event detail", f"/api/v1/events/{detail}/"),
        ("people, first page", "/api/v1/people/"),
        ("round tables in KG in 2023", "/api/v1/round-tables/?country=KG&year=2023"),
    ]
    print(f"{total:,} events; median of {REPEAT} requests\n")
    print(f"{'request':40} {'ms':>8} {'queries':>8}")
    for label, url in cases:
        milliseconds, queries, _status = measure(client, url)
        print(f"{label:40} {milliseconds:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
