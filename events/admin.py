import datetime
from functools import partial
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.contrib import admin, messages
from django.db.models import OuterRef, Subquery
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ExportActionMixin, ImportMixin
from import_export.formats import base_formats
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from diplomacy.admin import (
    MINUTES,
    EditorForm,
    HistoryAdmin,
    OrderedInlineMixin,
    PreloadedAutocompleteInlineMixin,
    SharedChoicesModelChoiceField,
    TrashAdmin,
    TrashingAdmin,
    VersionedAdmin,
    number_rows,
    save_formset_with,
)
from diplomacy.languages import translated_fields
from diplomacy.services import next_version
from events.completeness_admin import (
    MissingLanguageFilter,
    PublishCompletenessForm,
    incomplete_warning,
    languages_column,
)
from events.models import (
    Competition,
    DeletedEvent,
    Edition,
    Entry,
    Event,
    EventOrganization,
    Nomination,
    Outcome,
    Participation,
    Quote,
    Source,
    Topic,
)
from events.outcome_admin import OutcomeInline, ReportedFiguresInline
from events.outcome_services import outcome_save
from events.report_admin import report_view
from events.resources import EventResource
from events.search import refresh_event_search
from events.selectors.competitions import editions_with_figures
from events.services import (
    event_delete,
    event_purge,
    event_restore,
    event_save,
    events_set_status,
    participation_save,
    topic_save,
)


def _zone_label(name: str) -> str:
    # "Asia/Bishkek — Bishkek, UTC+06:00": the city is what editors look for.
    offset = datetime.datetime.now(ZoneInfo(name)).strftime("%z")
    city = name.rpartition("/")[2].replace("_", " ")
    return f"{name} — {city}, UTC{offset[:3]}:{offset[3:]}"


TIMEZONE_CHOICES = [
    ("", _("From the host country and city")),
    *((name, _zone_label(name)) for name in sorted(available_timezones())),
]


class YearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("start_date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value() or ""
        if value.isdigit() and 1 <= int(value) <= 9999:
            return queryset.filter(start_date__year=int(value))
        return queryset


class EventOrganizationInline(
    OrderedInlineMixin, PreloadedAutocompleteInlineMixin, admin.TabularInline
):
    model = EventOrganization
    fields = ["organization", "role", "order"]
    autocomplete_fields = ["organization"]
    extra = 1


class ParticipationInline(
    OrderedInlineMixin, PreloadedAutocompleteInlineMixin, TranslationTabularInline
):
    model = Participation
    fields = ["person", "role", "position", "position_title", "organization", "order"]
    autocomplete_fields = ["person", "position", "organization"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("position__person")

    class Media:
        # Narrows the position autocomplete to the row's person.
        js = ["admin/js/jquery.init.js", "events/admin/participation_positions.js"]


class QuoteInline(OrderedInlineMixin, PreloadedAutocompleteInlineMixin, TranslationStackedInline):
    model = Quote
    fields = [("person", "language", "order"), "text", "translation"]
    autocomplete_fields = ["person"]
    extra = 0


class SourceInline(OrderedInlineMixin, PreloadedAutocompleteInlineMixin, TranslationStackedInline):
    model = Source
    fields = [
        "title",
        "url",
        "publisher_organization",
        "publisher",
        "rubric",
        "published_at",
        "order",
    ]
    autocomplete_fields = ["publisher_organization"]
    formfield_overrides = MINUTES
    extra = 0


class EventForm(PublishCompletenessForm, EditorForm):
    timezone = forms.ChoiceField(
        label=_("Time zone"),
        choices=TIMEZONE_CHOICES,
        required=False,
        initial="",
        help_text=_(
            "Left empty, it is the host country's zone (the city's, in a country with "
            "several; else the capital's), set when the event is saved."
        ),
    )

    class Meta:
        model = Event
        fields = "__all__"


@admin.register(Event)
class EventAdmin(
    ImportMixin,
    ExportActionMixin,
    VersionedAdmin,
    TrashingAdmin,
    HistoryAdmin,
    TranslationAdmin,
):
    form = EventForm
    resource_classes = [EventResource]
    formats = [base_formats.CSV, base_formats.XLSX, base_formats.JSON]
    list_display = [
        "title",
        "kind",
        "status",
        "start_date",
        "city",
        "host_country",
        languages_column,
    ]
    list_select_related = ["host_country"]
    list_filter = [
        "kind",
        "status",
        MissingLanguageFilter,
        ("host_country", admin.RelatedOnlyFieldListFilter),
        YearFilter,
    ]
    search_fields = [
        "slug",
        *translated_fields("title"),
        *translated_fields("city"),
        *translated_fields("participations__person__given_name"),
        *translated_fields("participations__person__family_name"),
        *translated_fields("organization_roles__organization__name"),
    ]
    date_hierarchy = "start_date"
    autocomplete_fields = ["parent", "edition", "host_country", "region", "topics", "countries"]
    # No prepopulated slug: the service makes it, with the year (events/services.py).
    formfield_overrides = MINUTES
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    ("status", "publish_incomplete"),
                    "parent",
                    "edition",
                ]
            },
        ),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "start_time"),
                    ("end_date", "end_time"),
                    "timezone",
                    "venue",
                    "city",
                    "host_country",
                    "region",
                    "online_url",
                ]
            },
        ),
        (_("Content"), {"fields": ["summary", "body", "image", "topics", "countries"]}),
    ]
    inlines = [
        EventOrganizationInline,
        ParticipationInline,
        QuoteInline,
        SourceInline,
        OutcomeInline,
        ReportedFiguresInline,
    ]
    actions = ["publish", "unpublish"]

    def get_urls(self):
        # "New event from a report" (events/report_admin.py), before the
        # catch-all of the change pages.
        view = self.admin_site.admin_view(partial(report_view, self))
        return [path("from-report/", view, name="events_event_from_report"), *super().get_urls()]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent", "edition__competition", "host_country", "region")
        )

    def save_model(self, request, obj, form, change) -> None:
        # Reverting to a version saved while in the trash edits the live event.
        obj.deleted_at = None
        event_save(event=obj)

    def trash(self, obj: Event) -> None:
        event_delete(event=obj)

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        # The search index holds the participants' titles and the topics.
        refresh_event_search([form.instance.pk])

    def save_formset(self, request, form, formset, change) -> None:
        if formset.model in (Participation, EventOrganization, Quote, Source):
            number_rows(formset)
        if formset.model is Participation:
            save_formset_with(formset, lambda row: participation_save(participation=row))
        elif formset.model is Outcome:
            save_formset_with(formset, lambda row: outcome_save(outcome=row))
        else:
            formset.save()

    @admin.action(description=_("Publish the selected events"), permissions=["change"])
    def publish(self, request, queryset) -> None:
        self._set_status(request, queryset, Event.Status.PUBLISHED)
        warning = incomplete_warning(queryset.filter(status=Event.Status.PUBLISHED))
        if warning:
            self.message_user(request, warning, messages.WARNING)

    @admin.action(description=_("Return the selected events to draft"), permissions=["change"])
    def unpublish(self, request, queryset) -> None:
        self._set_status(request, queryset, Event.Status.DRAFT)

    def _set_status(self, request, queryset, status: str) -> None:
        count = events_set_status(events=queryset, status=status)
        message = ngettext(
            "%(count)d event is now “%(status)s”.",
            "%(count)d events are now “%(status)s”.",
            count,
        ) % {"count": count, "status": Event.Status(status).label}
        self.message_user(request, message, messages.SUCCESS)


