"""API throttling: one counter per client, kept where counting costs no
database write.

With Redis as the shared cache (REDIS_URL) the counters live there, shared
by every process: a read costs two Redis round trips and no query. With the
database cache they live in each process's memory (the `throttle` cache of
settings.py): a read then costs nothing at all, where the database cache
cost four queries and an UPDATE in a transaction on every anonymous read.
The price is that each process counts on its own, so a client spread over
N worker processes may get up to N times its rate; docs/performance.md says
when to choose Redis instead.
"""

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle


def throttle_cache() -> BaseCache:
    """The shared cache, unless it is the database's: then this process's memory."""
    shared = caches["default"]
    return caches["throttle"] if isinstance(shared, DatabaseCache) else shared


class ClientRateThrottle(SimpleRateThrottle):
    """Token holders are counted per user at the "user" rate, everyone else per
    address at the "anon" rate; rates are read from settings on each request."""

    scope = "anon"

    def __init__(self) -> None:
        # The rate depends on who is asking; it is set in allow_request.
        pass

    def allow_request(self, request, view) -> bool:
        self.cache = throttle_cache()
        self.scope = "user" if request.user and request.user.is_authenticated else "anon"
        self.rate = api_settings.DEFAULT_THROTTLE_RATES[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view) -> str:
        ident = request.user.pk if self.scope == "user" else self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}
