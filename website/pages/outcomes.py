"""What an event achieved, as its page shows it: outcomes with their parties
by role, plans as carried out or planned, the plans of earlier events it
carried out, and its figures as reported beside those on record."""

from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from events.models import Event, Outcome, OutcomeParty, ReportedFigures
from events.selectors.events import User
from events.selectors.outcomes import (
    DerivedFigures,
    derived_figures,
    plans_carried_out_by,
    visible_follow_up,
)
from website.pages.event import RoleGroup, group_by_role

PARTY_HEADINGS = {
    OutcomeParty.Role.SIGNATORY: _("Signed by"),
    OutcomeParty.Role.CO_SIGNATORY: _("Co-signed by"),
    OutcomeParty.Role.PROPOSER: _("Proposed by"),
}


@dataclass(frozen=True)
class OutcomeItem:
    outcome: Outcome
    parties: list[RoleGroup]
    is_plan: bool
    # For a plan: the event that carried it out, when the reader may see it.
    follow_up: Event | None
    # For a plan: the date or period it names, written out.
    planned: str


@dataclass(frozen=True)
class EventOutcomes:
    items: list[OutcomeItem]
    # Plans made at earlier events that this one carried out.
    carried_out: list[Outcome]
    reported: ReportedFigures | None
    derived: DerivedFigures

    @property
    def has_figures(self) -> bool:
        return self.reported is not None or self.derived.participants > 0


def planned_when(outcome: Outcome) -> str:
    """ "July 2024" for a whole month, "1 July 2024 – 5 July 2024" for another
    period, a date for a day; in the active language."""
    start, end = outcome.planned_start, outcome.planned_end
    if start is None:
        return ""
    if outcome.planned_month is not None:
        return date_format(start, "YEAR_MONTH_FORMAT")
    if end is None or end == start:
        return date_format(start, "DATE_FORMAT")
    return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"


def outcome_item(outcome: Outcome, user: User) -> OutcomeItem:
    is_plan = outcome.kind == Outcome.Kind.PLAN
    return OutcomeItem(
        outcome=outcome,
        parties=group_by_role(outcome.parties.all(), OutcomeParty.Role, PARTY_HEADINGS),
        is_plan=is_plan,
        follow_up=visible_follow_up(outcome, user) if is_plan else None,
        planned=planned_when(outcome) if is_plan else "",
    )


def event_outcomes(event: Event, user: User) -> EventOutcomes:
    """The event (from event_detail_queryset) with what it achieved: one
    query, for the plans it carried out."""
    try:
        reported = event.reported_figures
    except ReportedFigures.DoesNotExist:
        reported = None
    return EventOutcomes(
        items=[outcome_item(outcome, user) for outcome in event.outcomes.all()],
        carried_out=plans_carried_out_by(event, user),
        reported=reported,
        derived=derived_figures(event),
    )
