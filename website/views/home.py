"""The home page, search and statistics."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from events.selectors.listing import search_event_matches
from people.selectors import search_organizations, search_people
from website import charts
from website.forms import SearchForm
from website.pages.home import home as home_page
from website.pages.statistics import Statistics
from website.pages.statistics import statistics as statistics_page
from website.views import noindex

SEARCH_RESULTS = 20


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {"home": home_page(request.user), "search_form": SearchForm()}
    return render(request, "website/home.html", context)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context: dict[str, Any] = {"form": form, "query": text}
    if text:
        context |= {
            "events": search_event_matches(request.user, text, limit=SEARCH_RESULTS),
            "people": search_people(text, limit=SEARCH_RESULTS),
            "organizations": search_organizations(text, limit=SEARCH_RESULTS),
            "limit": SEARCH_RESULTS,
        }
    status = 400 if form.errors else 200
    return noindex(render(request, "website/search.html", context, status=status))


def _charts(figures: Statistics) -> list[charts.BarChart]:
    events_url = reverse("website:list")
    return [
        charts.bar_chart(
            "per-year",
            gettext("Events per year"),
            [(str(year), count, f"{events_url}?year={year}") for year, count in figures.per_year],
            label_heading=gettext("Year"),
        ),
        charts.bar_chart(
            "per-kind",
            gettext("Events per kind"),
            [
                (capfirst(label), count, f"{events_url}?kind={kind}")
                for kind, label, count in figures.per_kind
            ],
            label_heading=gettext("Kind"),
        ),
        charts.bar_chart(
            "per-host-country",
            gettext("Events per host country"),
            [
                (country.name, count, f"{events_url}?host_country={country.code.lower()}")
                for country, count in figures.per_host_country
            ],
            label_heading=gettext("Host country"),
        ),
        charts.bar_chart(
            "top-organizations",
            gettext("Most active organizations"),
            [
                (
                    organization.brief_name,
                    count,
                    f"{events_url}?organization_involved={organization.slug}",
                )
                for organization, count in figures.top_organizations
            ],
            label_heading=gettext("Organization"),
        ),
        charts.bar_chart(
            "top-countries",
            gettext("Most involved countries"),
            [
                (country.name, count, f"{events_url}?country={country.code.lower()}")
                for country, count in figures.top_countries
            ],
            label_heading=gettext("Country"),
        ),
    ]


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    figures = statistics_page()
    context = {"figures": figures, "charts": _charts(figures)}
    return render(request, "website/statistics.html", context)
