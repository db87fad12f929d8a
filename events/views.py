"""The public pages about events: thin views over events/site_selectors.py."""

import hashlib
from typing import Any

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from events import charts, site_selectors
from events.calendar import ical_calendar
from events.forms import EventFilterForm, PartnerCountryForm, SearchForm
from events.links import absolute
from events.models import Event
from events.selectors import can_preview_drafts, event_detail_queryset
from events.structured_data import event_json_ld
from people.models import Country
from people.selectors import search_organizations, search_people
from people.views import is_country_code

EVENTS_PER_PAGE = 20
SEARCH_RESULTS = 20
# A calendar subscription gets this many events of a filtered list, newest first.
CALENDAR_EVENTS = 1000
BILATERAL_EVENTS = 200


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    context = {"home": site_selectors.home(request.user), "search_form": SearchForm()}
    return render(request, "events/home.html", context)


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
    filters = form.filters()
    active = []
    for name, value in filters.items():
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


@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    form.is_valid()  # invalid filters are reported and left out
    events = site_selectors.filter_events(
        site_selectors.event_list_queryset(request.user), **form.filters()
    )
    events = site_selectors.order_events(events, form.ordering_value())
    notices = []
    number = _page_number(request.GET.get("page"))
    if number is None:
        notices.append(
            gettext("“%(page)s” is not a page number; here is the first page.")
            % {"page": request.GET.get("page")}
        )
    paginator = Paginator(events, EVENTS_PER_PAGE)
    try:
        page = paginator.page(number or 1)
    except EmptyPage:
        page = None
        notices.append(
            gettext("There is no page %(page)s: this list has %(pages)s.")
            % {"page": number, "pages": paginator.num_pages}
        )
    context = {
        "form": form,
        "page": page,
        "page_range": paginator.get_elided_page_range(page.number) if page else [],
        "paginator": paginator,
        "notices": notices,
        "active_filters": _active_filters(form, request.GET),
        # The calendar of this list, without what was not understood.
        "calendar_query": _without(request.GET, "page", "ordering", *form.errors),
    }
    status = 400 if form.errors or number is None else 200
    response = render(request, "events/event_list.html", context, status=status)
    return _noindex(response) if page is None or status != 200 else response


@require_safe
def event_list_ics(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        messages = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        return HttpResponse(
            "\n".join(messages), status=400, content_type="text/plain; charset=utf-8"
        )
    filters = form.filters()

    def build() -> bytes:
        events = site_selectors.filter_events(
            site_selectors.event_list_queryset(request.user), **filters
        ).prefetch_related("topics")
        return ical_calendar(
            site_selectors.order_events(events)[:CALENDAR_EVENTS],
            name=gettext("Public diplomacy events"),
            url_for=lambda event: absolute(event.get_absolute_url()),
        )

    # Calendar apps poll subscribed lists; writing a thousand events takes most
    # of a second, so each list is kept until an event changes.
    preview = can_preview_drafts(request.user)
    described = repr(sorted((name, str(value)) for name, value in filters.items()))
    key = hashlib.sha256(f"{get_language()}|{preview}|{described}".encode()).hexdigest()
    body = site_selectors.cached_aggregate(f"list-ics:{key}", build)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    if preview:
        response["Cache-Control"] = "private"
    return response


@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(event_detail_queryset(request.user), slug=slug)
    page = site_selectors.event_page(event, request.user)
    context = {
        "page": page,
        "event": event,
        "json_ld": event_json_ld(page, absolute=absolute, language=get_language()),
    }
    response = render(request, "events/event_detail.html", context)
    # A draft is shown to editors only; it must not be cached or indexed.
    if page.is_draft:
        response["Cache-Control"] = "private, no-store"
        _noindex(response)
    return response


@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(
        site_selectors.event_list_queryset(request.user).prefetch_related("topics"), slug=slug
    )
    body = ical_calendar(
        [event], name=event.title, url_for=lambda item: absolute(item.get_absolute_url())
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    if event.status == Event.Status.DRAFT:
        response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def competition_list(request: HttpRequest) -> HttpResponse:
    context = {"competitions": site_selectors.competitions_with_counts()}
    return render(request, "events/competition_list.html", context)


@require_safe
def competition_detail(request: HttpRequest, slug: str) -> HttpResponse:
    competition = get_object_or_404(site_selectors.competition_queryset(request.user), slug=slug)
    context = {
        "competition": competition,
        "editions": site_selectors.edition_pages(competition),
    }
    return render(request, "events/competition_detail.html", context)


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context: dict[str, Any] = {"form": form, "query": text}
    if text:
        context |= {
            "events": site_selectors.search_event_matches(request.user, text, limit=SEARCH_RESULTS),
            "people": search_people(text, limit=SEARCH_RESULTS),
            "organizations": search_organizations(text, limit=SEARCH_RESULTS),
            "limit": SEARCH_RESULTS,
        }
    status = 400 if form.errors else 200
    return _noindex(render(request, "events/search.html", context, status=status))


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    figures = site_selectors.statistics()
    events_url = reverse("events:list")
    chart_list = [
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
                    site_selectors.display_name(organization),
                    count,
                    organization.get_absolute_url(),
                )
                for organization, count in figures.top_organizations
            ],
            label_heading=gettext("Organization"),
        ),
        charts.bar_chart(
            "top-countries",
            gettext("Most involved countries"),
            [
                (country.name, count, country.get_absolute_url())
                for country, count in figures.top_countries
            ],
            label_heading=gettext("Country"),
        ),
    ]
    context = {"figures": figures, "charts": chart_list}
    return render(request, "events/statistics.html", context)


@require_safe
def country_list(request: HttpRequest) -> HttpResponse:
    context = {"countries": site_selectors.most_involved_countries()}
    return render(request, "events/country_list.html", context)


def _country(code: str) -> Country:
    if not is_country_code(code):
        raise Http404
    return get_object_or_404(Country, code=code.upper())


@require_safe
def bilateral_pick(request: HttpRequest, code: str) -> HttpResponse:
    """The no-script way to open a bilateral view: a GET form, then a redirect."""
    country = _country(code.lower())
    form = PartnerCountryForm(request.GET, exclude=country)
    if form.is_valid():
        return redirect(
            "events:bilateral", code=code.lower(), other=form.cleaned_data["country"].code.lower()
        )
    context = {"country": country, "form": form}
    return _noindex(render(request, "events/bilateral_pick.html", context, status=400))


@require_safe
def bilateral(request: HttpRequest, code: str, other: str) -> HttpResponse:
    if code != code.lower() or other != other.lower():
        return redirect("events:bilateral", code=code.lower(), other=other.lower(), permanent=True)
    if code == other:
        return redirect("people:country", code=code)
    first, second = _country(code), _country(other)
    context = {
        "first": first,
        "second": second,
        "data": site_selectors.bilateral(first, second, request.user, limit=BILATERAL_EVENTS),
        "form": PartnerCountryForm(initial={"country": second.code}, exclude=first),
    }
    return render(request, "events/bilateral.html", context)


ROBOTS_DISALLOWED = ["/admin/", "/i18n/"]


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on every page, the admin's included."""
    return redirect(static("img/favicon.svg"), permanent=True)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOWED]
    # Search results are endless and thin; the pages they lead to are in the sitemap.
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    lines += ["", f"Sitemap: {absolute(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
