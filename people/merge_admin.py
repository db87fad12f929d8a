"""The admin's side of duplicates: likely existing records shown before a
new person or organization is saved, and the merge action (with its undo)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from diplomacy.admin import EditorForm
from diplomacy.languages import LANGUAGE_CODES, first_translation
from people.duplicates import likely_organizations, likely_people
from people.merging import merge_records, merge_undo
from people.models import Merge, Organization, Person


class DuplicateCheckedForm(EditorForm):
    """A new record's form that, before saving, lists the existing records
    it probably duplicates; saving anyway is a deliberate tick."""

    not_a_duplicate = forms.BooleanField(
        label=_("None of these: it is a different one"),
        required=False,
        widget=forms.CheckboxInput,
    )

    def likely(self, cleaned) -> list:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None or cleaned.get("not_a_duplicate") or self.errors:
            return cleaned
        found = self.likely(cleaned)
        if found:
            opts = self._meta.model._meta
            links = format_html_join(
                ", ",
                '<a href="{}" target="_blank">{}</a>',
                (
                    (reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[r.pk]), r)
                    for r in found
                ),
            )
            message = format_html(
                "{} {}",
                gettext("This may already be on record:"),
                links,
            )
            self.add_error("not_a_duplicate", ValidationError(message, code="duplicate"))
        return cleaned


def _first(cleaned, field: str) -> str:
    return next(
        (
            cleaned.get(f"{field}_{language}")
            for language in ("en", "ru", "ky")
            if cleaned.get(f"{field}_{language}")
        ),
        "",
    )


class PersonForm(DuplicateCheckedForm):
    """A person's name may be given in the source's language alone; a new
    person's post may be given with it, its organization found or created by
    name (people/services.py, person_add_post)."""

    post_title = forms.CharField(
        label=_("Post"),
        required=False,
        max_length=300,
        help_text=_("Such as “Rector”; as the source words it."),
    )
    post_organization = forms.CharField(
        label=_("Organization of the post"),
        required=False,
        max_length=300,
        help_text=_("Its name: found among those on record, or added."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for language in LANGUAGE_CODES:
            field = self.fields.get(f"given_name_{language}")
            if field is not None:
                field.required = False

    def clean(self):
        cleaned = super().clean()
        if not _first(cleaned, "given_name"):
            self.add_error(
                f"given_name_{LANGUAGE_CODES[0]}",
                _("Give the name in at least one language, as the source writes it."),
            )
        return cleaned

    def likely(self, cleaned) -> list:
        return likely_people(
            given_name=_first(cleaned, "given_name"), family_name=_first(cleaned, "family_name")
        )


class OrganizationForm(DuplicateCheckedForm):
    def likely(self, cleaned) -> list:
        names = [
            cleaned.get(f"{field}_{language}") or ""
            for field in ("name", "short_name")
            for language in ("en", "ru", "ky")
        ]
        return likely_organizations(names=[name for name in names if name])


class MergeAdminMixin(admin.ModelAdmin):
    """The changelist's "merge" action: the editor picks the record to keep
    among the selected ones; the others are merged into it. And its undo."""

    actions = ["merge_selected", "undo_merges"]
    # Asked only of a new record, last in its first fieldset.
    add_only_fields = ["not_a_duplicate"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in self.add_only_fields],
                },
            )
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None:
            return fieldsets
        name, options = fieldsets[0]
        first = (name, {**options, "fields": [*options["fields"], *self.add_only_fields]})
        return [first, *fieldsets[1:]]

    @admin.action(description=_("Merge the selected duplicates"), permissions=["change", "delete"])
    def merge_selected(self, request, queryset):
        records = list(queryset.order_by("pk"))
        if len(records) < 2:
            self.message_user(
                request, gettext("Select two or more records to merge."), messages.WARNING
            )
            return None
        kept_pk = request.POST.get("kept", "")
        if not kept_pk:
            return self._merge_page(request, records)
        kept = next((record for record in records if str(record.pk) == kept_pk), None)
        if kept is None:
            return self._merge_page(request, records)
        try:
            for record in records:
                if record.pk != kept.pk:
                    merge_records(kept=kept, merged=record, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        message = ngettext(
            "%(count)d record was merged into “%(kept)s”. To undo, select it and "
            "choose “Undo merges into the selected records”.",
            "%(count)d records were merged into “%(kept)s”. To undo, select it and "
            "choose “Undo merges into the selected records”.",
            len(records) - 1,
        ) % {"count": len(records) - 1, "kept": kept}
        self.message_user(request, message, messages.SUCCESS)
        return None

    def _merge_page(self, request, records):
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Merge duplicates"),
            "opts": self.model._meta,
            "records": [(record, self.merge_summary(record)) for record in records],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/people/merge.html", context)

    def merge_summary(self, record) -> str:
        if isinstance(record, Person):
            return person_summary(record)
        return organization_summary(record)

    @admin.action(
        description=_("Undo merges into the selected records"), permissions=["change", "delete"]
    )
    def undo_merges(self, request, queryset):
        kind = self.model._meta.model_name
        merges = Merge.objects.filter(**{f"kept_{kind}__in": queryset}).order_by(
            "-merged_at", "-pk"
        )
        count = 0
        for merge in merges:
            merge_undo(merge=merge)
            count += 1
        message = gettext("Merges undone: %(count)d.") % {"count": count}
        self.message_user(request, message, messages.SUCCESS if count else messages.WARNING)


def person_summary(person: Person) -> str:
    return ", ".join(
        part
        for part in (person.slug, str(person.country or ""), first_translation(person, "bio")[:80])
        if part
    )


def organization_summary(organization: Organization) -> str:
    return ", ".join(
        part
        for part in (
            organization.slug,
            organization.get_kind_display(),
            str(organization.country or ""),
        )
        if part
    )
