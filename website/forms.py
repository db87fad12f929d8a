"""Forms of the public pages: the event list's filters and the search box.

They are GET forms, so their state lives in the URL; a bad value becomes a
message next to its field and the filter is left out, never a 500.
"""

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from diplomacy.forms import CodeChoiceField
from diplomacy.text import clean_text
from events.models import Event, Topic
from events.selectors.events import DEFAULT_ORDERING, topics_by_name
from events.selectors.figures import countries_with_events, years_with_events
from events.selectors.listing import EventFilters
from people.models import Country, Organization, Person, Region
from people.selectors import countries_by_name


class PrintableBoundField(forms.BoundField):
    """A field that shows back what was typed without control characters: a
    NUL in the address (?q=%00) is reported as an error, and must not be
    written into the page, where no HTML parser accepts it."""

    def value(self) -> Any:
        value = super().value()
        return clean_text(value, single_line=False) if isinstance(value, str) else value


class SiteForm(forms.Form):
    bound_field_class = PrintableBoundField


class EventFilterForm(SiteForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[
            ("", _("Any kind")),
            *((kind, capfirst(label)) for kind, label in Event.Kind.choices),
        ],
    )
    country = CodeChoiceField(
        label=_("Country (host or taking part)"),
        required=False,
        queryset=Country.objects.all(),
        to_field_name="code",
        empty_label=_("Any country"),
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1900, max_value=2200, widget=forms.Select
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("Any topic"),
    )
    ordering = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-start", _("Date, newest first")),
            ("start", _("Date, oldest first")),
            ("title", _("Title")),
        ],
    )
    # Set by following a link from a person's, organization's or country's
    # page rather than chosen from thousands of options; shown as removable
    # filters above the list and kept in the form as hidden fields.
    host_country = CodeChoiceField(
        label=_("Held in"),
        required=False,
        queryset=Country.objects.all(),
        to_field_name="code",
        widget=forms.HiddenInput,
    )
    region = CodeChoiceField(
        label=_("Region"),
        required=False,
        queryset=Region.objects.select_related("country"),
        to_field_name="code",
        widget=forms.HiddenInput,
    )
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        required=False,
        queryset=Organization.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
    )
    organization_involved = forms.ModelChoiceField(
        label=_("Organization or its people"),
        required=False,
        queryset=Organization.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
    )
    person = forms.ModelChoiceField(
        label=_("Person"),
        required=False,
        queryset=Person.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, shown: bool = True, **kwargs: Any) -> None:
        """`shown=False` for a form that only reads the address (the list's
        calendar): its choices are then not looked up."""
        super().__init__(*args, **kwargs)
        if shown:
            self._offer_choices()

    def _offer_choices(self) -> None:
        # Offer only what has events; any valid value is still accepted, so a
        # link to a country without events gives an empty list, not an error.
        countries = list(countries_with_events())
        self.fields["country"].choices = [
            ("", self.fields["country"].empty_label),
            *((country.code.lower(), country.name) for country in countries),
        ]
        self.fields["year"].widget.choices = [
            ("", _("Any year")),
            *((year, year) for year in years_with_events()),
        ]
        self.fields["topic"].choices = [
            ("", self.fields["topic"].empty_label),
            *((topic.slug, topic.name) for topic in topics_by_name()),
        ]

    def given(self) -> dict[str, Any]:
        """The filters given and understood; invalid ones are left out."""
        data = getattr(self, "cleaned_data", {})
        return {
            name: value
            for name, value in data.items()
            if name != "ordering" and value not in (None, "")
        }

    def filters(self) -> EventFilters:
        """The filters for events.selectors.listing.filter_events."""
        return EventFilters(**self.given())

    def ordering_value(self) -> str:
        return getattr(self, "cleaned_data", {}).get("ordering") or DEFAULT_ORDERING


class SearchForm(SiteForm):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)


class PartnerCountryForm(SiteForm):
    """Picks the second country of a bilateral view."""

    country = CodeChoiceField(
        label=_("Events together with"),
        queryset=Country.objects.all(),
        to_field_name="code",
    )

    def __init__(self, *args: Any, exclude: Country | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        countries = countries_by_name()
        if exclude is not None:
            countries = countries.exclude(pk=exclude.pk)
        self.fields["country"].choices = [
            ("", _("Choose a country")),
            *((country.code.lower(), country.name) for country in countries),
        ]
