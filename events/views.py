from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from events.models import Competition
from events.selectors import event_detail_queryset, visible_events


def home(request: HttpRequest) -> HttpResponse:
    events = visible_events(request.user).select_related("host_country")[:10]
    return render(request, "events/home.html", {"events": events})


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(event_detail_queryset(request.user), slug=slug)
    return render(request, "events/event_detail.html", {"event": event})


def competition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(Competition.objects.prefetch_related("editions"), slug=slug)
    return render(request, "events/competition_detail.html", {"competition": competition})
