"""Reads for the public pages: lists, filters, the event page, countries,
competitions, statistics and the sections events add to people's pages.

Reads the API shares live in events/selectors.py; these are the site's own.
Every function runs a fixed number of queries, whatever the number of rows,
so each page stays at a constant query count (tests/events/test_views.py).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import connections
from django.db.models import (
    Count,
    F,
    Max,
    Prefetch,
    Q,
    QuerySet,
    TextChoices,
    Window,
)
from django.db.models.functions import ExtractYear, RowNumber
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from events.models import (
    Competition,
    Edition,
    Entry,
    Event,
    EventOrganization,
    Nomination,
    Participation,
    Quote,
    Topic,
)
from events.search import search_events
from events.selectors import can_preview_drafts, editions_with_figures, visible_events
from people.models import Country, Organization, Person, Position, Region
from people.selectors import localized

User = AbstractBaseUser | AnonymousUser
PUBLIC = Event.PUBLIC_STATUSES


def counted_pairs(
    pairs: Sequence[tuple[QuerySet, str, str]], *, limit: int | None = None
) -> list[tuple[Any, int]]:
    """How many distinct events each subject has, largest first.

    Each part is a queryset with the names of its subject and event columns,
    e.g. (organization, event) from roles and from its people's participations.
    UNION drops the repeats, so an organization that both organized an event
    and sent a speaker counts it once, and the database groups what is left in
    one pass. The ORM cannot group over a UNION, so the outer query is written
    here around the SQL the ORM makes for the parts.
    """
    parts = [
        # Django's own QuerySet: modeltranslation's may reorder the columns of
        # values(), and UNION matches columns by position.
        QuerySet(model=part.model, query=part.query.clone())
        .order_by()
        .annotate(subject=F(subject), occasion=F(event))
        .values("subject", "occasion")
        for part, subject, event in pairs
    ]
    union = parts[0].union(*parts[1:])
    sql, params = union.query.sql_with_params()
    query = (
        f"SELECT subject, COUNT(*) AS event_count FROM ({sql}) pairs "  # noqa: S608
        "WHERE subject IS NOT NULL GROUP BY subject ORDER BY event_count DESC, subject"
    )
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    with connections[union.db].cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


# Figures over all public events (statistics, the most involved countries and
# organizations) take hundreds of milliseconds at 100,000 events. They are
# kept in the shared cache under the time of the latest change to any event,
# so a new or edited event is counted at once, and expire after a while in
# case an event was deleted.
AGGREGATE_SECONDS = 600


def cached_aggregate(name: str, compute: Callable[[], Any]) -> Any:
    latest = Event.objects.aggregate(latest=Max("updated_at"))["latest"]
    key = f"site:{name}:{latest.isoformat() if latest else 'none'}"
    return cache.get_or_set(key, compute, AGGREGATE_SECONDS)


def _country_pairs(events: QuerySet[Event]) -> list[tuple[QuerySet, str, str]]:
    """(country, event) for the events' participating and host countries."""
    return [
        (Event.countries.through.objects.filter(event__in=events), "country", "event"),
        (Event.objects.filter(pk__in=events), "host_country", "pk"),
    ]


def _organization_pairs(events: QuerySet[Event]) -> list[tuple[QuerySet, str, str]]:
    """(organization, event) for every way an organization is part of the events."""
    participations = Participation.objects.filter(event__in=events)
    return [
        (EventOrganization.objects.filter(event__in=events), "organization", "event"),
        (participations, "organization", "event"),
        (participations, "position__organization", "event"),
    ]


def _with_objects(
    model, counts: list[tuple[Any, int]], *, limit: int | None = None, name=str
) -> list:
    """(instance, count) for (pk, count) rows, largest count first, then by
    the name the page shows (`name` of the instance)."""
    instances = model.objects.in_bulk([pk for pk, _count in counts])
    rows = [(instances[pk], count) for pk, count in counts if pk in instances]
    rows.sort(key=lambda row: (-row[1], name(row[0]).casefold()))
    return rows if limit is None else rows[:limit]


# --- who and where an event involves --------------------------------------------


def involving_country(country: Country | str) -> Q:
    """Events held in the country or with it among the participating countries."""
    participating = Event.countries.through.objects.filter(country=country).values("event_id")
    return Q(host_country=country) | Q(pk__in=participating)


