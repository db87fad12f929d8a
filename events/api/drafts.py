"""POST /api/v1/drafts/: the assistant's proposal for a report's text, not saved.

The answer is `Proposal.to_dict()` as docs/assistant.md documents it (the
same JSON as `draft_from_report --json`); the serializers below describe it
for the OpenAPI schema and read the request.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response

from diplomacy.api.fields import StrictSerializer
from diplomacy.api.views import ApiViewMixin
from events.assistant import ReportError, propose_event
from events.models import Event, EventOrganization, Participation

EMPTY_TEXT = "The text is empty; paste the report."
# The languages the assistant reads (ReportLanguageEnum in the schema).
REPORT_LANGUAGES = [("ru", "Russian"), ("en", "English")]


class ReportSerializer(StrictSerializer):
    """A report to read: its text, and its language when known."""

    text = serializers.CharField(
        trim_whitespace=False,
        error_messages={"blank": EMPTY_TEXT},
        help_text="The report: plain text, or HTML pasted from a web page (its markup is "
        "removed first). Russian or English; at most 1 MB.",
    )
    language = serializers.ChoiceField(
        choices=REPORT_LANGUAGES,
        required=False,
        allow_null=True,
        help_text="The report's language; detected when left out.",
    )


class _Translated(serializers.Serializer):
    en = serializers.CharField(allow_null=True)
    ru = serializers.CharField(allow_null=True)
    ky = serializers.CharField(allow_null=True)


def _translated(help_text: str) -> _Translated:
    return _Translated(help_text=f"{help_text} In the report's language; the others null.")


class _Evidence(serializers.Serializer):
    start = serializers.IntegerField(help_text="Offset of the span in the cleaned text.")
    end = serializers.IntegerField(help_text="Offset just past the span.")
    text = serializers.CharField(help_text="The span itself, as the cleaned text words it.")


def _evidence() -> _Evidence:
    return _Evidence(help_text="Where in the report (markup removed) this was read.")


class _Match(serializers.Serializer):
    name = serializers.CharField(help_text="As the report names it.")
    match = serializers.CharField(
        allow_null=True, help_text="Slug of the record it matches; null: not on record."
    )


class ProposedEventSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=Event.Kind.choices, allow_null=True, help_text="From the lead's wording."
    )
    title = _translated("The event's title, from the lead or the headline.")
    start_date = serializers.DateField(allow_null=True, help_text="The first date in the body.")
    start_time = serializers.CharField(
        allow_null=True, help_text="HH:MM, the venue's local time, when the report gives one."
    )
    end_date = serializers.DateField(allow_null=True, help_text="The end of a date range.")
    city = _translated("The first city named.")
    host_country = serializers.CharField(
        allow_null=True, help_text="ISO 3166-1 alpha-2 code, from the city or the first country."
    )
    region = serializers.CharField(allow_null=True, help_text="ISO 3166-2 code.")
    timezone = serializers.CharField(allow_null=True, help_text="The city's IANA time zone.")
    venue = _translated("The building or hall, when the lead names one.")
    summary = _translated("The lead paragraph.")
    countries = serializers.ListField(
        child=serializers.CharField(),
        help_text="ISO codes: the host and every country named twice outside quotations.",
    )
    topics = serializers.ListField(
        child=serializers.CharField(), help_text="Slugs of registry topics the text names."
    )
    competition = _Match(allow_null=True, help_text="The competition it was part of.")


class ProposedPersonSerializer(serializers.Serializer):
    name = serializers.CharField(
        allow_null=True, help_text="In the nominative; null for a post given without a name."
    )
    match = serializers.CharField(
        allow_null=True, help_text="Slug of the person on record; null: a new person."
    )
    title = serializers.CharField(help_text="The post as worded in the report (may be empty).")
    organization = _Match(allow_null=True, help_text="The body the title belongs to.")
    role = serializers.ChoiceField(
        choices=Participation.Role.choices,
        help_text="The part they played, from the report's wording.",
    )
    evidence = _evidence()


class ProposedOrganizationSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="As the report names it.")
    match = serializers.CharField(
        allow_null=True, help_text="Slug of the organization on record; null: new."
    )
    role = serializers.ChoiceField(
        choices=EventOrganization.Role.choices, help_text="Its role in the event."
    )
    evidence = _evidence()


class ProposedQuoteSerializer(serializers.Serializer):
    person = serializers.CharField(help_text="The speaker, as named among the people.")
    text = serializers.CharField(help_text="The quotation.")
    language = serializers.ChoiceField(choices=REPORT_LANGUAGES, help_text="The report's language.")
    evidence = _evidence()


class ProposedSourceSerializer(serializers.Serializer):
    title = serializers.CharField(allow_null=True, help_text="The report's headline.")
    rubric = serializers.CharField(allow_null=True, help_text="The section it appeared under.")
    published_at = serializers.CharField(
        allow_null=True,
        help_text="When it was published, ISO 8601 without an offset (as the dateline gives it).",
    )


class ProposalSerializer(serializers.Serializer):
    language = serializers.ChoiceField(
        choices=REPORT_LANGUAGES, help_text="The language the report was read in."
    )
    event = ProposedEventSerializer()
    people = ProposedPersonSerializer(many=True, help_text="Participants, in order of mention.")
    organizations = ProposedOrganizationSerializer(
        many=True, help_text="Organizations named with a role."
    )
    quotes = ProposedQuoteSerializer(many=True, help_text="Quotations with their speakers.")
    source = ProposedSourceSerializer(help_text="The report's headline, rubric and dateline.")


class MayAddEvents(BasePermission):
    """A token (or session) of a user who may add events."""

    def has_permission(self, request: Request, view) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and user.has_perm("events.add_event"))


class DraftView(ApiViewMixin, GenericAPIView):
    """Propose an event from the text of a press report: its facts, people with
    titles and roles, organizations with roles and quotations, each matched to
    the registry where a record exists. Nothing is saved; see
    docs/assistant.md. Needs a token of a user who may add events."""

    permission_classes = [MayAddEvents]
    serializer_class = ReportSerializer

    @extend_schema(
        request=ReportSerializer,
        responses={200: ProposalSerializer},
        summary="Propose a draft event from a report's text",
        operation_id="drafts_create",
    )
    def post(self, request: Request) -> Response:
        body = ReportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            proposal = propose_event(
                body.validated_data["text"], language=body.validated_data.get("language")
            )
        except ReportError as error:
            raise serializers.ValidationError({"text": [str(error)]}) from None
        return Response(proposal.to_dict())
