"""Filters every API list shares: search, ordering, years, dates, and related
rows given by slug or ISO code."""

import copy
import dataclasses
import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet
from django_filters.fields import IsoDateTimeField
from drf_spectacular.drainage import set_override
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from diplomacy.forms import CodeChoiceField
from diplomacy.ordering import Ordering
from diplomacy.search import search


class SearchFilter(django_filters.CharFilter):
    """`q`: full-text search (PostgreSQL), a substring match on SQLite."""

    def __init__(
        self, fallback_fields: Iterable[str], similar_field: str | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("help_text", "Words to search for, in any language or script.")
        super().__init__(**kwargs)
        self.fallback_fields = list(fallback_fields)
        self.similar_field = similar_field

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        if not value:
            return queryset
        return search(
            queryset,
            value,
            fallback_fields=self.fallback_fields,
            rank=False,
            similar_field=self.similar_field,
        )


class OrderingFilter(django_filters.ChoiceFilter):
    """`ordering`: one of the list's named orderings, the default when absent.

    The keyset pagination reads the sort keys off the ordered queryset.
    """

    def __init__(self, orderings: Mapping[str, Ordering], *, default: str, **kwargs) -> None:
        self.orderings = orderings
        self.default = default
        super().__init__(
            choices=[(name, name) for name in orderings],
            help_text="Sort order; a leading minus sorts descending.",
            **kwargs,
        )

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return self.orderings[value or self.default].apply(queryset)


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 9999})
class YearFilter(django_filters.NumberFilter):
    """A calendar year, as a whole number from 1 to 9999."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9999)
        super().__init__(**kwargs)


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, normalised to UTC: the database accepts only
    offsets up to ±15:59, while ISO allows any."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("field_name", "updated_at")
        kwargs.setdefault("help_text", "Only records changed at or after this ISO 8601 date-time.")
        super().__init__(lookup_expr="gte", **kwargs)


def _described(filter_: django_filters.Filter, schema_type: str) -> None:
    """drf-spectacular takes an annotated filter's schema as given, leaving
    out its help text; an annotation on the instance carries both."""
    schema = {"type": schema_type}
    if filter_.extra.get("help_text"):
        schema["description"] = str(filter_.extra["help_text"])
    set_override(filter_, "field", schema)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A related row given by its slug."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)
        _described(self, "string")


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceFilter(django_filters.ModelChoiceFilter):
    """A country or region given by its ISO code, in any case."""

    field_class = CodeChoiceField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        super().__init__(**kwargs)
        _described(self, "string")


class OrderedFilterSet(django_filters.FilterSet):
    """A FilterSet whose `ordering` is applied after every other filter, so
    the list reaches the keyset pagination ordered by the chosen keys."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None) -> None:
        # django-filter deep-copies every declared filter (with the querysets
        # and choices it holds) for each request: a third of an API list's
        # time in Python. A shallow copy is enough: what a filter keeps per
        # request (its parent, its form field) is set on the copy, and a form
        # copies its fields again anyway.
        declared = type(self).base_filters
        self.base_filters = {}
        super().__init__(data, queryset, request=request, prefix=prefix)
        del self.base_filters
        self.filters = {
            name: copy.copy(declared_filter) for name, declared_filter in declared.items()
        }
        for declared_filter in self.filters.values():
            declared_filter.model = self.queryset.model
            declared_filter.parent = self
            if declared_filter.method is not None:
                # Bind `method=` filters to this copy, as django-filter's setter does.
                declared_filter.method = declared_filter.method

    # A list whose filters are one typed selector (events/selectors): the
    # dataclass of its filters and the function that applies them, given
    # what was sent, instead of each declared filter on its own.
    selector_filters: type | None = None
    selector: Callable[[QuerySet, Any], QuerySet] | None = None

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        orderings = [
            name for name, declared in self.filters.items() if isinstance(declared, OrderingFilter)
        ]
        data = self.form.cleaned_data
        if self.selector_filters is not None:
            names = [field.name for field in dataclasses.fields(self.selector_filters)]
            given = {name: data[name] for name in names if data.get(name) not in (None, "")}
            queryset = type(self).selector(queryset, self.selector_filters(**given))
        else:
            for name, value in data.items():
                if name not in orderings:
                    queryset = self.filters[name].filter(queryset, value)
        for name in orderings:
            queryset = self.filters[name].filter(queryset, self.form.cleaned_data.get(name))
        return queryset


class StrictBooleanField(forms.Field):
    """`true` or `false` (also `1` or `0`); anything else is an error, not
    silently "no filter" as Django's NullBooleanField would have it."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError("Use true or false.", code="invalid") from None


@extend_schema_field(OpenApiTypes.BOOL)
class BooleanFilter(django_filters.Filter):
    """A yes-or-no filter whose meaning the list's own code applies."""

    field_class = StrictBooleanField

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        _described(self, "boolean")
