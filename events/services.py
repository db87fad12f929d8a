"""Writes to events, shared by the admin and the API.

Each public function runs in one transaction and validates every row against
the model's validators and database constraints before it is written, so bad
input surfaces as a ValidationError keyed by field, never as a half-written
event.
"""

from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname
from simple_history.utils import bulk_update_with_history
from slugify import slugify

from diplomacy.languages import LANGUAGE_CODES, first_translation
from diplomacy.pagecache import bump_after_commit
from diplomacy.services import (
    apply_fields,
    locked,
    move_to_trash,
    next_version,
    save_rows,
    save_validated,
    save_with_slug,
    take_from_trash,
)
from diplomacy.text import clean_translations, sanitize_html, unique_slug
from events.models import Event, EventOrganization, Participation, Quote, Source, Topic
from events.outcome_services import event_outcomes_set, reported_figures_set
from events.search import refresh_event_search
from people.models import Country
from people.zones import zone_for_place


def event_save(
    *,
    event: Event,
    topics: Iterable[models.Model] | None = None,
    countries: Iterable[Country] | None = None,
) -> Event:
    """Validate and save one event: slug from its title, body sanitised, search
    index refreshed (also when the admin reverts to an earlier version)."""
    clean_translations(event, ["title", "venue", "city"], single_line=True)
    clean_translations(event, ["summary"], single_line=False)
    if not event.timezone:
        event.timezone = _zone_of_place(event)
    for language in LANGUAGE_CODES:
        field = build_localized_fieldname("body", language)
        value = getattr(event, field)
        if value:
            setattr(event, field, sanitize_html(value))
    event.version = next_version(event)
    save_with_slug(event, None if event.slug else partial(_new_slug, event))
    if topics is not None:
        event.topics.set(topics)
    if countries is not None:
        event.countries.set(countries)
    refresh_event_search([event.pk])
    return event


def _zone_of_place(event: Event) -> str:
    """The host country's zone, the city's where the country has several;
    UTC only when no country is given."""
    cities = [getattr(event, build_localized_fieldname("city", code)) for code in LANGUAGE_CODES]
    city = next((name for name in cities if name), "")
    return zone_for_place(country_code=event.host_country_id, city=city) or "UTC"


def _new_slug(event: Event) -> str:
    return unique_slug(event, _slug_source(event), max_length=200)


def _slug_source(event: Event) -> str:
    title = first_translation(event, "title")
    if not slugify(title):  # punctuation only, say
        title = event.kind or "event"
    try:
        start = Event._meta.get_field("start_date").to_python(event.start_date)
    except ValidationError:
        start = None  # full_clean() reports it
    return f"{title} {start.year}" if start else title


def participation_save(*, participation: Participation) -> Participation:
    """Validate and save; the title as worded defaults to the chosen position's."""
    clean_translations(participation, ["position_title"], single_line=True)
    if participation.position_id:
        for language in LANGUAGE_CODES:
            field = build_localized_fieldname("position_title", language)
            if not getattr(participation, field):
                position_title = getattr(
                    participation.position, build_localized_fieldname("title", language)
                )
                setattr(participation, field, position_title or None)
    return save_validated(participation)


def _replace_rows(
    event: Event,
    related_name: str,
    model: type[models.Model],
    rows: Sequence[Mapping[str, Any]],
    save=save_validated,
) -> None:
    """Replace an event's rows of one kind, reporting errors by row index."""
    getattr(event, related_name).all().delete()

    def build(index: int, row: Mapping[str, Any]) -> models.Model:
        instance = model(event=event, order=row.get("order", index))
        apply_fields(instance, {key: value for key, value in row.items() if key != "order"})
        return instance

    save_rows(related_name, rows, build, save)


def _set_relations(
    event: Event,
    *,
    participants: Sequence[Mapping[str, Any]] | None,
    organizations: Sequence[Mapping[str, Any]] | None,
    quotes: Sequence[Mapping[str, Any]] | None,
    sources: Sequence[Mapping[str, Any]] | None,
    outcomes: Sequence[Mapping[str, Any]] | None = None,
    reported_figures: Mapping[str, Any] | None = None,
) -> None:
    if organizations is not None:
        _replace_rows(event, "organization_roles", EventOrganization, organizations)
    if participants is not None:
        _replace_rows(
            event,
            "participations",
            Participation,
            participants,
            lambda instance: participation_save(participation=instance),
        )
        # The index holds the participants' titles as worded.
        refresh_event_search([event.pk])
    if quotes is not None:
        _replace_rows(event, "quotes", Quote, quotes)
    if sources is not None:
        _replace_rows(event, "sources", Source, sources)
    # What the event achieved: events/outcome_services.py.
    if outcomes is not None:
        event_outcomes_set(event=event, outcomes=outcomes)
    if reported_figures is not None:
        reported_figures_set(event=event, figures=reported_figures)


