"""The language-independent part of reading a report: sentences, quotations,
titles around names, roles from cues, and organizations' roles.

Each language supplies a `Language` (english.py, russian.py) that finds the
names and knows its own words; the rules here put them together.
"""

import re
from dataclasses import dataclass, field
from typing import Protocol

from razdel import sentenize

from events.assistant.proposal import ORGANIZATION_ROLES, PERSON_ROLES

# Quotation marks that open and close a quotation.
_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
# Cues that name the organization after them only (“supported by X”).
_PREPOSITIVE = re.compile(
    r"(?:\bby|\bof|\bwith|\bfrom|при поддержке|по приглашению|при содействии|под эгидой"
    r"|партн[её]рстве с|сотрудничестве с|совместно с|на площадке)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)])\s+")


@dataclass
class Mention:
    """A person (or an unnamed post) named at one place in the text."""

    name: str | None
    start: int
    end: int
    nominative: bool = True
    title: str = ""
    title_start: int | None = None
    title_end: int | None = None
    organization: str | None = None
    role: str | None = None
    cues: list[str] = field(default_factory=list)


@dataclass
class OrgMention:
    name: str
    start: int
    end: int
    role: str | None = None


@dataclass
class Span:
    start: int
    end: int


class Language(Protocol):
    code: str
    person_cues: list[tuple[str, str]]
    org_cues: list[tuple[str, str]]
    clause_break: str
    quote_verbs: str
    pronouns: str

    def post_start(self, text: str, start: int, *, anywhere: bool) -> int | None: ...
    def is_continuation(self, text: str, start: int) -> bool: ...
    def title_cut(self, text: str, start: int) -> int: ...
    def finish_title(self, title: str, start: int, mention: Mention) -> str: ...
    def organization_of(self, title: str, start: int) -> str | None: ...


def sentences(text: str) -> list[Span]:
    """Sentences, also broken at line ends: a heading or a list line stands alone."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        for sentence in sentenize(line):
            spans.append(Span(offset + sentence.start, offset + sentence.stop))
        offset += len(line) + 1
    return spans


def quotations(text: str, min_words: int = 8) -> list[Span]:
    """Spans of quoted speech (inside the marks), not of quoted names: a
    quotation has several words, most of them not capitalised."""
    found, index = [], 0
    while index < len(text):
        opening = text[index]
        closing = _QUOTE_PAIRS.get(opening)
        if closing is None:
            index += 1
            continue
        depth, cursor = 1, index + 1
        while cursor < len(text) and depth:
            if text[cursor] == closing:
                depth -= 1
            elif text[cursor] == opening:
                depth += 1
            cursor += 1
        if depth:
            index += 1
            continue
        words = text[index + 1 : cursor - 1].split()
        capitalised = sum(word[:1].isupper() for word in words)
        if len(words) >= min_words and capitalised < len(words) * 0.6:
            found.append(Span(index + 1, cursor - 1))
        # A quoted name is skipped whole, so its closing mark opens nothing.
        index = cursor

    return found


def inside(position: int, spans: list[Span]) -> bool:
    return any(span.start <= position < span.end for span in spans)


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of text[start:end] as (start, end), spaces trimmed."""
    pieces, cursor = [], start
    for match in re.finditer(r",", text[start:end]):
        pieces.append((cursor, start + match.start()))
        cursor = start + match.end()
    pieces.append((cursor, end))
    trimmed = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        trimmed.append((a, b))
    return trimmed


def title_before(text: str, start: int, end: int, lang: Language) -> tuple[int, int] | None:
    """The post written right before a name: “Deputy Chairman … Konstantin Kosachev”."""
    region = text[start:end].rstrip()
    appositive = region.endswith(",")
    if appositive:
        # “met with the Minister of Culture …, Yulia Kornilova”: a post set
        # off by a comma, when the piece before the comma is a post.
        region = region[:-1].rstrip()
    if not region or region[-1] in ',:;(—–-"«“':
        return None
    chosen, pending = None, False
    segments = _segments(text, start, start + len(region))
    for position, (a, b) in enumerate(reversed(segments)):
        if a == b:
            break
        found = lang.post_start(text[a:b], a, anywhere=True)
        if appositive and position == 0 and found is None:
            return None
        if found is not None:
            chosen, pending = a + found, False
            if found > 0:
                break
            continue
        if lang.is_continuation(text[a:b], a) and (position == 0 or pending or chosen):
            pending = True
            continue
        break
    if chosen is None:
        return None
    return chosen, start + len(region)


