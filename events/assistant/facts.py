"""The event's own facts: kind, title, dates, place, countries, topics, lead.

Patterns per language; places come from the gazetteer (gazetteer.CITIES)
and the registry's countries and regions.
"""

import datetime
import re
from dataclasses import dataclass

from events.assistant import gazetteer as g
from events.assistant.matching import Registry, fold, topics_in_text
from events.assistant.proposal import Evidence, ProposedEvent

_EN_MONTH = r"(?:" + "|".join(sorted(g.EN_MONTHS, key=len, reverse=True)) + r")\.?"
_EN_DATES = [
    # April 24-26, 2023 / April 24
    re.compile(rf"\b(?P<m1>{_EN_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
               rf"(?:\s*(?:-|–|—|to)\s*(?:(?P<m2>{_EN_MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?"
               rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I),
    # 24-26 April 2023 / from 24 to 26 April
    re.compile(rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{_EN_MONTH}))?"
               rf"(?:\s*(?:-|–|—|to)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?P<m2>{_EN_MONTH})"
               rf"(?:,?\s+(?P<y>\d{{4}}))?\b", re.I),
]  # fmt: skip
_RU_DATES = [
    re.compile(rf"\b(?:с\s+)?(?P<d1>\d{{1,2}})(?:\s+(?P<m1>{g.RU_MONTH_PATTERN}))?"
               rf"(?:\s*(?:-|–|—|по|до)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m2>{g.RU_MONTH_PATTERN})"
               rf"(?:\s+(?P<y>\d{{4}}))?", re.I),
]  # fmt: skip
_DATELINE = re.compile(r"^\s*(\d{1,2})[./](\d{1,2})[./](\d{4})(?:[,\s]+(\d{1,2}):(\d{2}))?\s*$")
_EN_TIME = re.compile(
    r"\bat\s+(\d{1,2})[:.](\d{2})\b|\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?", re.I
)
_RU_TIME = re.compile(r"\bв\s+(\d{1,2})[:.](\d{2})\b|\bв\s+(\d{1,2})\s+час", re.I)


@dataclass
class Layout:
    """The report's head: headline, rubric, publication date, and its lead."""

    headline: str
    rubric: str
    published: datetime.datetime | None
    lead: str
    body_start: int
    lead_start: int = 0


def layout(text: str) -> Layout:
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    headline, rubric, published, lead, body_start, lead_start = "", "", None, "", 0, 0
    for index, (start, line) in enumerate(paragraphs[:4]):
        stamp = _DATELINE.match(line)
        if stamp:
            day, month, year, hour, minute = stamp.groups()
            published = datetime.datetime(
                int(year), int(month), int(day), int(hour or 0), int(minute or 0)
            )
            body_start = start + len(line)
        elif index == 0 and len(line) < 200 and not line.rstrip().endswith("."):
            headline, body_start = line.strip(), start + len(line)
            prefix = re.match(r"^([^:]{3,40}):\s+(.+)$", headline)
            if prefix and len(prefix.group(1).split()) <= 4:
                rubric, headline = prefix.group(1), prefix.group(2)
    for start, line in paragraphs:
        if start >= body_start and len(line) > 80:
            lead, lead_start = line, start
            break
    return Layout(headline, rubric, published, lead, body_start, lead_start)


def _en_month(value: str | None) -> int | None:
    return g.EN_MONTHS[value.lower().rstrip(".")] if value else None


def find_dates(
    text: str, language: str, year: int | None
) -> tuple[datetime.date | None, datetime.date | None, tuple[int, int]]:
    """The first date in the body (and the end of its range) with its span."""
    patterns = _RU_DATES if language == "ru" else _EN_DATES
    best = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            if best is None or match.start() < best.start():
                best = match
            break
    if best is None:
        return None, None, (-1, -1)
    month_of = g.ru_month if language == "ru" else _en_month
    parts = best.groupdict()
    m1 = month_of(parts.get("m1")) if parts.get("m1") else None
    m2 = month_of(parts.get("m2")) if parts.get("m2") else None
    the_year = int(parts["y"]) if parts.get("y") else year
    if the_year is None:
        return None, None, best.span()
    try:
        start = datetime.date(the_year, m1 or m2, int(parts["d1"]))
        end = datetime.date(the_year, m2 or m1, int(parts["d2"])) if parts.get("d2") else None
    except (ValueError, TypeError):
        return None, None, best.span()
    return start, (end if end and end > start else None), best.span()


