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
from urllib.parse import parse_qs, urlencode

import orjson
import psycopg2

PUBLIC_STATUSES = ("published", "cancelled", "postponed")
PUBLIC = "(" + ", ".join(f"'{status}'" for status in PUBLIC_STATUSES) + ")"
LANGUAGES = ("en", "ru", "ky")
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# The cursor names the ordering's keys (diplomacy/api/pagination.py).
ORDERING = "-start_date,-start_time_key,-pk"
DETAIL = re.compile(r"^/api/v1/events/([-a-zA-Z0-9_]+)/$")


# --- SQL pieces ------------------------------------------------------------------


def translated(alias: str, field: str) -> str:
    """{"en": …, "ru": …, "ky": …}; an empty text is null, as TranslatedField gives it."""
    pairs = ", ".join(f"'{lang}', NULLIF({alias}.{field}_{lang}, '')" for lang in LANGUAGES)
    return f"json_build_object({pairs})"


# modeltranslation's fallback order per language (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).
FALLBACK = {"en": ("en", "ru", "ky"), "ru": ("ru", "en", "ky"), "ky": ("ky", "ru", "en")}


def person_name(alias: str) -> str:
    """Person.name in each language: given and family name, each with fallback."""

    def part(field: str, language: str) -> str:
        columns = ", ".join(f"NULLIF({alias}.{field}_{lang}, '')" for lang in FALLBACK[language])
        return f"COALESCE({columns})"

    pairs = ", ".join(
        f"'{lang}', concat_ws(' ', {part('given_name', lang)}, {part('family_name', lang)})"
        for lang in LANGUAGES
    )
    return f"json_build_object({pairs})"


def url(path: str, slug: str) -> str:
    return f"%(base)s::text || '/' || %(language)s::text || '/{path}/' || {slug} || '/'"


def person_summary(alias: str) -> str:
    return (
        f"json_build_object('slug', {alias}.slug, 'name', {person_name(alias)}, "
        f"'url', {url('people', f'{alias}.slug')})"
    )


def organization_summary(alias: str) -> str:
    return (
        f"json_build_object('slug', {alias}.slug, 'name', {translated(alias, 'name')}, "
        f"'short_name', {translated(alias, 'short_name')}, 'kind', {alias}.kind, "
        f"'url', {url('organizations', f'{alias}.slug')})"
    )


def code_summary(alias: str) -> str:
    return f"json_build_object('code', {alias}.code, 'name', {translated(alias, 'name')})"


def nullable(key: str, summary: str) -> str:
    return f"CASE WHEN {key} IS NULL THEN NULL ELSE {summary} END"


def iso_date(expression: str) -> str:
    return f"to_char({expression}, 'YYYY-MM-DD')"


def iso_time(expression: str) -> str:
    """time.isoformat(): seconds always, microseconds when there are any."""
    return (
        f"to_char({expression}, CASE WHEN date_part('microseconds', {expression})::int %% 1000000 "
        "= 0 THEN 'HH24:MI:SS' ELSE 'HH24:MI:SS.US' END)"
    )


def iso_offset(seconds: str, utc: str) -> str:
    """A UTC offset in seconds as Python writes it: +06:00, +04:50:40, or `utc` for zero."""
    hours = f"lpad((abs({seconds}) / 3600)::text, 2, '0')"
    minutes = f"lpad((abs({seconds}) %% 3600 / 60)::text, 2, '0')"
    extra = (
        f"CASE WHEN abs({seconds}) %% 60 = 0 THEN '' "
        f"ELSE ':' || lpad((abs({seconds}) %% 60)::text, 2, '0') END"
    )
    sign = f"CASE WHEN {seconds} < 0 THEN '-' ELSE '+' END"
    return (
        f"CASE WHEN {seconds} = 0 THEN {utc} "
        f"ELSE {sign} || {hours} || ':' || {minutes} || {extra} END"
    )


