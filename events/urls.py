"""Public pages about events, under each language prefix (/en/, /ru/, /ky/)."""

from django.urls import path

from events import views
from events.feeds import EventFeed

app_name = "events"
urlpatterns = [
    path("", views.home, name="home"),
    path("events/", views.event_list, name="list"),
    path("events.ics", views.event_list_ics, name="list_ics"),
    path("events/feed.atom", EventFeed(), name="feed"),
    path("events/<slug:slug>/", views.event_detail, name="event"),
    path("events/<slug:slug>.ics", views.event_ics, name="event_ics"),
    path("competitions/", views.competition_list, name="competitions"),
    path("competitions/<slug:slug>/", views.competition_detail, name="competition"),
    path("search/", views.search, name="search"),
    path("statistics/", views.statistics, name="statistics"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/with/", views.bilateral_pick, name="bilateral_pick"),
    path("countries/<str:code>/with/<str:other>/", views.bilateral, name="bilateral"),
]
