"""The pages of a person and of an organization."""

from dataclasses import fields

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from people.models import Organization, Person
from people.selectors import merged_target, organization_with_parts, person_queryset
from website.pages.actors import organization_page, person_page


@require_safe
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    person = person_queryset().filter(slug=slug).first()
    if person is None:
        return _merged(Person, slug)
    return render(
        request, "website/person_detail.html", _context(person_page(person, request.user))
    )


@require_safe
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = organization_with_parts().filter(slug=slug).first()
    if organization is None:
        return _merged(Organization, slug)
    context = _context(organization_page(organization, request.user))
    return render(request, "website/organization_detail.html", context)


def _merged(model, slug: str) -> HttpResponse:
    """A duplicate merged into another record sends its readers there for good."""
    target = merged_target(model, slug)
    if target is None:
        raise Http404
    return redirect(target, permanent=True)


def _context(page) -> dict:
    """A page's parts as the template's variables."""
    return {field.name: getattr(page, field.name) for field in fields(page)}
