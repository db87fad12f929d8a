"""Events and competitions as the API shows them and takes them."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from diplomacy.api.fields import (
    CodeField,
    PublicUrlField,
    StrictSerializer,
    TranslatedField,
    api_errors,
    require_some_language,
)
from events.api.outcomes import (
    EventDerivedFiguresField,
    EventOutcomeSerializer,
    EventReportedFiguresField,
    EventReportedFiguresWriteSerializer,
    OutcomeWriteSerializer,
)
from events.models import (
    Competition,
    Edition,
    Entry,
    Event,
    EventOrganization,
    Nomination,
    Participation,
    Quote,
    Source,
    Topic,
)
from events.selectors.events import visible_events, visible_parent
from events.services import event_create, event_update, topic_create, topic_update
from people.models import Country, Organization, Person, Position, Region
from people.summaries import (
    CountrySummarySerializer,
    OrganizationSummarySerializer,
    PersonSummarySerializer,
    RegionSummarySerializer,
)

START_HELP = (
    "ISO 8601: a date when only the day is known, otherwise a date-time with the venue's "
    "UTC offset."
)


class TopicSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Topic
        fields = ["slug", "name"]


class EventSummarySerializer(serializers.ModelSerializer):
    title = TranslatedField()
    url = PublicUrlField()

    class Meta:
        model = Event
        fields = ["slug", "title", "kind", "start_date", "url"]


class EditionRefSerializer(serializers.ModelSerializer):
    competition = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = TranslatedField(source="competition", column="title")

    class Meta:
        model = Edition
        fields = ["competition", "year", "title"]


class EventOrganizationSerializer(serializers.ModelSerializer):
    organization = OrganizationSummarySerializer()

    class Meta:
        model = EventOrganization
        fields = ["organization", "role"]


class ParticipantSerializer(serializers.ModelSerializer):
    person = PersonSummarySerializer(allow_null=True)
    position = TranslatedField(
        column="position_title", help_text="The person's title as worded at the event."
    )
    position_id = serializers.IntegerField(
        allow_null=True, help_text="The matching entry in the person's positions, if any."
    )
    organization = OrganizationSummarySerializer(
        allow_null=True, help_text="Whom the participant represented; set for unnamed ones."
    )

    class Meta:
        model = Participation
        fields = ["person", "role", "position", "position_id", "organization"]


class QuoteSerializer(serializers.ModelSerializer):
    person = PersonSummarySerializer()
    text = serializers.CharField(help_text="The quote as said, in its original language.")
    language = serializers.CharField(help_text="The language the quote was said in.")
    translations = TranslatedField(
        column="translation",
        help_text="The editors' translations; null in the original's language and where "
        "none was made.",
    )

    class Meta:
        model = Quote
        fields = ["person", "text", "language", "translations"]


class SourceSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    rubric = TranslatedField()

    publisher_organization = serializers.SlugRelatedField(
        slug_field="slug",
        read_only=True,
        allow_null=True,
        help_text="The publisher, when it is an organization on record (see /organizations/).",
    )

    class Meta:
        model = Source
        fields = ["title", "url", "publisher", "publisher_organization", "rubric", "published_at"]


@extend_schema_field({"type": "string", "description": START_HELP, "example": "2023-04-24"})
class MomentField(serializers.Field):
    def __init__(self, **kwargs) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str:
        return value.isoformat()


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$",
        "example": "10:00:00",
        "description": "Local time at the venue (no offset; see `timezone`).",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time at the venue. JSON Schema's `time` format demands a
    UTC offset, which a local time does not have."""


class EventSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    venue = TranslatedField()
    city = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField(help_text="Sanitised HTML.")
    start = MomentField()
    end = MomentField()
    start_time = LocalTimeField(allow_null=True)
    end_time = LocalTimeField(allow_null=True)
    host_country = CountrySummarySerializer(allow_null=True)
    region = RegionSummarySerializer(allow_null=True)
    parent = EventSummarySerializer(allow_null=True)
    edition = EditionRefSerializer(allow_null=True)
    organizations = EventOrganizationSerializer(source="organization_roles", many=True)
    participants = ParticipantSerializer(source="participations", many=True)
    countries = CountrySummarySerializer(many=True, help_text="Participating countries.")
    topics = TopicSerializer(many=True)
    quotes = QuoteSerializer(many=True)
    sources = SourceSerializer(many=True)
    outcomes = EventOutcomeSerializer(
        many=True, help_text="What it achieved: agreements, decisions, plans, awards…"
    )
    reported_figures = EventReportedFiguresField(help_text="As the organizers published them.")
    derived_figures = EventDerivedFiguresField(
        help_text="Counted from the participants and organizations recorded here."
    )
    image = serializers.ImageField(allow_null=True, use_url=True)
    url = PublicUrlField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "url",
            "title",
            "kind",
            "status",
            "start",
            "end",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "timezone",
            "venue",
            "city",
            "region",
            "host_country",
            "online_url",
            "summary",
            "body",
            "image",
            "parent",
            "edition",
            "organizations",
            "participants",
            "countries",
            "topics",
            "quotes",
            "sources",
            "outcomes",
            "reported_figures",
            "derived_figures",
            "created_at",
            "updated_at",
        ]

    def get_fields(self) -> dict:
        # Sparse rows (`?fields=`, diplomacy/api/fields.py, sparse_fields).
        fields = super().get_fields()
        wanted = self.context.get("fields")
        if not wanted:
            return fields
        return {name: field for name, field in fields.items() if name in wanted}

    def to_representation(self, instance: Event) -> dict:
        data = super().to_representation(instance)
        # A published event may be part of a draft, named only to those who
        # may see drafts, or of an event in the trash, named to no one.
        if "parent" in data and visible_parent(instance, self.context["request"].user) is None:
            data["parent"] = None
        return data


