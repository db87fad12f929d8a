"""The event API's reads, answered with JSON that PostgreSQL builds.

The rows are chosen as always: the filters, the ordering and the cursor of the
list (events/api/filters.py, diplomacy/api/pagination.py) and the visibility
of events/selectors/events.py make an ORM query of the page's ids and keys.
That query is compiled, not run, and becomes the first part of one statement
whose second part builds each row's document (events/api/documents_sql.py,
which bench/floor.py runs too): a list or a detail is one query however many
rows and nested records it has. The documents are the serializers' bytes; see
docs/performance.md ("API read path") for why, and for what stays with DRF.

Only on PostgreSQL and only for JSON: SQLite, the browsable API, and
API_SQL_DOCUMENTS=false keep the serializers (events/api/serializers.py).
"""

import hashlib
import re
import weakref
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation

from events.api import documents_sql
from events.models import Event
from events.selectors.events import can_preview_drafts

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# Statements prepared on each persistent connection, the oldest dropped first.
PREPARED_PER_CONNECTION = 64
_prepared: "weakref.WeakKeyDictionary[Any, OrderedDict[str, None]]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Reader:
    """Who asks, as far as the document depends on it."""

    language: str
    editor: bool
    fields: tuple[str, ...]
    base: str
    media: str
    time_zone: str

    def values(self) -> dict[str, str]:
        return {
            "base": self.base,
            "language": self.language,
            "media": self.media,
            "time_zone": self.time_zone,
        }


def sql_documents_available(request) -> bool:
    """Whether this request is answered from SQL: JSON on PostgreSQL."""
    renderer = getattr(request, "accepted_renderer", None)
    return (
        settings.API_SQL_DOCUMENTS
        and connection.vendor == "postgresql"
        and getattr(renderer, "format", None) == "json"
    )


def reader_of(request, fields: Sequence[str] | None = None) -> Reader:
    base = f"{request.scheme}://{request.get_host()}"
    return Reader(
        language=translation.get_language() or settings.LANGUAGE_CODE,
        editor=can_preview_drafts(request.user),
        fields=tuple(fields) if fields else documents_sql.FIELDS,
        base=base,
        # The stored name: compact() makes it the storage's URL, encoded.
        media="",
        time_zone=timezone.get_current_timezone_name(),
    )


def _bind(sql: str, values: dict[str, Any]) -> tuple[str, list[Any]]:
    """%(name)s placeholders as %s, with the values in the order they appear."""
    params: list[Any] = []

    def take(match: re.Match) -> str:
        params.append(values[match.group(1)])
        return "%s"

    return PLACEHOLDER.sub(take, sql), params


def page_documents(
    page: QuerySet, keys: Sequence[str], page_size: int, reader: Reader
) -> list[tuple[list[Any], str | None]]:
    """The rows of a page query (ordered by `keys`, sliced one past the page)
    as (key values, document); the row past the page gets no document."""
    names = [key.lstrip("-") for key in keys]
    try:
        keys_sql, keys_params = page.values_list(*names).query.sql_with_params()
    except EmptyResultSet:  # a filter that matches nothing, such as a `q` of no words
        return []
    order = ", ".join(
        f'page."{key.lstrip("-")}" {"DESC" if key.startswith("-") else "ASC"}' for key in keys
    )
    document = documents_sql.document(reader.language, reader.editor, reader.fields)
    select = ", ".join(f'page."{name}"' for name in names)
    sql, params = _bind(
        f"SELECT {select}, CASE WHEN row_number() OVER (ORDER BY {order}) "  # noqa: S608
        f"<= %(page_size)s THEN {document} END "
        f'FROM page JOIN events_event e ON e.id = page."pk" '
        f"{documents_sql.joins(reader.editor)} ORDER BY {order}",
        {**reader.values(), "page_size": page_size},
    )
    rows = _run(f"WITH page AS ({keys_sql}) {sql}", [*keys_params, *params])
    return [(list(row[:-1]), row[-1]) for row in rows]


def detail_document(events: QuerySet, reader: Reader) -> str | None:
    """The document of the one event `events` holds (say, filtered by slug), or None."""
    try:
        ids_sql, ids_params = events.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
    sql, params = _bind(
        documents_sql.documents_sql(
            reader.language, reader.editor, reader.fields, where="e.id IN ({ids})"
        ),
        reader.values(),
    )
    rows = _run(sql.replace("{ids}", ids_sql), [*params, *ids_params])
    return rows[0][1] if rows else None


def _run(sql: str, params: list[Any]) -> list[tuple]:
    """Run a statement; on a persistent connection, as a prepared one.

    Planning these statements (about thirty correlated subqueries) takes as
    long as running them; a connection that lives across requests
    (DATABASE_CONN_MAX_AGE) plans each distinct statement once. The values
    stay parameters, so a statement differs only by its filters, ordering,
    fields, language and reader.
    """
    connection.ensure_connection()
    name = _prepared_name(sql) if connection.settings_dict.get("CONN_MAX_AGE") else None
    with connection.cursor() as cursor:
        if name is None:
            cursor.execute(sql, params)
        else:
            placeholders = ", ".join(["%s"] * len(params))
            cursor.execute(
                f"EXECUTE {name} ({placeholders})" if params else f"EXECUTE {name}", params or None
            )
        return cursor.fetchall()


def _prepared_name(sql: str) -> str | None:
    """The name of `sql` prepared on this connection (prepared now if need be),
    or None when it cannot be: the statement then runs as it is."""
    name = "event_documents_" + hashlib.sha1(sql.encode(), usedforsecurity=False).hexdigest()[:20]
    raw = connection.connection
    try:
        names = _prepared.setdefault(raw, OrderedDict())
    except TypeError:  # a driver connection without weak references
        return None
    if name in names:
        names.move_to_end(name)
        return name
    numbered = iter(range(1, sql.count("%s") + 1))
    positional = re.sub(r"%s", lambda _match: f"${next(numbered)}", sql).replace("%%", "%")
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {positional}")
            if len(names) >= PREPARED_PER_CONNECTION:
                cursor.execute(f"DEALLOCATE {names.popitem(last=False)[0]}")
    except DatabaseError:
        return None
    names[name] = None
    return name


def compact(document: str, request) -> Any:
    """A document as data (PostgreSQL writes JSON with spaces; the API does
    not), its image as the serializer's ImageField gives it: the storage's
    URL of the stored name, percent-encoded, absolute."""
    data = orjson.loads(document)
    if data.get("image"):
        storage = Event._meta.get_field("image").storage
        data["image"] = request.build_absolute_uri(storage.url(data["image"]))
    return data


def render(data: Any) -> bytes:
    """JSON as DRF's JSONRenderer writes it: compact, UTF-8, U+2028/9 escaped."""
    body = orjson.dumps(data)
    if b"\xe2\x80\xa8" in body or b"\xe2\x80\xa9" in body:
        body = body.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")
    return body
