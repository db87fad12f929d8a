"""What events achieved, as the API shows and takes it: outcomes with their
parties (inside an event, and as the read-only /outcomes/ list), and an
event's reported and derived figures.

The event's serializers (events/api/serializers.py) nest these; nothing here
imports them, so the two modules do not import each other.
"""

from dataclasses import fields

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets

from diplomacy.api.fields import CodeField, PublicUrlField, TranslatedField, require_some_language
from diplomacy.api.filters import (
    CodeChoiceFilter,
    OrderedFilterSet,
    OrderingFilter,
    SlugChoiceFilter,
    UpdatedSinceFilter,
    YearFilter,
)
from diplomacy.api.views import ApiViewMixin
from events.models import Event, Outcome, OutcomeParty, ReportedFigures
from events.selectors.events import visible_events
from events.selectors.outcomes import (
    DEFAULT_OUTCOME_ORDERING,
    OUTCOME_ORDERINGS,
    OutcomeFilters,
    derived_figures,
    filter_outcomes,
    outcome_queryset,
    visible_follow_up,
)
from people.models import Country, Organization
from people.summaries import CountrySummarySerializer, OrganizationSummarySerializer

# --- reads -----------------------------------------------------------------------------


class OutcomeEventSerializer(serializers.ModelSerializer):
    """An event an outcome came out of, or that carried a plan out."""

    title = TranslatedField()
    url = PublicUrlField()

    class Meta:
        model = Event
        fields = ["slug", "title", "kind", "start_date", "url"]


class PartySerializer(serializers.ModelSerializer):
    organization = OrganizationSummarySerializer(allow_null=True)
    country = CountrySummarySerializer(
        allow_null=True, help_text="Set when the state itself is a party."
    )

    class Meta:
        model = OutcomeParty
        fields = ["organization", "country", "role"]


class EventOutcomeSerializer(serializers.ModelSerializer):
    """An outcome as its event shows it."""

    title = TranslatedField()
    text = TranslatedField()
    date = serializers.DateField(
        allow_null=True, help_text="Set only when it differs from the event's start."
    )
    planned_start = serializers.DateField(
        allow_null=True, help_text="For a plan: the date it names, or its period's first day."
    )
    planned_end = serializers.DateField(
        allow_null=True, help_text="For a plan naming a period: its last day."
    )
    follow_up = serializers.SerializerMethodField(
        help_text="For a plan: the event that carried it out, once it has."
    )
    carried_out = serializers.SerializerMethodField(
        help_text="For a plan: whether an event carried it out; null for other kinds."
    )
    parties = PartySerializer(many=True)
    url = PublicUrlField(help_text="Where the event's page shows it.")

    class Meta:
        model = Outcome
        fields = [
            "slug",
            "url",
            "kind",
            "title",
            "text",
            "date",
            "document_url",
            "planned_start",
            "planned_end",
            "follow_up",
            "carried_out",
            "parties",
            "updated_at",
        ]

    @extend_schema_field(OutcomeEventSerializer(allow_null=True))
    def get_follow_up(self, outcome: Outcome) -> dict | None:
        follow_up = visible_follow_up(outcome, self.context["request"].user)
        if follow_up is None:
            return None
        return OutcomeEventSerializer(follow_up, context=self.context).data

    @extend_schema_field(serializers.BooleanField(allow_null=True))
    def get_carried_out(self, outcome: Outcome) -> bool | None:
        if outcome.kind != Outcome.Kind.PLAN:
            return None
        return visible_follow_up(outcome, self.context["request"].user) is not None


class OutcomeSerializer(EventOutcomeSerializer):
    """An outcome in the /outcomes/ list, with the event it came out of."""

    event = OutcomeEventSerializer()

    class Meta(EventOutcomeSerializer.Meta):
        fields = [
            "slug",
            "url",
            "event",
            *(name for name in EventOutcomeSerializer.Meta.fields if name not in ("slug", "url")),
        ]


class EventReportedFiguresSerializer(serializers.Serializer):
    participants = serializers.IntegerField(allow_null=True)
    countries = serializers.IntegerField(allow_null=True)
    regions = serializers.IntegerField(allow_null=True)
    organizations = serializers.IntegerField(allow_null=True)
    text = TranslatedField(help_text="The figures in the organizers' own words.")


@extend_schema_field(EventReportedFiguresSerializer)
class EventReportedFiguresField(serializers.Field):
    """The figures as the organizers reported them; every one null when none are."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, event: Event) -> dict:
        try:
            figures = event.reported_figures
        except ReportedFigures.DoesNotExist:
            figures = ReportedFigures(event=event)
        return EventReportedFiguresSerializer(figures).data


class EventDerivedFiguresSerializer(serializers.Serializer):
    participants = serializers.IntegerField(
        help_text="People taking part (once each), and participants named only by post."
    )
    countries = serializers.IntegerField(
        help_text="Countries the participants come from: a person's own, else that of the "
        "organization they represented or held their post in."
    )
    organizations = serializers.IntegerField(
        help_text="Organizations with a role, or that a participant represented or held a post in."
    )


@extend_schema_field(EventDerivedFiguresSerializer)
class EventDerivedFiguresField(serializers.Field):
    """Figures counted from the participants and organizations on record."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, event: Event) -> dict:
        return EventDerivedFiguresSerializer(derived_figures(event)).data


