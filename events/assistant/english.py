"""Reading English reports: rules, the registry's names and pycountry as the
gazetteer; no model is needed, so nothing is loaded."""

import re
from collections.abc import Callable

from events.assistant import gazetteer as g
from events.assistant.gazetteer import words
from events.assistant.matching import Registry, fold, name_key
from events.assistant.names import GIVEN_NAMES, SURNAME_ENDING
from events.assistant.rules import Mention, OrgMention, inside, quotations

_WORD = re.compile(r"[\w'’-]+")
_FUNCTION = {"of", "the", "and", "for", "on", "in", "to", "under", "at", "de", "&"}
_STOP = (
    g.EN_POST_WORDS
    | g.EN_ORG_WORDS
    | g.EN_POST_MODIFIERS
    | set(g.EN_MONTHS)
    | set(g.EN_COUNTRY_ALIASES)
    | {fold(city[0]) for city in g.CITIES}
    | set(
        words("""the a an in on at by for and of with he she it they we our this that these those
        his her their mr mrs ms dr prof monday tuesday wednesday thursday friday saturday
        sunday republic state national international eurasian public people peoples
        russian-kyrgyz according during after before within there here source photo""")
    )
)
_CUT = re.compile(
    r"\s(?:said|says|noted|stressed|emphasi[sz]ed|added|spoke|presented|welcomed|opened"
    r"|moderated|was|were|is|are|has|have|had|who|which|whose|that|also|gave|delivered"
    r"|addressed|took|thanked|announced|awarded|received|handed|became|won|will|would"
    r"|and others|as well as|from|with)\b"
)
_NAME_RUN = re.compile(
    r"[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*\.?(?:\s+[A-Z][\w'’]*(?:-[A-Z]?[\w'’]+)*\.?)+"
)
_ORG_RUN = re.compile(
    r"[\"“«]?[A-Z][\w'’-]*(?:(?:\s+(?:of|the|for|and|on|in|under|to|de)\b)*\s+[\"“«]?"
    r"(?:[A-Z][\w'’-]*|The)[\"”»]?)*[\"”»]?"
)


# A capitalised phrase ending so is the event, not an organization.
_EVENT_WORDS = set(
    words("forum conference festival contest competition ceremony table congress seminar summit")
)


