from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from import_export.admin import ExportActionMixin, ImportMixin
from import_export.formats import base_formats
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from diplomacy.admin import (
    HistoryAdmin,
    PreloadedAutocompleteInlineMixin,
    TrashAdmin,
    TrashingAdmin,
    VersionedAdmin,
    save_formset_with,
)
from diplomacy.languages import translated_fields
from people.merge_admin import MergeAdminMixin, OrganizationForm, PersonForm
from people.models import (
    Country,
    DeletedOrganization,
    DeletedPerson,
    Organization,
    Person,
    Position,
    Region,
)
from people.resources import OrganizationResource, PersonResource
from people.services import (
    organization_delete,
    organization_restore,
    organization_save,
    person_add_post,
    person_delete,
    person_restore,
    person_save,
    position_save,
    purge,
)


class PlaceNamesAdmin(TranslationAdmin):
    """Countries and regions come from ISO data, never typed by hand; only the
    names readers see may be changed (people/reference.py keeps such changes
    when it loads the data again)."""

    readonly_fields = ["iso_names"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("ISO names"))
    def iso_names(self, obj) -> str:
        return " · ".join(
            name
            for name in (getattr(obj, field) for field in translated_fields("iso_name"))
            if name
        )


@admin.register(Country)
class CountryAdmin(PlaceNamesAdmin):
    list_display = ["code", "name", "alpha_3"]
    search_fields = ["code", "alpha_3", *translated_fields("name")]
    fields = ["name", "iso_names"]


@admin.register(Region)
class RegionAdmin(PlaceNamesAdmin):
    list_display = ["code", "name", "kind", "country"]
    list_select_related = ["country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["code", *translated_fields("name")]
    fields = ["name", "iso_names"]


class PositionInline(PreloadedAutocompleteInlineMixin, TranslationTabularInline):
    model = Position
    fk_name = "person"
    fields = ["title", "organization", "start_date", "end_date"]
    autocomplete_fields = ["organization"]
    extra = 1

    def get_queryset(self, request):
        # Each row's heading shows the position, which names its person.
        return super().get_queryset(request).select_related("person")


class MemberInline(PreloadedAutocompleteInlineMixin, TranslationTabularInline):
    model = Position
    fk_name = "organization"
    fields = ["person", "title", "start_date", "end_date"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = _("member")
    verbose_name_plural = _("members and their posts")

    def get_queryset(self, request):
        # The posts of people in the trash stay with them, out of sight.
        queryset = super().get_queryset(request).select_related("organization")
        return queryset.filter(person__deleted_at__isnull=True)


SPREADSHEET_FORMATS = [base_formats.CSV, base_formats.XLSX, base_formats.JSON]


@admin.register(Person)
class PersonAdmin(
    ImportMixin,
    ExportActionMixin,
    MergeAdminMixin,
    VersionedAdmin,
    TrashingAdmin,
    HistoryAdmin,
    TranslationAdmin,
):
    form = PersonForm
    add_only_fields = ["post_title", "post_organization", "not_a_duplicate"]
    resource_classes = [PersonResource]
    formats = SPREADSHEET_FORMATS
    list_display = ["name", "country", "position_count", "updated_at"]
    list_select_related = ["country"]
    list_filter = [("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = [
        "slug",
        *translated_fields("given_name"),
        *translated_fields("family_name"),
        *translated_fields("patronymic"),
    ]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["given_name_en", "family_name_en"]}
    inlines = [PositionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(position_count=Count("positions"))

    @admin.display(description=_("positions"), ordering="position_count")
    def position_count(self, person: Person) -> int:
        return person.position_count

    def save_model(self, request, obj, form, change) -> None:
        obj.deleted_at = None  # as EventAdmin.save_model
        person_save(person=obj)

    def trash(self, obj: Person) -> None:
        person_delete(person=obj)

    def save_formset(self, request, form, formset, change) -> None:
        save_formset_with(formset, lambda position: position_save(position=position))

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        title = form.cleaned_data.get("post_title")
        if title:
            person_add_post(
                person=form.instance,
                title=title,
                organization_name=form.cleaned_data.get("post_organization") or "",
            )


@admin.register(Organization)
class OrganizationAdmin(
    ImportMixin,
    ExportActionMixin,
    MergeAdminMixin,
    VersionedAdmin,
    TrashingAdmin,
    HistoryAdmin,
    TranslationAdmin,
):
    form = OrganizationForm
    resource_classes = [OrganizationResource]
    formats = SPREADSHEET_FORMATS
    list_display = ["name", "short_name", "kind", "country", "region", "parent"]
    list_select_related = ["country", "region", "parent"]
    list_filter = ["kind", ("country", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["slug", *translated_fields("name"), *translated_fields("short_name")]
    autocomplete_fields = ["country", "region", "parent"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MemberInline]

    def save_model(self, request, obj, form, change) -> None:
        obj.deleted_at = None  # as EventAdmin.save_model
        organization_save(organization=obj)

    def trash(self, obj: Organization) -> None:
        organization_delete(organization=obj)

    def save_formset(self, request, form, formset, change) -> None:
        save_formset_with(formset, lambda position: position_save(position=position))


@admin.register(Position)
class PositionAdmin(HistoryAdmin, TranslationAdmin):
    list_display = ["title", "person", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = [
        *translated_fields("title"),
        *translated_fields("person__given_name"),
        *translated_fields("person__family_name"),
        *translated_fields("organization__name"),
    ]
    autocomplete_fields = ["person", "organization"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("person", "organization")
        return queryset.filter(person__deleted_at__isnull=True)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # The participants' position autocomplete sends the row's person
        # (events/static/events/admin/participation_positions.js).
        person = request.GET.get("person", "")
        if request.GET.get("field_name") == "position" and person.isdigit():
            queryset = queryset.filter(person_id=int(person))
        return queryset, may_have_duplicates

    def save_model(self, request, obj, form, change) -> None:
        position_save(position=obj)


@admin.register(DeletedPerson)
class DeletedPersonAdmin(TrashAdmin):
    list_display = ["name", "slug", "country", "deleted_at"]
    list_select_related = ["country"]
    search_fields = ["slug", *translated_fields("given_name"), *translated_fields("family_name")]

    def restore(self, obj) -> None:
        person_restore(person=obj)

    def purge(self, obj) -> None:
        purge(record=obj)


@admin.register(DeletedOrganization)
class DeletedOrganizationAdmin(TrashAdmin):
    list_display = ["name", "slug", "kind", "country", "deleted_at"]
    list_select_related = ["country"]
    search_fields = ["slug", *translated_fields("name")]

    def restore(self, obj) -> None:
        organization_restore(organization=obj)

    def purge(self, obj) -> None:
        purge(record=obj)