def title_after(text: str, start: int, end: int, lang: Language) -> tuple[int, int, int] | None:
    """The post written right after a name: “Abdylda Musaev, Rector of …”.

    Returns (title start, title end, where the text after the title resumes),
    or None. An empty piece (“…Assembly,  , Director…”) ends the title: a name
    was dropped there, and what follows is a post without a name."""
    lead = re.match(r"[\s,(–—-]*(?:the\s+|an?\s+)?", text[start:end])
    a = start + (lead.end() if lead else 0)
    if a >= end or lang.post_start(text[a:end], a, anywhere=False) != 0:
        return None
    last, resume = None, end
    for index, (x, y) in enumerate(_segments(text, a, end)):
        if x == y:
            resume = y
            break
        cut = x + lang.title_cut(text[x:y], x)
        paren = text.find("(", x, cut)
        cut = paren if paren >= 0 else cut
        is_post = lang.post_start(text[x:y], x, anywhere=False) == 0
        if index and not is_post and not lang.is_continuation(text[x:cut], x):
            resume = x
            break
        if cut > x:
            last = cut
        if cut < y:
            resume = cut
            break
    if last is None:
        return None
    return a, _trim_title_end(text, a, last), resume


def _trim_title_end(text: str, start: int, end: int) -> int:
    tail = re.search(
        r"(?:\s*(?:,|\band\b|\bи\b)?\s*(?:others|other|etc|др|других|другие|and so on)\.?"
        r"|[\s.;:,)(—–-]+)$",
        text[start:end],
    )
    while tail and tail.start() > 0:
        end = start + tail.start()
        tail = re.search(r"[\s.;:,)(—–-]+$", text[start:end])
    return end


def item_bounds(text: str, sentence: Span) -> list[Span]:
    """A sentence's list items: pieces between semicolons (or the whole sentence)."""
    items, cursor = [], sentence.start
    for match in re.finditer(r";", text[sentence.start : sentence.end]):
        items.append(Span(cursor, sentence.start + match.start()))
        cursor = sentence.start + match.end()
    items.append(Span(cursor, sentence.end))
    return items


def attach_titles(text: str, mentions: list[Mention], lang: Language) -> list[Mention]:
    """Give each mention its title; return the posts listed without a name."""
    unnamed = []
    for sentence in sentences(text):
        for item in item_bounds(text, sentence):
            here = [m for m in mentions if item.start <= m.start < item.end]
            previous_end = item.start
            for index, mention in enumerate(here):
                next_start = here[index + 1].start if index + 1 < len(here) else item.end
                before = title_before(text, previous_end, mention.start, lang)
                after = title_after(text, mention.end, next_start, lang)
                _set_title(text, mention, before, after, lang)
                if after and after[2] < next_start:
                    unnamed.extend(_unnamed_post(text, after[2], next_start, lang))
                previous_end = mention.end if not after else after[1]
            listed = len(item_bounds(text, sentence)) > 1 or _BULLET.match(
                text[sentence.start : sentence.end]
            )
            if not here and listed:
                unnamed.extend(_unnamed_post(text, item.start, item.end, lang))
    return unnamed


def _set_title(text, mention, before, after, lang) -> None:
    spans = [span for span in (before, after[:2] if after else None) if span]
    if not spans:
        return
    start, end = spans[0][0], spans[-1][1]
    title = ", ".join(lang.finish_title(text[a:b], a, mention) for a, b in spans)
    mention.title_start, mention.title_end = start, end
    mention.title = title[:1].upper() + title[1:]
    for a, b in (chunk for span in spans for chunk in _posts(text, *span, lang)):
        organization = lang.organization_of(text[a:b], a)
        if organization:
            mention.organization = organization
            break


