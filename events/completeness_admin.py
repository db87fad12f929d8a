"""The admin's view of an event's languages: a column saying which are
missing, a filter "missing Russian" / "missing Kyrgyz", and a confirmation
before an event is published without its text in every site language."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from events.models import Event
from events.selectors.completeness import (
    REQUIRED_TEXT,
    complete_filter,
    missing_language_filter,
    missing_languages,
)

LANGUAGE_NAMES = dict(settings.LANGUAGES)


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("languages")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [
            ("none", _("Complete in every language")),
            *(
                (code, _("Missing %(language)s") % {"language": name})
                for code, name in settings.LANGUAGES
            ),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(complete_filter())
        if value in LANGUAGE_NAMES:
            return queryset.filter(missing_language_filter(value))
        return queryset


@admin.display(description=_("languages"))
def languages_column(event: Event) -> str:
    missing = missing_languages(event)
    if not missing:
        return format_html('<span title="{}">✓</span>', gettext("Complete in every language"))
    return format_html(
        '<span class="completeness-missing">{}</span>',
        format_html_join(
            ", ",
            '<abbr title="{}">{}</abbr>',
            (
                (_("Missing %(language)s") % {"language": LANGUAGE_NAMES[code]}, code)
                for code in missing
            ),
        ),
    )


class PublishCompletenessForm(forms.ModelForm):
    """Publishing an event whose title or summary is missing in a site
    language needs the editor to say so: the page will show that language
    by fallback."""

    publish_incomplete = forms.BooleanField(
        label=_("Publish even though some languages are missing"),
        required=False,
        help_text=_("Readers of those languages see the text in another language, marked as such."),
    )

    def clean(self):
        cleaned = super().clean()
        publishing = cleaned.get("status") == Event.Status.PUBLISHED
        # The instance still holds the stored status here: only the step to
        # published asks, not every later save of a published event.
        already = self.instance.pk is not None and self.instance.status == Event.Status.PUBLISHED
        if not publishing or already or cleaned.get("publish_incomplete"):
            return cleaned
        missing = [
            code
            for code in LANGUAGE_NAMES
            if any(not cleaned.get(f"{field}_{code}") for field in REQUIRED_TEXT)
        ]
        if missing:
            names = ", ".join(str(LANGUAGE_NAMES[code]) for code in missing)
            message = _(
                "The title or the summary is missing in: %(languages)s. Fill them in, or tick "
                "“Publish even though some languages are missing”."
            ) % {"languages": names}
            self.add_error("publish_incomplete", message)
        return cleaned


def incomplete_warning(events) -> str | None:
    """What the publish action says about events it published without every language."""
    incomplete = [str(event) for event in events if missing_languages(event)]
    if not incomplete:
        return None
    return gettext(
        "Published without a title or summary in every language (readers see a fallback): "
        "%(events)s."
    ) % {"events": "; ".join(incomplete)}
