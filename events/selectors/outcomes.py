"""What events achieved: outcomes and the parties to them, and the figures
of an event.

The outcome list's filters have one definition here (`OutcomeFilters`),
which the API's list and the pages of organizations and countries share, so
"party to it" means the same everywhere: an organization is a party when it
is named as one; a country when it is named as one itself or an
organization based in it is.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from diplomacy.languages import translated_sort_key
from diplomacy.ordering import Ordering, both_ways
from events.models import Event, Outcome, OutcomeParty
from events.selectors.events import User, can_preview_drafts, visible_events
from people.models import Country, Organization

# Agreements in the narrow sense: what organization and country pages list.
AGREEMENT_KINDS = (Outcome.Kind.AGREEMENT, Outcome.Kind.MEMORANDUM)


def outcome_date() -> Coalesce:
    """An outcome's date: its own, or else its event's start."""
    return Coalesce(F("date"), F("event__start_date"))


OUTCOME_ORDERINGS = {
    **both_ways("date", Ordering(("outcome_date", "pk"), {"outcome_date": outcome_date})),
    **both_ways(
        "title", Ordering(("title_key", "pk"), {"title_key": lambda: translated_sort_key("title")})
    ),
    **both_ways("updated_at", Ordering(("updated_at", "pk"))),
}
DEFAULT_OUTCOME_ORDERING = "-date"


# --- who sees what, and with what --------------------------------------------------


def visible_outcomes(user: User) -> QuerySet[Outcome]:
    """Outcomes of the events the user may see: an outcome of a draft is a
    draft too."""
    return Outcome.objects.filter(event__in=visible_events(user))


def parties_prefetch() -> Prefetch:
    return Prefetch(
        "parties", queryset=OutcomeParty.objects.select_related("organization", "country")
    )


def with_outcome_details(outcomes: QuerySet[Outcome]) -> QuerySet[Outcome]:
    """Outcomes with their event, follow-up and parties: two queries."""
    return outcomes.select_related("event", "follow_up").prefetch_related(parties_prefetch())


def outcome_queryset(user: User) -> QuerySet[Outcome]:
    """Everything an API row of the outcome list shows."""
    return with_outcome_details(visible_outcomes(user))


def visible_follow_up(outcome: Outcome, user: User) -> Event | None:
    """The event that carried out a plan, if the user may see it: a published
    plan may have been carried out by a draft, which must not be named."""
    follow_up = outcome.follow_up
    if follow_up is None or follow_up.is_public or can_preview_drafts(user):
        return follow_up
    return None


# --- conditions ------------------------------------------------------------------


def with_outcome(kind: str = "") -> Q:
    """Events with an outcome (of the kind, when given)."""
    outcomes = Outcome.objects.filter(event=OuterRef("pk"))
    if kind:
        outcomes = outcomes.filter(kind=kind)
    return Q(Exists(outcomes))


def party_organization(organization: Organization) -> Q:
    """Outcomes the organization is a party to."""
    parties = OutcomeParty.objects.filter(organization=organization)
    return Q(pk__in=parties.values("outcome_id"))


def party_country(country: Country | str) -> Q:
    """Outcomes the country is a party to, itself or through an organization
    based in it."""
    parties = OutcomeParty.objects.filter(Q(country=country) | Q(organization__country=country))
    return Q(pk__in=parties.values("outcome_id"))


@dataclass(frozen=True)
class OutcomeFilters:
    """The outcome list's filters: every one given must match."""

    kind: str = ""
    # Named as a party.
    party_organization: Organization | None = None
    # A party itself, or the country of an organization that is a party.
    party_country: Country | None = None
    # The year of its date: its own, or else its event's start.
    year: int | None = None
    # The event it came out of.
    event: Event | None = None
    updated_since: datetime.datetime | None = None


def filter_outcomes(outcomes: QuerySet[Outcome], filters: OutcomeFilters) -> QuerySet[Outcome]:
    conditions = Q()
    if filters.kind:
        conditions &= Q(kind=filters.kind)
    if filters.party_organization is not None:
        conditions &= party_organization(filters.party_organization)
    if filters.party_country is not None:
        conditions &= party_country(filters.party_country)
    if filters.year is not None:
        conditions &= Q(date__year=filters.year) | Q(
            date__isnull=True, event__start_date__year=filters.year
        )
    if filters.event is not None:
        conditions &= Q(event=filters.event)
    if filters.updated_since is not None:
        conditions &= Q(updated_at__gte=filters.updated_since)
    return outcomes.filter(conditions)


# --- lists on pages ----------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeSample:
    """The latest outcomes of a list, and how many there are in all."""

    outcomes: list[Outcome]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.outcomes), 0)


def _agreements(user: User, condition: Q, *, limit: int) -> OutcomeSample:
    """Agreements and memoranda matching the condition, latest first (three queries)."""
    rows = visible_outcomes(user).filter(condition, kind__in=AGREEMENT_KINDS)
    latest = OUTCOME_ORDERINGS[DEFAULT_OUTCOME_ORDERING].apply(with_outcome_details(rows))
    return OutcomeSample(outcomes=list(latest[:limit]), total=rows.count())


def organization_agreements(organization: Organization, user: User, *, limit: int) -> OutcomeSample:
    return _agreements(user, party_organization(organization), limit=limit)


def country_agreements(country: Country, user: User, *, limit: int) -> OutcomeSample:
    return _agreements(user, party_country(country), limit=limit)


def agreements_between(first: Country, second: Country, user: User, *, limit: int) -> OutcomeSample:
    """Agreements with a party of each country: the countries themselves or
    organizations based in them."""
    return _agreements(user, party_country(first) & party_country(second), limit=limit)


def plans_carried_out_by(event: Event, user: User) -> list[Outcome]:
    """Plans of other events the user may see that this event carried out."""
    return list(
        visible_outcomes(user)
        .filter(follow_up=event)
        .select_related("event")
        .order_by("event__start_date", "event_id", "order", "pk")
    )


# --- figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class DerivedFigures:
    """Counted from what is on record, never stored (compare ReportedFigures).

    - participants: people taking part (one person in two roles counts once),
      plus each participant the source names only by post;
    - countries: where the participants come from: a person's own country,
      or, when none is recorded (an unnamed participant), that of the
      organization they represented, else of the organization of their post;
    - organizations: those involved as the `organization_involved` filter
      defines it: a role in the event, a participant on its behalf or holding
      a post in it.
    """

    participants: int
    countries: int
    organizations: int


def derived_figures(event: Event) -> DerivedFigures:
    """The event's figures from its rows as with_event_details prefetches
    them: no query."""
    people: set[int] = set()
    unnamed = 0
    countries: set[str] = set()
    organizations = {role.organization_id for role in event.organization_roles.all()}
    for participation in event.participations.all():
        represented = participation.organization if participation.organization_id else None
        post = participation.position.organization if participation.position_id else None
        if participation.person_id:
            people.add(participation.person_id)
        else:
            unnamed += 1
        origins = (
            participation.person.country_id if participation.person_id else None,
            represented.country_id if represented else None,
            post.country_id if post else None,
        )
        country = next((code for code in origins if code), None)
        if country:
            countries.add(country)
        organizations.update(found.pk for found in (represented, post) if found is not None)
    return DerivedFigures(
        participants=len(people) + unnamed,
        countries=len(countries),
        organizations=len(organizations),
    )
