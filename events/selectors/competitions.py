"""Competitions with their editions, figures, entries and the events held as
part of them."""

from django.db.models import Count, Prefetch, QuerySet

from diplomacy.languages import localized
from events.models import Competition, Edition, Entry, Nomination
from events.selectors.events import User, event_list_queryset, order_events
from people.models import Country, Organization, Person


def editions_with_figures(editions: QuerySet[Edition]) -> QuerySet[Edition]:
    """Editions annotated with the figures derived from their entries.

    `entry_count`, `entry_region_count` and `entry_country_count` sit beside
    the figures as the organizers reported them; they are computed, never
    stored, so they cannot drift from the entries.
    """
    return editions.annotate(
        entry_count=Count("entries", distinct=True),
        entry_region_count=Count("entries__region", distinct=True),
        entry_country_count=Count("entries__country", distinct=True),
    )


def competition_queryset(user: User) -> QuerySet[Competition]:
    """Competitions with their organizers and editions; each edition with its
    figures, named countries, nominations, entries and the events of it the
    user may see (`visible_events`, oldest first): seven queries for any
    number of competitions."""
    editions = editions_with_figures(Edition.objects.order_by("-year")).prefetch_related(
        Prefetch("countries", queryset=Country.objects.order_by(localized("name"), "code")),
        Prefetch("nominations", queryset=Nomination.objects.order_by("order", "pk")),
        Prefetch(
            "entries",
            queryset=Entry.objects.select_related(
                "person", "organization", "country", "region", "nomination"
            ),
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


def competitions_with_counts() -> QuerySet[Competition]:
    return Competition.objects.annotate(edition_count=Count("editions")).order_by(
        localized("title"), "pk"
    )


def person_entries(person: Person) -> list[Entry]:
    return list(
        Entry.objects.filter(person=person)
        .select_related("edition__competition", "nomination", "organization")
        .order_by("-edition__year", "pk")
    )


def organization_entries(organization: Organization) -> list[Entry]:
    return list(
        Entry.objects.filter(organization=organization)
        .select_related("edition__competition", "nomination", "person")
        .order_by("-edition__year", "pk")
    )


def organization_competitions(organization: Organization) -> list[Competition]:
    return list(organization.competitions.order_by(localized("title"), "pk"))