@admin.register(Topic)
class TopicAdmin(VersionedAdmin, HistoryAdmin, TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["slug", *translated_fields("name")]
    prepopulated_fields = {"slug": ["name_en"]}

    def save_model(self, request, obj, form, change) -> None:
        topic_save(topic=obj)


class EditionInline(admin.TabularInline):
    model = Edition
    fields = ["year", "start_date", "end_date", "reported_regions", "reported_countries"]
    show_change_link = True
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("competition")


@admin.register(Competition)
class CompetitionAdmin(VersionedAdmin, HistoryAdmin, TranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["slug", *translated_fields("title")]
    autocomplete_fields = ["organizers"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [EditionInline]

    def save_model(self, request, obj, form, change) -> None:
        obj.version = next_version(obj)
        super().save_model(request, obj, form, change)


class NominationInline(TranslationTabularInline):
    model = Nomination
    fields = ["title", "order"]
    extra = 0


class EntryInline(PreloadedAutocompleteInlineMixin, TranslationTabularInline):
    model = Entry
    fields = ["nomination", "person", "organization", "title", "country", "region", "result"]
    autocomplete_fields = ["person", "organization", "country", "region"]
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "nomination":
            # Only this edition's nominations, read once for the whole formset.
            edition_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Nomination.objects.filter(edition_id=edition_id or 0)
            kwargs["form_class"] = SharedChoicesModelChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Edition)
class EditionAdmin(VersionedAdmin, HistoryAdmin, TranslationAdmin):
    list_display = [
        "__str__",
        "year",
        "reported_regions",
        "reported_countries",
        "entry_count",
        "entry_region_count",
        "entry_country_count",
    ]
    list_select_related = ["competition"]
    list_filter = ["year"]
    search_fields = [*translated_fields("competition__title")]
    autocomplete_fields = ["competition", "countries"]
    readonly_fields = ["entry_count", "entry_region_count", "entry_country_count"]
    inlines = [NominationInline, EntryInline]

    def get_queryset(self, request):
        return editions_with_figures(super().get_queryset(request).select_related("competition"))

    def save_model(self, request, obj, form, change) -> None:
        obj.version = next_version(obj)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("entries"), ordering="entry_count")
    def entry_count(self, edition: Edition) -> int:
        return edition.entry_count

    @admin.display(description=_("regions (from entries)"), ordering="entry_region_count")
    def entry_region_count(self, edition: Edition) -> int:
        return edition.entry_region_count

    @admin.display(description=_("countries (from entries)"), ordering="entry_country_count")
    def entry_country_count(self, edition: Edition) -> int:
        return edition.entry_country_count


@admin.register(DeletedEvent)
class DeletedEventAdmin(TrashAdmin):
    """The trash of events: each with everything it held, until restored or purged."""

    list_display = ["title", "slug", "kind", "status", "start_date", "deleted_at", "deleted_by"]
    search_fields = ["slug", *translated_fields("title")]

    def get_queryset(self, request):
        # Who moved each one there, from its history, in the list's one query.
        last_deletion = Event.history.filter(id=OuterRef("pk"), deleted_at__isnull=False).order_by(
            "-history_date"
        )
        return (
            super()
            .get_queryset(request)
            .annotate(deleted_by_name=Subquery(last_deletion.values("history_user__username")[:1]))
        )

    @admin.display(description=_("deleted by"))
    def deleted_by(self, event) -> str:
        return event.deleted_by_name or "—"

    def restore(self, obj) -> None:
        event_restore(event=obj)

    def purge(self, obj) -> None:
        event_purge(event=obj)
