"""Query parameters of the event and competition lists (see DESIGN.md)."""

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet

from events.models import Competition, Event, EventOrganization, Participation, Topic
from events.search import search_events
from events.selectors import visible_events
from people.api.filters import (
    CodeChoiceFilter,
    CountryCodeFilter,
    OrderingChoice,
    SlugChoiceFilter,
    UpdatedSinceFilter,
    YearFilter,
)
from people.models import Organization, Person, Region
from people.search import text_matches


def _visible_events(request) -> QuerySet[Event]:
    # A draft's slug must not be confirmed to someone who may not see it.
    return visible_events(request.user) if request is not None else Event.objects.none()


EVENT_ORDERINGS = ["start", "-start", "title", "-title", "updated_at", "-updated_at"]


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices)
    country = CountryCodeFilter(
        method="filter_country", help_text="ISO code of a host or participating country."
    )
    host_country = CountryCodeFilter(help_text="ISO code of the host country.")
    region = CodeChoiceFilter(
        queryset=Region.objects.all(),
        help_text="ISO 3166-2 code of the region, such as KG-GB.",
    )
    city = django_filters.CharFilter(
        method="filter_city", help_text="City name in any language, matched exactly."
    )
    organization = SlugChoiceFilter(
        queryset=Organization.objects.all(),
        method="filter_organization",
        help_text="Slug of an organization with any role in the event.",
    )
    person = SlugChoiceFilter(
        queryset=Person.objects.all(),
        method="filter_person",
        help_text="Slug of a person taking part in the event.",
    )
    parent = SlugChoiceFilter(
        queryset=_visible_events,
        help_text="Slug of the event this one is part of.",
    )
    topic = SlugChoiceFilter(
        field_name="topics",
        queryset=Topic.objects.all(),
        help_text="Slug of a topic.",
    )
    start_after = django_filters.DateFilter(
        field_name="start_date", lookup_expr="gte", help_text="Events starting on or after."
    )
    start_before = django_filters.DateFilter(
        field_name="start_date", lookup_expr="lte", help_text="Events starting on or before."
    )
    year = YearFilter(
        field_name="start_date", lookup_expr="year", help_text="Events starting in this year."
    )
    updated_since = UpdatedSinceFilter()
    q = django_filters.CharFilter(
        method="filter_q", help_text="Words to search for, in any language or script."
    )
    ordering = OrderingChoice(EVENT_ORDERINGS)

    class Meta:
        model = Event
        fields = [
            "kind",
            "country",
            "host_country",
            "region",
            "city",
            "organization",
            "person",
            "parent",
            "topic",
            "start_after",
            "start_before",
            "year",
            "updated_since",
            "q",
            "ordering",
        ]

    def filter_country(self, queryset: QuerySet, name: str, country) -> QuerySet:
        participating = Event.countries.through.objects.filter(
            event=OuterRef("pk"), country=country
        )
        return queryset.filter(Q(host_country=country) | Exists(participating))

    def filter_city(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for language in ("en", "ru", "ky"):
            condition |= text_matches(queryset, f"city_{language}", value.strip(), exact=True)
        return queryset.filter(condition)

    def filter_organization(self, queryset: QuerySet, name: str, organization) -> QuerySet:
        roles = EventOrganization.objects.filter(event=OuterRef("pk"), organization=organization)
        return queryset.filter(Exists(roles))

    def filter_person(self, queryset: QuerySet, name: str, person) -> QuerySet:
        parts = Participation.objects.filter(event=OuterRef("pk"), person=person)
        return queryset.filter(Exists(parts))

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_events(queryset, value) if value.strip() else queryset


class CompetitionFilter(django_filters.FilterSet):
    organization = SlugChoiceFilter(
        field_name="organizers",
        queryset=Organization.objects.all(),
        help_text="Slug of an organizer.",
    )
    year = YearFilter(
        field_name="editions__year", distinct=True, help_text="Has an edition that year."
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingChoice(["title", "-title", "updated_at", "-updated_at"])

    class Meta:
        model = Competition
        fields = ["organization", "year", "updated_since", "ordering"]


class RemovedEventFilter(django_filters.FilterSet):
    since = UpdatedSinceFilter(
        field_name="history_date",
        required=True,
        help_text="Events removed from public view at or after this ISO 8601 date-time.",
    )

    class Meta:
        model = Event.history.model
        fields = ["since"]
