"""Admin pieces that keep inline forms at a fixed number of queries.

Django's autocomplete widget looks up the label of its selected value with one
query per widget, so an event with forty participants would run forty. The
inline's queryset already joins the related rows; these classes hand them to
the widget instead.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect


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
        self._shared: dict[str, list] = {}
        super().__init__(*args, **kwargs)

    def _get_choices(self):
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