def find_time(text: str, language: str) -> datetime.time | None:
    match = (_RU_TIME if language == "ru" else _EN_TIME).search(text)
    if not match:
        return None
    groups = match.groups()
    if language == "ru":
        hour, minute = (groups[0], groups[1]) if groups[0] else (groups[2], "0")
    elif groups[0]:
        hour, minute = groups[0], groups[1]
    else:
        hour = str(int(groups[2]) % 12 + (12 if groups[4].lower() == "p" else 0))
        minute = groups[3] or "0"
    try:
        return datetime.time(int(hour), int(minute))
    except ValueError:
        return None


def find_kind(text: str, language: str) -> tuple[str | None, re.Match | None]:
    best = None
    for pattern, kind in g.RU_KINDS if language == "ru" else g.EN_KINDS:
        match = re.search(rf"\b(?:{pattern})\b", text, re.I)
        if match and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best if best else (None, None)


def en_title(lead: str, match: re.Match | None) -> str:
    if match is None:
        return ""
    before = re.search(r"((?:[\w-]+\s+){0,3})$", lead[: match.start()]).group(1).split()
    modifiers = []
    for word in reversed(before):
        if word.lower() in {"a", "an", "the", "hosted", "held", "on", "in", "at"}:
            break
        modifiers.insert(0, word)
    rest = re.match(r"[^.;:]*", lead[match.end() :]).group()
    rest = re.split(r",\s|\s(?:was|were|took place|is|will)\b", rest)[0]
    title = " ".join([*modifiers, match.group(), rest.strip()]).strip()
    return title[:1].upper() + title[1:]


_EN_VENUE = re.compile(
    r"\bat the ((?:[A-Z][\w'’-]*\s+)*(?:House|Hall|Centre|Center|Palace|Hotel|Library|Museum"
    r"|University|Embassy|Theatre|Theater|Park|Square|Building|Residence|Chamber)"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)"
)
_RU_VENUE = re.compile(
    r"\b(?:в|во|на площадке)\s+((?:[А-ЯЁа-яё-]+(?:ом|ем|ой|ей)\s+)?(?:Доме|Зале|Центре|Дворце"
    r"|Гостинице|Отеле|Библиотеке|Музее|Университете|Посольстве|Театре|Парке|Здании"
    r"|Резиденции|Палате)\b[^,.;:]*)"
)
_RU_KIND_NOMINATIVE = re.compile(
    r"(?:стол|форум|конференция|конгресс|семинар|вебинар|церемония|конкурс|фестиваль"
    r"|выставка|визит|встреча)$"
)


def find_venue(lead: str, language: str, nominative) -> str:
    match = (_RU_VENUE if language == "ru" else _EN_VENUE).search(lead)
    if not match:
        return ""
    if language == "ru" and nominative is not None:
        return nominative(match.start(1), match.end(1)).strip()
    return match.group(1).strip()


def ru_title(lead: str, match: re.Match | None) -> str:
    """The kind's phrase with its adjectives and its name or subject, when
    the lead names it in the nominative (“прошёл круглый стол «…»”)."""
    if match is None or not _RU_KIND_NOMINATIVE.search(match.group().lower()):
        return ""
    before = re.search(
        r"((?:[\w-]+(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)\s+){0,3})$", lead[: match.start()]
    )
    rest = re.match(r"\s*(?:«[^»]+»|(?:о|об|по|на тему)\s[^.,;]+)?", lead[match.end() :]).group()
    title = f"{before.group(1)}{match.group()}{rest}".strip()
    return title[:1].upper() + title[1:]