def involving_organization(organization: Organization | Any) -> Q:
    """A role in the event, a participant on its behalf, or a participant holding
    a post in it: each makes an organization part of an event."""
    return (
        Q(pk__in=EventOrganization.objects.filter(organization=organization).values("event_id"))
        | Q(pk__in=Participation.objects.filter(organization=organization).values("event_id"))
        | Q(
            pk__in=Participation.objects.filter(position__organization=organization).values(
                "event_id"
            )
        )
    )


def organizations_involved(events: QuerySet[Event]) -> Q:
    """Organizations involved in any of the events (a values("pk") queryset)."""
    return (
        Q(pk__in=EventOrganization.objects.filter(event__in=events).values("organization"))
        | Q(pk__in=Participation.objects.filter(event__in=events).values("organization"))
        | Q(pk__in=Position.objects.filter(participations__event__in=events).values("organization"))
    )


def involving_person(person: Person) -> Q:
    return Q(pk__in=Participation.objects.filter(person=person).values("event_id"))


def with_topic(topic: Topic) -> Q:
    return Q(pk__in=Event.topics.through.objects.filter(topic=topic).values("event_id"))


# --- event lists -----------------------------------------------------------------

ORDERINGS = {
    "-start": ("-start_date", F("start_time").desc(nulls_last=True), "-pk"),
    "start": ("start_date", F("start_time").asc(nulls_first=True), "pk"),
}
DEFAULT_ORDERING = "-start"


def event_list_queryset(user: User) -> QuerySet[Event]:
    """What an event list row shows, in one query however many rows."""
    return visible_events(user).select_related("host_country", "region")


def public_events() -> QuerySet[Event]:
    return Event.objects.filter(status__in=PUBLIC)


def filter_events(
    events: QuerySet[Event],
    *,
    kind: str = "",
    country: Country | None = None,
    host_country: Country | None = None,
    region: Region | None = None,
    year: int | None = None,
    organization: Organization | None = None,
    person: Person | None = None,
    topic: Topic | None = None,
    q: str = "",
) -> QuerySet[Event]:
    """Events matching every filter given; the list, its iCal feed and the
    search page all filter through here so they always agree."""
    conditions = Q()
    if kind:
        conditions &= Q(kind=kind)
    if country is not None:
        conditions &= involving_country(country)
    if host_country is not None:
        conditions &= Q(host_country=host_country)
    if region is not None:
        conditions &= Q(region=region)
    if year is not None:
        conditions &= Q(start_date__year=year)
    if organization is not None:
        conditions &= involving_organization(organization)
    if person is not None:
        conditions &= involving_person(person)
    if topic is not None:
        conditions &= with_topic(topic)
    events = events.filter(conditions)
    if q.strip():
        events = search_events(events, q)
    return events


def order_events(events: QuerySet[Event], ordering: str = DEFAULT_ORDERING) -> QuerySet[Event]:
    if ordering == "title":
        return events.order_by(localized("title"), "pk")
    return events.order_by(*ORDERINGS.get(ordering, ORDERINGS[DEFAULT_ORDERING]))


def countries_with_events() -> QuerySet[Country]:
    """Countries that host or take part in a public event, by name."""
    codes = cached_aggregate("countries-with-events", _codes_of_countries_with_events)
    return Country.objects.filter(code__in=codes).order_by(localized("name"), "code")


def _codes_of_countries_with_events() -> list[str]:
    participating = Event.countries.through.objects.filter(event__status__in=PUBLIC)
    return list(
        Country.objects.filter(
            Q(code__in=public_events().values("host_country"))
            | Q(code__in=participating.values("country"))
        ).values_list("code", flat=True)
    )


def years_with_events() -> list[int]:
    return cached_aggregate(
        "years-with-events",
        lambda: [day.year for day in public_events().dates("start_date", "year", order="DESC")],
    )


def topics_by_name() -> QuerySet[Topic]:
    return Topic.objects.order_by(localized("name"), "pk")


# --- when an event takes place ---------------------------------------------------


@dataclass(frozen=True)
class Timing:
    """An event's dates and times at the venue, ready to show."""

    start_date: datetime.date
    end_date: datetime.date | None  # only when it ends on a later day
    start_time: datetime.time | None
    end_time: datetime.time | None
    timezone: str
    utc_offset: str  # "UTC+06:00", when a time is known
    start_iso: str  # for <time datetime="…">: a date, or a time with its offset
    end_iso: str | None


