"""Countries: the list, a country's page and the two-country view."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from events.selectors.figures import most_involved_countries
from people.models import Country
from website.forms import PartnerCountryForm
from website.pages.places import bilateral as bilateral_page
from website.pages.places import country_page
from website.views import noindex

BILATERAL_EVENTS = 200


def is_country_code(code: str) -> bool:
    """Two Latin letters: anything else in the address is no country at all."""
    return len(code) == 2 and code.isascii() and code.isalpha()


def _country(code: str) -> Country:
    if not is_country_code(code):
        raise Http404
    return get_object_or_404(Country, code=code.upper())


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    context = {"countries": most_involved_countries()}
    return render(request, "website/country_list.html", context)


@require_safe
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    if not is_country_code(code):
        raise Http404
    if code != code.lower():
        # One address per page: /countries/KG/ and /countries/kg/ are the same.
        return redirect("website:country", code=code.lower(), permanent=True)
    country = _country(code)
    page = country_page(country, request.user)
    context = {
        "country": country,
        "regions": page.regions,
        "actors": page.actors,
        "agreements": page.agreements,
        "events_section": {
            "country": country,
            "events": page.events,
            "partner_form": PartnerCountryForm(exclude=country),
        },
    }
    return render(request, "website/country_detail.html", context)


@require_safe
def bilateral_pick(request: HttpRequest, code: str) -> HttpResponse:
    """The no-script way to open a bilateral view: a GET form, then a redirect."""
    country = _country(code.lower())
    form = PartnerCountryForm(request.GET, exclude=country)
    if form.is_valid():
        return redirect(
            "website:bilateral", code=code.lower(), other=form.cleaned_data["country"].code.lower()
        )
    context = {"country": country, "form": form}
    return noindex(render(request, "website/bilateral_pick.html", context, status=400))


@require_safe
def bilateral(request: HttpRequest, code: str, other: str) -> HttpResponse:
    if code != code.lower() or other != other.lower():
        return redirect("website:bilateral", code=code.lower(), other=other.lower(), permanent=True)
    if code == other:
        return redirect("website:country", code=code)
    first, second = _country(code), _country(other)
    context = {
        "first": first,
        "second": second,
        "data": bilateral_page(first, second, request.user, limit=BILATERAL_EVENTS),
        "form": PartnerCountryForm(initial={"country": second.code}, exclude=first),
    }
    return render(request, "website/bilateral.html", context)
