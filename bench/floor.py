"""The floor: the event API's first pages with no Django, as fast as this stack goes.

A bare WSGI application over psycopg2 and orjson. One SQL statement per
request builds each event as JSON in PostgreSQL (json_build_object, with
json_agg for organizations, participants, countries, topics, quotes and
sources); Python only adds the `next` link and re-encodes compactly. Its
answer is the same JSON, byte for byte, as the project's API gives an
anonymous client, which tests/bench/test_floor.py checks on seeded data.
`bench/compare` serves it beside the project to tell how far the project
is from what the database and the wire allow.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/diplomacy_bench \\
        .venv/bin/gunicorn --chdir bench floor:application -w 2 -b 127.0.0.1:8002

Served: GET /api/v1/events/ with `page_size` and `cursor` (default ordering
`-start`) and GET /api/v1/events/<slug>/. Known limits, none of which the
benchmark meets: the default language only (no Accept-Language), the server
time zone from TIME_ZONE, image paths not percent-encoded, and a time that
falls in the hour a venue's clocks turn back may get the other of its two
offsets.
"""

import base64
import binascii
import datetime
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import orjson
import psycopg2

# Run as `gunicorn --chdir bench floor:application` too: the project's root
# holds the SQL builder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from events.api.documents_sql import PUBLIC, PUBLIC_STATUSES, document, joins

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# The cursor names the ordering's keys (diplomacy/api/pagination.py).
ORDERING = "-start_date,-start_time_key,-pk"
DETAIL = re.compile(r"^/api/v1/events/([-a-zA-Z0-9_]+)/$")


# --- SQL ---------------------------------------------------------------------------
# The documents come from the project's own builder (pure Python, no Django),
# the same the API's read path runs.

START_KEY = "COALESCE(e.start_time, '00:00'::time)"

# The page's keys through the event_start_order index, one row more than asked
# for (to know whether there is a next page); documents for all but that one.
LIST_SQL = f"""
WITH page AS (
    SELECT e.id, e.start_date, {START_KEY} AS start_key,
           row_number() OVER (ORDER BY e.start_date DESC, {START_KEY} DESC, e.id DESC) AS position
    FROM (
        SELECT e.id, e.start_date, e.start_time FROM events_event e
        WHERE e.status IN {PUBLIC} AND e.deleted_at IS NULL {{after}}
        ORDER BY e.start_date DESC, {START_KEY} DESC, e.id DESC
        LIMIT {{limit}}
    ) e
)
SELECT page.start_date, page.start_key, page.id,
       CASE WHEN page.position <= {{page_size}} THEN {{document}} END
FROM page JOIN events_event e ON e.id = page.id {joins(editor=False)}
ORDER BY page.position
"""  # noqa: S608
AFTER = (
    f"AND (e.start_date, {START_KEY}, e.id) "
    "< (%(after_date)s::date, %(after_time)s::time, %(after_id)s::bigint)"
)
DETAIL_SQL = (
    f"SELECT {{document}} FROM events_event e {joins(editor=False)} "  # noqa: S608
    f"WHERE e.slug = %(slug)s::text AND e.status IN {PUBLIC} AND e.deleted_at IS NULL"
)


def positional(sql: str) -> tuple[str, list[str]]:
    """%(name)s placeholders as $1, $2… for PREPARE, with the names in order."""
    names: list[str] = []

    def number(match: re.Match) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    return re.sub(r"%\((\w+)\)s", number, sql).replace("%%", "%"), names


def statement(name: str, language: str = "en") -> tuple[str, list[str]]:
    """The SQL of a prepared statement: floor_detail, floor_list_<n>, floor_list_after_<n>.

    The page size is written into the statement, not passed to it: with a
    parameter for LIMIT a generic plan cannot know it is small.
    """
    event = document(language, editor=False)
    if name == "floor_detail":
        return positional(DETAIL_SQL.replace("{document}", event))
    *_, size = name.split("_")
    after = AFTER if name.startswith("floor_list_after_") else ""
    sql = LIST_SQL.replace("{after}", after).replace("{limit}", str(int(size) + 1))
    sql = sql.replace("{document}", event)
    return positional(sql.replace("{page_size}", str(int(size))))


# --- requests --------------------------------------------------------------------


class BadRequest(Exception):
    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


def encode_cursor(key: list) -> str:
    """The project's cursor (diplomacy/pagination.py): base64 of [ordering, key]."""
    token = base64.urlsafe_b64encode(json.dumps([ORDERING, key], default=str).encode()).decode()
    return token.rstrip("=")


def decode_cursor(token: str) -> tuple[datetime.date, datetime.time, int]:
    try:
        padded = token + "=" * (-len(token) % 4)
        name, (day, time, pk) = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if name != ORDERING or not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError
        return datetime.date.fromisoformat(day), datetime.time.fromisoformat(time), pk
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise BadRequest("cursor", "This cursor is not valid here.") from None


def page_size_of(params: dict[str, list[str]]) -> int:
    raw = params.get("page_size", [""])[-1]
    if raw == "":
        return DEFAULT_PAGE_SIZE
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest("page_size", "A whole number of at least 1 is required.")
    return min(int(raw), MAX_PAGE_SIZE)