class RemovedEventSerializer(serializers.Serializer):
    slug = serializers.SlugField(help_text="The slug the event had when it was removed.")
    removed_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(
        choices=[("deleted", "deleted"), ("unpublished", "unpublished")],
        help_text="Deleted, or returned to draft (it may be published again later).",
    )


# --- competitions --------------------------------------------------------------


class EntrySerializer(serializers.ModelSerializer):
    person = PersonSummarySerializer(allow_null=True)
    organization = OrganizationSummarySerializer(allow_null=True)
    title = TranslatedField()
    country = CountrySummarySerializer(allow_null=True)
    region = RegionSummarySerializer(allow_null=True)
    nomination = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Entry
        fields = ["nomination", "person", "organization", "title", "country", "region", "result"]


class NominationSerializer(serializers.ModelSerializer):
    title = TranslatedField()

    class Meta:
        model = Nomination
        fields = ["id", "title"]


class ReportedFiguresSerializer(serializers.Serializer):
    regions = serializers.IntegerField(source="reported_regions", allow_null=True)
    countries = serializers.IntegerField(source="reported_countries", allow_null=True)
    participants = serializers.IntegerField(source="reported_participants", allow_null=True)
    text = TranslatedField(
        column="reported_figures", help_text="The figures in the organizers' words."
    )
    countries_named = CountrySummarySerializer(source="countries", many=True)


class DerivedFiguresSerializer(serializers.Serializer):
    entries = serializers.IntegerField(source="entry_count")
    regions = serializers.IntegerField(source="entry_region_count")
    countries = serializers.IntegerField(source="entry_country_count")


class EditionSerializer(serializers.ModelSerializer):
    reported = ReportedFiguresSerializer(source="*", help_text="As the organizers published them.")
    derived = DerivedFiguresSerializer(source="*", help_text="Counted from the entries below.")
    nominations = NominationSerializer(many=True)
    entries = EntrySerializer(many=True)
    events = EventSummarySerializer(
        source="visible_events", many=True, help_text="Events held as part of this edition."
    )

    class Meta:
        model = Edition
        fields = [
            "year",
            "start_date",
            "end_date",
            "reported",
            "derived",
            "nominations",
            "entries",
            "events",
        ]


class CompetitionSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    description = TranslatedField()
    organizers = OrganizationSummarySerializer(many=True)
    editions = EditionSerializer(many=True)
    url = PublicUrlField()

    class Meta:
        model = Competition
        fields = [
            "slug",
            "url",
            "title",
            "description",
            "website",
            "organizers",
            "editions",
            "updated_at",
        ]


# --- writes ----------------------------------------------------------------------


