"""Template helpers of the public site's layout and pages."""

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

from diplomacy.languages import content_language
from diplomacy.text import sanitize_html
from website.links import absolute
from website.pages.event import event_timing
from website.structured_data import json_ld_script_content

register = template.Library()

# Open Graph wants a territory with the language.
OG_LOCALES = {"en": "en_GB", "ru": "ru_RU", "ky": "ky_KG"}


@register.filter(name="absolute")
def absolute_filter(path: str) -> str:
    return absolute(str(path))


@register.simple_tag(takes_context=True)
def language_links(context: dict[str, Any]) -> list[dict[str, Any]]:
    """This page in every site language, for the switcher and hreflang links."""
    request: HttpRequest | None = context.get("request")
    current = get_language()
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute": absolute(url),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def x_default_url(context: dict[str, Any]) -> str:
    """The page without its language prefix: LocaleMiddleware sends each reader
    to their own language from there, which is what x-default means. The
    sitemap's x-default is built the same way by Django."""
    request: HttpRequest | None = context.get("request")
    path = request.get_full_path() if request is not None else "/"
    default = settings.LANGUAGE_CODE
    return absolute(translate_url(path, default).replace(f"/{default}/", "/", 1))


@register.simple_tag
def og_locale(code: str | None = None) -> str:
    return OG_LOCALES.get(code or get_language() or "en", "en_GB")


@register.simple_tag
def og_alternate_locales() -> list[str]:
    current = get_language()
    return [locale for code, locale in OG_LOCALES.items() if code != current]


@register.filter
def lang_of(instance: object, field: str) -> str:
    """The language a translated field's shown value is in (it may be a fallback)."""
    return content_language(instance, field)


@register.filter
def sanitized(html: str) -> SafeString:
    """Rich text as stored: it was cleaned when saved, and is cleaned again
    here so a row written by other means (an SQL import) cannot inject script."""
    return mark_safe(sanitize_html(html or ""))  # noqa: S308


@register.filter
def json_ld(data: dict[str, Any]) -> SafeString:
    return json_ld_script_content(data)


@register.inclusion_tag("includes/event_when.html")
def event_when(event: object, detailed: bool = False) -> dict[str, Any]:
    return {"timing": event_timing(event), "detailed": detailed}
