"""Which events a user may see, and the events themselves: their details,
their orderings, related events and events that left public view."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Case, F, Prefetch, Q, QuerySet, Value, When, Window
from django.db.models.functions import Lag

from diplomacy.languages import localized, translated_sort_key
from diplomacy.ordering import Ordering, both_ways
from events.models import (
    START_TIME_KEY,
    Event,
    EventOrganization,
    Outcome,
    OutcomeParty,
    Participation,
    Quote,
    Source,
    Topic,
)

User = AbstractBaseUser | AnonymousUser


# --- who sees what ----------------------------------------------------------------


def can_preview_drafts(user: User) -> bool:
    return bool(user.is_authenticated and user.has_perm("events.change_event"))


def visible_events(user: User) -> QuerySet[Event]:
    """Events the user may see: the public ones, and drafts for editors."""
    events = Event.objects.all()
    if can_preview_drafts(user):
        return events
    return events.filter(status__in=Event.PUBLIC_STATUSES)


def public_events() -> QuerySet[Event]:
    """Events anyone may see, whoever asks (feeds, sitemaps, figures)."""
    return Event.objects.filter(status__in=Event.PUBLIC_STATUSES)


# --- what a page or an API row shows --------------------------------------------------


def with_event_details(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events with their places, people, organizations, quotes,
    sources, outcomes and reported figures: nine queries for any number of
    events."""
    return events.select_related(
        "host_country", "region", "parent", "edition__competition", "reported_figures"
    ).prefetch_related(
        "topics",
        "countries",
        Prefetch(
            "organization_roles",
            queryset=EventOrganization.objects.select_related("organization"),
        ),
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related(
                "person", "position__organization", "organization"
            ),
        ),
        Prefetch("quotes", queryset=Quote.objects.select_related("person")),
        Prefetch("sources", queryset=Source.objects.select_related("publisher_organization")),
        Prefetch(
            "outcomes",
            queryset=Outcome.objects.select_related("follow_up").prefetch_related(
                Prefetch(
                    "parties",
                    queryset=OutcomeParty.objects.select_related("organization", "country"),
                )
            ),
        ),
    )


def event_detail_queryset(user: User) -> QuerySet[Event]:
    """Everything an event page or an API row shows, of the events the user may see."""
    return with_event_details(visible_events(user))


def event_list_queryset(user: User) -> QuerySet[Event]:
    """What a line of an event list shows, in one query however many rows;
    without the search vector, which no line shows (kilobytes a row)."""
    return visible_events(user).select_related("host_country", "region").defer("search_vector")


# --- orderings -------------------------------------------------------------------------

# Every order the site or the API offers; an unknown time of day sorts as the
# start of the day, as the `event_start_order` index does.
EVENT_ORDERINGS = {
    **both_ways(
        "start",
        Ordering(
            ("start_date", "start_time_key", "pk"), {"start_time_key": lambda: START_TIME_KEY}
        ),
    ),
    **both_ways(
        "title", Ordering(("title_key", "pk"), {"title_key": lambda: translated_sort_key("title")})
    ),
    **both_ways("updated_at", Ordering(("updated_at", "pk"))),
}
DEFAULT_ORDERING = "-start"


def order_events(events: QuerySet[Event], ordering: str = DEFAULT_ORDERING) -> QuerySet[Event]:
    return EVENT_ORDERINGS.get(ordering, EVENT_ORDERINGS[DEFAULT_ORDERING]).apply(events)


# --- related events ------------------------------------------------------------


def related_events(event: Event, user: User, *, limit: int = 6) -> list[Event]:
    """Events of the same edition or parent, its parent and parts, then the
    latest events sharing a topic with it: always two queries.

    Two short queries rather than one ranking: a popular topic is shared by
    thousands of events, and ranking them all took most of the page's time.
    """
    close = Q(parent_id=event.pk)
    if event.edition_id:
        close |= Q(edition_id=event.edition_id)
    if event.parent_id:
        close |= Q(parent_id=event.parent_id) | Q(pk=event.parent_id)
    visible = event_list_queryset(user).exclude(pk=event.pk)
    related = list(order_events(visible.filter(close))[:limit])
    through = Event.topics.through.objects
    tagged = through.filter(topic__in=through.filter(event=event).values("topic"))
    shared = visible.filter(pk__in=tagged.values("event_id")).exclude(
        pk__in=[row.pk for row in related]
    )
    related += list(order_events(shared)[:limit])
    return related[:limit]


def visible_parent(event: Event, user: User) -> Event | None:
    """The event this one is part of, if the user may see it: a draft parent
    only for editors, one in the trash for no one."""
    parent = event.parent
    if parent is None or parent.deleted_at is not None:
        return None
    return parent if parent.is_public or can_preview_drafts(user) else None


def topics_by_name() -> QuerySet[Topic]:
    return Topic.objects.order_by(localized("name"), "pk")


# --- events that left public view ---------------------------------------------------------


def removed_events() -> QuerySet:
    """History records of events that left public view and are not public
    now: moved to the trash (or deleted) while public, or returned from a
    public status to draft; oldest first.

    Only events the public once saw are named, so a draft's slug never leaks;
    an event public again (restored, republished) is not named, as a client
    syncing with `updated_since` gets it back from the event list.
    """
    window = {"partition_by": [F("id")], "order_by": [F("history_date"), F("history_id")]}
    history = Event.history.model.objects.annotate(
        previous_status=Window(Lag("status"), **window),
        previous_deleted_at=Window(Lag("deleted_at"), **window),
    )
    public = list(Event.PUBLIC_STATUSES)
    trashed = Q(
        history_type="~",
        status__in=public,
        deleted_at__isnull=False,
        previous_deleted_at__isnull=True,
    )
    deleted = Q(history_type="-", status__in=public, deleted_at__isnull=True)
    unpublished = Q(
        history_type="~",
        status=Event.Status.DRAFT,
        previous_status__in=public,
        deleted_at__isnull=True,
        previous_deleted_at__isnull=True,
    )
    return (
        history.filter(trashed | deleted | unpublished)
        .exclude(id__in=public_events().values("pk"))
        .annotate(
            removed_at=F("history_date"),
            reason=Case(
                When(status=Event.Status.DRAFT, then=Value("unpublished")),
                default=Value("deleted"),
            ),
        )
        .order_by("removed_at", "history_id")
    )