def _offset_label(moment: datetime.datetime) -> str:
    offset = moment.utcoffset() or datetime.timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def event_timing(event: Event) -> Timing:
    start = event.start
    end = event.end
    timed = isinstance(start, datetime.datetime)
    ends_later = event.end_date is not None and event.end_date != event.start_date
    return Timing(
        start_date=event.start_date,
        end_date=event.end_date if ends_later else None,
        start_time=event.start_time,
        end_time=event.end_time,
        timezone=event.timezone,
        utc_offset=_offset_label(start) if timed else "",
        start_iso=start.isoformat(),
        end_iso=end.isoformat() if (ends_later or event.end_time) else None,
    )


# --- the event page --------------------------------------------------------------


@dataclass
class RoleGroup:
    """Rows sharing a role, with the heading to show them under."""

    role: str
    heading: str
    rows: list[Any]
    total: int = 0

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


# Headings over groups of an event's participants, in the order a report
# introduces them: welcome address first, the audience last.
PARTICIPANT_HEADINGS = {
    Participation.Role.WELCOME_ADDRESS: _("Welcome address"),
    Participation.Role.MODERATOR: _("Moderation"),
    Participation.Role.SPEAKER: _("Speakers"),
    Participation.Role.PANELIST: _("Panelists"),
    Participation.Role.EXPERT: _("Experts"),
    Participation.Role.JURY: _("Jury"),
    Participation.Role.LAUREATE: _("Laureates"),
    Participation.Role.ATTENDEE: _("Attending"),
}
ORGANIZATION_HEADINGS = {
    EventOrganization.Role.ORGANIZER: _("Organized by"),
    EventOrganization.Role.CO_ORGANIZER: _("Co-organized by"),
    EventOrganization.Role.HOST: _("Hosted by"),
    EventOrganization.Role.PARTNER: _("Partners"),
    EventOrganization.Role.SUPPORTER: _("Supported by"),
    EventOrganization.Role.SPONSOR: _("Sponsors"),
    EventOrganization.Role.MEDIA_PARTNER: _("Media partners"),
}


def group_by_role(
    rows: Iterable[Any],
    roles: type[TextChoices],
    headings: dict[str, Any] | None = None,
    totals: dict[str, int] | None = None,
) -> list[RoleGroup]:
    """Rows grouped by their `role`, groups in the order the choices declare."""
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[row.role].append(row)
    groups = []
    for role in roles:
        if role.value not in grouped:
            continue
        heading = (headings or {}).get(role.value) or capfirst(role.label)
        members = grouped[role.value]
        total = (totals or {}).get(role.value, len(members))
        groups.append(RoleGroup(role.value, str(heading), members, total))
    return groups


@dataclass
class EventPage:
    event: Event
    timing: Timing
    participants: list[RoleGroup]
    organizations: list[RoleGroup]
    related: list[Event]
    # The event it is part of, when the reader may see it: a published event
    # can belong to a draft, which must not be named to the public.
    parent: Event | None = None
    is_draft: bool = field(init=False)

    def __post_init__(self) -> None:
        self.is_draft = self.event.status == Event.Status.DRAFT


