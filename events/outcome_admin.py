"""The admin of what events achieved; imported by events/admin.py.

An event's form holds its outcomes (an inline) and its reported figures (a
one-row inline). The parties to an outcome are a list inside a list, which
Django's admin cannot nest: each outcome row links ("Change") to the
outcome's own page, where its parties are entered by autocomplete. The
outcome's page can also add an outcome to any event in one go.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from diplomacy.admin import (
    EditorForm,
    HistoryAdmin,
    PreloadedAutocompleteInlineMixin,
    PreloadedChoicesForm,
    VersionedAdmin,
)
from diplomacy.languages import translated_fields
from events.models import Outcome, OutcomeParty, ReportedFigures
from events.outcome_services import outcome_delete, outcome_save
from events.search import refresh_event_search

OUTCOME_FIELDS = [
    ("kind", "order"),
    "title",
    "text",
    ("date", "document_url"),
    ("planned_start", "planned_end"),
    "follow_up",
    "slug",
]


class OutcomeInlineForm(PreloadedChoicesForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the title.")


class OutcomeInline(PreloadedAutocompleteInlineMixin, TranslationStackedInline):
    model = Outcome
    form = OutcomeInlineForm
    fk_name = "event"
    fields = OUTCOME_FIELDS
    autocomplete_fields = ["follow_up"]
    show_change_link = True
    extra = 0


class ReportedFiguresInline(TranslationStackedInline):
    model = ReportedFigures
    fields = [("participants", "countries", "regions", "organizations"), "text"]
    max_num = 1
    extra = 1
    verbose_name = _("figures as reported")
    verbose_name_plural = _("figures as reported by the organizers")


class OutcomePartyInline(PreloadedAutocompleteInlineMixin, admin.TabularInline):
    model = OutcomeParty
    fields = ["organization", "country", "role", "order"]
    autocomplete_fields = ["organization", "country"]
    extra = 1


@admin.register(Outcome)
class OutcomeAdmin(VersionedAdmin, HistoryAdmin, TranslationAdmin):
    form = EditorForm
    list_display = ["title", "kind", "event", "date"]
    list_select_related = ["event"]
    list_filter = ["kind"]
    search_fields = ["slug", *translated_fields("title"), *translated_fields("event__title")]
    autocomplete_fields = ["event", "follow_up"]
    fields = ["event", *OUTCOME_FIELDS]
    inlines = [OutcomePartyInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event", "follow_up")

    def save_model(self, request, obj, form, change) -> None:
        outcome_save(outcome=obj)

    def delete_model(self, request, obj) -> None:
        outcome_delete(outcome=obj)

    def delete_queryset(self, request, queryset) -> None:
        events = sorted(set(queryset.values_list("event_id", flat=True)))
        super().delete_queryset(request, queryset)
        refresh_event_search(events)
