"""How many queries each public page and API answer runs, with the seed
record and a cold shared cache: the tests beside each page check that counts
do not grow with rows; these catch a constant bloat (a query added to every
request). Reads and writes of the shared cache itself are left out, so the
figures are the same with the database cache and with Redis. Change a
figure here when a change of the code changes it, and say why in the commit."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.models import ON_POSTGRESQL

pytestmark = pytest.mark.django_db

# PostgreSQL's event search first reads the people and organizations whose
# names match, then their events (events/search.py); SQLite matches in one.
NAME_MATCHES = 2 if ON_POSTGRESQL else 0

SITE = {
    "/en/": 8,
    "/en/events/": 12,
    "/en/events/round-table-public-diplomacy-russia-kyrgyzstan-2023/": 12,
    "/en/events/round-table-public-diplomacy-russia-kyrgyzstan-2023.ics": 2,
    "/en/events.ics": 5,
    "/en/events/feed.atom": 2,
    "/en/search/?q=Kosachev": 4 + NAME_MATCHES,
    "/en/competitions/": 1,
    "/en/competitions/leader-of-peoples-diplomacy/": 7,
    "/en/statistics/": 21,
    "/en/countries/": 5,
    "/en/countries/kg/": 17,
    "/en/countries/ru/with/kg/": 7,
    "/en/people/konstantin-kosachev/": 6,
    "/en/organizations/assembly-of-the-peoples-of-russia/": 14,
    "/sitemap.xml": 13,
    "/sitemap-events.xml": 6,
}
# Event reads are one statement on PostgreSQL (events/api/documents.py); the
# serializers' nine queries on SQLite. Throttling runs no query (it counts in
# Redis or in the process's memory: diplomacy/api/throttling.py).
EVENT_READ = 1 if ON_POSTGRESQL else 9
API = {
    "/api/v1/events/": EVENT_READ,
    "/api/v1/events/round-table-public-diplomacy-russia-kyrgyzstan-2023/": EVENT_READ,
    "/api/v1/events/?q=Kosachev": EVENT_READ + NAME_MATCHES,
    "/api/v1/round-tables/": EVENT_READ,
    "/api/v1/competitions/": 7,
    "/api/v1/people/": 2,
    "/api/v1/people/konstantin-kosachev/": 2,
    "/api/v1/organizations/": 1,
    "/api/v1/countries/": 1,
    "/api/v1/regions/?country=kg": 2,
    "/api/v1/removed-events/?since=2000-01-01T00:00:00Z": 1,
}


@pytest.mark.parametrize(("url", "budget"), [*SITE.items(), *API.items()])
def test_queries_per_answer_stay_within_budget(client, seed, url, budget):
    client.get(url)  # per-process caches (content types, translations)
    cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    queries = [query["sql"] for query in context.captured_queries]
    assert len([sql for sql in queries if "django_cache" not in sql]) == budget
