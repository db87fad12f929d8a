"""The public site, under each language prefix (/en/, /ru/, /ky/)."""

from django.urls import path

from website.feeds import EventFeed
from website.views import actors, competitions, events, home, places

app_name = "website"
urlpatterns = [
    path("", home.home, name="home"),
    path("events/", events.event_list, name="list"),
    path("events.ics", events.event_list_ics, name="list_ics"),
    path("events/feed.atom", EventFeed(), name="feed"),
    path("events/<slug:slug>/", events.event_detail, name="event"),
    path("events/<slug:slug>.ics", events.event_ics, name="event_ics"),
    path("competitions/", competitions.competition_list, name="competitions"),
    path("competitions/<slug:slug>/", competitions.competition_detail, name="competition"),
    path("search/", home.search, name="search"),
    path("statistics/", home.statistics, name="statistics"),
    path("countries/", places.country_list, name="countries"),
    path("countries/<str:code>/", places.country_detail, name="country"),
    path("countries/<str:code>/with/", places.bilateral_pick, name="bilateral_pick"),
    path("countries/<str:code>/with/<str:other>/", places.bilateral, name="bilateral"),
    path("people/<slug:slug>/", actors.person_detail, name="person"),
    path("organizations/<slug:slug>/", actors.organization_detail, name="organization"),
]
