"""Reading Russian reports with natasha: names, organizations and places from
its NER, nominative forms from its morphology.

The models (about 250 MB of memory with Python) load on the first Russian
report and stay for the life of the process; a web worker that never drafts
never loads them. See docs/assistant.md for the measured cost.
"""

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pymorphy2.analyzer import Parse

from events.assistant import gazetteer as g
from events.assistant.matching import Registry
from events.assistant.rules import Mention, OrgMention, inside, quotations

_lock = threading.Lock()
_models: dict[str, Any] = {}
_GENDERS = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def models() -> dict[str, Any]:
    """natasha's segmenter, morphology and NER, loaded once per process."""
    if not _models:
        with _lock:
            if not _models:
                import pymorphy2_dicts_ru
                from natasha import (
                    MorphVocab,
                    NewsEmbedding,
                    NewsMorphTagger,
                    NewsNERTagger,
                    Segmenter,
                )
                from natasha.morph.vocab import MorphForm
                from pymorphy2 import MorphAnalyzer

                class Vocab(MorphVocab):
                    # Given its path, pymorphy2 does not look the dictionary up
                    # through pkg_resources, which newer setuptools drop.
                    def __init__(self) -> None:
                        MorphAnalyzer.__init__(
                            self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm
                        )

                # pymorphy2 announces every dictionary it loads at INFO.
                logging.getLogger("pymorphy2").setLevel(logging.WARNING)
                embedding = NewsEmbedding()
                _models.update(
                    segmenter=Segmenter(),
                    vocab=Vocab(),
                    morph=NewsMorphTagger(embedding),
                    ner=NewsNERTagger(embedding),
                )
    return _models


def models_loaded() -> bool:
    return bool(_models)


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    return models()["vocab"].parse(word)[0].normal_form


@dataclass
class Token:
    start: int
    end: int
    text: str
    pos: str
    feats: dict
    lemma: str

    @property
    def finite_verb(self) -> bool:
        return self.pos in ("VERB", "AUX") and self.feats.get("VerbForm") in ("Fin", "Conv", "Inf")


def _restore_yo(normal: str, surface: str) -> str:
    """natasha writes е for ё; keep the report's ё where the stems agree."""
    chars = list(normal)
    for index, (a, b) in enumerate(zip(normal, surface, strict=False)):
        if a.lower() == "е" and b.lower() == "ё":
            chars[index] = "ё" if a == "е" else "Ё"
        elif a.lower() != b.lower():
            break
    return "".join(chars)


def _feminine(name: str) -> str:
    """natasha sometimes gives a woman's surname the man's form («Гульмира
    Ташиева» → «Ташиев»); a woman's given name settles it."""
    parts = name.split()
    if len(parts) < 2 or not re.search(r"[ая]$", parts[0]) or parts[0] in _MALE_IN_A:
        return name
    surname = parts[-1]
    if re.search(r"(?:ов|ев|ёв|ин|ын)$", surname):
        parts[-1] = surname + "а"
    elif re.search(r"(?:ский|цкий)$", surname):
        parts[-1] = surname[:-2] + "ая"
    return " ".join(parts)


_MALE_IN_A = {"Никита", "Илья", "Фома", "Кузьма", "Савва", "Лука", "Абдылда", "Муса", "Иса"}


def _stem_key(name: str) -> tuple[str, ...]:
    parts = name.lower().replace("ё", "е").split()
    return (parts[0][:4], parts[-1][:5]) if len(parts) > 1 else (parts[0][:5],)


