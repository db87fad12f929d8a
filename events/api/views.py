"""API views for events, round tables and competitions."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from events.api.filters import CompetitionFilter, EventFilter, RemovedEventFilter
from events.api.selectors import competitions_for_api, events_for_api, removed_events
from events.api.serializers import (
    CompetitionSerializer,
    EventSerializer,
    EventWriteSerializer,
    RemovedEventSerializer,
)
from events.models import START_TIME_KEY, Competition, Event
from events.selectors import with_event_details
from events.services import event_delete
from people.api.views import ApiViewMixin, WriteThroughServicesMixin, translated_sort_key

EVENT_ORDERING_KEYS = {
    "start": ["start_date", "start_time_key", "pk"],
    "-start": ["-start_date", "-start_time_key", "-pk"],
    "title": ["title_key", "pk"],
    "-title": ["-title_key", "-pk"],
    "updated_at": ["updated_at", "pk"],
    "-updated_at": ["-updated_at", "-pk"],
}


class EventOrderingMixin:
    default_ordering = "-start"
    ordering_keys = EVENT_ORDERING_KEYS

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        # Keys must not be null for keyset comparisons: an unknown time sorts
        # as the start of the day.
        return queryset.annotate(
            start_time_key=START_TIME_KEY,
            title_key=translated_sort_key("title"),
        )


@extend_schema_view(
    create=extend_schema(request=EventWriteSerializer, responses={201: EventSerializer}),
    update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
)
class EventViewSet(
    ApiViewMixin, EventOrderingMixin, WriteThroughServicesMixin, viewsets.ModelViewSet
):
    """Events of every kind. Anonymous clients see published (and cancelled or
    postponed) events; drafts need a token of a user who may edit events."""

    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return events_for_api(self.request.user)

    def get_written_queryset(self) -> QuerySet[Event]:
        # Whoever could write an event may read back what they wrote, even a
        # draft they may not otherwise see (a partner with add permission only).
        return with_event_details(Event.objects.all())

    def perform_destroy(self, instance: Event) -> None:
        event_delete(event=instance)


class RoundTableViewSet(ApiViewMixin, EventOrderingMixin, viewsets.ReadOnlyModelViewSet):
    """Events of the kind round_table; write them through /events/."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return events_for_api(self.request.user).filter(kind=Event.Kind.ROUND_TABLE)


class CompetitionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Competitions with their editions, reported and derived figures,
    nominations, entries and the events held as part of them."""

    serializer_class = CompetitionSerializer
    filterset_class = CompetitionFilter
    lookup_field = "slug"
    default_ordering = "title"
    ordering_keys = {
        "title": ["title_key", "pk"],
        "-title": ["-title_key", "-pk"],
        "updated_at": ["updated_at", "pk"],
        "-updated_at": ["-updated_at", "-pk"],
    }
    queryset = Competition.objects.none()

    def get_queryset(self) -> QuerySet[Competition]:
        return competitions_for_api(self.request.user)

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(title_key=translated_sort_key("title"))


class RemovedEventViewSet(ApiViewMixin, viewsets.GenericViewSet, mixins.ListModelMixin):
    """Events that left public view — deleted, or returned to draft — since a
    given time, for clients that sync with `updated_since`: drop these slugs.
    Only events the public once saw are listed."""

    serializer_class = RemovedEventSerializer
    filterset_class = RemovedEventFilter
    permission_classes = [AllowAny]
    default_ordering = "removed_at"
    ordering_keys = {"removed_at": ["removed_at", "history_id"]}
    queryset = Event.history.model.objects.none()

    def get_queryset(self) -> QuerySet:
        # Narrowed by the required `since` filter.
        return removed_events()