def _posts(text: str, start: int, end: int, lang: Language) -> list[tuple[int, int]]:
    """A title's posts: each starts a comma piece; the pieces after it that are
    not posts (“Information”, “Sports and Youth Policy…”) belong to it."""
    chunks: list[list[int]] = []
    for a, b in _segments(text, start, end):
        if not chunks or lang.post_start(text[a:b], a, anywhere=False) == 0:
            chunks.append([a, b])
        else:
            chunks[-1][1] = b
    return [(a, b) for a, b in chunks]


def _unnamed_post(text: str, start: int, end: int, lang: Language) -> list[Mention]:
    lead = re.match(r"[\s,;–—-]*(?:and\s+|и\s+|the\s+|an?\s+)?", text[start:end])
    a = start + (lead.end() if lead else 0)
    found = title_after(text, a, end, lang)
    if not found:
        return []
    post = Mention(name=None, start=found[0], end=found[1])
    _set_title(text, post, None, found, lang)
    return [post] if post.title else []


def _cue_spans(text: str, span: Span, cues: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    chunk = text[span.start : span.end].lower()
    found = []
    for pattern, role in cues:
        for match in re.finditer(pattern, chunk):
            found.append((span.start + match.start(), span.start + match.end(), role))
    return found


def _clauses(text: str, sentence: Span, pattern: str) -> list[Span]:
    spans, cursor = [], sentence.start
    for match in re.finditer(pattern, text[sentence.start : sentence.end]):
        spans.append(Span(cursor, sentence.start + match.start()))
        cursor = sentence.start + match.end()
    spans.append(Span(cursor, sentence.end))
    return spans


def _distance(cue: tuple[int, int, str], start: int, end: int) -> int:
    return max(0, start - cue[1], cue[0] - end)


def _best(roles: list[str], order: tuple[str, ...]) -> str | None:
    return min(roles, key=order.index) if roles else None


def heading_roles(text: str, lang: Language) -> list[tuple[Span, str]]:
    """List headings (“Speakers included:”) and the stretch of lines they govern."""
    found, offset, current = [], 0, None
    lines = text.split("\n")
    for line in lines:
        line_span = Span(offset, offset + len(line))
        offset += len(line) + 1
        if line.rstrip().endswith(":"):
            roles = [role for _a, _b, role in _cue_spans(text, line_span, lang.person_cues)]
            current = _best(roles, PERSON_ROLES)
            continue
        if current and (_BULLET.match(line) or (line.strip() and len(line) < 300)):
            found.append((line_span, current))
        elif line.strip():
            current = None
    return found


def assign_roles(text: str, mentions: list[Mention], lang: Language) -> None:
    """A role for each mention from the cues in its clause, its list heading,
    or, failing those, the nearest cue in its sentence."""
    headed = heading_roles(text, lang)
    for sentence in sentences(text):
        here = [m for m in mentions if sentence.start <= m.start < sentence.end]
        cues = _cue_spans(text, sentence, lang.person_cues)
        if not here:
            _pronoun_cues(text, sentence, cues, mentions, lang)
            continue
        for clause in _clauses(text, sentence, lang.clause_break):
            in_clause = [m for m in here if clause.start <= m.start < clause.end]
            for cue in (c for c in cues if clause.start <= c[0] < clause.end):
                if in_clause:
                    nearest = min(in_clause, key=lambda m: _distance(cue, m.start, m.end))
                    nearest.cues.append(cue[2])
        colon = text.find(":", sentence.start, sentence.end)
        for mention in here:
            role = _best(mention.cues, PERSON_ROLES)
            if role is None and 0 <= colon < mention.start:
                heading = Span(sentence.start, colon + 1)
                roles = [c[2] for c in _cue_spans(text, heading, lang.person_cues)]
                role = _best(roles, PERSON_ROLES)
            if role is None:
                role = next(
                    (r for span, r in headed if span.start <= mention.start < span.end), None
                )
            if role is None and cues:
                role = min(cues, key=lambda c: _distance(c, mention.start, mention.end))[2]
            mention.role = role


def _pronoun_cues(text, sentence: Span, cues, mentions: list[Mention], lang: Language) -> None:
    """“He outlined …”, «Она рассказала …»: the cues of a sentence that opens
    with a pronoun belong to the person named last before it."""
    if not cues or not re.match(
        rf"(?:{lang.pronouns})\b", text[sentence.start : sentence.end], re.I
    ):
        return
    earlier = [m for m in mentions if m.name and m.end <= sentence.start]
    if earlier:
        person = earlier[-1]
        person.role = _best([c[2] for c in cues] + [r for r in (person.role,) if r], PERSON_ROLES)


def organization_roles(
    text: str, orgs: list[OrgMention], lang: Language, people: list[Mention]
) -> None:
    for sentence in sentences(text):
        # A verb right after a person's name is that person's
        # («Рахимова провела экскурсию»), not an organization's.
        cues = [
            cue
            for cue in _cue_spans(text, sentence, lang.org_cues)
            if not any(0 <= cue[0] - m.end <= 2 for m in people if m.name)
        ]
        for clause in _clauses(text, sentence, r";"):
            in_clause = [c for c in cues if clause.start <= c[0] < clause.end]
            for org in orgs:
                if clause.start <= org.start < clause.end and in_clause:
                    # Cues mostly come first (“organized by …”, «при поддержке
                    # …»); one after the name (“… acted as a partner”) counts
                    # when none comes before it.
                    preceding = [c for c in in_clause if c[1] <= org.start]
                    following = [
                        c
                        for c in in_clause
                        if c[0] >= org.end and not _PREPOSITIVE.search(text[c[0] : c[1]])
                    ]
                    if preceding:
                        org.role = max(preceding, key=lambda c: c[1])[2]
                    elif following:
                        org.role = min(following, key=lambda c: c[0])[2]


def strongest(roles: list[str]) -> str:
    return _best([r for r in roles if r], ORGANIZATION_ROLES) or "partner"


def find_quotes(text: str, mentions: list[Mention], lang: Language) -> list[tuple[Span, Mention]]:
    """Each quotation with the person it is attributed to, after it (“…,” said
    X / X said / he said) or before it (X stressed: “…” / according to X, “…”)."""
    named = [m for m in mentions if m.name]
    verbs, pronouns = lang.quote_verbs, lang.pronouns
    lead = r"\s*[,.!?]?\s*[-–—]?\s*"
    found = []
    for quote in quotations(text):
        after = text[quote.end + 1 : quote.end + 200]
        attribution = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
        end = quote.end + 1 + len(attribution)
        speaker = None
        if re.search(rf"(?:{verbs})", attribution, re.I):
            following = [m for m in named if quote.end < m.start <= end]
            pronoun = re.match(
                rf"{lead}(?:(?:{verbs})\w*\s+(?:{pronouns})|(?:{pronouns})\s+(?:{verbs}))\b",
                after,
                re.I,
            )
            if following:
                speaker = following[0]
            elif pronoun:
                speaker = _last_before(named, quote.start)
        if speaker is None:
            speaker = _speaker_before(text, quote, named, lang)
        if speaker is not None:
            found.append((quote, speaker))
    return found


def _speaker_before(text: str, quote: Span, named: list[Mention], lang: Language):
    start = max(0, quote.start - 200)
    before = text[start : quote.start - 1]
    introduced = re.search(
        rf"(?:{lang.quote_verbs})\w*[^.!?«»“”]{{0,60}}:\s*$"
        r"|(?:according to|по словам)\s+[^,]+,\s*$",
        before,
        re.I,
    )
    if not introduced:
        return None
    clause_start = start + max(before.rfind(". "), before.rfind("» "), before.rfind("” "), 0)
    preceding = [m for m in named if clause_start <= m.start < quote.start]
    if preceding:
        return preceding[-1]
    if re.search(rf"\b(?:{lang.pronouns})\b", before, re.I):
        return _last_before(named, quote.start)
    return None


def _last_before(mentions: list[Mention], position: int) -> Mention | None:
    earlier = [m for m in mentions if m.end <= position]
    return earlier[-1] if earlier else None


def quote_text(text: str) -> str:
    text = " ".join(text.split()).strip()
    if text.endswith(","):
        text = text[:-1] + "."
    if text and text[-1] not in ".!?…":
        text += "."
    return text
