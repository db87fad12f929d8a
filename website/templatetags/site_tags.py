"""Template helpers of the public site's layout and pages."""

from typing import Any

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, gettext, gettext_lazy

from diplomacy.formats import MONTHS_AFTER_DAY
from diplomacy.languages import content_language
from diplomacy.text import sanitize_html
from website.dates import event_when as when_markup
from website.dates import published_at
from website.links import absolute
from website.locations import event_place as place_of
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


@register.simple_tag
def event_when(event: Any) -> SafeString:
    """When the event takes place, dates and times at the venue (website/dates.py)."""
    return when_markup(
        event.start_date, event.start_time, event.end_date, event.end_time, event.timezone
    )


@register.filter
def published(moment: Any) -> SafeString:
    """A source's time of publication: "24 April 2023, 18:42 UTC"."""
    return published_at(moment)


@register.simple_tag
def reader_time_attributes() -> SafeString:
    """What static/js/site.js needs to write the reader's own time in the
    page's words, without relying on the browser's Intl (Chromium's has no
    Kyrgyz month names and would print «M04»)."""
    return format_html(
        'data-your-time="{}" data-day-month="{}" data-months="{}"',
        # Translators: the reader's own time, added by the browser after a
        # time at the venue: "10:00 Bishkek time (08:00 your time)".
        gettext("%(time)s your time"),
        # Translators: a day and month, as in "24 April", «24 апреля».
        gettext("%(day)s %(month)s"),
        "|".join(str(month) for month in MONTHS_AFTER_DAY),
    )


# One whole sentence per language, so each translation can decline the
# language's name as it must («только на русском языке»).
FALLBACK_NOTES = {
    "en": gettext_lazy("This text is available in English only."),
    "ru": gettext_lazy("This text is available in Russian only."),
    "ky": gettext_lazy("This text is available in Kyrgyz only."),
}


def fallback_language(instance: object, field: str) -> str | None:
    """The language a translated field is shown in, when it is not the page's."""
    shown = content_language(instance, field)
    return shown if shown != (get_language() or settings.LANGUAGE_CODE) else None


@register.simple_tag
def fallback_note(instance: object, field: str) -> SafeString:
    """A visible note, in the reader's language, that the text after it is in
    another: the site never mixes languages unannounced."""
    language = fallback_language(instance, field)
    if language is None:
        return SafeString("")
    return fallback_note_for(language)


@register.simple_tag(name="fallback_note_in")
def fallback_note_for(language: str) -> SafeString:
    return format_html('<p class="fallback-note">{}</p>', FALLBACK_NOTES[language])


ORIGINAL_LABELS = {
    "en": gettext_lazy("Original, in English"),
    "ru": gettext_lazy("Original, in Russian"),
    "ky": gettext_lazy("Original, in Kyrgyz"),
}


@register.simple_tag
def original_label(language: str) -> str:
    """What opens a quote's original under its translation."""
    return str(ORIGINAL_LABELS[language])


@register.simple_tag
def event_place(event: Any) -> SafeString:
    """Where the event is, as people say it, the country linked to its page."""
    place = place_of(event)
    parts = []
    for value, field in ((place.venue, "venue"), (place.city, "city")):
        if value:
            language = fallback_language(event, field)
            parts.append(
                format_html('<span lang="{}">{}</span>', language, value) if language else value
            )
    if place.region is not None:
        parts.append(place.region.name)
    if place.country is not None:
        country = place.country
        parts.append(format_html('<a href="{}">{}</a>', country.get_absolute_url(), country.name))
    return format_html_join(", ", "{}", ((part,) for part in parts))


@register.simple_tag
def source_details(source: Any) -> SafeString:
    """Who published a source (linked when on record), its rubric and time."""
    parts = []
    publisher = source.publisher_organization
    if publisher is not None:
        name_field = "short_name" if publisher.short_name else "name"
        parts.append(
            format_html(
                '<a href="{}" lang="{}">{}</a>',
                publisher.get_absolute_url(),
                content_language(publisher, name_field),
                publisher.brief_name,
            )
        )
    elif source.publisher:
        parts.append(source.publisher)
    if source.rubric:
        # Translators: the section of a site or paper a source appeared under.
        rubric = gettext("under “%(rubric)s”") % {"rubric": "\x00"}
        before, _marker, after = rubric.partition("\x00")
        language = content_language(source, "rubric")
        parts.append(
            format_html('{}<span lang="{}">{}</span>{}', before, language, source.rubric, after)
        )
    if source.published_at:
        parts.append(format_html("{} {}", gettext("published"), published_at(source.published_at)))
    return format_html_join(", ", "{}", ((part,) for part in parts))
