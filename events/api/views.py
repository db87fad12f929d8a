"""API views for events, round tables and competitions."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from diplomacy.api.views import ApiViewMixin, WriteThroughServicesMixin
from events.api.filters import CompetitionFilter, EventFilter, RemovedEventFilter, TopicFilter
from events.api.serializers import (
    CompetitionSerializer,
    EventSerializer,
    EventWriteSerializer,
    RemovedEventSerializer,
    TopicSerializer,
    TopicWriteSerializer,
)
from events.models import Competition, Event, Topic
from events.selectors.competitions import competition_queryset
from events.selectors.events import event_detail_queryset, removed_events, with_event_details
from events.services import event_delete


@extend_schema_view(
    create=extend_schema(request=EventWriteSerializer, responses={201: EventSerializer}),
    update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
)
class EventViewSet(ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet):
    """Events of every kind. Anonymous clients see published (and cancelled or
    postponed) events; drafts need a token of a user who may edit events."""

    serializer_class = EventSerializer
    write_serializer_class = EventWriteSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return event_detail_queryset(self.request.user)

    def get_written_queryset(self) -> QuerySet[Event]:
        # Whoever could write an event may read back what they wrote, even a
        # draft they may not otherwise see (a partner with add permission only).
        return with_event_details(Event.objects.all())

    def perform_destroy(self, instance: Event) -> None:
        event_delete(event=instance)


class RoundTableViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Events of the kind round_table; write them through /events/."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    queryset = Event.objects.none()

    def get_queryset(self) -> QuerySet[Event]:
        return event_detail_queryset(self.request.user).filter(kind=Event.Kind.ROUND_TABLE)


class CompetitionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Competitions with their editions, reported and derived figures,
    nominations, entries and the events held as part of them."""

    serializer_class = CompetitionSerializer
    filterset_class = CompetitionFilter
    lookup_field = "slug"
    queryset = Competition.objects.none()

    def get_queryset(self) -> QuerySet[Competition]:
        return competition_queryset(self.request.user)


class RemovedEventViewSet(ApiViewMixin, viewsets.GenericViewSet, mixins.ListModelMixin):
    """Events that left public view — deleted, or returned to draft — since a
    given time, for clients that sync with `updated_since`: drop these slugs.
    Only events the public once saw are listed."""

    serializer_class = RemovedEventSerializer
    filterset_class = RemovedEventFilter
    permission_classes = [AllowAny]
    queryset = Event.history.model.objects.none()

    def get_queryset(self) -> QuerySet:
        # Narrowed by the required `since` filter; oldest first.
        return removed_events()


@extend_schema_view(
    create=extend_schema(request=TopicWriteSerializer, responses={201: TopicSerializer}),
    update=extend_schema(request=TopicWriteSerializer, responses=TopicSerializer),
    partial_update=extend_schema(request=TopicWriteSerializer, responses=TopicSerializer),
)
class TopicViewSet(ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet):
    """Topics events are tagged with (education, culture…); events name them
    by slug. Adding and renaming need a token with the topic permissions."""

    serializer_class = TopicSerializer
    write_serializer_class = TopicWriteSerializer
    filterset_class = TopicFilter
    lookup_field = "slug"
    # Removing a topic would untag its events; that is the admin's to do.
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    queryset = Topic.objects.all()