def iso_local(local: str, zone: str) -> str:
    """datetime.combine(date, time, ZoneInfo(zone)).isoformat() for a local timestamp."""
    offset = (
        f"(extract(epoch FROM {local} - ({local} AT TIME ZONE {zone} AT TIME ZONE 'UTC'))::int)"
    )
    return (
        f"to_char({local}, 'YYYY-MM-DD\"T\"') || {iso_time(f'{local}::time')} || "
        f"{iso_offset(offset, repr('+00:00'))}"
    )


def iso_instant(instant: str) -> str:
    """DRF's DateTimeField: in the server's zone, +00:00 written as Z."""
    local = f"({instant} AT TIME ZONE %(time_zone)s::text)"
    offset = f"(extract(epoch FROM {local} - ({instant} AT TIME ZONE 'UTC'))::int)"
    return (
        f"to_char({local}, 'YYYY-MM-DD\"T\"') || {iso_time(f'{local}::time')} || "
        f"{iso_offset(offset, repr('Z'))}"
    )


def moment(day: str, time: str) -> str:
    """Event.start / Event.end: a date, or a date-time with the venue's offset."""
    return (
        f"CASE WHEN {time} IS NULL THEN {iso_date(day)} "
        f"ELSE {iso_local(f'({day} + {time})', 'e.timezone')} END"
    )


# The SQL below is assembled from this module's constants; every value a
# request brings is passed as a parameter.


def nested(table: str, alias: str, joins: str, document: str, order: str) -> str:
    return (
        f"(SELECT COALESCE(json_agg({document} ORDER BY {order}), '[]'::json) "  # noqa: S608
        f"FROM {table} {alias} {joins} WHERE {alias}.event_id = e.id)"
    )


