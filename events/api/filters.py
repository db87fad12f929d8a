"""Query parameters of the event and competition lists.

The event list's parameters are parsed here and applied by
events.selectors.listing.filter_events, the definition the public site's list
uses too, so a parameter means the same in both.
"""

from dataclasses import fields

import django_filters
from django.db.models import Q, QuerySet

from diplomacy.api.filters import (
    BooleanFilter,
    CodeChoiceFilter,
    OrderedFilterSet,
    OrderingFilter,
    SlugChoiceFilter,
    UpdatedSinceFilter,
    YearFilter,
)
from diplomacy.languages import LANGUAGE_CODES, translated_sort_key
from diplomacy.ordering import Ordering, both_ways
from diplomacy.search import text_matches
from events.models import Competition, Event, Outcome, Topic
from events.selectors.events import DEFAULT_ORDERING, EVENT_ORDERINGS, visible_events
from events.selectors.listing import EventFilters, filter_events
from people.models import Country, Organization, Person, Region


def _visible_events(request) -> QuerySet[Event]:
    # A draft's slug must not be confirmed to someone who may not see it.
    return visible_events(request.user) if request is not None else Event.objects.none()


FILTER_NAMES = [field.name for field in fields(EventFilters)]


class EventFilter(OrderedFilterSet):
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices)
    country = CodeChoiceFilter(
        queryset=Country.objects.all(), help_text="ISO code of a host or participating country."
    )
    host_country = CodeChoiceFilter(
        queryset=Country.objects.all(), help_text="ISO code of the host country."
    )
    region = CodeChoiceFilter(
        queryset=Region.objects.all(),
        help_text="ISO 3166-2 code of the region, such as KG-GB.",
    )
    city = django_filters.CharFilter(help_text="City name in any language, matched exactly.")
    organization = SlugChoiceFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of an organization with any role in the event.",
    )
    organization_involved = SlugChoiceFilter(
        queryset=Organization.objects.all(),
        help_text="Slug of an organization with a role in the event, or that a participant "
        "represented or held a post in.",
    )
    person = SlugChoiceFilter(
        queryset=Person.objects.all(), help_text="Slug of a person taking part in the event."
    )
    parent = SlugChoiceFilter(
        queryset=_visible_events,
        help_text="Slug of the event this one is part of.",
    )
    topic = SlugChoiceFilter(queryset=Topic.objects.all(), help_text="Slug of a topic.")
    start_after = django_filters.DateFilter(help_text="Events starting on or after.")
    start_before = django_filters.DateFilter(help_text="Events starting on or before.")
    year = YearFilter(help_text="Events starting in this year.")
    updated_since = UpdatedSinceFilter()
    q = django_filters.CharFilter(help_text="Words to search for, in any language or script.")
    outcome_kind = django_filters.ChoiceFilter(
        choices=Outcome.Kind.choices, help_text="Events with an outcome of this kind."
    )
    has_outcome = BooleanFilter(
        help_text="true: events with at least one outcome on record; false: events with none."
    )
    ordering = OrderingFilter(EVENT_ORDERINGS, default=DEFAULT_ORDERING)

    selector_filters = EventFilters
    selector = staticmethod(filter_events)

    class Meta:
        model = Event
        fields = [*FILTER_NAMES, "ordering"]


COMPETITION_ORDERINGS = {
    **both_ways(
        "title", Ordering(("title_key", "pk"), {"title_key": lambda: translated_sort_key("title")})
    ),
    **both_ways("updated_at", Ordering(("updated_at", "pk"))),
}


class CompetitionFilter(OrderedFilterSet):
    organization = SlugChoiceFilter(
        field_name="organizers",
        queryset=Organization.objects.all(),
        help_text="Slug of an organizer.",
    )
    year = YearFilter(
        field_name="editions__year", distinct=True, help_text="Has an edition that year."
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingFilter(COMPETITION_ORDERINGS, default="title")

    class Meta:
        model = Competition
        fields = ["organization", "year", "updated_since", "ordering"]


TOPIC_ORDERINGS = {
    **both_ways(
        "name", Ordering(("name_key", "pk"), {"name_key": lambda: translated_sort_key("name")})
    ),
    **both_ways("slug", Ordering(("slug",))),
}


class TopicFilter(OrderedFilterSet):
    q = django_filters.CharFilter(
        method="filter_q", help_text="Part of the topic's name, in any language."
    )
    ordering = OrderingFilter(TOPIC_ORDERINGS, default="name")

    class Meta:
        model = Topic
        fields = ["q", "ordering"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q()
        for language in LANGUAGE_CODES:
            condition |= text_matches(queryset, f"name_{language}", value.strip())
        return queryset.filter(condition)


class RemovedEventFilter(django_filters.FilterSet):
    since = UpdatedSinceFilter(
        field_name="history_date",
        required=True,
        help_text="Events removed from public view at or after this ISO 8601 date-time.",
    )

    class Meta:
        model = Event.history.model
        fields = ["since"]
