"""Reading Russian reports with natasha: names, organizations and places from
its NER, nominative forms from its morphology.

The models (about 250 MB of memory with Python) load on the first Russian
report and stay for the life of the process; a web worker that never drafts
never loads them. See docs/assistant.md for the measured cost.
"""

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from events.assistant import gazetteer as g
from events.assistant.matching import Registry
from events.assistant.rules import Mention, OrgMention, inside, quotations

_lock = threading.Lock()
_models: dict[str, Any] = {}
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

    def post_start(self, text: str, start: int, *, anywhere: bool) -> int | None:
        tokens = self._within(start, start + len(text))
        for index, token in enumerate(tokens):
            if self._is_post(token) and not any(t.finite_verb for t in tokens[index:]):
                first = index
                while first > 0 and (
                    tokens[first - 1].pos == "ADJ"
                    or (
                        tokens[first - 1].lemma == "и"
                        and first > 1
                        and tokens[first - 2].pos == "ADJ"
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
        """Leading adjectives and the head noun put in the nominative."""
        words, done = [], False
        for token in tokens:
            word = token.text
            case = token.feats.get("Case")
            if not done and case and case != "Nom" and token.pos in ("ADJ", "NOUN", "PROPN"):
                word = self._inflect(token, "nomn") or word
            if token.pos in ("NOUN", "PROPN"):
                done = True
            words.append(word)
        return words

    def _inflect(self, token: Token, case: str) -> str | None:
        wanted = _CASES.get(token.feats.get("Case", ""), "")
        for parse in models()["vocab"].parse(token.text):
            if wanted in parse.tag and (token.pos != "NOUN" or "NOUN" in parse.tag):
                number = "plur" if token.feats.get("Number") == "Plur" else "sing"
                form = parse.inflect({case, number}) or parse.inflect({case})
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
        if mention.nominative:
            return title
        end = start + len(title)
        tokens = self._within(start, end)
        return self._rebuild(start, end, self._nominative(tokens), tokens)

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
            name = _restore_yo(span.normal or span.text, span.text)
            mention = Mention(name, span.start, span.stop, nominative=nominative)
            (mentions if len(name.split()) > 1 else single).append(mention)
        by_family = {m.name.split()[-1].replace("ё", "е"): m.name for m in mentions}
        for mention in single:
            full = by_family.get(mention.name.replace("ё", "е"))
            if full:
                mention.name = full
                mentions.append(mention)
        return sorted(mentions, key=lambda m: m.start)

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
            tokens = self._within(start, end)
            name = self._rebuild(start, end, self._nominative(tokens), tokens).strip("«» ")
            found.append(OrgMention(name, start, end))
        return found
