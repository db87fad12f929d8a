"""Query parameters of the people, organization, country and region lists."""

import django_filters
from django.db.models import Q, QuerySet

from diplomacy.api.filters import (
    CodeChoiceFilter,
    OrderedFilterSet,
    OrderingFilter,
    SearchFilter,
    SlugChoiceFilter,
    UpdatedSinceFilter,
)
from diplomacy.languages import translated_fields
from diplomacy.search import text_matches
from people.models import Country, Organization, Person, Region
from people.search import ORGANIZATION_NAME_FIELDS, PERSON_NAME_FIELDS
from people.selectors import ORGANIZATION_ORDERINGS, PERSON_ORDERINGS, PLACE_ORDERINGS


class CountryCodeFilter(CodeChoiceFilter):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Country.objects.all())
        super().__init__(**kwargs)


class PersonFilter(OrderedFilterSet):
    q = SearchFilter(
        fallback_fields=PERSON_NAME_FIELDS,
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
    ordering = OrderingFilter(PERSON_ORDERINGS, default="name")

    class Meta:
        model = Person
        fields = ["q", "country", "organization", "updated_since", "ordering"]


class OrganizationFilter(OrderedFilterSet):
    q = SearchFilter(fallback_fields=ORGANIZATION_NAME_FIELDS)
    kind = django_filters.ChoiceFilter(choices=Organization.Kind.choices)
    country = CountryCodeFilter(help_text="ISO code of the organization's country.")
    region = CodeChoiceFilter(
        queryset=Region.objects.all(),
        help_text="ISO 3166-2 code of the organization's region, such as RU-TA.",
    )
    parent = SlugChoiceFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of the organization this one is part of.",
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingFilter(ORGANIZATION_ORDERINGS, default="name")

    class Meta:
        model = Organization
        fields = ["q", "kind", "country", "region", "parent", "updated_since", "ordering"]


class CountryFilter(OrderedFilterSet):
    q = django_filters.CharFilter(method="filter_q", help_text="Part of the name or code.")
    ordering = OrderingFilter(PLACE_ORDERINGS, default="code")

    class Meta:
        model = Country
        fields = ["q", "ordering"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_names(queryset, value)


class RegionFilter(OrderedFilterSet):
    q = django_filters.CharFilter(method="filter_q", help_text="Part of the name or code.")
    country = CountryCodeFilter(help_text="ISO code of the region's country.")
    ordering = OrderingFilter(PLACE_ORDERINGS, default="code")

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