class English:
    code = "en"
    person_cues = g.EN_PERSON_CUES
    org_cues = g.EN_ORG_CUES
    clause_break = r";|,\s+(?:and|while|whereas|but)\s+|\s+and then\s+"
    quote_verbs = (
        r"thanked|said|says|noted|stressed|emphasi[sz]ed|added|explained|remarked|concluded|stated"
        r"|underlined|pointed out|believes|urged|recalled|told|assured|summed up"
    )
    pronouns = r"he|she"

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    # Titles

    def _words(self, text: str) -> list[re.Match]:
        return list(_WORD.finditer(text))

    def post_start(self, text: str, start: int, *, anywhere: bool) -> int | None:
        words = self._words(text)
        for index, word in enumerate(words):
            lower = word.group().lower().strip("'’")
            if lower in g.EN_POST_WORDS or lower.split("-")[-1] in g.EN_POST_WORDS:
                first = index
                while first > 0 and self._modifier(words[first - 1].group()):
                    first -= 1
                if not anywhere and first > 0:
                    return None
                return words[first].start() if first else 0
            if not anywhere and not self._modifier(word.group()):
                return None
        return None

    def _modifier(self, word: str) -> bool:
        lower = word.lower()
        return lower in g.EN_POST_MODIFIERS or (
            word[:1].isupper()
            and lower not in {"the", "a", "an", "by", "and"}
            and (lower in g.EN_COUNTRY_ALIASES or lower in g.EN_POST_MODIFIERS)
        )

    def is_continuation(self, text: str, start: int) -> bool:
        words = [w.group() for w in self._words(text)]
        if not words or not words[0][:1].isupper() or len(words) > 12:
            return False
        if self.looks_like_name(words[:3]):
            return False
        return all(w[:1].isupper() or w.lower() in _FUNCTION for w in words)

    def title_cut(self, text: str, start: int) -> int:
        match = _CUT.search(text)
        return match.start() if match else len(text)

    def finish_title(self, title: str, start: int, mention: Mention) -> str:
        title = " ".join(title.split())
        title = re.sub(r"\s+and$", "", title)
        return title[:1].upper() + title[1:]

    def organization_of(self, title: str, start: int) -> str | None:
        title = re.sub(r"\s+(?:and others|etc\.?)$", "", title.strip())
        ministry = re.match(r"(?:\w+\s+)*?Minister (of .+)", title)
        if ministry:
            return "Ministry " + ministry.group(1)
        embassy = re.search(r"Ambassador\b.*? of (.+?) to (?:the )?(.+)$", title)
        if embassy:
            return f"Embassy of {embassy.group(1)} in the {embassy.group(2)}"
        candidates = [
            title[m.end() :] for m in re.finditer(r"\b(?:of|at|for)\s+(?:the\s+)?", title)
        ]
        candidates = [c for c in candidates if c[:1].isupper() and not self._is_country(c)]
        for candidate in candidates:
            if self.registry.match_organization(candidate):
                return candidate
        # The body named first, unless it is part of a larger one named after
        # it (“the Council of the Assembly …” belongs to the Assembly).
        heads = [set(fold(re.split(r"\s+of\s+", c)[0]).split()) for c in candidates]
        for index, candidate in enumerate(candidates):
            if not heads[index] & g.EN_ORG_WORDS:
                continue
            if heads[index] & g.EN_SUBUNIT_WORDS and any(
                head & (g.EN_ORG_WORDS - g.EN_SUBUNIT_WORDS) for head in heads[index + 1 :]
            ):
                continue
            return candidate
        return None

    def _is_country(self, text: str) -> bool:
        key = fold(text)
        return key in g.EN_COUNTRY_ALIASES or self.registry.country_code(text) is not None

    # Names

    def looks_like_name(self, words: list[str]) -> bool:
        words = [w.strip(".") for w in words if w]
        if len(words) < 2 or any(w.lower() in _STOP or not w[:1].isupper() for w in words):
            return False
        return (
            words[0].lower() in GIVEN_NAMES
            or bool(SURNAME_ENDING.search(words[-1]))
            or name_key(" ".join(words)) in self._registry_names()
        )

    def _three_part(self, tokens: list[re.Match]) -> bool:
        """Given name, patronymic or initial, family name: “Konstantin I. Kosachev”."""
        words = [t.group().rstrip(".,") for t in tokens]
        return (
            len(words) == 3
            and words[0].lower() in GIVEN_NAMES
            and bool(re.fullmatch(r"[A-Z]|\w+(?:ovich|evich|ich|ovna|evna|ichna)", words[1]))
        )

    def _registry_names(self) -> set[str]:
        if not hasattr(self, "_names"):
            self._names = {key for person in self.registry.people for key in person.keys}
        return self._names

    def people(self, text: str) -> list[Mention]:
        quotes = quotations(text)
        mentions = []
        for run in _NAME_RUN.finditer(text):
            tokens = list(re.finditer(r"\S+", run.group()))
            index = 0
            while index < len(tokens):
                for size in (3, 2):
                    if size == 3 and not self._three_part(tokens[index : index + 3]):
                        continue
                    chunk = tokens[index : index + size]
                    words = [t.group().rstrip(".,") for t in chunk]
                    if len(chunk) == size and self.looks_like_name(words):
                        start = run.start() + chunk[0].start()
                        end = run.start() + chunk[-1].start() + len(words[-1])
                        if not inside(start, quotes):
                            mentions.append(Mention(" ".join(words), start, end))
                        index += size
                        break
                else:
                    index += 1
        return self._surname_mentions(text, mentions, quotes)

    def _surname_mentions(self, text: str, mentions: list[Mention], quotes) -> list[Mention]:
        by_family = {m.name.split()[-1]: m.name for m in mentions}
        taken = [(m.start, m.end) for m in mentions]
        for family, name in by_family.items():
            for match in re.finditer(rf"\b{re.escape(family)}\b", text):
                if any(a <= match.start() < b for a, b in taken) or inside(match.start(), quotes):
                    continue
                mentions.append(Mention(name, match.start(), match.end()))
        return sorted(mentions, key=lambda m: m.start)

    # Organizations

    def organizations(self, text: str, is_known: Callable[[str], bool]) -> list[OrgMention]:
        found = []
        cue_ends = [m.end() for p, _r in g.EN_ORG_CUES for m in re.finditer(p, text, re.I)]
        for run in _ORG_RUN.finditer(text):
            for start, name in self._split_org_run(run.start(), run.group()):
                words = fold(name).split()
                if not words or fold(name) in _STOP - g.EN_ORG_WORDS:
                    continue
                after_cue = any(
                    0 <= start - end <= 6
                    or text[end:start].strip(" ,") in ("and", "the", "and the")
                    for end in cue_ends
                )
                if words[-1] in _EVENT_WORDS:
                    continue
                if set(words) & g.EN_ORG_WORDS or is_known(name) or after_cue:
                    if self._is_country(name) or len(name) < 3:
                        continue
                    found.append(OrgMention(name, start, start + len(name)))
        return found

    def _split_org_run(self, start: int, run: str) -> list[tuple[int, str]]:
        pieces, cursor = [], 0
        for match in re.finditer(r"\s+and\s+(?=(?:the\s+)?[A-Z\"“«])", run):
            pieces.append((cursor, run[cursor : match.start()]))
            cursor = match.end()
        pieces.append((cursor, run[cursor:]))
        result = []
        for offset, piece in pieces:
            lead = re.match(r"(?:The|the)\s+|[\"“«]", piece)
            skip = lead.end() if lead else 0
            name = piece[skip:].strip().rstrip(".,")
            if name.endswith(('"', "”", "»")) and not re.search(r"[\"“«]", name[:-1]):
                name = name[:-1]
            result.append((start + offset + skip, name))
        return result