ORGANIZATIONS = nested(
    "events_eventorganization",
    "eo",
    "JOIN people_organization o ON o.id = eo.organization_id",
    f"json_build_object('organization', {organization_summary('o')}, 'role', eo.role)",
    'eo."order", eo.id',
)
PARTICIPANTS = nested(
    "events_participation",
    "pa",
    "LEFT JOIN people_person p ON p.id = pa.person_id "
    "LEFT JOIN people_organization po ON po.id = pa.organization_id",
    f"json_build_object('person', {nullable('p.id', person_summary('p'))}, 'role', pa.role, "
    f"'position', {translated('pa', 'position_title')}, 'position_id', pa.position_id, "
    f"'organization', {nullable('po.id', organization_summary('po'))})",
    'pa."order", pa.id',
)
QUOTES = nested(
    "events_quote",
    "q",
    "JOIN people_person qp ON qp.id = q.person_id",
    f"json_build_object('person', {person_summary('qp')}, 'text', q.text, "
    f"'language', q.language, 'translations', {translated('q', 'translation')})",
    'q."order", q.id',
)
SOURCES = nested(
    "events_source",
    "s",
    "LEFT JOIN people_organization so ON so.id = s.publisher_organization_id",
    f"json_build_object('title', {translated('s', 'title')}, 'url', s.url, "
    f"'publisher', s.publisher, 'publisher_organization', so.slug, "
    f"'rubric', {translated('s', 'rubric')}, "
    f"'published_at', {nullable('s.published_at', iso_instant('s.published_at'))})",
    's."order", s.id',
)
FOLLOW_UP = nullable(
    "fu.id",
    "json_build_object('slug', fu.slug, 'title', "
    + translated("fu", "title")
    + ", 'kind', fu.kind, 'start_date', "
    + iso_date("fu.start_date")
    + ", 'url', "
    + url("events", "fu.slug")
    + ")",
)
PARTIES = (
    "(SELECT COALESCE(json_agg(json_build_object("  # noqa: S608
    f"'organization', {nullable('op.id', organization_summary('op'))}, "
    f"'country', {nullable('oc.code', code_summary('oc'))}, 'role', pt.role"
    ") ORDER BY pt.\"order\", pt.id), '[]'::json) FROM events_outcomeparty pt "
    "LEFT JOIN people_organization op ON op.id = pt.organization_id "
    "LEFT JOIN people_country oc ON oc.code = pt.country_id "
    "WHERE pt.outcome_id = ou.id)"
)
OUTCOMES = nested(
    "events_outcome",
    "ou",
    f"LEFT JOIN events_event fu ON fu.id = ou.follow_up_id AND fu.status IN {PUBLIC}",
    "json_build_object('slug', ou.slug, "
    f"'url', {url('events', 'e.slug')} || '#outcome-' || ou.slug, "
    f"'kind', ou.kind, 'title', {translated('ou', 'title')}, "
    f"'text', {translated('ou', 'text')}, "
    f"'date', {nullable('ou.date', iso_date('ou.date'))}, "
    "'document_url', ou.document_url, "
    f"'planned_start', {nullable('ou.planned_start', iso_date('ou.planned_start'))}, "
    f"'planned_end', {nullable('ou.planned_end', iso_date('ou.planned_end'))}, "
    f"'follow_up', {FOLLOW_UP}, "
    "'carried_out', CASE WHEN ou.kind = 'plan' THEN fu.id IS NOT NULL END, "
    f"'parties', {PARTIES}, "
    f"'updated_at', {iso_instant('ou.updated_at')})",
    'ou."order", ou.id',
)
NUMBERS = ("participants", "countries", "regions", "organizations")
REPORTED_FIGURES = (
    "json_build_object("
    + ", ".join(f"'{number}', rf.{number}" for number in NUMBERS)
    + f", 'text', {translated('rf', 'text')})"
)
# events/selectors/outcomes.py, derived_figures: people once each, plus rows
# naming only a post; a participant's country is their own, else that of the
# organization represented, else that of their post's organization.
DERIVED_FIGURES = """(
    SELECT json_build_object(
        'participants', count(DISTINCT pa.person_id) + count(*) FILTER (WHERE pa.person_id IS NULL),
        'countries', count(DISTINCT COALESCE(dp.country_id, dr.country_id, dpo.country_id)),
        'organizations', (
            SELECT count(*) FROM (
                SELECT eo.organization_id FROM events_eventorganization eo
                WHERE eo.event_id = e.id
                UNION SELECT pa2.organization_id FROM events_participation pa2
                WHERE pa2.event_id = e.id AND pa2.organization_id IS NOT NULL
                UNION SELECT po2.organization_id FROM events_participation pa3
                JOIN people_position po2 ON po2.id = pa3.position_id WHERE pa3.event_id = e.id
            ) AS involved
        )
    )
    FROM events_participation pa
    LEFT JOIN people_person dp ON dp.id = pa.person_id
    LEFT JOIN people_organization dr ON dr.id = pa.organization_id
    LEFT JOIN people_position ps ON ps.id = pa.position_id
    LEFT JOIN people_organization dpo ON dpo.id = ps.organization_id
    WHERE pa.event_id = e.id
)"""
# Countries and topics are ordered by their name in the active language, as
# modeltranslation rewrites Meta.ordering = ["name"]; the id settles ties.
COUNTRIES = nested(
    "events_event_countries",
    "ec",
    "JOIN people_country c ON c.code = ec.country_id",
    code_summary("c"),
    "c.name_en, c.code",
)
TOPICS = nested(
    "events_event_topics",
    "et",
    "JOIN events_topic t ON t.id = et.topic_id",
    f"json_build_object('slug', t.slug, 'name', {translated('t', 'name')})",
    "t.name_en, t.id",
)

