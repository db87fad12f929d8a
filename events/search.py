"""Event search. An event's stored vector holds its own text in every language,
its topics and the titles its participants held; people and organizations are
matched through their own vectors, so renaming a person needs no re-indexing
of events (see people/search.py and diplomacy/search.py)."""

from collections.abc import Iterable

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchRank, SearchVector
from django.db import models
from django.db.models import F, Func, OuterRef, Q, Subquery, TextField, Value

from diplomacy.languages import LANGUAGE_CODES, translated_fields
from diplomacy.pagecache import bump_after_commit
from diplomacy.search import (
    CONFIGS,
    fold,
    is_postgresql,
    names_vector,
    search,
    search_query,
    translated_vector,
)
from events.models import Event, EventOrganization, Outcome, Participation
from people.models import Organization, Person
from people.search import ORGANIZATION_NAME_FIELDS, PERSON_NAME_FIELDS

EVENT_FALLBACK_FIELDS = [
    *translated_fields("title", "summary", "city"),
    *(f"topics__{field}" for field in translated_fields("name")),
    *(f"participations__{field}" for field in translated_fields("position_title")),
    *(f"participations__person__{field}" for field in PERSON_NAME_FIELDS),
    *(f"organization_roles__organization__{field}" for field in ORGANIZATION_NAME_FIELDS),
    *(f"outcomes__{field}" for field in translated_fields("title", "text")),
]


def _joined(queryset: models.QuerySet, fields: list[str]) -> Subquery:
    """All values of the fields over the rows, as one text, for one event."""
    words = Func(
        Value(" "), *(F(field) for field in fields), function="concat_ws", output_field=TextField()
    )
    return Subquery(
        queryset.order_by()
        .values("event")
        .annotate(text=StringAgg(words, delimiter=" "))
        .values("text"),
        output_field=TextField(),
    )


def refresh_event_search(event_ids: Iterable[int]) -> None:
    events = Event.objects.filter(pk__in=list(event_ids))
    if not is_postgresql(events):
        return
    titles = _joined(
        Participation.objects.filter(event=OuterRef("pk")),
        [f"position_title_{language}" for language in LANGUAGE_CODES],
    )
    topics = _joined(
        Event.topics.through.objects.filter(event=OuterRef("pk")),
        [f"topic__name_{language}" for language in LANGUAGE_CODES],
    )
    events.update(
        search_vector=translated_vector("title", "A")
        + translated_vector("summary", "B")
        + translated_vector("city", "B")
        + translated_vector("venue", "B")
        + names_vector([topics, titles], "B")
        + _outcomes_vector()
        + translated_vector("body", "D")
    )
    bump_after_commit()  # what search finds changed; QuerySet.update sends no post_save


def _outcomes_vector() -> SearchVector:
    """The titles and texts of the event's outcomes, each language stemmed by
    its own configuration, as the event's own text is."""
    vector = None
    for language, config in CONFIGS.items():
        for field, weight in (("title", "B"), ("text", "C")):
            # Aggregated under a name of its own: "text" is a column of outcomes.
            joined = (
                Outcome.objects.filter(event=OuterRef("pk"))
                .order_by()
                .values("event")
                .annotate(joined=StringAgg(F(f"{field}_{language}"), delimiter=" "))
                .values("joined")
            )
            text = Subquery(joined, output_field=TextField())
            part = SearchVector(fold(text), config=config, weight=weight)
            vector = part if vector is None else vector + part
    return vector


def _linked_event_ids(text: str) -> list[int]:
    """Events where a person or organization matching the text takes part:
    the matches first, then (when there are any) their events, each by its
    index. One query, two when names match; in one statement PostgreSQL
    guessed a hundred matching names and read every participation."""
    people = search(
        Person.objects.all(), text, fallback_fields=(), rank=False, similar_field="search_names"
    )
    organizations = search(Organization.objects.all(), text, fallback_fields=(), rank=False)
    found = list(
        people.order_by()
        .values("pk", found_as=Value("person"))
        .union(organizations.order_by().values("pk", found_as=Value("organization")), all=True)
    )
    person_ids = [row["pk"] for row in found if row["found_as"] == "person"]
    organization_ids = [row["pk"] for row in found if row["found_as"] == "organization"]
    if not found:
        return []
    # Without the rows' own order, which would join and sort the events.
    linked = (
        Participation.objects.filter(person_id__in=person_ids)
        .order_by()
        .values_list("event_id", flat=True)
        .union(
            EventOrganization.objects.filter(organization_id__in=organization_ids)
            .order_by()
            .values_list("event_id", flat=True)
        )
    )
    return list(linked)


def search_events(events: models.QuerySet[Event], text: str) -> models.QuerySet[Event]:
    """Events whose text, people or organizations match.

    On PostgreSQL the events of matching people and organizations are read
    first (_linked_event_ids), so the remaining condition,
    `search_vector @@ query OR id = ANY(those)`, lets PostgreSQL either
    combine the GIN index with the primary key's (BitmapOr) or walk an order
    index and stop at the first page: no scan of every event, at any size.
    """
    if not is_postgresql(events):
        return search(events, text, fallback_fields=EVENT_FALLBACK_FIELDS)
    query = search_query(text)
    if query is None:
        return events.none()
    linked_ids = _linked_event_ids(text)
    return events.filter(Q(search_vector=query) | Q(pk__in=linked_ids)).annotate(
        search_rank=SearchRank(F("search_vector"), query)
    )
