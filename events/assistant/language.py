"""Which language a report is written in: Russian, English, or neither.

Two languages are read, so a detector needs no model: the script tells
Cyrillic from Latin, and the share of each language's commonest words tells
Russian from Kyrgyz or Ukrainian and English from German or French.
"""

import re

from django.utils.translation import gettext as _

from events.assistant.gazetteer import words
from events.assistant.text import ReportError

LANGUAGES = ("ru", "en")

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_RU_COMMON = set(
    words(
        "в и на с по что не для как к о из от это за а его ее её их был была были также "
        "при до года году он она они который которые между у со во же после"
    )
)
_EN_COMMON = set(
    words(
        "the of and to in a is was were for on with by that as at an be this from are has "
        "have it its their which also will or"
    )
)
# Letters Russian does not use, but its Cyrillic neighbours do.
_NOT_RUSSIAN = re.compile(r"[өүңәғқһұіїєґўјљњћџ]", re.IGNORECASE)


def _letters(text: str) -> tuple[int, int, int]:
    cyrillic = latin = other = 0
    for char in text:
        if not char.isalpha():
            continue
        if "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() or "\u00c0" <= char <= "\u024f":
            latin += 1
        else:
            other += 1
    return cyrillic, latin, other


def _share(words: list[str], common: set[str]) -> float:
    return sum(word in common for word in words) / max(len(words), 1)


def _check_russian(text: str, words: list[str]) -> None:
    cyrillic_words = [word for word in words if re.match(r"[а-яё]", word)]
    odd = len(_NOT_RUSSIAN.findall(text))
    if odd > max(3, len(text) // 400) or _share(cyrillic_words, _RU_COMMON) < 0.08:
        raise ReportError(
            _(
                "The text is not in Russian or English (Kyrgyz or another Cyrillic language?); "
                "the assistant reads only those two."
            )
        )


def detect_language(text: str, language: str | None = None) -> str:
    """'ru' or 'en'; a ReportError for any other language, or when the text
    does not match the language asked for."""
    if language is not None and language not in LANGUAGES:
        raise ReportError(
            _("Unknown language “%(language)s”; choose ru or en.") % {"language": language}
        )
    cyrillic, latin, other = _letters(text)
    total = cyrillic + latin + other
    if total == 0:
        raise ReportError(_("The text has no words to read."))
    words = [word.lower() for word in _WORD.findall(text)]
    if language is None:
        if cyrillic >= latin and cyrillic >= other:
            language = "ru"
        elif latin >= other:
            language = "en"
        else:
            raise ReportError(
                _("The text is not in Russian or English; the assistant reads only those two.")
            )
    if language == "ru":
        if cyrillic < total * 0.5:
            raise ReportError(_("The text is not in Russian."))
        _check_russian(text, words)
    else:
        if latin < total * 0.5:
            raise ReportError(_("The text is not in English."))
        if _share(words, _EN_COMMON) < 0.12:
            raise ReportError(
                _("The text is not in English or Russian; the assistant reads only those two.")
            )
    return language
