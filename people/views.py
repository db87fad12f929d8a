"""Pages of people, organizations and countries.

What other apps know about them (events, quotes, competition entries) comes
in as registered sections (people/pages.py), so these views never import
`events`.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from people import pages, selectors
from people.models import Country


def is_country_code(code: str) -> bool:
    """Two Latin letters: anything else in the address is no country at all."""
    return len(code) == 2 and code.isascii() and code.isalpha()


# Organizations and people listed on a country page before "and N more".
COUNTRY_ACTORS_SHOWN = 30


@require_safe
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(selectors.person_queryset(), slug=slug)
    context = {
        "person": person,
        "display_name": selectors.display_name(person),
        "name_variants": selectors.name_variants(person),
        "sections": pages.sections("person", request, person),
    }
    return render(request, "people/person_detail.html", context)


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(selectors.organization_queryset(), slug=slug)
    context = {
        "organization": organization,
        "members": selectors.organization_members(organization),
        "sections": pages.sections("organization", request, organization),
    }
    return render(request, "people/organization_detail.html", context)


@require_safe
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if not is_country_code(code):
        raise Http404
    if code != code.lower():
        # One address per page: /countries/KG/ and /countries/kg/ are the same.
        return redirect("people:country", code=code.lower(), permanent=True)
    country = get_object_or_404(Country, code=code.upper())
    context = {
        "country": country,
        "regions": selectors.country_regions(country),
        "actors": selectors.country_actors(country, limit=COUNTRY_ACTORS_SHOWN),
        "sections": pages.sections("country", request, country),
    }
    return render(request, "people/country_detail.html", context)
