"""Writes to what an event achieved: its outcomes with their parties, and its
reported figures. Called by events/services.py (an event written with its
outcomes in one transaction) and by the admin.

Like the other services, each row is validated against the model's rules
and constraints before it is written, including the cross-table ones in
Outcome.clean(); the search index of the event is refreshed, since it holds
the outcomes' titles and texts.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from diplomacy.languages import LANGUAGE_CODES, first_translation
from diplomacy.pagecache import bump_after_commit
from diplomacy.services import (
    NestedValidationError,
    apply_fields,
    next_version,
    save_rows,
    save_validated,
)
from diplomacy.text import clean_translations, unique_slug
from events.models import REPORTED_NUMBERS, Event, Outcome, OutcomeParty, ReportedFigures
from events.search import refresh_event_search

# What a row of an event's outcomes writes; a row replaces the outcome as a
# whole, so each of these not given goes back to its default.
OUTCOME_DEFAULTS: dict[str, Any] = {
    "kind": "",
    "date": None,
    "document_url": "",
    "planned_start": None,
    "planned_end": None,
    "follow_up": None,
    **{
        build_localized_fieldname(field, language): None
        for field in ("title", "text")
        for language in LANGUAGE_CODES
    },
}


def _prepare(outcome: Outcome) -> None:
    clean_translations(outcome, ["title"], single_line=True)
    clean_translations(outcome, ["text"], single_line=False)
    if not outcome.slug:
        title = first_translation(outcome, "title") or outcome.kind or "outcome"
        year = outcome.event.start_date.year if outcome.event_id else ""
        outcome.slug = unique_slug(outcome, f"{title} {year}".strip(), max_length=200)


def _touch(event_ids: Sequence[int]) -> None:
    """The event's `updated_at` and version move when its outcomes change, as
    they do for its other lists: API clients syncing by `updated_since` see it,
    and an event form opened before is a conflict, not an overwrite."""
    Event.objects.filter(pk__in=event_ids).update(
        updated_at=timezone.now(), version=F("version") + 1
    )
    bump_after_commit()  # QuerySet.update sends no post_save


@transaction.atomic
def outcome_save(*, outcome: Outcome) -> Outcome:
    """Validate and save one outcome (slug from its title and year when
    empty); its event, and the one it was moved from, are re-indexed."""
    previous = (
        Outcome.objects.filter(pk=outcome.pk).values_list("event_id", flat=True).first()
        if outcome.pk
        else None
    )
    _prepare(outcome)
    outcome.version = next_version(outcome)
    save_validated(outcome)
    events = sorted({outcome.event_id, *([previous] if previous else [])})
    _touch(events)
    refresh_event_search(events)
    return outcome


@transaction.atomic
def outcome_delete(*, outcome: Outcome) -> None:
    event_id = outcome.event_id
    outcome.delete()
    _touch([event_id])
    refresh_event_search([event_id])


def parties_set(*, outcome: Outcome, parties: Sequence[Mapping[str, Any]]) -> None:
    """Replace the outcome's parties, reporting bad rows by their index."""
    outcome.parties.all().delete()

    def build(index: int, row: Mapping[str, Any]) -> OutcomeParty:
        party = OutcomeParty(outcome=outcome, order=row.get("order", index))
        apply_fields(party, {key: value for key, value in row.items() if key != "order"})
        return party

    save_rows("parties", parties, build)


def event_outcomes_set(*, event: Event, outcomes: Sequence[Mapping[str, Any]]) -> None:
    """Make the event's outcomes the ones given, in that order.

    A row whose `slug` is one of the event's outcomes updates that outcome in
    place, so it keeps its address; other rows are new outcomes; outcomes of
    the event not given are removed. A row's `parties` replace the outcome's.
    """
    given = [row["slug"] for row in outcomes if row.get("slug")]
    event.outcomes.exclude(slug__in=given).delete()
    existing = {outcome.slug: outcome for outcome in event.outcomes.all()}
    errors: dict[str, Any] = {}
    for index, row in enumerate(outcomes):
        outcome = existing.get(row.get("slug") or "") or Outcome(event=event)
        fields = {key: value for key, value in row.items() if key != "parties"}
        apply_fields(outcome, {**OUTCOME_DEFAULTS, "order": index, **fields})
        try:
            with transaction.atomic():
                _prepare(outcome)
                # Read with the event locked: one more than the stored version.
                outcome.version = outcome.version + 1 if outcome.pk else 1
                save_validated(outcome)
                parties_set(outcome=outcome, parties=row.get("parties", ()))
        except ValidationError as error:
            errors[str(index)] = (
                error.message_dict if hasattr(error, "error_dict") else error.messages
            )
    if errors:
        raise NestedValidationError("outcomes", errors)
    refresh_event_search([event.pk])


def reported_figures_set(*, event: Event, figures: Mapping[str, Any]) -> None:
    """Replace the event's reported figures with the ones given (numbers and
    the organizers' wording); when nothing is left, the row is removed."""
    current = ReportedFigures.objects.filter(event=event).first()
    row = current or ReportedFigures(event=event)
    apply_fields(row, dict.fromkeys(REPORTED_NUMBERS))
    apply_fields(row, {build_localized_fieldname("text", code): None for code in LANGUAGE_CODES})
    apply_fields(row, figures)
    clean_translations(row, ["text"], single_line=True)
    if row.is_empty:
        if current is not None:
            current.delete()
        return
    try:
        save_validated(row)
    except ValidationError as error:
        raise ValidationError(
            {f"reported_figures.{name}": messages for name, messages in error.message_dict.items()}
        ) from None
