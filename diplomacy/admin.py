"""The admin's shared building blocks and its titles.

Most of them keep pages at a fixed number of queries. Django's autocomplete
widget looks up the label of its selected value with one query per widget, so
an event with forty participants would run forty. The inline's queryset
already joins the related rows; these classes hand them to the widget instead.
"""

import contextlib
import dataclasses
from collections import defaultdict
from functools import partial

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.admin.widgets import AdminSplitDateTime, AdminTimeWidget, AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import SIMPLE_HISTORY_REVERSE_ATTR_NAME
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

from diplomacy.languages import LANGUAGE_CODES
from diplomacy.services import referring_records

admin.site.site_header = _("Public diplomacy events: editors' desk")
admin.site.site_title = _("Editors' desk")
admin.site.index_title = _("Events, people and organizations")


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete select that can be told its selected object up front."""

    preloaded: dict[str, str]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.preloaded = {}

    def optgroups(self, name, value, attr=None):
        selected = [str(item) for item in value if str(item) not in ("", "None")]
        if not selected or any(item not in self.preloaded for item in selected):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for index, item in enumerate(selected, start=len(options)):
            options.append(self.create_option(name, item, self.preloaded[item], True, index))
        return [(None, options, 0)]


class PreloadedChoicesForm(forms.ModelForm):
    """Gives each preloaded autocomplete widget the object the instance already holds."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)
            if not isinstance(widget, PreloadedAutocompleteSelect):
                continue
            related = getattr(self.instance, name, None)
            if related is not None:
                widget.preloaded = {str(related.pk): field.label_from_instance(related)}


class VersionCheckedForm(forms.ModelForm):
    """A change form that remembers the version it was opened at."""

    # Not `version`: a model form may not name the model's non-editable field.
    opened_version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    # Set by VersionedAdmin.get_form: describes the changes made since a version.
    describe_conflict = None

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["opened_version"] = self._stored_version()

    def _stored_version(self) -> int:
        # A form reverting to an old version holds an instance rebuilt from
        # history, with that version's number; the row holds the current one.
        if getattr(self.instance, SIMPLE_HISTORY_REVERSE_ATTR_NAME, None) is None:
            return self.instance.version
        stored = type(self.instance)._base_manager.filter(pk=self.instance.pk)
        return stored.values_list("version", flat=True).first() or 0

    def clean(self):
        cleaned = super().clean()
        sent = cleaned.get("opened_version")
        if self.instance.pk is None or sent is None:
            return cleaned
        stored = self._stored_version()
        if sent != stored:
            # Saving this form again is then a deliberate choice, made after
            # reading whose changes it replaces.
            self.data = self.data.copy()
            self.data[self.add_prefix("opened_version")] = str(stored)
            describe = self.describe_conflict or (lambda instance, since: [])
            raise forms.ValidationError(
                conflict_message(describe(self.instance, sent)), code="conflict"
            )
        return cleaned


class EditorForm(VersionCheckedForm, PreloadedChoicesForm):
    """A main admin form: the slug may be left empty and is made from the name."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Leave empty to make one from the name or title.")


class PreloadedAutocompleteInlineMixin:
    """For inlines: autocomplete fields use the preloaded widget; pair with
    a `get_queryset` that select_related()s the same fields."""

    form = PreloadedChoicesForm

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PreloadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.get_autocomplete_fields(request))


class SharedChoicesModelChoiceField(forms.ModelChoiceField):
    """A select whose choices are read once per formset, not once per row.

    Every form of a formset deep-copies its fields, and a plain
    ModelChoiceField re-runs its query in each copy; the copies of this one
    share the list.
    """

    def __init__(self, *args, **kwargs) -> None:
        self._shared: dict[str, list] | None = None
        super().__init__(*args, **kwargs)
        self._shared = {}

    def _get_choices(self):
        if self._shared is None:  # still inside __init__
            return super()._get_choices()
        if "choices" not in self._shared:
            self._shared["choices"] = list(super()._get_choices())
        return self._shared["choices"]

    choices = property(_get_choices, forms.ChoiceField.choices.fset)


class HistoryAdmin(SimpleHistoryAdmin):
    """Change history with revert, its page at a fixed number of queries.

    simple-history diffs many-to-many fields with two queries per record; here
    they are read for the whole page at once and compared in memory.
    """

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        records = list(historical_records)
        m2m_fields = (
            [field.name for field in getattr(records[0], "_history_m2m_fields", [])]
            if records
            else []
        )
        if not records or not m2m_fields:
            return super().set_history_delta_changes(request, records, foreign_keys_are_objs)
        rows = {field: _m2m_rows_by_history(records, self.model, field) for field in m2m_fields}
        previous = None
        for current in records:
            if previous is not None:
                delta = previous.diff_against(
                    current, excluded_fields=m2m_fields, foreign_keys_are_objs=True
                )
                changes = list(delta.changes)
                for field in m2m_fields:
                    old = rows[field].get(current.history_id, [])
                    new = rows[field].get(previous.history_id, [])
                    if old != new:
                        changes.append(ModelChange(field=field, old=old, new=new))
                delta = dataclasses.replace(
                    delta, changes=changes, changed_fields=[change.field for change in changes]
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current
        return None


def _m2m_rows_by_history(records, model, field: str) -> dict[int, list[dict]]:
    """The tracked M2M rows of each record, as simple-history's diff shapes them."""
    target = get_m2m_reverse_field_name(model._meta.get_field(field))
    through = getattr(records[0], field).model
    grouped: dict[int, list[dict]] = defaultdict(list)
    queryset = (
        through.objects.filter(history_id__in=[record.history_id for record in records])
        .select_related(target)
        .order_by(target)
    )
    for row in queryset:
        grouped[row.history_id].append({target: getattr(row, target)})
    return grouped