def related_events(event: Event, user: User, *, limit: int = 6) -> list[Event]:
    """Events of the same edition or parent, its parent and parts, then the
    latest events sharing a topic with it.

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
    # Always two queries, whatever the data, so the page's count is fixed.
    through = Event.topics.through.objects
    tagged = through.filter(topic__in=through.filter(event=event).values("topic"))
    shared = visible.filter(pk__in=tagged.values("event_id")).exclude(
        pk__in=[row.pk for row in related]
    )
    related += list(order_events(shared)[:limit])
    return related[:limit]


def event_page(event: Event, user: User) -> EventPage:
    """The event (from event_detail_queryset) with its rows grouped for the page."""
    return EventPage(
        event=event,
        timing=event_timing(event),
        participants=group_by_role(
            event.participations.all(), Participation.Role, PARTICIPANT_HEADINGS
        ),
        organizations=group_by_role(
            event.organization_roles.all(), EventOrganization.Role, ORGANIZATION_HEADINGS
        ),
        related=related_events(event, user),
        parent=(
            event.parent
            if event.parent is not None and (event.parent.is_public or can_preview_drafts(user))
            else None
        ),
    )


# --- home ------------------------------------------------------------------------


@dataclass(frozen=True)
class Home:
    upcoming: list[Event]
    recent: list[Event]
    competitions: list[Competition]
    countries: list[Country]


def home(user: User, *, today: datetime.date | None = None) -> Home:
    today = today or timezone.localdate()
    events = event_list_queryset(user)
    return Home(
        upcoming=list(order_events(events.filter(start_date__gte=today), "start")[:5]),
        recent=list(order_events(events.filter(start_date__lt=today))[:8]),
        competitions=list(Competition.objects.order_by(localized("title"), "pk")[:6]),
        countries=[country for country, _count in most_involved_countries(limit=12)],
    )


# --- search ----------------------------------------------------------------------


@dataclass(frozen=True)
class EventMatches:
    events: list[Event]
    total: int


def search_event_matches(user: User, text: str, *, limit: int) -> EventMatches:
    events = filter_events(event_list_queryset(user), q=text)
    if "search_rank" in events.query.annotations:
        ordered = events.order_by("-search_rank", "-start_date", "-pk")
    else:
        ordered = order_events(events)
    return EventMatches(events=list(ordered[:limit]), total=events.count())


# --- competitions ----------------------------------------------------------------


def competitions_with_counts() -> QuerySet[Competition]:
    return Competition.objects.annotate(edition_count=Count("editions")).order_by(
        localized("title"), "pk"
    )


# Results in the order a reader cares about them.
RESULT_ORDER = [
    Entry.Result.WINNER,
    Entry.Result.LAUREATE,
    Entry.Result.FINALIST,
    Entry.Result.SPECIAL_MENTION,
    Entry.Result.PARTICIPANT,
]


@dataclass
class NominationEntries:
    nomination: Nomination | None
    entries: list[Entry]


@dataclass
class EditionPage:
    edition: Edition
    countries: list[Country]
    nominations: list[NominationEntries]
    winners: list[Entry]
    events: list[Event]


def competition_queryset(user: User) -> QuerySet[Competition]:
    """A competition with its editions, their figures, entries and events."""
    editions = editions_with_figures(Edition.objects.order_by("-year")).prefetch_related(
        Prefetch("countries", queryset=Country.objects.order_by(localized("name"), "code")),
        Prefetch("nominations", queryset=Nomination.objects.order_by("order", "pk")),
        Prefetch(
            "entries",
            queryset=Entry.objects.select_related(
                "person", "organization", "country", "region", "nomination"
            ).order_by("pk"),
        ),
        Prefetch(
            "events",
            queryset=order_events(event_list_queryset(user), "start"),
            to_attr="visible_events",
        ),
    )
    return Competition.objects.prefetch_related(
        Prefetch("organizers", queryset=Organization.objects.order_by(localized("name"), "pk")),
        Prefetch("editions", queryset=editions),
    )


def edition_pages(competition: Competition) -> list[EditionPage]:
    """Each edition's entries by nomination, best results first (no queries)."""
    rank = {result.value: index for index, result in enumerate(RESULT_ORDER)}
    pages = []
    for edition in competition.editions.all():
        entries = sorted(edition.entries.all(), key=lambda entry: (rank[entry.result], entry.pk))
        by_nomination: dict[int | None, list[Entry]] = defaultdict(list)
        for entry in entries:
            by_nomination[entry.nomination_id].append(entry)
        groups = [
            NominationEntries(nomination, by_nomination.pop(nomination.pk))
            for nomination in edition.nominations.all()
            if nomination.pk in by_nomination
        ]
        if None in by_nomination:
            groups.append(NominationEntries(None, by_nomination.pop(None)))
        pages.append(
            EditionPage(
                edition=edition,
                countries=list(edition.countries.all()),
                nominations=groups,
                winners=[entry for entry in entries if entry.result == Entry.Result.WINNER],
                events=edition.visible_events,
            )
        )
    return pages


# --- statistics ------------------------------------------------------------------


def most_involved_countries(*, limit: int | None = None) -> list[tuple[Country, int]]:
    """Countries by the number of public events they hosted or took part in."""
    counts = cached_aggregate(
        "country-counts", lambda: counted_pairs(_country_pairs(public_events().values("pk")))
    )
    # At most one row per country (about 250), so ties are settled by name here.
    return _with_objects(Country, counts, limit=limit)