@transaction.atomic
def event_create(
    *,
    fields: Mapping[str, Any],
    topics: Iterable[models.Model] = (),
    countries: Iterable[Country] = (),
    participants: Sequence[Mapping[str, Any]] = (),
    organizations: Sequence[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
    sources: Sequence[Mapping[str, Any]] = (),
    outcomes: Sequence[Mapping[str, Any]] = (),
    reported_figures: Mapping[str, Any] | None = None,
) -> Event:
    """Create an event with its people, organizations, quotes, sources,
    outcomes and reported figures."""
    event = Event()
    apply_fields(event, fields)
    event_save(event=event, topics=topics, countries=countries)
    _set_relations(
        event,
        participants=participants,
        organizations=organizations,
        quotes=quotes,
        sources=sources,
        outcomes=outcomes,
        reported_figures=reported_figures,
    )
    return event


@transaction.atomic
def event_update(
    *,
    event: Event,
    fields: Mapping[str, Any],
    topics: Iterable[models.Model] | None = None,
    countries: Iterable[Country] | None = None,
    participants: Sequence[Mapping[str, Any]] | None = None,
    organizations: Sequence[Mapping[str, Any]] | None = None,
    quotes: Sequence[Mapping[str, Any]] | None = None,
    sources: Sequence[Mapping[str, Any]] | None = None,
    outcomes: Sequence[Mapping[str, Any]] | None = None,
    reported_figures: Mapping[str, Any] | None = None,
) -> Event:
    """Update an event; a nested list that is given replaces the current one
    (outcomes are matched by slug and keep theirs), as do reported figures
    that are given (an empty mapping removes them).

    Only the fields given change, on the event as stored now: its row is
    locked and read again first, so two updates of one event run one after
    the other, the second on the first one's result, and neither's change
    (nor its history record) is lost.
    """
    event = locked(event)
    apply_fields(event, fields)
    event_save(event=event, topics=topics, countries=countries)
    _set_relations(
        event,
        participants=participants,
        organizations=organizations,
        quotes=quotes,
        sources=sources,
        outcomes=outcomes,
        reported_figures=reported_figures,
    )
    return event


@transaction.atomic
def event_delete(*, event: Event) -> Event:
    """Move the event to the trash with everything that belongs to it; it
    disappears from every page, list, feed and figure until restored."""
    return move_to_trash(event)


@transaction.atomic
def event_restore(*, event: Event) -> Event:
    """Bring an event back from the trash with its people, organizations,
    quotes, sources, topics and countries as they were."""
    return take_from_trash(event)


@transaction.atomic
def event_purge(*, event: Event) -> None:
    """Delete an event in the trash for good (its history stays)."""
    event = locked(event)
    if event.deleted_at is None:
        raise ValidationError(_("Only an event in the trash can be purged."))
    event.delete()


def topic_save(*, topic: Topic) -> Topic:
    """Save a topic; the events tagged with it are re-indexed under its new name."""
    clean_translations(topic, ["name"], single_line=True)
    topic.version = next_version(topic)
    slug = partial(unique_slug, topic, first_translation(topic, "name"), max_length=80)
    save_with_slug(topic, None if topic.slug else slug)
    refresh_event_search(topic.events.values_list("pk", flat=True))
    return topic


@transaction.atomic
def topic_create(*, fields: Mapping[str, Any]) -> Topic:
    topic = Topic()
    apply_fields(topic, fields)
    return topic_save(topic=topic)


@transaction.atomic
def topic_update(*, topic: Topic, fields: Mapping[str, Any]) -> Topic:
    """Change only the fields given, on the topic as stored now (locked)."""
    topic = locked(topic)
    apply_fields(topic, fields)
    return topic_save(topic=topic)


@transaction.atomic
def events_set_status(*, events: models.QuerySet[Event], status: str) -> int:
    """Publish or unpublish many events at once, recording each in the history."""
    # Locked and read again, so that an edit saved meanwhile is kept.
    pks = list(events.exclude(status=status).values_list("pk", flat=True))
    changed = list(Event.objects.filter(pk__in=pks).select_for_update().order_by("pk"))
    now = timezone.now()
    for event in changed:
        event.status = status
        event.updated_at = now
        event.version += 1
    bulk_update_with_history(changed, Event, ["status", "updated_at", "version"], batch_size=500)
    bump_after_commit()  # a bulk update sends no post_save
    return len(changed)
