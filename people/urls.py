from django.urls import path

from people import views

app_name = "people"
urlpatterns = [
    path("people/<slug:slug>/", views.person_detail, name="person"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization"),
    path("countries/<str:code>/", views.country_detail, name="country"),
]
