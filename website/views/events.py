"""The event list, its calendar, and an event's page and calendar."""

import hashlib
from typing import Any

from django.core.paginator import EmptyPage
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from events.caching import cached_aggregate
from events.models import Event
from events.selectors.events import (
    can_preview_drafts,
    event_detail_queryset,
    event_list_queryset,
    order_events,
)
from events.selectors.listing import filter_events
from website.calendar import ical_calendar
from website.forms import EventFilterForm
from website.links import absolute
from website.pages.event import event_page
from website.pages.outcomes import event_outcomes
from website.paging import CappedPaginator
from website.structured_data import event_json_ld
from website.views import noindex

EVENTS_PER_PAGE = 20
# Longer lists say "more than" this many, and are not counted further; a
# list searched by words is counted by reading each match's text, so less far.
LIST_COUNT_CAP = 10_000
SEARCHED_LIST_COUNT_CAP = 100
# A calendar subscription gets this many events of a filtered list, newest first.
CALENDAR_EVENTS = 1000


def _page_number(raw: str | None) -> int | None:
    """The page asked for, or None when it is not a page number at all."""
    if raw in (None, ""):
        return 1
    try:
        number = int(raw)
    except ValueError:
        return None
    return number if number >= 1 else None


def _without(query: QueryDict, *names: str) -> str:
    """The query string without the named parameters, with a leading ? if any remain."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else ""


def _active_filters(form: EventFilterForm, query: QueryDict) -> list[dict[str, Any]]:
    """Filters in force, each with its label, value and a link that removes it."""
    active = []
    for name, value in form.given().items():
        shown = value
        if name == "kind":
            shown = capfirst(dict(form.fields["kind"].choices)[value])
        active.append(
            {
                "name": name,
                "label": form.fields[name].label,
                "value": shown,
                "remove": _without(query, name, "page"),
            }
        )
    return active


def _no_page_notice(paginator: CappedPaginator, number: int | None) -> str:
    if paginator.is_capped:
        return gettext("There is no page %(page)s: this list ends earlier.") % {"page": number}
    return gettext("There is no page %(page)s: this list has %(pages)s.") % {
        "page": number,
        "pages": paginator.num_pages,
    }


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    form.is_valid()  # invalid filters are reported and left out
    events = filter_events(event_list_queryset(request.user), form.filters())
    events = order_events(events, form.ordering_value())
    notices = []
    number = _page_number(request.GET.get("page"))
    if number is None:
        notices.append(
            gettext("“%(page)s” is not a page number; here is the first page.")
            % {"page": request.GET.get("page")}
        )
    # No full count: see website/paging.py.
    cap = SEARCHED_LIST_COUNT_CAP if form.filters().q.strip() else LIST_COUNT_CAP
    paginator = CappedPaginator(events, EVENTS_PER_PAGE, cap=cap)
    try:
        page = paginator.page(number or 1)
    except EmptyPage:
        page = None
        notices.append(_no_page_notice(paginator, number))
    context = {
        "form": form,
        "page": page,
        "page_range": paginator.elided_range(page.number) if page else [],
        "paginator": paginator,
        "notices": notices,
        "active_filters": _active_filters(form, request.GET),
        # The calendar of this list, without what was not understood.
        "calendar_query": _without(request.GET, "page", "ordering", *form.errors),
    }
    status = 400 if form.errors or number is None else 200
    response = render(request, "website/event_list.html", context, status=status)
    return noindex(response) if page is None or status != 200 else response


@require_safe
def event_list_ics(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET, shown=False)
    if not form.is_valid():
        messages = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponse(
            "\n".join(messages), status=400, content_type="text/plain; charset=utf-8"
        )
    filters = form.filters()

    def build() -> bytes:
        events = filter_events(event_list_queryset(request.user), filters).prefetch_related(
            "topics"
        )
        return ical_calendar(
            order_events(events)[:CALENDAR_EVENTS],
            name=gettext("Public diplomacy events"),
            url_for=lambda event: absolute(event.get_absolute_url()),
        )

    # Calendar apps poll subscribed lists; writing a thousand events takes most
    # of a second, so each list is kept until an event changes.
    preview = can_preview_drafts(request.user)
    described = repr(sorted((name, str(value)) for name, value in form.given().items()))
    key = hashlib.sha256(f"{get_language()}|{preview}|{described}".encode()).hexdigest()
    body = cached_aggregate(f"list-ics:{key}", build)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if preview:
        response["Cache-Control"] = "private"
    return response


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(event_detail_queryset(request.user), slug=slug)
    page = event_page(event, request.user)
    context = {
        "page": page,
        "event": event,
        "json_ld": event_json_ld(page, absolute=absolute, language=get_language()),
        "outcomes": event_outcomes(event, request.user),
    }
    response = render(request, "website/event_detail.html", context)
    # A draft is shown to editors only; it must not be cached or indexed.
    if page.is_draft:
        response["Cache-Control"] = "private, no-store"
        noindex(response)
    return response


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(
        event_list_queryset(request.user).prefetch_related("topics"), slug=slug
    )
    body = ical_calendar(
        [event], name=event.title, url_for=lambda item: absolute(item.get_absolute_url())
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    if event.status == Event.Status.DRAFT:
        response["Cache-Control"] = "private, no-store"
    return response