def _render(data) -> bytes:
    body = orjson.dumps(data)
    # DRF's JSONRenderer escapes the two line separators JavaScript chokes on.
    if b"\xe2\x80\xa8" in body or b"\xe2\x80\xa9" in body:
        body = body.replace("\u2028".encode(), b"\\u2028").replace("\u2029".encode(), b"\\u2029")
    return body


class Floor:
    """The WSGI application; one database connection per process, opened on first use."""

    def __init__(
        self,
        dsn: str,
        *,
        language: str = "en",
        time_zone: str = "UTC",
        media_url: str = "/media/",
    ) -> None:
        self.dsn = dsn
        self.language = language
        self.time_zone = time_zone
        self.media_url = media_url
        self.connection = None

    def _connect(self):
        connection = psycopg2.connect(self.dsn)
        connection.autocommit = True
        with connection.cursor() as cursor:
            # Planning these statements takes about as long as running them:
            # plan each once per connection (their plans do not depend on
            # the values passed).
            cursor.execute("SET plan_cache_mode = force_generic_plan")
        self.prepared: dict[str, list[str]] = {}
        return connection

    def _execute(self, name: str, params: dict) -> list[tuple]:
        for attempt in (1, 2):
            if self.connection is None or self.connection.closed:
                self.connection = self._connect()
            try:
                with self.connection.cursor() as cursor:
                    if name not in self.prepared:
                        sql, names = statement(name, self.language)
                        cursor.execute(f"PREPARE {name} AS {sql}")
                        self.prepared[name] = names
                    names = self.prepared[name]
                    placeholders = ", ".join(["%s"] * len(names))
                    cursor.execute(f"EXECUTE {name} ({placeholders})", [params[n] for n in names])
                    return cursor.fetchall()
            except psycopg2.OperationalError:
                self.connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _params(self, base: str) -> dict:
        media = self.media_url if "://" in self.media_url else base + self.media_url
        return {
            "base": base,
            "language": self.language,
            "time_zone": self.time_zone,
            "media": media,
        }

    def event_list(self, base: str, path: str, query: str) -> bytes:
        params = parse_qs(query, keep_blank_values=True)
        unknown = sorted(set(params) - {"page_size", "cursor"})
        if unknown:
            raise BadRequest(unknown[0], "Unknown query parameter.")
        page_size = page_size_of(params)
        sql_params = self._params(base)
        token = params.get("cursor", [""])[-1]
        if token:
            day, time, pk = decode_cursor(token)
            sql_params.update(after_date=day, after_time=time, after_id=pk)
        kind = "floor_list_after" if token else "floor_list"
        rows = self._execute(f"{kind}_{page_size}", sql_params)
        next_link = None
        if len(rows) > page_size:
            day, time, pk, _document = rows[page_size - 1]
            # DRF's replace_query_param: the query re-encoded, parameters sorted.
            params["cursor"] = [encode_cursor([day.isoformat(), time.isoformat(), pk])]
            next_link = f"{base}{path}?{urlencode(sorted(params.items()), doseq=True)}"
        results = [orjson.loads(row[3]) for row in rows[:page_size]]
        return _render({"next": next_link, "results": results})

    def event_detail(self, base: str, slug: str) -> bytes | None:
        rows = self._execute("floor_detail", {**self._params(base), "slug": slug})
        return _render(orjson.loads(rows[0][0])) if rows else None

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST") or (f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}")
        base = f"{environ['wsgi.url_scheme']}://{host}"
        path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        status, body = "200 OK", None
        try:
            if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
                status, body = "405 Method Not Allowed", b'{"detail":"GET only."}'
            elif path == "/api/v1/events/":
                body = self.event_list(base, path, environ.get("QUERY_STRING", ""))
            elif match := DETAIL.match(path):
                body = self.event_detail(base, match.group(1))
            if body is None and status == "200 OK":
                status, body = "404 Not Found", b'{"detail":"Not found."}'
        except BadRequest as error:
            status = "400 Bad Request"
            body = orjson.dumps({error.parameter: [str(error)]})
        start_response(
            status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
        )
        return [body]


def cursor_at(dsn: str, offset: int) -> str:
    """The cursor a client holds after walking `offset` public events in the default order."""
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute(
            f"SELECT e.start_date, {START_KEY}, e.id FROM events_event e "  # noqa: S608
            f"WHERE e.status IN %s ORDER BY e.start_date DESC, {START_KEY} DESC, e.id DESC "
            "OFFSET %s LIMIT 1",
            [PUBLIC_STATUSES, offset - 1],
        )
        day, time, pk = cursor.fetchone()
    connection.close()
    return encode_cursor([day.isoformat(), time.isoformat(), pk])


def _application_from_environment() -> Floor:
    dsn = os.environ.get("DATABASE_URL", "")
    if not dsn.startswith(("postgres://", "postgresql://")):
        raise RuntimeError("The floor needs DATABASE_URL=postgres://… (PostgreSQL only).")
    return Floor(
        dsn.replace("postgres://", "postgresql://", 1),
        language=os.environ.get("LANGUAGE_CODE", "en"),
        time_zone=os.environ.get("TIME_ZONE", "UTC"),
        media_url=os.environ.get("MEDIA_URL", "/media/"),
    )


class _Lazy:
    """gunicorn imports `application` before forking: connect in each worker."""

    floor: Floor | None = None

    def __call__(self, environ, start_response):
        if self.floor is None:
            self.floor = _application_from_environment()
        return self.floor(environ, start_response)


application = _Lazy()