EVENT = f"""json_build_object(
    'slug', e.slug,
    'url', {url("events", "e.slug")},
    'title', {translated("e", "title")},
    'kind', e.kind,
    'status', e.status,
    'start', {moment("e.start_date", "e.start_time")},
    'end', {moment("COALESCE(e.end_date, e.start_date)", "e.end_time")},
    'start_date', {iso_date("e.start_date")},
    'start_time', {nullable("e.start_time", iso_time("e.start_time"))},
    'end_date', {nullable("e.end_date", iso_date("e.end_date"))},
    'end_time', {nullable("e.end_time", iso_time("e.end_time"))},
    'timezone', e.timezone,
    'venue', {translated("e", "venue")},
    'city', {translated("e", "city")},
    'region', {nullable("rg.code", code_summary("rg"))},
    'host_country', {nullable("hc.code", code_summary("hc"))},
    'online_url', e.online_url,
    'summary', {translated("e", "summary")},
    'body', {translated("e", "body")},
    'image', CASE WHEN e.image = '' THEN NULL ELSE %(media)s::text || e.image END,
    'parent', {
    nullable(
        "pe.id",
        "json_build_object('slug', pe.slug, 'title', "
        + translated("pe", "title")
        + ", 'kind', pe.kind, 'start_date', "
        + iso_date("pe.start_date")
        + ", 'url', "
        + url("events", "pe.slug")
        + ")",
    )
},
    'edition', {
    nullable(
        "ed.id",
        "json_build_object('competition', co.slug, 'year', ed.year, 'title', "
        + translated("co", "title")
        + ")",
    )
},
    'organizations', {ORGANIZATIONS},
    'participants', {PARTICIPANTS},
    'countries', {COUNTRIES},
    'topics', {TOPICS},
    'quotes', {QUOTES},
    'sources', {SOURCES},
    'outcomes', {OUTCOMES},
    'reported_figures', {REPORTED_FIGURES},
    'derived_figures', {DERIVED_FIGURES},
    'created_at', {iso_instant("e.created_at")},
    'updated_at', {iso_instant("e.updated_at")}
)::text"""

JOINS = f"""
LEFT JOIN people_country hc ON hc.code = e.host_country_id
LEFT JOIN people_region rg ON rg.code = e.region_id
LEFT JOIN events_event pe ON pe.id = e.parent_id AND pe.status IN {PUBLIC}
LEFT JOIN events_edition ed ON ed.id = e.edition_id
LEFT JOIN events_competition co ON co.id = ed.competition_id
LEFT JOIN events_reportedfigures rf ON rf.event_id = e.id
"""

START_KEY = "COALESCE(e.start_time, '00:00'::time)"

# The page's keys through the event_start_order index, one row more than asked
# for (to know whether there is a next page); documents for all but that one.
LIST_SQL = f"""
WITH page AS (
    SELECT e.id, e.start_date, {START_KEY} AS start_key,
           row_number() OVER (ORDER BY e.start_date DESC, {START_KEY} DESC, e.id DESC) AS position
    FROM (
        SELECT e.id, e.start_date, e.start_time FROM events_event e
        WHERE e.status IN {PUBLIC} {{after}}
        ORDER BY e.start_date DESC, {START_KEY} DESC, e.id DESC
        LIMIT {{limit}}
    ) e
)
SELECT page.start_date, page.start_key, page.id,
       CASE WHEN page.position <= {{page_size}} THEN {EVENT} END
FROM page JOIN events_event e ON e.id = page.id {JOINS}
ORDER BY page.position
"""  # noqa: S608
AFTER = (
    f"AND (e.start_date, {START_KEY}, e.id) "
    "< (%(after_date)s::date, %(after_time)s::time, %(after_id)s::bigint)"
)
DETAIL_SQL = (
    f"SELECT {EVENT} FROM events_event e {JOINS} WHERE e.slug = %(slug)s::text "  # noqa: S608
    f"AND e.status IN {PUBLIC}"
)


def positional(sql: str) -> tuple[str, list[str]]:
    """%(name)s placeholders as $1, $2… for PREPARE, with the names in order."""
    names: list[str] = []

    def number(match: re.Match) -> str:
        if match.group(1) not in names:
            names.append(match.group(1))
        return f"${names.index(match.group(1)) + 1}"

    return re.sub(r"%\((\w+)\)s", number, sql).replace("%%", "%"), names


def statement(name: str) -> tuple[str, list[str]]:
    """The SQL of a prepared statement: floor_detail, floor_list_<n>, floor_list_after_<n>.

    The page size is written into the statement, not passed to it: with a
    parameter for LIMIT a generic plan cannot know it is small.
    """
    if name == "floor_detail":
        return positional(DETAIL_SQL)
    *_, size = name.split("_")
    after = AFTER if name.startswith("floor_list_after_") else ""
    sql = LIST_SQL.replace("{after}", after).replace("{limit}", str(int(size) + 1))
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
                        sql, names = statement(name)
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