def save_formset_with(formset, save_one) -> None:
    """Save an inline formset through a service function, one row at a time."""
    instances = formset.save(commit=False)
    for instance in formset.deleted_objects:
        instance.delete()
    for instance in instances:
        save_one(instance)
    formset.save_m2m()


# --- edit conflicts ---------------------------------------------------------------
# Two editors open one record; the first saves. The second's form still holds
# the version it was opened at, so saving it is refused with who changed what
# and when, and the second editor's input stays in the form. The version is
# the record's own column, bumped by every write (services, API and admin
# alike), so an API write in between is caught too. The row is locked from
# the moment the form is posted, so the check and the save cannot interleave
# with another writer.


def conflict_message(changes: list[str]) -> str:
    lines = [
        str(_("Someone else saved this record after you opened it; nothing was saved.")),
        *changes,
        str(
            _(
                "Your changes are still in the form below. Compare them with the record "
                "as it is now (open it in a new tab); saving again replaces their changes "
                "with what this form holds."
            )
        ),
    ]
    return " ".join(lines)


class VersionedAdmin(admin.ModelAdmin):
    """Locks the record while a posted change form is checked and saved, and
    refuses a form opened at an older version (see VersionCheckedForm); the
    inlines' rows count as part of the record."""

    form = VersionCheckedForm

    def get_object(self, request, object_id, from_field=None):
        if request.method == "POST" and from_field is None:
            # changeform_view runs in a transaction: the lock lasts until the
            # save is committed. A malformed id is get_object's to refuse.
            with contextlib.suppress(ValueError, ValidationError):
                rows = self.model._base_manager.select_for_update().filter(pk=object_id)
                list(rows.values_list("pk"))
        return super().get_object(request, object_id, from_field)

    @transaction.atomic
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            self.get_object(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if any("opened_version" in flatten_fieldsets([fieldset]) for fieldset in fieldsets):
            return fieldsets
        name, options = fieldsets[0]
        first = (name, {**options, "fields": [*options["fields"], "opened_version"]})
        return [first, *fieldsets[1:]]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.describe_conflict = partial(self.changes_since, request)
        return form

    def changes_since(self, request, instance, version: int) -> list[str]:
        """Who changed the record (and its inlines' rows) after `version`, what
        and when, from its history: one sentence per change, oldest first."""
        history = instance.history.filter(version__gt=version).select_related("history_user")
        records = list(history.order_by("history_date", "history_id")[:10])
        if not records:
            return []
        changes = [
            (record.history_date, record.history_user, _record_fields(record)) for record in records
        ]
        for inline in self.get_inline_instances(request, instance):
            inline_history = getattr(inline.model, "history", None)
            if inline_history is None:
                continue
            fk = _fk_name(inline.model, self.model, getattr(inline, "fk_name", None))
            rows = inline_history.filter(
                **{f"{fk}_id": instance.pk, "history_date__gte": records[0].history_date}
            ).select_related("history_user")
            for row in rows.order_by("history_date")[:1]:
                changes.append(
                    (row.history_date, row.history_user, str(inline.verbose_name_plural))
                )
        changes.sort(key=lambda change: change[0])
        return [_change_sentence(*change) for change in changes]


def _fk_name(model, parent, fk_name: str | None) -> str:
    if fk_name:
        return fk_name
    field = next(
        f
        for f in model._meta.concrete_fields
        # An inline's row points at its parent by a foreign key or, for a
        # one-row inline (reported figures), a one-to-one field.
        if (f.many_to_one or f.one_to_one) and f.related_model is parent
    )
    return field.name


LANGUAGE_SUFFIXES = {f"_{language}" for language in LANGUAGE_CODES}


def _record_fields(record) -> str:
    previous = record.prev_record
    if previous is None or record.history_type != "~":
        return str(_("the whole record"))
    changed = [change.field for change in record.diff_against(previous).changes]
    # A translated field's own column copies one language's: name the language's.
    per_language = {name.rpartition("_")[0] for name in changed if name[-3:] in LANGUAGE_SUFFIXES}
    names = [
        str(getattr(record.instance_type._meta.get_field(name), "verbose_name", name))
        for name in changed
        if name not in per_language
    ]
    return ", ".join(dict.fromkeys(names)) or str(_("the related rows"))


def _change_sentence(when, user, what: str) -> str:
    who = (user.get_full_name() or user.get_username()) if user else _("a script")
    moment = timezone.localtime(when).strftime("%Y-%m-%d %H:%M %Z")
    return str(_("%(who)s changed %(what)s at %(when)s.")) % {
        "who": who,
        "what": what,
        "when": moment,
    }


# --- the trash ----------------------------------------------------------------------


class TrashingAdmin(admin.ModelAdmin):
    """Deleting moves records to the trash (diplomacy/trash.py) through the
    app's service, one by one, instead of deleting rows."""

    def trash(self, obj) -> None:
        raise NotImplementedError

    def delete_model(self, request, obj) -> None:
        self.trash(obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            self.trash(obj)

    def get_deleted_objects(self, objs, request):
        # What the confirmation page lists: the records themselves (their rows
        # stay with them in the trash) and, as Django would, those that refer
        # to them and stop the deletion.
        objs = list(objs)
        protected = [
            f"{record._meta.verbose_name}: {record}"
            for obj in objs
            for record in referring_records(obj)
        ]
        perms_needed = set() if self.has_delete_permission(request) else {self.opts.verbose_name}
        count = {self.opts.verbose_name_plural: len(objs)}
        return [str(obj) for obj in objs], count, perms_needed, protected


class TrashAdmin(admin.ModelAdmin):
    """The records in the trash (a proxy model whose default manager is the
    trash): whoever may delete them may see and restore them; purging them
    for good needs the model's purge permission."""

    actions = ["restore_selected", "purge_selected"]
    list_display_links = None
    ordering = ["-deleted_at"]

    def restore(self, obj) -> None:
        raise NotImplementedError

    def purge(self, obj) -> None:
        raise NotImplementedError

    def _may(self, request, action: str) -> bool:
        concrete = self.model._meta.concrete_model._meta
        return request.user.has_perm(f"{concrete.app_label}.{action}_{concrete.model_name}")

    def has_view_permission(self, request, obj=None) -> bool:
        return self._may(request, "delete")

    def has_restore_permission(self, request) -> bool:
        return self._may(request, "delete")

    def has_purge_permission(self, request) -> bool:
        return self._may(request, "purge")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Restore the selected records"), permissions=["restore"])
    def restore_selected(self, request, queryset) -> None:
        count = 0
        for obj in queryset:
            self.restore(obj)
            count += 1
        self.message_user(request, _("Restored: %(count)d.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Delete the selected records for good"), permissions=["purge"])
    def purge_selected(self, request, queryset) -> None:
        count = 0
        for obj in queryset:
            self.purge(obj)
            count += 1
        message = _("Deleted for good: %(count)d.") % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


# --- rows in order, times in minutes ---------------------------------------------


class OrderedRowForm(PreloadedChoicesForm):
    """An inline row whose `order` is set by its place in the list (dragged
    there, or where it was added), never typed: a new row that only got a
    place is still an empty row."""

    def has_changed(self) -> bool:
        if self.instance.pk is not None:
            return super().has_changed()
        return any(name != "order" for name in self.changed_data)


class OrderedInlineMixin:
    """Inline rows are ordered by dragging them (static/js/admin/ordered_rows.js
    numbers them in their order on the page); without the script, new rows
    follow the existing ones. Pair with `number_rows` in save_formset."""

    form = OrderedRowForm

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "order":
            return forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @property
    def media(self):
        return super().media + forms.Media(
            js=[
                "admin/js/jquery.init.js",
                "js/admin/ordered_rows.js",
                "js/admin/language_columns.js",
            ],
            css={"all": ["css/admin/editors.css"]},
        )


def number_rows(formset) -> None:
    """Give each kept row of an ordered inline its place: the one the page
    sent, or after the existing rows for rows that came without one."""
    forms_kept = [
        form
        for form in formset.forms
        if form.has_changed() or form.instance.pk is not None
        if not (formset.can_delete and formset._should_delete_form(form))
    ]
    known = [form.cleaned_data.get("order") for form in forms_kept if hasattr(form, "cleaned_data")]
    following = max((value for value in known if value is not None), default=-1) + 1
    for form in forms_kept:
        value = form.cleaned_data.get("order") if hasattr(form, "cleaned_data") else None
        if value is None:
            value, following = following, following + 1
        form.instance.order = value


class MinutesTimeWidget(AdminTimeWidget):
    """Times as editors say them: 10:00, not 10:00:00."""

    def __init__(self, attrs=None, format=None) -> None:
        super().__init__(attrs=attrs, format=format or "%H:%M")


class MinutesSplitDateTime(AdminSplitDateTime):
    def __init__(self, attrs=None) -> None:
        super().__init__(attrs)
        self.widgets = (self.widgets[0], MinutesTimeWidget())


# formfield_overrides for admins and inlines with times.
MINUTES = {
    models.TimeField: {"widget": MinutesTimeWidget},
    models.DateTimeField: {"widget": MinutesSplitDateTime},
}
