from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from people.models import Country, Organization, Person


def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(
        Person.objects.prefetch_related("positions__organization"), slug=slug
    )
    return render(request, "people/person_detail.html", {"person": person})


def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.select_related("country"), slug=slug)
    return render(request, "people/organization_detail.html", {"organization": organization})


def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    country = get_object_or_404(Country, code=code.upper())
    return render(request, "people/country_detail.html", {"country": country})
