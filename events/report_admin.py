"""The admin's "New event from a report": paste a report, review the proposal
with its evidence marked in the text, correct it, accept it as a draft.

The reading and the saving are the assistant's (events/assistant/review.py);
this module holds the forms and the one view that shows them.
"""

from zoneinfo import available_timezones

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget, AdminTimeWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from diplomacy.admin import PreloadedAutocompleteSelect
from events.assistant import Proposal, ReportError, propose_event
from events.assistant.review import accept_review, evidence_segments
from events.assistant.text import has_markup
from events.models import Event, EventOrganization, Participation, Topic
from people.models import Country, Organization, Person, Region

EMPTY = [("", "---------")]


def _timezones() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones())]


class ReportForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the report"),
        widget=forms.Textarea(attrs={"rows": 14, "class": "vLargeTextField"}),
        error_messages={"required": _("The text is empty; paste the report.")},
        help_text=_("Russian or English; text copied from a web page is reduced to its words."),
    )
    url = forms.URLField(
        label=_("Link to the source"), required=False, max_length=1000, assume_scheme="https"
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=300)
    published = forms.DateField(
        label=_("Date of publication"),
        required=False,
        widget=AdminDateWidget,
        help_text=_("When left empty, the date the report gives."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("detect")), ("en", _("English")), ("ru", _("Russian"))],
    )

    def propose(self) -> Proposal | None:
        """The assistant's proposal for the text, or None with the refusal on `text`."""
        try:
            return propose_event(
                self.cleaned_data["text"], language=self.cleaned_data["language"] or None
            )
        except ReportError as error:
            self.add_error("text", str(error))
            return None


