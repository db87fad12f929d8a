"""What is kept in the shared cache across requests, and when it goes stale.

Figures over all public events (statistics, the most involved countries and
organizations, a calendar of a thousand events) take hundreds of milliseconds
at 100,000 events. They are kept in the shared cache under the time of the
latest change to any event, so a new or edited event is counted at once, and
expire after a while in case an event was deleted.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import Max

from events.models import Event

AGGREGATE_SECONDS = 600


def cached_aggregate(name: str, compute: Callable[[], Any]) -> Any:
    """compute(), or its value cached since the latest change to any event
    (one query to find that change, and compute's own on a miss)."""
    # Every event, those in the trash too: moving one there is a change.
    latest = Event.all_objects.aggregate(latest=Max("updated_at"))["latest"]
    key = f"site:{name}:{latest.isoformat() if latest else 'none'}"
    return cache.get_or_set(key, compute, AGGREGATE_SECONDS)
