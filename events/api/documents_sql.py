"""The event API's documents as one SQL statement, in PostgreSQL.

Pure Python, no Django: the project's read path (events/api/documents.py)
and the benchmark's floor (bench/floor.py) build their SQL from these same
functions, so the two cannot drift apart. Each document is the JSON the
serializers in events/api/serializers.py give, key for key and byte for byte
once re-encoded compactly (tests/events/api/test_documents.py compares
them): `json_build_object` for the event, `json_agg` for its nested lists,
dates, times and UTC offsets written as Python and DRF write them.

What depends on the reader is an argument:
- `language`: the language of the public page links (`/ru/events/…`) and of
  the order of countries and topics (modeltranslation orders them by the
  active language's column);
- `editor`: whether drafts may be named as a parent or a plan's follow-up
  (events/selectors/events.py, visible_parent; events/selectors/outcomes.py,
  visible_follow_up);
- `fields`: the document's keys, for sparse rows (`?fields=`).
Values a request brings (the host, the ids, the time zone) are parameters:
`%(base)s`, `%(language)s`, `%(time_zone)s`, `%(media)s`. The SQL itself is
assembled from this module's constants and from names checked against them.
"""

from collections.abc import Sequence
from functools import lru_cache

PUBLIC_STATUSES = ("published", "cancelled", "postponed")
PUBLIC = "(" + ", ".join(f"'{status}'" for status in PUBLIC_STATUSES) + ")"
LANGUAGES = ("en", "ru", "ky")
# modeltranslation's fallback order per language (settings.MODELTRANSLATION_FALLBACK_LANGUAGES).
FALLBACK = {"en": ("en", "ru", "ky"), "ru": ("ru", "en", "ky"), "ky": ("ky", "ru", "en")}


# --- pieces --------------------------------------------------------------------------


def translated(alias: str, field: str) -> str:
    """{"en": …, "ru": …, "ky": …}; an empty text is null, as TranslatedField gives it."""
    pairs = ", ".join(f"'{lang}', NULLIF({alias}.{field}_{lang}, '')" for lang in LANGUAGES)
    return f"json_build_object({pairs})"


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


def event_summary(alias: str) -> str:
    return (
        f"json_build_object('slug', {alias}.slug, 'title', {translated(alias, 'title')}, "
        f"'kind', {alias}.kind, 'start_date', {iso_date(f'{alias}.start_date')}, "
        f"'url', {url('events', f'{alias}.slug')})"
    )


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


def nested(table: str, alias: str, joins: str, document: str, order: str) -> str:
    return (
        f"(SELECT COALESCE(json_agg({document} ORDER BY {order}), '[]'::json) "  # noqa: S608
        f"FROM {table} {alias} {joins} WHERE {alias}.event_id = e.id)"
    )


def shown(alias: str, editor: bool) -> str:
    """The join condition of an event named inside another: drafts for editors only."""
    return "" if editor else f" AND {alias}.status IN {PUBLIC}"


# --- the nested lists --------------------------------------------------------------

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
PARTIES = (
    "(SELECT COALESCE(json_agg(json_build_object("  # noqa: S608
    f"'organization', {nullable('op.id', organization_summary('op'))}, "
    f"'country', {nullable('oc.code', code_summary('oc'))}, 'role', pt.role"
    ") ORDER BY pt.\"order\", pt.id), '[]'::json) FROM events_outcomeparty pt "
    "LEFT JOIN people_organization op ON op.id = pt.organization_id "
    "LEFT JOIN people_country oc ON oc.code = pt.country_id "
    "WHERE pt.outcome_id = ou.id)"
)


