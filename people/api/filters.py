"""Query parameters of the people, organization, country and region lists."""

import datetime

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from people.models import Country, Organization, Person, Region
from people.search import search, text_matches, translated_fields


class SearchFilter(django_filters.CharFilter):
    """`q`: full-text search (PostgreSQL), a substring match on SQLite."""

    def __init__(
        self, fallback_fields: list[str], similar_field: str | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("help_text", "Words to search for, in any language or script.")
        super().__init__(**kwargs)
        self.fallback_fields = fallback_fields
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


class OrderingChoice(django_filters.ChoiceFilter):
    """`ordering`: validated here, applied by the keyset pagination."""

    def __init__(self, choices: list[str], **kwargs) -> None:
        super().__init__(
            choices=[(choice, choice) for choice in choices],
            help_text="Sort order; a leading minus sorts descending.",
            **kwargs,
        )

    def filter(self, queryset: QuerySet, value: str) -> QuerySet:
        return queryset


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


class CodeChoiceField(forms.ModelChoiceField):
    """An ISO code, accepted in any case."""

    def to_python(self, value):
        return super().to_python(value.strip().upper() if isinstance(value, str) else value)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A related row given by its slug."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(**kwargs)


@extend_schema_field(OpenApiTypes.STR)
class CodeChoiceFilter(django_filters.ModelChoiceFilter):
    """A country or region given by its ISO code, in any case."""

    field_class = CodeChoiceField

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("to_field_name", "code")
        super().__init__(**kwargs)


class CountryCodeFilter(CodeChoiceFilter):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(**kwargs)


class PersonFilter(django_filters.FilterSet):
    q = SearchFilter(
        fallback_fields=translated_fields("given_name", "patronymic", "family_name"),
        similar_field="search_names",
        help_text="Words to search for, in any language or script; on PostgreSQL names "
        "spelt slightly differently match too.",
    )
    country = CountryCodeFilter(help_text="ISO code of the person's country.")
    organization = SlugChoiceFilter(
        field_name="positions__organization",
        queryset=Organization.objects.all(),
        distinct=True,
        help_text="Slug of an organization the person holds or held a post in.",
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingChoice(["name", "-name", "updated_at", "-updated_at"])

    class Meta:
        model = Person
        fields = ["q", "country", "organization", "updated_since", "ordering"]


class OrganizationFilter(django_filters.FilterSet):
    q = SearchFilter(fallback_fields=translated_fields("name", "short_name"))
    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices)
    country = CountryCodeFilter(help_text="ISO code of the organization's country.")
    parent = SlugChoiceFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of the organization this one is part of.",
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingChoice(["name", "-name", "updated_at", "-updated_at"])

    class Meta:
        model = Organization
        fields = ["q", "kind", "country", "parent", "updated_since", "ordering"]


class CountryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", help_text="Part of the name or code.")
    ordering = OrderingChoice(["code", "name"])

    class Meta:
        model = Country
        fields = ["q", "ordering"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_names(queryset, value)


class RegionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", help_text="Part of the name or code.")
    country = CountryCodeFilter(help_text="ISO code of the region's country.")
    ordering = OrderingChoice(["code", "name"])

    class Meta:
        model = Region
        fields = ["q", "country", "ordering"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_names(queryset, value)


def search_names(queryset: QuerySet, value: str) -> QuerySet:
    condition = Q(code__iexact=value.strip())
    for field in translated_fields("name"):
        condition |= text_matches(queryset, field, value.strip())
    return queryset.filter(condition)
