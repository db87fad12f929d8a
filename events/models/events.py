"""Events, who took part in them and in what role, what they were about and
where they were reported."""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from diplomacy.languages import LANGUAGE_CODES
from diplomacy.trash import EveryRowManager, LiveManager, TrashManager
from events.models.competitions import Edition
from people.models import Country, Organization, Person, Position, Region, region_in_country


def validate_timezone(value: str) -> None:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is not a time zone; use a name such as Asia/Bishkek."),
            params={"value": value},
        ) from None


# Events are listed by start; an unknown time sorts as the start of the day.
# The same expression backs an index, so keyset pages are index scans.
START_TIME_KEY = Coalesce(F("start_time"), Value(datetime.time(0, 0)))
# Event.PUBLIC_STATUSES' values, for the partial index in Event.Meta.
PUBLIC_STATUS_VALUES = ["published", "cancelled", "postponed"]


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    # Bumped by every write (events/services.py): the admin's edit conflicts.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Event(models.Model):
    class Kind(models.TextChoices):
        ROUND_TABLE = "round_table", _("round table")
        COMPETITION = "competition", _("competition")
        FORUM = "forum", _("forum")
        CONFERENCE = "conference", _("conference")
        SEMINAR = "seminar", _("seminar")
        MEETING = "meeting", _("meeting")
        FESTIVAL = "festival", _("festival")
        EXHIBITION = "exhibition", _("exhibition")
        VISIT = "visit", _("visit")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")
        POSTPONED = "postponed", _("postponed")

    # Statuses the public may see: a cancelled event stays on record as such.
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CANCELLED, Status.POSTPONED)

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of event"),
    )
    edition = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("part of competition edition"),
    )
    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"), null=True, blank=True, help_text=_("Local time at the venue; optional.")
    )
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty for a one-day event.")
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        # Empty until saved: the services then take it from the place.
        default="",
        validators=[validate_timezone],
        help_text=_(
            "The venue's time zone, such as Asia/Bishkek; left empty, the host country's "
            "(the city's in a country with several zones)."
        ),
    )
    venue = models.CharField(_("venue"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("region"),
    )
    host_country = models.ForeignKey(
        Country,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
        verbose_name=_("host country"),
    )
    online_url = models.URLField(_("online link"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("HTML; unsafe markup is removed when saved.")
    )
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="events", verbose_name=_("topics")
    )
    countries = models.ManyToManyField(
        Country,
        blank=True,
        related_name="participated_events",
        verbose_name=_("participating countries"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    # Bumped by every write of the event or its rows (events/services.py):
    # the admin's edit conflicts are found by it.
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Set when the event is moved to the trash (diplomacy/trash.py).
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True, editable=False)
    # Kept up to date by the service functions; see events/search.py.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = LiveManager()
    trash = TrashManager()
    all_objects = EveryRowManager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("purge_event", _("Can delete events in the trash for good"))]
        # Newest first, as the API's default order and its index.
        ordering = [F("start_date").desc(), START_TIME_KEY.desc(), F("id").desc()]
        indexes = [
            models.Index(
                F("start_date").desc(),
                START_TIME_KEY.desc(),
                F("id").desc(),
                name="event_start_order",
            ),
            # The public list's order over public events only: its capped count
            # (website/paging.py) and its pages read this index alone.
            models.Index(
                F("start_date").desc(),
                START_TIME_KEY.desc(),
                F("id").desc(),
                name="event_public_start_order",
                condition=Q(deleted_at__isnull=True, status__in=PUBLIC_STATUS_VALUES),
            ),
            models.Index(F("updated_at"), F("id"), name="event_updated_order"),
            # The city filter matches any language, case-insensitively.
            *(
                models.Index(Upper(f"city_{language}"), name=f"event_city_{language}_upper")
                for language in LANGUAGE_CODES
            ),
            models.Index(fields=["status", "-start_date"], name="event_status_start"),
            models.Index(fields=["kind", "-start_date"], name="event_kind_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            # On one day (no end date, or the same one) the end time cannot
            # come before the start time.
            models.CheckConstraint(
                condition=(Q(end_date__isnull=False) & ~Q(end_date=F("start_date")))
                | Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gte=F("start_time")),
                name="event_ends_after_start_time",
                violation_error_message=_("An event cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True) | Q(start_time__isnull=False),
                name="event_end_time_needs_start_time",
                violation_error_message=_("Give a start time when you give an end time."),
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")),
                name="event_not_own_parent",
                violation_error_message=_("An event cannot be part of itself."),
            ),
            models.CheckConstraint(
                condition=region_in_country("region", "host_country"),
                name="event_region_in_host_country",
                violation_error_message=_("The region must belong to the host country."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("website:event", kwargs={"slug": self.slug})

    def clean(self) -> None:
        # A chain of parents must not lead back to this event (A → B → A).
        # The database rules out an event being its own parent; this walks
        # further up.
        if self.pk is None or self.parent_id in (None, self.pk):
            return
        ancestor, steps = self.parent.parent, 0
        while ancestor is not None and steps < 50:
            if ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("The chosen event is already part of this one.")}
                )
            ancestor, steps = ancestor.parent, steps + 1

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES and self.deleted_at is None

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def last_date(self) -> datetime.date:
        return self.end_date or self.start_date

    @property
    def start(self) -> datetime.date | datetime.datetime:
        """The start as a date, or as an aware datetime when the time is known."""
        if self.start_time is None:
            return self.start_date
        return datetime.datetime.combine(self.start_date, self.start_time, self.tzinfo)

    @property
    def end(self) -> datetime.date | datetime.datetime:
        if self.end_time is None:
            return self.last_date
        return datetime.datetime.combine(self.last_date, self.end_time, self.tzinfo)


class EventOrganization(models.Model):
    class Role(models.TextChoices):
        ORGANIZER = "organizer", _("organizer")
        CO_ORGANIZER = "co_organizer", _("co-organizer")
        HOST = "host", _("host")
        PARTNER = "partner", _("partner")
        SUPPORTER = "supporter", _("supporter")
        SPONSOR = "sponsor", _("sponsor")
        MEDIA_PARTNER = "media_partner", _("media partner")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="organization_roles", verbose_name=_("event")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="event_roles",
        verbose_name=_("organization"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("organization in an event")
        verbose_name_plural = _("organizations in events")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organization", "role"],
                name="event_organization_role_unique",
                violation_error_message=_("This organization already has this role here."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_role_display()})"


class Participation(models.Model):
    """A person's part in an event, with the title as worded at the event.

    Sources sometimes give a post without the name of who held it; such a
    participation has an organization and a title but no person.
    """

    class Role(models.TextChoices):
        WELCOME_ADDRESS = "welcome_address", _("welcome address")
        MODERATOR = "moderator", _("moderator")
        SPEAKER = "speaker", _("speaker")
        PANELIST = "panelist", _("panelist")
        EXPERT = "expert", _("expert")
        JURY = "jury", _("jury")
        LAUREATE = "laureate", _("laureate")
        ATTENDEE = "attendee", _("attendee")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
        help_text=_("Leave empty only when the source does not name the person."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    position = models.ForeignKey(
        Position,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("position"),
        help_text=_("One of the person's positions, if it matches."),
    )
    position_title = models.CharField(
        _("title as worded at the event"),
        max_length=500,
        blank=True,
        help_text=_("Filled from the position when left empty."),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("on behalf of"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person", "role"],
                name="participation_person_role_unique",
                violation_error_message=_("This person already has this role in the event."),
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | Q(organization__isnull=False),
                name="participation_has_person_or_organization",
                violation_error_message=_(
                    "Choose a person, or the organization of an unnamed participant."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.person or self.position_title or self.organization)

    def clean(self) -> None:
        if self.position_id and self.person_id and self.position.person_id != self.person_id:
            raise ValidationError(
                {"position": _("This position belongs to someone else; choose one of theirs.")}
            )


class Quote(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="quotes", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("person")
    )
    text = models.TextField(_("original text"), help_text=_("As the person said it."))
    language = models.CharField(
        _("original language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # Editors' translations, one per site language (modeltranslation); the
    # page shows the reader's, marked as a translation, with the original a
    # click away.
    translation = models.TextField(
        _("translation"),
        blank=True,
        help_text=_("Translated by the editors; leave the original's language empty."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text=""),
                name="quote_not_empty",
                violation_error_message=_("A quote needs its text."),
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def clean(self) -> None:
        # A translation into the language it was said in would hide the original.
        if getattr(self, f"translation_{self.language}", None):
            raise ValidationError(
                {
                    f"translation_{self.language}": _(
                        "The quote was said in this language; its text is the original."
                    )
                }
            )


class Source(models.Model):
    """Where the record comes from: an article, a press release, a report."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="sources", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("link (URL)"), max_length=1000, blank=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=300,
        blank=True,
        help_text=_("When the publisher is not among the organizations on record."),
    )
    publisher_organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="published_sources",
        verbose_name=_("publisher on record"),
        help_text=_("The organization that published it, named in the reader's language."),
    )
    rubric = models.CharField(
        _("rubric"), max_length=200, blank=True, help_text=_("The section it appeared under.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["event", "order", "pk"]

    def __str__(self) -> str:
        return self.title


class DeletedEvent(Event):
    """Events in the trash, for the admin's list of them (restore, purge)."""

    # Here `objects` is the trash, as the name of the model says.
    objects = TrashManager()

    class Meta:
        proxy = True
        default_manager_name = "objects"
        verbose_name = _("deleted event")
        verbose_name_plural = _("deleted events")