def outcomes(editor: bool) -> str:
    """A plan's follow-up is named, and counts as carried out, only when the
    reader may see it (visible_follow_up); an outcome's url is its event's page."""
    return nested(
        "events_outcome",
        "ou",
        f"LEFT JOIN events_event fu ON fu.id = ou.follow_up_id{shown('fu', editor)}",
        "json_build_object('slug', ou.slug, "
        f"'url', {url('events', 'e.slug')} || '#outcome-' || ou.slug, "
        f"'kind', ou.kind, 'title', {translated('ou', 'title')}, "
        f"'text', {translated('ou', 'text')}, "
        f"'date', {nullable('ou.date', iso_date('ou.date'))}, "
        "'document_url', ou.document_url, "
        f"'planned_start', {nullable('ou.planned_start', iso_date('ou.planned_start'))}, "
        f"'planned_end', {nullable('ou.planned_end', iso_date('ou.planned_end'))}, "
        f"'follow_up', {nullable('fu.id', event_summary('fu'))}, "
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


def countries(language: str) -> str:
    """Ordered by the name in the active language, as modeltranslation rewrites
    Meta.ordering = ["name"]; the code settles ties."""
    return nested(
        "events_event_countries",
        "ec",
        "JOIN people_country c ON c.code = ec.country_id",
        code_summary("c"),
        f"c.name_{language}, c.code",
    )


def topics(language: str) -> str:
    return nested(
        "events_event_topics",
        "et",
        "JOIN events_topic t ON t.id = et.topic_id",
        f"json_build_object('slug', t.slug, 'name', {translated('t', 'name')})",
        f"t.name_{language}, t.id",
    )


# --- the document ------------------------------------------------------------------


def _parts(language: str, editor: bool) -> dict[str, str]:
    """Every key of the document, in the contract's order (EventSerializer.Meta.fields)."""
    return {
        "slug": "e.slug",
        "url": url("events", "e.slug"),
        "title": translated("e", "title"),
        "kind": "e.kind",
        "status": "e.status",
        "start": moment("e.start_date", "e.start_time"),
        "end": moment("COALESCE(e.end_date, e.start_date)", "e.end_time"),
        "start_date": iso_date("e.start_date"),
        "start_time": nullable("e.start_time", iso_time("e.start_time")),
        "end_date": nullable("e.end_date", iso_date("e.end_date")),
        "end_time": nullable("e.end_time", iso_time("e.end_time")),
        "timezone": "e.timezone",
        "venue": translated("e", "venue"),
        "city": translated("e", "city"),
        "region": nullable("rg.code", code_summary("rg")),
        "host_country": nullable("hc.code", code_summary("hc")),
        "online_url": "e.online_url",
        "summary": translated("e", "summary"),
        "body": translated("e", "body"),
        "image": "CASE WHEN e.image = '' THEN NULL ELSE %(media)s::text || e.image END",
        "parent": nullable("pe.id", event_summary("pe")),
        "edition": nullable(
            "ed.id",
            f"json_build_object('competition', co.slug, 'year', ed.year, "
            f"'title', {translated('co', 'title')})",
        ),
        "organizations": ORGANIZATIONS,
        "participants": PARTICIPANTS,
        "countries": countries(language),
        "topics": topics(language),
        "quotes": QUOTES,
        "sources": SOURCES,
        "outcomes": outcomes(editor),
        "reported_figures": REPORTED_FIGURES,
        "derived_figures": DERIVED_FIGURES,
        "created_at": iso_instant("e.created_at"),
        "updated_at": iso_instant("e.updated_at"),
    }


FIELDS: tuple[str, ...] = tuple(_parts("en", False))


def joins(editor: bool) -> str:
    """The one-row relations of `e`: a parent in the trash is named to no one."""
    return f"""
LEFT JOIN people_country hc ON hc.code = e.host_country_id
LEFT JOIN people_region rg ON rg.code = e.region_id
LEFT JOIN events_event pe ON pe.id = e.parent_id AND pe.deleted_at IS NULL{shown("pe", editor)}
LEFT JOIN events_edition ed ON ed.id = e.edition_id
LEFT JOIN events_competition co ON co.id = ed.competition_id
LEFT JOIN events_reportedfigures rf ON rf.event_id = e.id
"""


@lru_cache(maxsize=256)
def document(language: str, editor: bool, fields: tuple[str, ...] = FIELDS) -> str:
    """The document of the event `e` as JSON text, with `fields` (in the contract's order).

    `language` and `fields` become part of the SQL, so they are checked
    against the known ones first.
    """
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}.")
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields {sorted(unknown)!r}.")
    parts = _parts(language, editor)
    pairs = ",\n    ".join(f"'{name}', {parts[name]}" for name in FIELDS if name in fields)
    return f"json_build_object(\n    {pairs}\n)::text"


def documents_sql(
    language: str, editor: bool, fields: Sequence[str] = FIELDS, *, where: str
) -> str:
    """SELECT e.id, document FROM the events `where` says (a condition on `e`)."""
    return (
        f"SELECT e.id, {document(language, editor, tuple(fields))} "  # noqa: S608
        f"FROM events_event e {joins(editor)} WHERE {where}"
    )
