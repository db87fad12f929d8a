"""Form fields shared by the public site's forms and the API's filters."""

from typing import Any

from django import forms


class CodeChoiceField(forms.ModelChoiceField):
    """A country or region by its ISO code, accepted in any case; shown in
    lower case, as the site's addresses write it."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip().upper()
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        prepared = super().prepare_value(value)
        return prepared.lower() if isinstance(prepared, str) else prepared
