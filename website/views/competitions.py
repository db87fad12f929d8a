"""Competitions and a competition's page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from events.selectors.competitions import competition_queryset, competitions_with_counts
from website.pages.competition import edition_pages


@require_safe
def competition_list(request: HttpRequest) -> HttpResponse:
    context = {"competitions": competitions_with_counts()}
    return render(request, "website/competition_list.html", context)


@require_safe
def competition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(competition_queryset(request.user), slug=slug)
    context = {"competition": competition, "editions": edition_pages(competition)}
    return render(request, "website/competition_detail.html", context)