# --- writes, inside an event ----------------------------------------------------------


@extend_schema_field({"type": "string", "description": "The slug of an event."})
class FollowUpEventField(serializers.SlugRelatedField):
    """An event by slug among those the user may see, so a draft's slug is
    not confirmed to someone who may not see it."""

    def __init__(self, **kwargs) -> None:
        super().__init__(slug_field="slug", **kwargs)

    def get_queryset(self):
        return visible_events(self.context["request"].user)


class PartyWriteSerializer(serializers.Serializer):
    organization = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organization.objects.all(),
        allow_null=True,
        required=False,
        help_text="Slug of the organization; leave out when the party is a country.",
    )
    country = CodeField(
        queryset=Country.objects.all(),
        allow_null=True,
        required=False,
        help_text="ISO code, when the state itself is a party; leave out for an organization.",
    )
    role = serializers.ChoiceField(
        choices=OutcomeParty.Role.choices, required=False, default=OutcomeParty.Role.SIGNATORY
    )

    def validate(self, attrs):
        organization, country = attrs.get("organization"), attrs.get("country")
        if organization is None and country is None:
            raise serializers.ValidationError(
                {"organization": ["Name the party: an organization's slug or a country's code."]}
            )
        if organization is not None and country is not None:
            raise serializers.ValidationError(
                {"country": ["A party is an organization or a country, not both."]}
            )
        return attrs


PLAN_FIELDS = ("planned_start", "planned_end", "follow_up")


class OutcomeWriteSerializer(serializers.Serializer):
    slug = serializers.SlugField(
        max_length=200,
        required=False,
        help_text="Send an outcome's slug to keep it (and its address); made from the title "
        "when left out.",
    )
    kind = serializers.ChoiceField(choices=Outcome.Kind.choices)
    title = TranslatedField(max_length=500)
    text = TranslatedField(required=False)
    date = serializers.DateField(
        allow_null=True, required=False, help_text="Only when it differs from the event's."
    )
    document_url = serializers.URLField(max_length=1000, allow_blank=True, required=False)
    planned_start = serializers.DateField(allow_null=True, required=False)
    planned_end = serializers.DateField(allow_null=True, required=False)
    follow_up = FollowUpEventField(
        allow_null=True, required=False, help_text="For a plan: the event that carried it out."
    )
    parties = PartyWriteSerializer(many=True, required=False)

    def validate_parties(self, parties: list[dict]) -> list[dict]:
        seen: set[tuple[str, object]] = set()
        errors: list[dict] = []
        for party in parties:
            field = "organization" if party.get("organization") else "country"
            key = (field, party[field])
            errors.append({field: ["Already a party to this outcome."]} if key in seen else {})
            seen.add(key)
        if any(errors):
            raise serializers.ValidationError(errors)
        return parties

    def validate(self, attrs):
        require_some_language(attrs, "title")
        if attrs["kind"] != Outcome.Kind.PLAN:
            for name in PLAN_FIELDS:
                if attrs.get(name) is not None:
                    raise serializers.ValidationError({name: ["Only a plan has this."]})
        return attrs


class EventReportedFiguresWriteSerializer(serializers.Serializer):
    participants = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    countries = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    regions = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    organizations = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    text = TranslatedField(max_length=500, required=False)


# --- the /outcomes/ list ----------------------------------------------------------------


FILTER_NAMES = [field.name for field in fields(OutcomeFilters)]


def _visible_events(request) -> QuerySet[Event]:
    return visible_events(request.user) if request is not None else Event.objects.none()


class OutcomeFilter(OrderedFilterSet):
    """Parsed here, applied by events.selectors.outcomes.filter_outcomes."""

    kind = django_filters.ChoiceFilter(choices=Outcome.Kind.choices)
    party_organization = SlugChoiceFilter(
        queryset=Organization.objects.all(), help_text="Slug of an organization that is a party."
    )
    party_country = CodeChoiceFilter(
        queryset=Country.objects.all(),
        help_text="ISO code of a country that is a party, itself or through an organization "
        "based in it.",
    )
    year = YearFilter(help_text="The year of its date (its own, or else its event's start).")
    event = SlugChoiceFilter(
        queryset=_visible_events, help_text="Slug of the event it came out of."
    )
    updated_since = UpdatedSinceFilter()
    ordering = OrderingFilter(OUTCOME_ORDERINGS, default=DEFAULT_OUTCOME_ORDERING)

    selector_filters = OutcomeFilters
    selector = staticmethod(filter_outcomes)

    class Meta:
        model = Outcome
        fields = [*FILTER_NAMES, "ordering"]


class OutcomeViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    """Outcomes of events — agreements, memoranda, resolutions, declarations,
    statements, recommendations, plans and awards — with their parties,
    newest first. Outcomes of drafts are shown only to those who may see the
    drafts. Write them with their event, through /events/."""

    serializer_class = OutcomeSerializer
    filterset_class = OutcomeFilter
    lookup_field = "slug"
    queryset = Outcome.objects.none()

    def get_queryset(self) -> QuerySet[Outcome]:
        return outcome_queryset(self.request.user)