def most_active_organizations(*, limit: int) -> list[tuple[Organization, int]]:
    """Organizations by the number of public events involving them."""
    counts = cached_aggregate(
        f"organization-counts:{limit}",
        lambda: counted_pairs(_organization_pairs(public_events().values("pk")), limit=limit),
    )
    return _with_objects(Organization, counts, name=display_name)


def display_name(organization: Organization) -> str:
    """What lists and charts call an organization: its short name if it has one."""
    return organization.short_name or organization.name


@dataclass(frozen=True)
class Statistics:
    event_count: int
    person_count: int
    organization_count: int
    country_count: int
    per_year: list[tuple[int, int]]
    per_kind: list[tuple[str, str, int]]  # value, label, count
    per_host_country: list[tuple[Country, int]]
    top_organizations: list[tuple[Organization, int]]
    top_countries: list[tuple[Country, int]]


def statistics(*, limit: int = 10) -> Statistics:
    """Figures over public events only, whoever asks."""
    figures = cached_aggregate(f"statistics:{limit}", lambda: _statistics_figures(limit))
    kinds = figures["kinds"]
    per_kind = sorted(
        ((kind.value, str(kind.label), kinds[kind.value]) for kind in Event.Kind if kind in kinds),
        key=lambda row: (-row[2], row[1]),
    )
    hosts = Country.objects.in_bulk([code for code, _count in figures["hosts"]])
    per_host_country = sorted(
        ((hosts[code], count) for code, count in figures["hosts"] if code in hosts),
        key=lambda row: (-row[1], str(row[0]).casefold()),
    )
    return Statistics(
        event_count=figures["event_count"],
        person_count=figures["person_count"],
        organization_count=figures["organization_count"],
        country_count=figures["country_count"],
        per_year=figures["per_year"],
        per_kind=per_kind,
        per_host_country=per_host_country,
        top_organizations=most_active_organizations(limit=limit),
        top_countries=most_involved_countries(limit=limit),
    )


def _statistics_figures(limit: int) -> dict[str, Any]:
    """The numbers behind the statistics page, without names or labels, so
    they can be cached once for every language."""
    events = public_events()
    per_year = (
        events.annotate(year=ExtractYear("start_date"))
        .values_list("year")
        .annotate(count=Count("pk"))
        .order_by("year")
    )
    hosts = (
        events.exclude(host_country=None)
        .order_by()
        .values_list("host_country")
        .annotate(count=Count("pk"))
        .order_by("-count", "host_country")[:limit]
    )
    participants = Participation.objects.filter(event__status__in=PUBLIC, person__isnull=False)
    return {
        "event_count": events.count(),
        "person_count": participants.values("person").distinct().count(),
        "organization_count": Organization.objects.filter(
            organizations_involved(events.values("pk"))
        ).count(),
        "country_count": len(_codes_of_countries_with_events()),
        "per_year": [tuple(row) for row in per_year],
        "kinds": dict(events.order_by().values_list("kind").annotate(count=Count("pk"))),
        "hosts": [tuple(row) for row in hosts],
    }


# --- countries -------------------------------------------------------------------


@dataclass(frozen=True)
class EventSample:
    """The first events of a list, and how many there are in all."""

    events: list[Event]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.events), 0)


def sample(events: QuerySet[Event], *, limit: int) -> EventSample:
    return EventSample(events=list(order_events(events)[:limit]), total=events.count())


@dataclass(frozen=True)
class CountryEvents:
    held: EventSample
    involving: EventSample
    regions: list[tuple[Region, int]]
    partners: list[tuple[Country, int]]


def country_events(country: Country, user: User, *, limit: int) -> CountryEvents:
    events = event_list_queryset(user)
    held = events.filter(host_country=country)
    involving = events.filter(involving_country(country)).exclude(host_country=country)
    by_region = (
        visible_events(user)
        .filter(host_country=country, region__isnull=False)
        .order_by()
        .values_list("region")
        .annotate(count=Count("pk"))
    )
    return CountryEvents(
        held=sample(held, limit=limit),
        involving=sample(involving, limit=limit),
        regions=_with_objects(Region, list(by_region)),
        partners=partner_countries(country, user),
    )


def partner_countries(
    country: Country, user: User, *, limit: int = 20
) -> list[tuple[Country, int]]:
    """Other countries involved in the same events, by the number shared."""
    own = visible_events(user).filter(involving_country(country)).values("pk")
    counts = [row for row in counted_pairs(_country_pairs(own)) if row[0] != country.pk]
    return _with_objects(Country, counts, limit=limit)


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: list[Event]


