"""The pages of a person and of an organization."""

from dataclasses import fields

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from people.selectors import organization_with_parts, person_queryset
from website.pages.actors import organization_page, person_page


@require_safe
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(person_queryset(), slug=slug)
    return render(
        request, "website/person_detail.html", _context(person_page(person, request.user))
    )


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = get_object_or_404(organization_with_parts(), slug=slug)
    context = _context(organization_page(organization, request.user))
    return render(request, "website/organization_detail.html", context)


def _context(page) -> dict:
    """A page's parts as the template's variables."""
    return {field.name: getattr(page, field.name) for field in fields(page)}
