"""What an event achieved: its outcomes (agreements, memoranda, resolutions,
statements, plans…) with the parties to them, and the figures its organizers
reported about it."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from diplomacy.languages import LANGUAGE_CODES
from events.models.events import Event
from people.models import Country, Organization

# The figures an event's organizers may report, besides their own wording.
REPORTED_NUMBERS = ("participants", "countries", "regions", "organizations")


class Outcome(models.Model):
    """Something an event produced: a text agreed or signed, a decision, a
    plan for a next step, an award."""

    class Kind(models.TextChoices):
        AGREEMENT = "agreement", _("agreement")
        MEMORANDUM = "memorandum", _("memorandum")
        RESOLUTION = "resolution", _("resolution")
        DECLARATION = "declaration", _("declaration")
        STATEMENT = "statement", _("statement")
        RECOMMENDATION = "recommendation", _("recommendation")
        PLAN = "plan", _("plan")
        AWARD = "award", _("award")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("event")
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=500)
    text = models.TextField(
        _("text"), blank=True, help_text=_("What was agreed or decided, as the source gives it.")
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Only when it differs from the event's start, e.g. signed on a later day."),
    )
    document_url = models.URLField(
        _("document"), max_length=1000, blank=True, help_text=_("A link to the published text.")
    )
    planned_start = models.DateField(
        _("planned for"),
        null=True,
        blank=True,
        help_text=_("For a plan: the date it names, or the first day of the period."),
    )
    planned_end = models.DateField(
        _("planned until"),
        null=True,
        blank=True,
        help_text=_("For a plan naming a period: its last day."),
    )
    follow_up = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="carried_out_plans",
        verbose_name=_("carried out by"),
        help_text=_("For a plan: the later event that carried it out."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Checked by the admin's change form (diplomacy/admin.py, VersionedAdmin).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["event", "order", "pk"]
        indexes = [models.Index(fields=["kind", "event"], name="outcome_kind_event")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="plan")
                | (
                    Q(planned_start__isnull=True)
                    & Q(planned_end__isnull=True)
                    & Q(follow_up__isnull=True)
                ),
                name="outcome_plan_fields_only_for_plans",
                violation_error_message=_(
                    "Only a plan has a planned date and an event that carried it out."
                ),
            ),
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True)
                | (Q(planned_start__isnull=False) & Q(planned_end__gte=F("planned_start"))),
                name="outcome_planned_end_after_start",
                violation_error_message=_(
                    "A planned period needs its first day, and cannot end before it."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(follow_up=F("event")),
                name="outcome_follow_up_not_own_event",
                violation_error_message=_("A plan cannot be carried out by its own event."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """Its place on its event's page."""
        return reverse("website:event", kwargs={"slug": self.event.slug}) + f"#outcome-{self.slug}"

    def clean(self) -> None:
        # Cross-table rules (they compare with the event's dates), so checked
        # here, which every write path runs, rather than by the database.
        try:
            event = self.event  # unsaved yet when the admin adds both at once
        except Event.DoesNotExist:
            return
        if not isinstance(event.start_date, datetime.date):
            return  # the event's own validation reports it
        errors = {}
        if self.date and self.date < event.start_date:
            errors["date"] = _("An outcome cannot come before its event starts.")
        if self.planned_start and self.planned_start < event.start_date:
            errors["planned_start"] = _("A plan cannot be planned for before its event.")
        follow_up = self.follow_up
        if follow_up is not None and follow_up.start_date < event.start_date:
            errors["follow_up"] = _(
                "The event that carried out a plan cannot start before the event that made it."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def effective_date(self) -> datetime.date:
        """Its own date, or its event's start."""
        return self.date or self.event.start_date

    @property
    def planned_month(self) -> datetime.date | None:
        """The month, when the planned period is exactly one whole month."""
        start, end = self.planned_start, self.planned_end
        if start is None or end is None or start.day != 1:
            return None
        last = calendar.monthrange(start.year, start.month)[1]
        same_month = (end.year, end.month) == (start.year, start.month)
        return start if same_month and end.day == last else None


class OutcomeParty(models.Model):
    """An organization or a country party to an outcome, in a role."""

    class Role(models.TextChoices):
        SIGNATORY = "signatory", _("signatory")
        CO_SIGNATORY = "co_signatory", _("co-signatory")
        PROPOSER = "proposer", _("proposer")

    outcome = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="parties", verbose_name=_("outcome")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_parties",
        verbose_name=_("organization"),
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="outcome_parties",
        verbose_name=_("country"),
        help_text=_("When the state itself is a party; otherwise choose an organization."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SIGNATORY)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["outcome", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(organization__isnull=False) & Q(country__isnull=True))
                | (Q(organization__isnull=True) & Q(country__isnull=False)),
                name="outcome_party_organization_or_country",
                violation_error_message=_(
                    "A party is either an organization or a country: choose exactly one."
                ),
            ),
            models.UniqueConstraint(
                fields=["outcome", "organization"],
                name="outcome_party_organization_unique",
                violation_error_message=_("This organization is already a party to it."),
            ),
            models.UniqueConstraint(
                fields=["outcome", "country"],
                name="outcome_party_country_unique",
                violation_error_message=_("This country is already a party to it."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization or self.country} ({self.get_role_display()})"


class ReportedFigures(models.Model):
    """An event's figures as its organizers published them ("more than 120
    participants from 14 countries"), kept apart from the figures counted from
    the participants on record (events.selectors.outcomes.derived_figures)."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="reported_figures", verbose_name=_("event")
    )
    participants = models.PositiveIntegerField(
        _("participants (as reported)"), null=True, blank=True
    )
    countries = models.PositiveIntegerField(_("countries (as reported)"), null=True, blank=True)
    regions = models.PositiveIntegerField(_("regions (as reported)"), null=True, blank=True)
    organizations = models.PositiveIntegerField(
        _("organizations (as reported)"), null=True, blank=True
    )
    text = models.CharField(
        _("figures as published"),
        max_length=500,
        blank=True,
        help_text=_(
            "The figures in the organizers' own words, e.g. “more than 120 participants "
            "from 14 countries”."
        ),
    )

    class Meta:
        verbose_name = _("figures as reported")
        verbose_name_plural = _("figures as reported")

    def __str__(self) -> str:
        return str(self.text or self.event)

    @property
    def is_empty(self) -> bool:
        return not any(
            getattr(self, f"text_{language}", None) for language in LANGUAGE_CODES
        ) and all(getattr(self, name) is None for name in REPORTED_NUMBERS)
