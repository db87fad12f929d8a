"""Time the public pages against a seeded database (see bench/seed.py).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
        .venv/bin/python bench/site.py

Requests go through Django in-process (no network), each repeated and the
median reported, with the number of queries. Results are printed as a table.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "diplomacy.settings")

import django

django.setup()

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.models import Event
from people.models import Organization, Person

REPEAT = 5


def measure(client: Client, url: str) -> tuple[float, int]:
    timings = []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(url, HTTP_HOST="localhost")
            timings.append(time.perf_counter() - began)
        assert response.status_code == 200, (url, response.content[:300])
    return statistics.median(timings) * 1000, len(queries.captured_queries)


def main() -> None:
    client = Client()
    public = Event.objects.filter(status__in=Event.PUBLIC_STATUSES).order_by("pk")
    event = public[len(public) // 2] if public.exists() else None
    busiest_person = Person.objects.filter(participations__isnull=False).order_by("pk").first()
    busiest_organization = (
        Organization.objects.filter(event_roles__isnull=False).order_by("pk").first()
    )
    cases = [
        ("home", "/en/"),
        ("event list, first page", "/en/events/"),
        ("event list, page 2,000", "/en/events/?page=2000"),
        ("event list, country + year", "/en/events/?country=kg&year=2023"),
        ("event list, words 'форум'", "/en/events/?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC"),
        ("event list, by title in Russian", "/ru/events/?ordering=title"),
        ("event page", f"/en/events/{event.slug}/"),
        ("event .ics", f"/en/events/{event.slug}.ics"),
        ("list .ics, country + year", "/en/events.ics?country=kg&year=2023"),
        ("Atom feed", "/en/events/feed.atom"),
        ("search 'форум'", "/en/search/?q=%D1%84%D0%BE%D1%80%D1%83%D0%BC"),
        ("statistics", "/en/statistics/"),
        ("countries", "/en/countries/"),
        ("country (RU)", "/en/countries/ru/"),
        ("two countries (RU, KG)", "/en/countries/ru/with/kg/"),
        ("person", busiest_person.get_absolute_url()),
        ("organization", busiest_organization.get_absolute_url()),
        ("sitemap index", "/sitemap.xml"),
        ("sitemap of events, page 1", "/sitemap-events.xml"),
    ]
    print(f"{public.count():,} public events; median of {REPEAT} requests\n")
    print(f"{'page':36} {'ms':>8} {'queries':>8}")
    for label, url in cases:
        milliseconds, queries = measure(client, url)
        print(f"{label:36} {milliseconds:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