def _slug_field(queryset, **kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(slug_field="slug", queryset=queryset, **kwargs)


@extend_schema_field({"type": "string", "description": "The slug of an event."})
class VisibleEventField(serializers.SlugRelatedField):
    """An event by slug, among those the requesting user may see: a draft's
    slug must not be confirmed to someone who may not see it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(slug_field="slug", **kwargs)

    def get_queryset(self):
        return visible_events(self.context["request"].user)


class OrganizationRoleWriteSerializer(StrictSerializer):
    organization = _slug_field(Organization.objects.all())
    role = serializers.ChoiceField(choices=EventOrganization.Role.choices)


class ParticipantWriteSerializer(StrictSerializer):
    person = _slug_field(
        Person.objects.all(),
        allow_null=True,
        required=False,
        help_text="Leave out only when the source does not name the person.",
    )
    role = serializers.ChoiceField(choices=Participation.Role.choices)
    position = TranslatedField(
        column="position_title",
        max_length=500,
        required=False,
        help_text="The title as worded at the event; taken from position_id when left out.",
    )
    position_id = serializers.PrimaryKeyRelatedField(
        source="position",
        queryset=Position.objects.filter(person__deleted_at__isnull=True),
        allow_null=True,
        required=False,
        help_text="One of the person's positions (see /people/{slug}/).",
    )
    organization = _slug_field(Organization.objects.all(), allow_null=True, required=False)


class QuoteWriteSerializer(StrictSerializer):
    person = _slug_field(Person.objects.all())
    text = serializers.CharField(max_length=5000, help_text="As said, in its original language.")
    language = serializers.ChoiceField(
        choices=Quote._meta.get_field("language").choices, help_text="The original's language."
    )
    translations = TranslatedField(
        column="translation",
        max_length=5000,
        required=False,
        help_text="The editors' translations into the other languages.",
    )


class SourceWriteSerializer(StrictSerializer):
    title = TranslatedField(max_length=500)
    url = serializers.URLField(max_length=1000, allow_blank=True, required=False)
    publisher = serializers.CharField(max_length=300, allow_blank=True, required=False)
    publisher_organization = _slug_field(
        Organization.objects.all(), allow_null=True, required=False
    )
    rubric = TranslatedField(max_length=200, required=False)
    published_at = serializers.DateTimeField(allow_null=True, required=False)

    def validate(self, attrs):
        require_some_language(attrs, "title")
        return attrs


class EditionRefWriteSerializer(StrictSerializer):
    competition = _slug_field(Competition.objects.all())
    year = serializers.IntegerField(min_value=1900, max_value=2200)

    def validate(self, attrs):
        edition = Edition.objects.filter(
            competition=attrs["competition"], year=attrs["year"]
        ).first()
        if edition is None:
            raise serializers.ValidationError(
                {"year": ["This competition has no edition that year."]}
            )
        return edition


# Model names in service errors, as the API calls them.
ERROR_NAMES = {
    "organization_roles": "organizations",
    "participations": "participants",
    "position_title": "position",
    "position": "position_id",
    "translation": "translations",
}


class EventWriteSerializer(StrictSerializer):
    slug = serializers.SlugField(
        max_length=200, required=False, help_text="Made from the title and year when left out."
    )
    title = TranslatedField(max_length=300)
    kind = serializers.ChoiceField(choices=Event.Kind.choices)
    status = serializers.ChoiceField(choices=Event.Status.choices, required=False)
    parent = VisibleEventField(allow_null=True, required=False)
    edition = EditionRefWriteSerializer(allow_null=True, required=False)
    start_date = serializers.DateField()
    start_time = LocalTimeField(allow_null=True, required=False)
    end_date = serializers.DateField(allow_null=True, required=False)
    end_time = LocalTimeField(allow_null=True, required=False)
    timezone = serializers.CharField(
        max_length=64, required=False, help_text="IANA name of the venue's zone, e.g. Asia/Bishkek."
    )
    venue = TranslatedField(max_length=300, required=False)
    city = TranslatedField(max_length=120, required=False)
    region = CodeField(queryset=Region.objects.all(), allow_null=True, required=False)
    host_country = CodeField(queryset=Country.objects.all(), allow_null=True, required=False)
    online_url = serializers.URLField(allow_blank=True, required=False)
    summary = TranslatedField(required=False)
    body = TranslatedField(required=False, help_text="HTML; unsafe markup is removed.")
    topics = _slug_field(Topic.objects.all(), many=True, required=False)
    countries = CodeField(
        queryset=Country.objects.all(), many=True, required=False, help_text="ISO codes."
    )
    organizations = OrganizationRoleWriteSerializer(many=True, required=False)
    participants = ParticipantWriteSerializer(many=True, required=False)
    quotes = QuoteWriteSerializer(many=True, required=False)
    sources = SourceWriteSerializer(many=True, required=False)
    outcomes = OutcomeWriteSerializer(
        many=True,
        required=False,
        help_text="Replaces the event's outcomes; one with a slug the event has is kept "
        "and changed in place.",
    )
    reported_figures = EventReportedFiguresWriteSerializer(
        allow_null=True, required=False, help_text="Replaces the figures; null removes them."
    )

    def validate(self, attrs):
        require_some_language(attrs, "title", self.instance)
        return attrs

    def _split(self, validated_data: dict) -> tuple[dict, dict]:
        related = {
            "topics": validated_data.pop("topics", None),
            "countries": validated_data.pop("countries", None),
            "organizations": validated_data.pop("organizations", None),
            "participants": validated_data.pop("participants", None),
            "quotes": validated_data.pop("quotes", None),
            "sources": validated_data.pop("sources", None),
            "outcomes": validated_data.pop("outcomes", None),
        }
        if "reported_figures" in validated_data:
            related["reported_figures"] = validated_data.pop("reported_figures") or {}
        return validated_data, related

    def create(self, validated_data):
        fields, related = self._split(validated_data)
        related = {key: value for key, value in related.items() if value is not None}
        try:
            return event_create(fields=fields, **related)
        except DjangoValidationError as error:
            raise api_errors(error, ERROR_NAMES) from None

    def update(self, instance, validated_data):
        fields, related = self._split(validated_data)
        try:
            return event_update(event=instance, fields=fields, **related)
        except DjangoValidationError as error:
            raise api_errors(error, ERROR_NAMES) from None


class TopicWriteSerializer(StrictSerializer):
    slug = serializers.SlugField(
        max_length=80, required=False, help_text="Made from the name when left out."
    )
    name = TranslatedField(max_length=120)

    def validate(self, attrs):
        require_some_language(attrs, "name", self.instance)
        return attrs

    def create(self, validated_data):
        try:
            return topic_create(fields=validated_data)
        except DjangoValidationError as error:
            raise api_errors(error) from None

    def update(self, instance, validated_data):
        try:
            return topic_update(topic=instance, fields=validated_data)
        except DjangoValidationError as error:
            raise api_errors(error) from None
