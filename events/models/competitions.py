"""Competitions: a competition's editions by year, with the figures its
organizers reported, its nominations and the entries with their results."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from people.models import Country, Organization, Person, Region, region_in_country


class Competition(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    organizers = models.ManyToManyField(
        Organization, blank=True, related_name="competitions", verbose_name=_("organizers")
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    # Bumped by every admin save: the admin's edit conflicts are found by it.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("website:competition", kwargs={"slug": self.slug})


class Edition(models.Model):
    """One year of a competition, with the figures as its organizers published them."""

    competition = models.ForeignKey(
        Competition,
        on_delete=models.CASCADE,
        related_name="editions",
        verbose_name=_("competition"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    reported_regions = models.PositiveIntegerField(
        _("regions (as reported)"), null=True, blank=True
    )
    reported_countries = models.PositiveIntegerField(
        _("countries (as reported)"), null=True, blank=True
    )
    reported_participants = models.PositiveIntegerField(
        _("participants (as reported)"), null=True, blank=True
    )
    reported_figures = models.CharField(
        _("figures as published"),
        max_length=500,
        blank=True,
        help_text=_("The figures in the organizers' own words, e.g. “34 regions, 23 countries”."),
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="competition_editions",
        verbose_name=_("countries named"),
        help_text=_("Countries the organizers name as taking part."),
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["competition", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["competition", "year"],
                name="edition_unique_year",
                violation_error_message=_("This competition already has an edition that year."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2200),
                name="edition_year_plausible",
                violation_error_message=_("The year must be between 1900 and 2200."),
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="edition_ends_after_start",
                violation_error_message=_("An edition cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.competition} {self.year}"


class Nomination(models.Model):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["edition", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class Entry(models.Model):
    class Result(models.TextChoices):
        WINNER = "winner", _("winner")
        LAUREATE = "laureate", _("laureate")
        FINALIST = "finalist", _("finalist")
        SPECIAL_MENTION = "special_mention", _("special mention")
        PARTICIPANT = "participant", _("participant")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="entries", verbose_name=_("edition")
    )
    nomination = models.ForeignKey(
        Nomination,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
        verbose_name=_("nomination"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competition_entries",
        verbose_name=_("person"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competition_entries",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("project title"), max_length=300, blank=True)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competition_entries",
        verbose_name=_("country"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competition_entries",
        verbose_name=_("region"),
    )
    result = models.CharField(
        _("result"), max_length=20, choices=Result.choices, default=Result.PARTICIPANT
    )

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["edition", "nomination", "result", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organization__isnull=False),
                name="entry_has_entrant",
                violation_error_message=_("An entry needs a person or an organization."),
            ),
            models.CheckConstraint(
                condition=region_in_country("region", "country"),
                name="entry_region_in_country",
                violation_error_message=_("The region must belong to the entry's country."),
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.organization)
