"""The site's content languages, as settings define them."""

from django.conf import settings

LANGUAGE_CODES: list[str] = [code for code, _name in settings.LANGUAGES]