def find_city(
    text: str, language: str, morph_normal: dict[int, str] | None = None
) -> tuple[tuple[int, int], tuple] | None:
    """The first city named (its span), with the gazetteer's row."""
    best = None
    for row in g.CITIES:
        name = row[1] if language == "ru" else row[0]
        if language == "ru":
            stem = name[:-1] if name[-1] in "аья" else name
            pattern = rf"\b{re.escape(stem)}\w{{0,3}}\b"
        else:
            pattern = rf"\b{re.escape(name)}\b"
        match = re.search(pattern, text)
        if match and (best is None or match.start() < best[0][0]):
            best = (match.span(), row)
    return best


def countries_in(text: str, language: str, registry: Registry, skip) -> list[tuple[int, str]]:
    """(offset, ISO code) for each country named, outside the skipped spans."""
    found = []
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text))
    index = 0
    while index < len(words):
        word = words[index]
        pair = words[index + 1] if index + 1 < len(words) else None
        code = None
        if pair and pair.group()[:1].isupper() and text[word.end() : pair.start()] == " ":
            code = _country_code(f"{word.group()} {pair.group()}", language, registry)
        if code:
            index += 1
        else:
            code = _country_code(word.group(), language, registry)
        if code and not skip(word.start()):
            found.append((word.start(), code))
        index += 1
    return found


def _country_code(word: str, language: str, registry: Registry) -> str | None:
    lower = fold(word)
    if language == "ru":
        for piece in lower.split():
            if g.RU_COUNTRY_FALSE.match(piece) or not word[:1].isalpha():
                continue
            for stem, code in g.RU_COUNTRY_STEMS.items():
                if piece.startswith(stem) and len(piece) - len(stem) <= 5:
                    return code
        return registry.country_code(word)
    if not word[:1].isupper():
        return None
    return g.EN_COUNTRY_ALIASES.get(lower) or registry.country_code(word)


def _shifted(nominative, head: Layout):
    # The venue is found in the lead; the morphology knows the whole text.
    offset = head.lead_start
    return lambda start, end: nominative(start + offset, end + offset)


def _evidence(text: str, offset: int, span: tuple[int, int]) -> Evidence:
    start, end = offset + span[0], offset + span[1]
    return Evidence(start, end, text[start:end])


def event_facts(
    text: str, language: str, registry: Registry, skip, nominative=None
) -> ProposedEvent:
    head = layout(text)
    body = text[head.body_start :]
    event = ProposedEvent(language=language, summary=head.lead)
    event.kind, kind_match = find_kind(head.lead or body, language)
    if event.kind is None:
        event.kind, kind_match = find_kind(text, language)
    make_title = ru_title if language == "ru" else en_title
    event.title = (make_title(head.lead, kind_match) if head.lead else "") or head.headline
    event.venue = find_venue(head.lead, language, nominative and _shifted(nominative, head))
    year = head.published.year if head.published else None
    if year is None:
        any_year = re.search(r"\b(20\d\d)\b", body)
        year = int(any_year.group(1)) if any_year else None
    event.start_date, event.end_date, at = find_dates(body, language, year)
    if event.start_date is not None:
        event.evidence["date"] = _evidence(text, head.body_start, at)
    if event.start_date is None and head.published:
        event.start_date = head.published.date()
    event.start_time = find_time(body, language)
    place = find_city(body, language)
    if place:
        row = place[1]
        event.city = row[1] if language == "ru" else row[0]
        event.host_country, event.timezone, event.region = row[2], row[3], row[4]
        event.evidence["city"] = _evidence(text, head.body_start, place[0])
    if event.region is None:
        event.region = registry.region_in_text(body, event.host_country)
    mentions = countries_in(body, language, registry, skip)
    counts: dict[str, int] = {}
    for _offset, code in mentions:
        counts[code] = counts.get(code, 0) + 1
    if event.host_country is None and mentions:
        event.host_country = mentions[0][1]
    event.countries = [code for code in counts if counts[code] >= 2 or code == event.host_country]
    event.topics = topics_in_text(registry, body, language)
    return event
