"""API views for events, round tables and competitions."""

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from diplomacy.api.conditional import etag_for
from diplomacy.api.fields import FIELDS_PARAMETER, sparse_fields
from diplomacy.api.views import ApiViewMixin, WriteThroughServicesMixin
from events.api import documents
from events.api.documents_sql import FIELDS
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
from events.selectors.events import (
    event_detail_queryset,
    removed_events,
    visible_events,
    with_event_details,
)
from events.services import event_delete

FIELDS_SCHEMA = OpenApiParameter(
    FIELDS_PARAMETER,
    {"type": "array", "items": {"type": "string", "enum": list(FIELDS)}},
    description="Sparse rows: only these fields, comma-separated (slug,title,start,"
    "host_country), in the usual order; every field when left out.",
    style="form",
    explode=False,
)
READ_SCHEMA = {
    "list": extend_schema(parameters=[FIELDS_SCHEMA]),
    "retrieve": extend_schema(parameters=[FIELDS_SCHEMA]),
}


class JsonBytesResponse(Response):
    """A JSON answer already rendered (events/api/documents.py, render)."""

    def __init__(self, body: bytes, **kwargs) -> None:
        super().__init__(**kwargs)
        self.body = body

    @property
    def rendered_content(self) -> bytes:
        self["Content-Type"] = "application/json"
        return self.body


class EventDocumentsMixin:
    """GET of a list or an event answered from JSON built in PostgreSQL
    (events/api/documents.py) where it can be; the serializers elsewhere.
    Both take `?fields=` for sparse rows."""

    detail_etag = True

    def base_events(self) -> QuerySet[Event]:
        """The events the list and the detail read, before filters."""
        return visible_events(self.request.user)

    def allowed_query_parameters(self) -> set[str]:
        allowed = super().allowed_query_parameters()
        return allowed | {FIELDS_PARAMETER} if self.action in ("list", "retrieve") else allowed

    def requested_fields(self) -> tuple[str, ...] | None:
        if self.request.method not in ("GET", "HEAD"):
            return None
        return sparse_fields(self.request, FIELDS)

    def get_serializer_context(self) -> dict:
        return {**super().get_serializer_context(), "fields": self.requested_fields()}

    def list(self, request, *args, **kwargs):
        if not documents.sql_documents_available(request):
            return super().list(request, *args, **kwargs)
        reader = documents.reader_of(request, self.requested_fields())
        paginator = self.paginator
        page = paginator.page_queryset(self.filter_queryset(self.base_events()), request)
        rows = documents.page_documents(page, paginator.keys, paginator.page_size, reader)
        rows = paginator.take_page(rows, lambda row: row[0])
        data = {
            "next": paginator.get_next_link(),
            "results": [documents.compact(document, request) for _key, document in rows],
        }
        return JsonBytesResponse(documents.render(data))

    def retrieve(self, request, *args, **kwargs):
        if not documents.sql_documents_available(request):
            return super().retrieve(request, *args, **kwargs)
        reader = documents.reader_of(request, self.requested_fields())
        events = self.base_events().filter(**{self.lookup_field: kwargs[self.lookup_field]})
        document = documents.detail_document(events, reader)
        if document is None:
            raise Http404
        data = documents.compact(document, request)
        response = JsonBytesResponse(documents.render(data))
        if self.detail_etag:
            response["ETag"] = etag_for(data)
        return response


@extend_schema_view(
    create=extend_schema(request=EventWriteSerializer, responses={201: EventSerializer}),
    update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    partial_update=extend_schema(request=EventWriteSerializer, responses=EventSerializer),
    **READ_SCHEMA,
)
class EventViewSet(
    EventDocumentsMixin, ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet
):
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


@extend_schema_view(**READ_SCHEMA)
class RoundTableViewSet(EventDocumentsMixin, ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Events of the kind round_table; write them through /events/."""

    serializer_class = EventSerializer
    filterset_class = EventFilter
    lookup_field = "slug"
    queryset = Event.objects.none()
    detail_etag = False

    def base_events(self) -> QuerySet[Event]:
        return visible_events(self.request.user).filter(kind=Event.Kind.ROUND_TABLE)

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
