"""A Redis cache the site does not depend on.

Redis holds what is cheap to lose: throttle counters, cached figures and
pages. When it stops answering, each call falls back to a small cache in the
process's own memory, so pages, the API and the admin keep answering (figures
are computed again, throttling counts per process), and Redis is left alone
for a few seconds instead of being tried on every request. The outage is
logged once when it starts and once when it ends, not per request.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Seconds to leave Redis alone after it failed, before trying it again.
RETRY_SECONDS = 5.0
# Seconds a connection or a command may take before Redis counts as down;
# set as the client's socket timeouts unless the settings give others.
SOCKET_TIMEOUT = 0.5


@dataclass
class _Health:
    """Whether a Redis server failed, shared by every thread of the process
    (Django makes a cache object per thread)."""

    down_since: float | None = None
    retry_at: float = 0.0


_HEALTH: dict[str, _Health] = {}


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, which falls back to this process's memory while
    Redis is unreachable."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        options.setdefault("socket_connect_timeout", SOCKET_TIMEOUT)
        options.setdefault("socket_timeout", SOCKET_TIMEOUT)
        super().__init__(server, {**params, "OPTIONS": options})
        # Local memory caches of one name share their storage.
        self._fallback = LocMemCache(f"redis-fallback:{server}", {"OPTIONS": {"MAX_ENTRIES": 2000}})
        self._health = _HEALTH.setdefault(str(server), _Health())

    @property
    def degraded(self) -> bool:
        """Whether Redis failed and the process runs on its own memory."""
        return self._health.down_since is not None

    def ping(self) -> bool:
        """Ask Redis directly whether it is there (for /readyz)."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self._went_down(error)
            return False
        self._came_back()
        return True

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        fallback: Callable[..., Any] = getattr(self._fallback, name)
        health = self._health
        if health.down_since is not None and time.monotonic() < health.retry_at:
            return fallback(*args, **kwargs)
        try:
            result = getattr(super(), name)(*args, **kwargs)
        except RedisError as error:
            self._went_down(error)
            return fallback(*args, **kwargs)
        self._came_back()
        return result

    def _went_down(self, error: Exception) -> None:
        health = self._health
        health.retry_at = time.monotonic() + RETRY_SECONDS
        if health.down_since is None:
            health.down_since = time.monotonic()
            logger.error(
                "Redis cache unavailable (%s); serving from process memory until it is back.",
                error,
            )

    def _came_back(self) -> None:
        health = self._health
        if health.down_since is not None:
            seconds = time.monotonic() - health.down_since
            logger.warning("Redis cache is back after %.0f s.", seconds)
            health.down_since = None
            self._fallback.clear()

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def clear(self):
        return self._call("clear")
