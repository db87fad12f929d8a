"""When the database is away: a 503 the client may retry instead of a 500,
logged once rather than per request, and the health endpoints a load
balancer asks (/healthz: the process answers; /readyz: it can serve).

The database outage is caught where Django turns an uncaught exception into
an error page (handler500, set in diplomacy/urls.py), so it is caught
whichever layer met it first: a view, a template, the session or the user
lookup; the API's exception handler turns it into the API's error JSON
(diplomacy/api/errors.py). Nothing about the database is shown.
"""

import logging
import sys
import time

from django.core.cache import caches
from django.db import (
    DEFAULT_DB_ALIAS,
    DatabaseError,
    InterfaceError,
    OperationalError,
    connections,
)
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger(__name__)

# Seconds a client should wait before retrying; a database restart or
# fail-over takes a few.
RETRY_AFTER_SECONDS = 5
# An outage is logged once, then at most once a minute while it lasts.
LOG_EVERY_SECONDS = 60.0
_last_logged = 0.0


def is_database_outage(error: BaseException | None) -> bool:
    """The database cannot be reached or lost the connection, as opposed to
    a query that is wrong (a bug, which stays a 500)."""
    return isinstance(error, (OperationalError, InterfaceError))


def report_outage(error: BaseException) -> None:
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_EVERY_SECONDS:
        _last_logged = now
        logger.error("Database unavailable, answering 503: %s", error.__class__.__name__)


class OutageLogFilter(logging.Filter):
    """Drops django.request's line (and traceback) for each request answered
    503: the site answers 503 only for a database outage (pages here, the API
    in its exception handler), which report_outage says once a minute."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not (is_database_outage(error) or getattr(record, "status_code", None) == 503)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: the API's error JSON under /api/, otherwise a
    page in the language of the address (no template of the site, which would
    ask the database)."""
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {
                "type": "server_error",
                "errors": [
                    {
                        "code": "service_unavailable",
                        "detail": "The service is briefly unavailable; retry after the time given.",
                        "attr": None,
                    }
                ],
            },
            status=503,
        )
    else:
        language = translation.get_language_from_path(request.path_info) or (
            translation.get_language()
        )
        with translation.override(language):
            html = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: a lost database is a 503 (see the module's docstring)."""
    error = sys.exc_info()[1]
    if is_database_outage(error):
        report_outage(error)
        return unavailable_response(request)
    return django_server_error(request)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. Asks nothing else, so a database outage
    does not make a load balancer restart healthy processes."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database answers (503 otherwise); the cache is reported
    as "degraded" when Redis is away, which the site survives."""
    database = _database_state()
    cache = _cache_state() if database == "ok" or _cache_is_not_the_database() else "unknown"
    if database != "ok":
        response = JsonResponse(
            {"status": "unavailable", "database": database, "cache": cache}, status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    status = "ok" if cache == "ok" else "degraded"
    return JsonResponse({"status": status, "database": database, "cache": cache})


def _database_state() -> str:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
    except (OperationalError, InterfaceError) as error:
        report_outage(error)
        return "unavailable"
    return "ok"


def _cache_is_not_the_database() -> bool:
    return hasattr(caches["default"], "ping")


def _cache_state() -> str:
    cache = caches["default"]
    if hasattr(cache, "ping"):
        return "ok" if cache.ping() else "degraded"
    try:
        cache.set("readyz", "1", 10)
        return "ok" if cache.get("readyz") == "1" else "degraded"
    except DatabaseError:  # the database cache's table, say
        return "degraded"
