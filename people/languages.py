"""The site's content languages, as settings define them."""

from django.conf import settings

LANGUAGE_CODES: list[str] = [code for code, _name in settings.LANGUAGES]


def fallback_order(language: str) -> list[str]:
    """The language, then the ones its missing text falls back to, as on the site."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = fallbacks.get(language, fallbacks["default"])
    order = [language, *chain, *LANGUAGE_CODES]
    return list(dict.fromkeys(code for code in order if code in LANGUAGE_CODES))