@dataclass(frozen=True)
class Bilateral:
    years: list[YearGroup]
    total: int
    shown: int


def bilateral(first: Country, second: Country, user: User, *, limit: int) -> Bilateral:
    """Events involving both countries, newest first, grouped by year."""
    events = (
        event_list_queryset(user).filter(involving_country(first)).filter(involving_country(second))
    )
    rows = list(order_events(events)[:limit])
    years: dict[int, list[Event]] = {}
    for event in rows:
        years.setdefault(event.start_date.year, []).append(event)
    return Bilateral(
        years=[YearGroup(year, grouped) for year, grouped in years.items()],
        total=events.count(),
        shown=len(rows),
    )


# --- sections of people's pages --------------------------------------------------


def _capped_by_role(
    rows: QuerySet[Any], roles: type[TextChoices], *, order_by: Sequence[Any], limit: int
) -> list[RoleGroup]:
    """Rows grouped by role, the first `limit` of each, with each role's total."""
    totals = dict(rows.order_by().values_list("role").annotate(count=Count("pk")))
    ranked = rows.annotate(
        rank=Window(RowNumber(), partition_by=[F("role")], order_by=list(order_by))
    ).filter(rank__lte=limit)
    return group_by_role(ranked.order_by(*order_by), roles, totals=totals)


EVENT_NEWEST_FIRST = (F("event__start_date").desc(), F("event__pk").desc())


def person_participations(person: Person, user: User, *, limit: int) -> list[RoleGroup]:
    rows = Participation.objects.filter(
        person=person, event__in=visible_events(user)
    ).select_related("event__host_country", "position__organization", "organization")
    return _capped_by_role(rows, Participation.Role, order_by=EVENT_NEWEST_FIRST, limit=limit)


def person_quotes(person: Person, user: User) -> list[Quote]:
    return list(
        Quote.objects.filter(person=person, event__in=visible_events(user))
        .select_related("event")
        .order_by("-event__start_date", "order", "pk")
    )


def person_entries(person: Person) -> list[Entry]:
    return list(
        Entry.objects.filter(person=person)
        .select_related("edition__competition", "nomination", "organization")
        .order_by("-edition__year", "pk")
    )


def organization_roles(organization: Organization, user: User, *, limit: int) -> list[RoleGroup]:
    rows = EventOrganization.objects.filter(
        organization=organization, event__in=visible_events(user)
    ).select_related("event__host_country")
    return _capped_by_role(rows, EventOrganization.Role, order_by=EVENT_NEWEST_FIRST, limit=limit)


def organization_people_at_events(
    organization: Organization, user: User, *, limit: int
) -> tuple[list[Participation], int]:
    """Participations on the organization's behalf or by holders of its posts."""
    # The matching rows are found first, by two indexed lookups: asked in one
    # query with the newest-first order, the database walks every event in
    # that order looking for them.
    on_behalf = Participation.objects.filter(organization=organization)
    post_holders = Participation.objects.filter(position__organization=organization)
    union = on_behalf.order_by().values_list("pk").union(post_holders.order_by().values_list("pk"))
    ids = [pk for (pk,) in union]
    rows = (
        Participation.objects.filter(pk__in=ids, event__in=visible_events(user))
        .select_related("event__host_country", "person")
        .order_by(*EVENT_NEWEST_FIRST, "order", "pk")
    )
    return list(rows[:limit]), rows.count()


def organization_partners(
    organization: Organization, user: User, *, limit: int
) -> list[tuple[Organization, int]]:
    """Organizations most often involved in the same events as this one."""
    own = visible_events(user).filter(involving_organization(organization)).values("pk")
    counts = counted_pairs(_organization_pairs(own), limit=limit + 1)
    counts = [row for row in counts if row[0] != organization.pk][:limit]
    return _with_objects(Organization, counts, name=display_name)


def organization_competitions(organization: Organization) -> list[Competition]:
    return list(organization.competitions.order_by(localized("title"), "pk"))


def organization_entries(organization: Organization) -> list[Entry]:
    return list(
        Entry.objects.filter(organization=organization)
        .select_related("edition__competition", "nomination", "person")
        .order_by("-edition__year", "pk")
    )
