"""Pages of people, organizations and countries.

What other apps know about them (events, quotes, competition entries) comes
in as registered sections (people/pages.py), so these views never import
`events`.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from people import pages, selectors
from people.models import Country

# Organizations and people listed on a country page before "and N more".
COUNTRY_ACTORS_SHOWN = 30


def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(selectors.person_queryset(), slug=slug)
    context = {
        "person": person,
        "display_name": selectors.display_name(person),
        "name_variants": selectors.name_variants(person),
        "sections": pages.sections("person", request, person),
    }
    return render(request, "people/person_detail.html", context)


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(selectors.organization_queryset(), slug=slug)
    context = {
        "organization": organization,
        "members": selectors.organization_members(organization),
        "sections": pages.sections("organization", request, organization),
    }
    return render(request, "people/organization_detail.html", context)


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if code != code.lower():
        # One address per page: /countries/KG/ and /countries/kg/ are the same.
        return redirect("people:country", code=code.lower(), permanent=True)
    if len(code) != 2:
        raise Http404
    country = get_object_or_404(Country, code=code.upper())
    context = {
        "country": country,
        "regions": selectors.country_regions(country),
        "actors": selectors.country_actors(country, limit=COUNTRY_ACTORS_SHOWN),
        "sections": pages.sections("country", request, country),
    }
    return render(request, "people/country_detail.html", context)
