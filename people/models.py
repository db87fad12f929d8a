"""The actors of public diplomacy and where they come from."""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from diplomacy.trash import EveryRowManager, LiveManager, TrashManager


def region_in_country(region: str, country: str) -> Q:
    """A constraint: the region (ISO 3166-2 code) belongs to the country.

    An ISO 3166-2 code starts with its country's alpha-2 code and a hyphen,
    so the invariant is a check on two local columns, with no join.
    """
    return (
        Q(**{f"{region}__isnull": True})
        | Q(**{f"{country}__isnull": True})
        | Q(Exact(Substr(F(region), 1, 3), Concat(F(country), Value("-"))))
    )


class Country(models.Model):
    """An ISO 3166-1 country, loaded from pycountry by `load_reference_data`."""

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)
    alpha_3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_(
            "As readers see it. Loaded from the ISO name or the editorial list; "
            "a name changed here is kept when the reference data is loaded again."
        ),
    )
    iso_name = models.CharField(_("ISO name"), max_length=100, blank=True, editable=False)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:country", kwargs={"code": self.code.lower()})


class Region(models.Model):
    """An ISO 3166-2 subdivision: a federal subject, an oblast, a city…"""

    code = models.CharField(_("ISO code"), max_length=8, primary_key=True)
    country = models.ForeignKey(
        Country, on_delete=models.CASCADE, related_name="regions", verbose_name=_("country")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_(
            "As readers see it. Loaded from the ISO name or the editorial list; "
            "a name changed here is kept when the reference data is loaded again."
        ),
    )
    iso_name = models.CharField(_("ISO name"), max_length=120, blank=True, editable=False)
    kind = models.CharField(
        _("kind"), max_length=80, blank=True, help_text=_("The ISO 3166-2 subdivision type.")
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]
        constraints = [
            # An ISO 3166-2 code starts with its country's code, so the
            # region/country invariant needs no join.
            models.CheckConstraint(
                condition=Q(code__startswith=Concat(F("country"), Value("-"))),
                name="region_code_in_country",
                violation_error_message=_("A region's code must start with its country's code."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_city(self) -> bool:
        """A city with the status of a region (Bishkek, Osh, Moscow, Almaty…)."""
        return re.search(r"\bcity\b", self.kind, re.IGNORECASE) is not None


class Organization(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("non-governmental organization")
        INTERNATIONAL_UNION = "international_union", _("international union")
        GOVERNMENT_BODY = "government_body", _("government body")
        PARLIAMENT = "parliament", _("parliament")
        MINISTRY = "ministry", _("ministry")
        EMBASSY = "embassy", _("embassy")
        UNIVERSITY = "university", _("university")
        ASSOCIATION = "association", _("association")
        MEDIA = "media", _("media")
        OTHER = "other", _("other")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("country"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("The organization this one belongs to, such as a ministry's government."),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organizations",
        verbose_name=_("region"),
        help_text=_("The ISO 3166-2 region of its seat, in its country."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    # Bumped by every write (people/services.py): the admin's edit conflicts.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Set when it is moved to the trash (diplomacy/trash.py).
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    # The spellings of records merged into this one (people/merging.py),
    # one a line: still found by search.
    known_names = models.TextField(_("other known names"), blank=True, default="", editable=False)
    # Kept up to date by the service functions; see people/search.py.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = LiveManager()
    trash = TrashManager()
    all_objects = EveryRowManager()

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]
        permissions = [("purge_organization", _("Can delete organizations in the trash for good"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="organization_not_own_parent",
                violation_error_message=_("An organization cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=region_in_country("region", "country"),
                name="organization_region_in_country",
                violation_error_message=_("The region must belong to the organization's country."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:organization", kwargs={"slug": self.slug})

    @property
    def brief_name(self) -> str:
        """What lists and charts call it: its short name if it has one."""
        return self.short_name or self.name


class Person(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    given_name = models.CharField(_("given name"), max_length=100)
    patronymic = models.CharField(_("patronymic"), max_length=100, blank=True)
    family_name = models.CharField(_("family name"), max_length=100, blank=True)
    honorific_prefix = models.CharField(
        _("honorific"), max_length=50, blank=True, help_text=_("Such as “Dr.” or “Prof.”")
    )
    country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("country"),
    )
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    # The spellings of people merged into this one (people/merging.py).
    known_names = models.TextField(_("other known names"), blank=True, default="", editable=False)
    # Kept up to date by the service functions; see people/search.py.
    search_vector = SearchVectorField(null=True, editable=False)
    # Every spelling of the name, lower-cased with ё as е, for typo-tolerant
    # (trigram) matching on PostgreSQL; kept by the service functions.
    search_names = models.TextField(blank=True, default="", editable=False)

    objects = LiveManager()
    trash = TrashManager()
    all_objects = EveryRowManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["family_name", "given_name"]
        permissions = [("purge_person", _("Can delete people in the trash for good"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("website:person", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        """Given and family name in the current language (with fallback)."""
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @property
    def full_name(self) -> str:
        parts = (self.honorific_prefix, self.given_name, self.patronymic, self.family_name)
        return " ".join(part for part in parts if part)


class Position(models.Model):
    """A dated post of a person in an organization, as Popolo's Membership."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="positions",
        verbose_name=_("organization"),
    )
    title = models.CharField(_("title"), max_length=300)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person", "-start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="position_ends_after_start",
                violation_error_message=_("A position cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        # Shown in the participants' position autocomplete, where the person
        # tells otherwise identical titles apart.
        return f"{self.person}: {self.title}"


class Merge(models.Model):
    """A duplicate merged into the record kept: what moved, so that the merge
    can be undone, and the duplicate's slug, which redirects to the kept one.

    The duplicate itself goes to the trash, so its slug stays taken and its
    history stays with it.
    """

    kept_person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merges_in",
        verbose_name=_("person kept"),
    )
    merged_person = models.OneToOneField(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merged_into",
        verbose_name=_("person merged"),
    )
    kept_organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merges_in",
        verbose_name=_("organization kept"),
    )
    merged_organization = models.OneToOneField(
        Organization,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="merged_into",
        verbose_name=_("organization merged"),
    )
    # {"app_label.model.field": [primary keys of the rows moved]}.
    moved = models.JSONField(_("rows moved"), default=dict)
    names = models.TextField(_("names merged"), blank=True, default="")
    merged_at = models.DateTimeField(_("merged"), auto_now_add=True)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged by"),
    )

    class Meta:
        verbose_name = _("merge")
        verbose_name_plural = _("merges")
        ordering = ["-merged_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        kept_person__isnull=False,
                        merged_person__isnull=False,
                        kept_organization__isnull=True,
                        merged_organization__isnull=True,
                    )
                    | Q(
                        kept_person__isnull=True,
                        merged_person__isnull=True,
                        kept_organization__isnull=False,
                        merged_organization__isnull=False,
                    )
                ),
                name="merge_of_two_people_or_two_organizations",
            ),
            models.CheckConstraint(
                condition=~Q(kept_person=F("merged_person"))
                & ~Q(kept_organization=F("merged_organization")),
                name="merge_not_into_itself",
                violation_error_message=_("A record cannot be merged into itself."),
            ),
        ]

    def __str__(self) -> str:
        merged = self.merged_person or self.merged_organization
        kept = self.kept_person or self.kept_organization
        return f"{merged} → {kept}"


class DeletedPerson(Person):
    """People in the trash, for the admin's list of them (restore, purge)."""

    # Here `objects` is the trash, as the name of the model says.
    objects = TrashManager()

    class Meta:
        proxy = True
        default_manager_name = "objects"
        verbose_name = _("deleted person")
        verbose_name_plural = _("deleted people")


class DeletedOrganization(Organization):
    """Organizations in the trash, for the admin's list of them."""

    # Here `objects` is the trash, as the name of the model says.
    objects = TrashManager()

    class Meta:
        proxy = True
        default_manager_name = "objects"
        verbose_name = _("deleted organization")
        verbose_name_plural = _("deleted organizations")
