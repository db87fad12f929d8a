"""A shared cache of whole responses for anonymous readers, emptied at once by
any edit.

Every page and API list an anonymous reader gets is the same for all of them,
so it is kept in the shared cache (Redis) and served from there without
asking the database: a hit costs one round trip to Redis.

Invalidation is by generation. A number in the cache, the generation, is
raised after every committed write to the apps holding public data (events
and people: one signal handler for every model there, below, plus the
services that write with QuerySet.update). A stored page carries the
generation it was made under and only counts while that is still the current
one; older pages expire on their own. The generation a page is stored under
is read before the page is made, so a page made from data an edit has just
replaced is never stored under the new generation.

What is never stored: requests with a session cookie or an Authorization
header (editors, partners with a token: they get `Cache-Control: private,
no-store`), anything but a 200 to a GET, responses that set a cookie, vary on
Cookie, carry a CSRF token or say private/no-store/no-cache. While Redis is
away nothing is read or stored (each process's own memory would miss the
other processes' edits).

Stored pages are sent with `Cache-Control: public, max-age=…,
stale-while-revalidate=…` and their ETag (304 on If-None-Match), so a CDN or
reverse proxy may keep them too; docs/operations.md shows how to purge one on
an edit.
"""

import hashlib
import logging
import time
import urllib.request
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "pages:generation"
PAGE_KEY = "pages:{digest}"
# The apps whose rows make up public pages and the API.
PUBLIC_APPS = frozenset({"events", "people"})
# Never stored: the admin, the language switch, health checks.
PRIVATE_PREFIXES = ("/admin/", "/i18n/", "/healthz", "/readyz", "/static/", "/media/")
# Pages larger than this are made afresh each time rather than kept.
MAX_STORED_BYTES = 2_000_000
# Headers the cache adds itself, or that belong to one response only.
UNSTORED_HEADERS = frozenset({"set-cookie", "x-page-cache"})
# Seconds a proxy has to acknowledge a purge.
PURGE_TIMEOUT_SECONDS = 1.0
REFUSED_CACHE_CONTROL = ("private", "no-store", "no-cache", "max-age=0")


def enabled() -> bool:
    """Whether pages are kept: PAGE_CACHE_SECONDS > 0 and the cache is not
    running on a process's own memory because Redis is down."""
    return settings.PAGE_CACHE_SECONDS > 0 and not getattr(cache, "degraded", False)


# Generations.


def current_generation(stored: Any) -> int:
    """The generation read from the cache, or a new one when it was lost (an
    evicted key, a restarted Redis): a time in nanoseconds, above any number
    the lost generation could have reached."""
    if isinstance(stored, int):
        return stored
    fresh = time.time_ns()
    cache.add(GENERATION_KEY, fresh, None)
    found = cache.get(GENERATION_KEY)
    return found if isinstance(found, int) else fresh


def bump_generation() -> None:
    """Make every stored page stale, here and in the reverse proxies."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or it was evicted
        cache.set(GENERATION_KEY, time.time_ns(), None)
    purge_proxies()


def purge_proxies() -> None:
    """Send a BAN to each reverse proxy in PAGE_PURGE_URLS (Varnish: see
    docs/operations.md), so it drops what it keeps of the public site too. A
    proxy that does not answer is logged; its copies age out by max-age."""
    for url in settings.PAGE_PURGE_URLS:
        # http(s) only: settings.py refuses any other scheme.
        request = urllib.request.Request(url, method="BAN")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=PURGE_TIMEOUT_SECONDS):  # noqa: S310
                pass
        except OSError as error:
            logger.warning("Could not purge the proxy at %s: %s", url, error)


def bump_after_commit(using: str = DEFAULT_DB_ALIAS) -> None:
    """Raise the generation once the current transaction commits (at once
    outside one); once per transaction, however many rows it writes."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return
    connection = connections[using]
    if connection.in_atomic_block and any(
        func is bump_generation for _ids, func, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(bump_generation, using=using)


def _on_write(sender: type, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    if sender._meta.app_label in PUBLIC_APPS:
        bump_after_commit(using)


def _on_relation_change(sender: type, action: str, using: str = DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and sender._meta.app_label in PUBLIC_APPS:
        bump_after_commit(using)


def connect_signals() -> None:
    """Every save, delete and many-to-many change of a public app's rows
    (services, admin, API and commands alike) raises the generation; writes
    by QuerySet.update or bulk_create call bump_after_commit() themselves."""
    post_save.connect(_on_write, dispatch_uid="pagecache-save")
    post_delete.connect(_on_write, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_relation_change, dispatch_uid="pagecache-m2m")


# Requests and responses.


def is_anonymous(request: HttpRequest) -> bool:
    """No session and no token: the reader sees what everybody sees. Decided
    from the request alone, without asking the database."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _may_be_shared(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and is_anonymous(request)
        and not request.path.startswith(PRIVATE_PREFIXES)
    )


def page_key(request: HttpRequest) -> str:
    """Language, address with its query, and for the API the Accept header
    (JSON or the browsable API)."""
    accept = request.META.get("HTTP_ACCEPT", "") if request.path.startswith("/api/") else ""
    language = getattr(request, "LANGUAGE_CODE", "")
    described = "\n".join([language, request.get_full_path(), accept])
    return PAGE_KEY.format(digest=hashlib.sha256(described.encode()).hexdigest())


def _uses_csrf_token(request: HttpRequest, response: HttpResponseBase) -> bool:
    vary = response.get("Vary", "").lower()
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE")) or "cookie" in vary


def _is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        request.method == "GET"
        and response.status_code == 200
        and isinstance(response, HttpResponse)
        and not response.cookies
        and not _uses_csrf_token(request, response)
        and not any(word in cache_control for word in REFUSED_CACHE_CONTROL)
        and len(response.content) <= MAX_STORED_BYTES
    )


def _shared_cache_control(response: HttpResponseBase) -> None:
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_BROWSER_SECONDS,
        stale_while_revalidate=settings.PAGE_STALE_SECONDS,
    )


def _stored(generation: int, response: HttpResponse) -> tuple:
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS
    ]
    return (generation, response.status_code, headers, response.content)


def _rebuilt(request: HttpRequest, stored: tuple) -> HttpResponseBase:
    _generation, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    conditional = get_conditional_response(request, etag=response.get("ETag"), response=response)
    return conditional or response


class PageCacheMiddleware:
    """Serves and stores anonymous readers' pages and API lists (see the
    module's docstring). Placed after LocaleMiddleware (the language is part
    of the key) and before ConditionalGetMiddleware (whose ETag is stored)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not _may_be_shared(request):
            response = self.get_response(request)
            if not is_anonymous(request) and not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
            return response
        if settings.PAGE_CACHE_SECONDS <= 0:
            return self.get_response(request)
        key = page_key(request)
        # Tried even while Redis is away, which is how its return is noticed.
        found = cache.get_many([GENERATION_KEY, key])
        if not enabled():
            return self.get_response(request)
        generation = current_generation(found.get(GENERATION_KEY))
        stored = found.get(key)
        if stored is not None and stored[0] == generation:
            return _rebuilt(request, stored)
        response = self.get_response(request)
        if _is_storable(request, response):
            _shared_cache_control(response)
            cache.set(key, _stored(generation, response), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response


class AnonymousGZipMiddleware(GZipMiddleware):
    """gzip for anonymous readers' responses only. BREACH recovers a secret
    from the compressed size of a page that reflects the attacker's input;
    the pages compressed here carry no secret (no session, no token, no CSRF
    token)."""

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        if not is_anonymous(request) or _uses_csrf_token(request, response):
            return response
        return super().process_response(request, response)