def _spell_as_nominative(mentions: list[Mention]) -> None:
    """An inflected name the morphology could not normalise (an unfamiliar
    Kyrgyz or Uzbek name, «Дилнозой Рахимовой») takes the spelling of another
    mention: the fullest, and of those the shortest, as nominative endings are."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for mention in mentions:
        groups.setdefault(_stem_key(mention.name), []).append(mention.name)
    for mention in mentions:
        names = groups[_stem_key(mention.name)]
        mention.name = min(names, key=lambda name: (-len(name.split()), len(name)))


class Russian:
    code = "ru"
    person_cues = g.RU_PERSON_CUES
    org_cues = g.RU_ORG_CUES
    clause_break = r";|,\s+(?:а|но)\s+|\s+а\s+"
    quote_verbs = (
        r"сказал|отметил|подчеркнул|заявил|добавил|пояснил|рассказал|сообщил|уверен|считает"
        r"|убежд[её]н|резюмировал|призвал|напомнил|констатировал|выразил|поделил"
    )
    pronouns = r"он|она"

    def __init__(self, registry: Registry, text: str) -> None:
        from natasha import Doc

        self.registry = registry
        parts = models()
        self.doc = Doc(text)
        self.doc.segment(parts["segmenter"])
        self.doc.tag_morph(parts["morph"])
        self.doc.tag_ner(parts["ner"])
        for span in self.doc.spans:
            span.normalize(parts["vocab"])
        self.tokens = [
            Token(t.start, t.stop, t.text, t.pos, t.feats or {}, lemma(t.text.lower()))
            for t in self.doc.tokens
        ]
        self.text = text

    def lemmatize(self, word: str) -> str:
        return lemma(word)

    def _within(self, start: int, end: int) -> list[Token]:
        return [t for t in self.tokens if start <= t.start and t.end <= end]

    # Titles

    def _is_post(self, token: Token) -> bool:
        return token.lemma in g.RU_POST_LEMMAS or token.text.lower() in g.RU_POST_LEMMAS

    def _adjective(self, token: Token) -> bool:
        # Capitalised adjectives (“Чрезвычайный и Полномочный Посол”) are
        # often tagged as proper nouns.
        if token.pos == "ADJ":
            return True
        return token.text[:1].isupper() and "ADJF" in models()["vocab"].parse(token.text)[0].tag

    def post_start(self, text: str, start: int, *, anywhere: bool) -> int | None:
        tokens = self._within(start, start + len(text))
        for index, token in enumerate(tokens):
            if self._is_post(token) and not any(t.finite_verb for t in tokens[index:]):
                first = index
                while first > 0 and (
                    self._adjective(tokens[first - 1])
                    or (
                        tokens[first - 1].lemma == "и"
                        and first > 1
                        and self._adjective(tokens[first - 2])
                    )
                ):
                    first -= 1
                if not anywhere and first > 0:
                    return None
                return tokens[first].start - start
            if not anywhere and token.pos not in ("ADJ", "CCONJ"):
                return None
        return None

    def is_continuation(self, text: str, start: int) -> bool:
        tokens = [t for t in self._within(start, start + len(text)) if t.pos != "PUNCT"]
        if not tokens or any(t.finite_verb for t in tokens):
            return False
        if any(
            span.type == "PER" and start <= span.start < start + len(text)
            for span in self.doc.spans
        ):
            return False
        first = tokens[0]
        return first.pos in ("NOUN", "ADJ", "PROPN") and first.feats.get("Case") == "Gen"

    def title_cut(self, text: str, start: int) -> int:
        for token in self._within(start, start + len(text)):
            if token.finite_verb or token.lemma == "который" or token.text in ("—", "–"):
                return token.start - start
        return len(text)

    def _nominative(self, tokens: list[Token]) -> list[str]:
        """Leading adjectives and the head noun put in the nominative, the
        adjectives agreeing with the head's gender."""
        head = next((t for t in tokens if t.pos in ("NOUN", "PROPN")), None)
        gender = _GENDERS.get(head.feats.get("Gender", "")) if head else None
        words, done = [], False
        for token in tokens:
            word = token.text
            case = token.feats.get("Case")
            if not done and case and case != "Nom" and token.pos in ("ADJ", "NOUN", "PROPN"):
                agree = gender if token.pos == "ADJ" else None
                word = self._inflect(token, "nomn", agree) or word
            if token.pos in ("NOUN", "PROPN"):
                done = True
            words.append(word)
        return words

    def _inflect(self, token: Token, case: str, gender: str | None = None) -> str | None:
        wanted = _CASES.get(token.feats.get("Case", ""), "")
        plural = token.feats.get("Number") == "Plur"
        grams = {case, "plur"} if plural else {case, gender or "sing"} - {None}
        for parse in models()["vocab"].parse(token.text):
            if wanted in parse.tag and (token.pos != "NOUN" or "NOUN" in parse.tag):
                # natasha's parses take UD grammemes; pymorphy2's own method
                # takes OpenCorpora ones, as the tag does.
                form = Parse.inflect(parse, grams) or Parse.inflect(parse, {case})
                if form:
                    word = form.word
                    if token.text[:1].isupper():
                        word = word[:1].upper() + word[1:]
                    return word
        return None

    def _rebuild(self, start: int, end: int, words: list[str], tokens: list[Token]) -> str:
        pieces, cursor = [], start
        for token, word in zip(tokens, words, strict=True):
            pieces.append(self.text[cursor : token.start])
            pieces.append(word)
            cursor = token.end
        pieces.append(self.text[cursor:end])
        return "".join(pieces)

    def finish_title(self, title: str, start: int, mention: Mention) -> str:
        """The title with its head in the nominative: a name in the dative
        (“слово предоставлено эксперту … Игорю Шестакову”) inflects its post too."""
        return self.nominative_phrase(start, start + len(title))

    def organization_of(self, title: str, start: int) -> str | None:
        end = start + len(title)
        tokens = [t for t in self._within(start, end) if t.pos != "PUNCT" or t.text in '«»"']
        post = next((i for i, t in enumerate(tokens) if self._is_post(t)), None)
        if post is None or post + 1 >= len(tokens):
            return None
        rest_start = tokens[post + 1].start
        if tokens[post].lemma in ("министр", "посол"):
            word = "Министерство" if tokens[post].lemma == "министр" else "Посольство"
            return f"{word} {self.text[rest_start:end]}"
        candidates = []
        for index in range(post + 1, len(tokens)):
            head = index
            while head < len(tokens) and tokens[head].pos == "ADJ":
                head += 1
            if head < len(tokens) and tokens[head].lemma in g.RU_ORG_LEMMAS:
                candidates.append((index, head))
        for index, _head in candidates:
            if self.registry.match_organization(
                self.text[tokens[index].start : end], self.lemmatize
            ):
                return self._org_name(tokens[index:], tokens[index].start, end)
        for position, (index, head) in enumerate(candidates):
            if tokens[head].lemma in g.RU_SUBUNIT_LEMMAS and position + 1 < len(candidates):
                continue
            return self._org_name(tokens[index:], tokens[index].start, end)
        return None

    def _org_name(self, tokens: list[Token], start: int, end: int) -> str:
        name = self._rebuild(start, end, self._nominative(tokens), tokens)
        return name[:1].upper() + name[1:]

    # Names

    def people(self, text: str) -> list[Mention]:
        quotes = quotations(text)
        mentions, single = [], []
        for span in self.doc.spans:
            if span.type != "PER" or inside(span.start, quotes):
                continue
            tokens = self._within(span.start, span.stop)
            nominative = all(t.feats.get("Case", "Nom") == "Nom" for t in tokens)
            name = _feminine(_restore_yo(span.normal or span.text, span.text))
            mention = Mention(name, span.start, span.stop, nominative=nominative)
            (mentions if len(name.split()) > 1 else single).append(mention)
        _spell_as_nominative(mentions)
        by_family = {m.name.split()[-1].replace("ё", "е"): m.name for m in mentions}
        for mention in single:
            full = by_family.get(mention.name.replace("ё", "е"))
            if full:
                mention.name = full
                mentions.append(mention)
        return sorted(mentions, key=lambda m: m.start)

    def nominative_phrase(self, start: int, end: int) -> str:
        tokens = self._within(start, end)
        return self._rebuild(start, end, self._nominative(tokens), tokens)

    def _genitive_tail(self, end: int) -> int:
        """Where an organization's name really ends: NER often leaves out a
        place in the genitive («Ассамблея народов | России»)."""
        for span in self.doc.spans:
            if span.type == "LOC" and 0 < span.start - end <= 1:
                first = self._within(span.start, span.stop)[:1]
                if first and first[0].feats.get("Case") == "Gen":
                    return span.stop
        return end

    def organizations(self, text: str, is_known: Callable[[str], bool]) -> list[OrgMention]:
        quotes = quotations(text)
        found = []
        for span in self.doc.spans:
            if span.type != "ORG" or inside(span.start, quotes):
                continue
            start, end = span.start, span.stop
            quoted = re.match(r"\s*«[^»]{2,80}»", text[end:])
            if quoted:
                end += quoted.end()
            if (
                found
                and found[-1].end >= start - 2
                and text[found[-1].end : start].strip() in ("«", "")
            ):
                start = found.pop().start
                end = max(end, start)
            end = self._genitive_tail(end)
            if text.count("«", start, end) > text.count("»", start, end):
                closing = text.find("»", end)
                end = closing + 1 if 0 <= closing - end < 80 else end
            name = self.nominative_phrase(start, end).strip()
            if name.startswith("«") and name.endswith("»") and name.count("«") == 1:
                name = name[1:-1]
            found.append(OrgMention(name, start, end))
        return found