class DraftEventForm(forms.Form):
    language = forms.ChoiceField(choices=[("en", "en"), ("ru", "ru")], widget=forms.HiddenInput)
    published_at = forms.CharField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("kind"), choices=Event.Kind.choices)
    title = forms.CharField(label=_("title"), max_length=300)
    start_date = forms.DateField(label=_("start date"), widget=AdminDateWidget)
    start_time = forms.TimeField(label=_("start time"), required=False, widget=AdminTimeWidget)
    end_date = forms.DateField(label=_("end date"), required=False, widget=AdminDateWidget)
    timezone = forms.ChoiceField(label=_("Time zone"), choices=_timezones, initial="UTC")
    city = forms.CharField(label=_("city"), required=False, max_length=120)
    host_country = forms.ModelChoiceField(
        Country.objects.all(), label=_("host country"), required=False, to_field_name="code"
    )
    region = forms.CharField(
        label=_("region"), required=False, max_length=10, help_text=_("ISO 3166-2, such as KG-GB.")
    )
    venue = forms.CharField(label=_("venue"), required=False, max_length=300)
    summary = forms.CharField(label=_("summary"), required=False, widget=forms.Textarea)
    countries = forms.CharField(
        label=_("participating countries"),
        required=False,
        help_text=_("ISO codes separated by commas, such as RU, KG."),
    )
    topics = forms.ModelMultipleChoiceField(
        Topic.objects.all(),
        label=_("topics"),
        required=False,
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )
    source_title = forms.CharField(
        label=_("headline of the source"), required=False, max_length=500
    )
    rubric = forms.CharField(label=_("rubric"), required=False, max_length=200)

    def clean_countries(self) -> list[Country]:
        codes = [code.strip().upper() for code in self.cleaned_data["countries"].split(",")]
        codes = [code for code in codes if code]
        found = {country.code: country for country in Country.objects.filter(code__in=codes)}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise ValidationError(
                gettext("No country has the code %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        return [found[code] for code in dict.fromkeys(codes)]

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("region") or "").strip().upper()
        if code:
            region = Region.objects.filter(code=code, country=cleaned.get("host_country")).first()
            if region is None:
                self.add_error("region", gettext("No region of the host country has this code."))
            cleaned["region"] = region
        else:
            cleaned["region"] = None
        return cleaned


def _autocomplete(model_field) -> PreloadedAutocompleteSelect:
    return PreloadedAutocompleteSelect(model_field, admin.site)


class PersonRowForm(forms.Form):
    name = forms.CharField(
        label=_("name"),
        required=False,
        max_length=200,
        help_text=_("Empty for a post without a name."),
    )
    match = forms.ModelChoiceField(
        Person.objects.all(),
        label=_("person on record"),
        required=False,
        widget=_autocomplete(Participation._meta.get_field("person")),
        help_text=_("Empty: a new person."),
    )
    title = forms.CharField(
        label=_("title as worded"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organization = forms.CharField(
        label=_("organization"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    organization_match = forms.ModelChoiceField(
        Organization.objects.all(),
        label=_("organization on record"),
        required=False,
        widget=_autocomplete(Participation._meta.get_field("organization")),
    )
    role = forms.ChoiceField(label=_("role"), choices=EMPTY + Participation.Role.choices)

    def clean(self):
        cleaned = super().clean()
        given = ("name", "match", "organization", "organization_match")
        if not any(cleaned.get(name) for name in given):
            raise ValidationError(gettext("Give a name, or the organization of the post."))
        return cleaned


class OrganizationRowForm(forms.Form):
    name = forms.CharField(label=_("name"), required=False, max_length=300)
    match = forms.ModelChoiceField(
        Organization.objects.all(),
        label=_("organization on record"),
        required=False,
        widget=_autocomplete(EventOrganization._meta.get_field("organization")),
        help_text=_("Empty: a new organization."),
    )
    role = forms.ChoiceField(label=_("role"), choices=EMPTY + EventOrganization.Role.choices)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("name") and not cleaned.get("match"):
            raise ValidationError(gettext("Give the organization's name or choose it on record."))
        return cleaned


class QuoteRowForm(forms.Form):
    person = forms.CharField(label=_("speaker"), max_length=200)
    text = forms.CharField(label=_("quotation"), widget=forms.Textarea(attrs={"rows": 3}))


PeopleFormSet = forms.formset_factory(PersonRowForm, extra=1, can_delete=True)
OrganizationsFormSet = forms.formset_factory(OrganizationRowForm, extra=1, can_delete=True)
QuotesFormSet = forms.formset_factory(QuoteRowForm, extra=0, can_delete=True)


class Review:
    """The correction forms, filled from a proposal or bound to what was sent."""

    def __init__(self, data=None, proposal: Proposal | None = None) -> None:
        records = _records(proposal) if proposal else ({}, {})
        initial = _initial(proposal, *records) if proposal else {}
        self.event = DraftEventForm(data, prefix="event", initial=initial.get("event"))
        self.people = PeopleFormSet(data, prefix="people", initial=initial.get("people"))
        self.organizations = OrganizationsFormSet(
            data, prefix="organizations", initial=initial.get("organizations")
        )
        self.quotes = QuotesFormSet(data, prefix="quotes", initial=initial.get("quotes"))
        self.errors: list[str] = []
        _preload(self, *records)

    def is_valid(self) -> bool:
        # Every form is validated, so each shows its errors.
        valid = [
            form.is_valid() for form in (self.event, self.people, self.organizations, self.quotes)
        ]
        return all(valid)

    def kept(self, formset) -> list[forms.Form]:
        """The rows sent, but for blank and deleted ones, in order."""
        return [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def rows(self, formset) -> list[dict]:
        return [form.cleaned_data for form in self.kept(formset)]

    @property
    def media(self):
        return self.event.media + self.people.media + self.organizations.media


def _records(proposal: Proposal) -> tuple[dict[str, Person], dict[str, Organization]]:
    """The people and organizations the proposal matched, by slug (two queries)."""
    people = {p.match for p in proposal.people if p.match}
    organizations = {o.match for o in proposal.organizations if o.match} | {
        p.organization.match for p in proposal.people if p.organization and p.organization.match
    }
    return (
        {person.slug: person for person in Person.objects.filter(slug__in=people)},
        {o.slug: o for o in Organization.objects.filter(slug__in=organizations)},
    )


def _initial(proposal: Proposal, people: dict, organizations: dict) -> dict:
    event = proposal.event
    return {
        "event": {
            "language": proposal.language,
            "published_at": proposal.source.get("published_at") or "",
            "kind": event.kind,
            "title": event.title,
            "start_date": event.start_date,
            "start_time": event.start_time,
            "end_date": event.end_date,
            "timezone": event.timezone or "UTC",
            "city": event.city,
            "host_country": event.host_country,
            "region": event.region or "",
            "venue": event.venue,
            "summary": event.summary,
            "countries": ", ".join(event.countries),
            "topics": event.topics,
            "source_title": proposal.source.get("title") or "",
            "rubric": proposal.source.get("rubric") or "",
        },
        "people": [
            {
                "name": person.name or "",
                "match": _pk(people, person.match),
                "title": person.title,
                "organization": person.organization.name if person.organization else "",
                "organization_match": _pk(
                    organizations, person.organization and person.organization.match
                ),
                "role": person.role,
            }
            for person in proposal.people
        ],
        "organizations": [
            {"name": o.name, "match": _pk(organizations, o.match), "role": o.role}
            for o in proposal.organizations
        ],
        "quotes": [{"person": quote.person, "text": quote.text} for quote in proposal.quotes],
    }


def _pk(records: dict, slug: str | None) -> int | None:
    record = records.get(slug) if slug else None
    return record.pk if record else None


def _preload(review: Review, people: dict, organizations: dict) -> None:
    """The matched records' labels, so that no widget looks its own up."""
    people_labels = {str(person.pk): str(person) for person in people.values()}
    organization_labels = {str(o.pk): str(o) for o in organizations.values()}
    for form in review.people.forms:
        form.fields["match"].widget.preloaded = people_labels
        form.fields["organization_match"].widget.preloaded = organization_labels
    for form in review.organizations.forms:
        form.fields["match"].widget.preloaded = organization_labels


def report_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    """GET: the empty form; "preview": the proposal to review; "accept": the draft."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    report = ReportForm(request.POST or None)
    proposal, review = None, None
    if request.method == "POST":
        report_valid = report.is_valid()
        if "_accept" in request.POST:
            # The corrections stay on the page whatever is wrong.
            review = Review(request.POST)
            if not report_valid:
                review.is_valid()  # so that its errors show too
            elif (event := _accept(report, review)) is not None:
                return _saved(model_admin, request, event)
        if report_valid:
            # The text again, to show its evidence beside the forms.
            proposal = report.propose()
            if review is None and proposal is not None:
                review = Review(proposal=proposal)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("New event from a report"),
        "report": report,
        "review": review,
        "segments": evidence_segments(proposal) if proposal else None,
        "markup_removed": proposal is not None and has_markup(report.cleaned_data["text"]),
        "media": model_admin.media + report.media + (review.media if review else forms.Media()),
    }
    return render(request, "admin/events/event/from_report.html", context)


def _accept(report: ReportForm, review: Review) -> Event | None:
    if not review.is_valid():
        return None
    event = review.event.cleaned_data
    try:
        return accept_review(
            language=event["language"],
            event=event,
            people=review.rows(review.people),
            organizations=review.rows(review.organizations),
            quotes=review.rows(review.quotes),
            source={
                "title": event["source_title"],
                "rubric": event["rubric"],
                "url": report.cleaned_data["url"],
                "publisher": report.cleaned_data["publisher"],
                "published": report.cleaned_data["published"],
                "published_at": event["published_at"] or None,
            },
        )
    except ReportError as error:
        review.errors = [str(error)]
    except ValidationError as error:
        _show_errors(review, error)
    return None


def _show_errors(review: Review, error: ValidationError) -> None:
    """A row the services refused gets its message on its own form row."""
    nested = getattr(error, "nested", None)
    if not nested:
        review.errors = list(error.messages)
        return
    formsets = {
        "participations": review.people,
        "organization_roles": review.organizations,
        "quotes": review.quotes,
    }
    for related_name, rows in nested.items():
        formset = formsets.get(related_name)
        kept = review.kept(formset) if formset else []
        for index, found in rows.items():
            texts = found
            if isinstance(found, dict):
                texts = [
                    text if name == "__all__" else f"{name}: {text}"
                    for name, field_texts in found.items()
                    for text in field_texts
                ]
            if int(index) < len(kept):
                for text in texts:
                    kept[int(index)].add_error(None, text)
            else:
                review.errors.extend(texts)


def _saved(model_admin: admin.ModelAdmin, request: HttpRequest, event: Event) -> HttpResponse:
    model_admin.message_user(
        request,
        gettext(
            "The draft event “%(title)s” was created from the report; check it, then publish it."
        )
        % {"title": event},
        messages.SUCCESS,
    )
    return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
