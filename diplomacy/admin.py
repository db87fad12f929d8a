"""The admin's shared building blocks and its titles.

Most of them keep pages at a fixed number of queries. Django's autocomplete
widget looks up the label of its selected value with one query per widget, so
an event with forty participants would run forty. The inline's queryset
already joins the related rows; these classes hand them to the widget instead.
"""

import dataclasses
from collections import defaultdict

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange
from simple_history.utils import get_m2m_reverse_field_name

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


class EditorForm(PreloadedChoicesForm):
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


class ReadOnlyForEditorsAdmin(admin.ModelAdmin):
    """Reference data: loaded from ISO sources, never typed by hand."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


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
