"""The one API router: /api/v1/. Like the root URLs, it brings the apps'
views together, so it may import them; the rest of diplomacy.api may not."""

from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from knox import views as knox_views
from rest_framework import serializers
from rest_framework.routers import DefaultRouter

from diplomacy.api.auth import LockoutAwareBasicAuthentication
from events.api.drafts import DraftView
from events.api.outcomes import OutcomeViewSet
from events.api.views import (
    CompetitionViewSet,
    EventViewSet,
    RemovedEventViewSet,
    RoundTableViewSet,
    TopicViewSet,
)
from people.api.views import CountryViewSet, OrganizationViewSet, PersonViewSet, RegionViewSet

router = DefaultRouter()
router.register("events", EventViewSet, basename="event")
router.register("removed-events", RemovedEventViewSet, basename="removed-event")
router.register("round-tables", RoundTableViewSet, basename="round-table")
router.register("competitions", CompetitionViewSet, basename="competition")
router.register("outcomes", OutcomeViewSet, basename="outcome")
router.register("people", PersonViewSet, basename="person")
router.register("organizations", OrganizationViewSet, basename="organization")
router.register("countries", CountryViewSet, basename="country")
router.register("regions", RegionViewSet, basename="region")
router.register("topics", TopicViewSet, basename="topic")


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`.")
    expiry = serializers.DateTimeField(help_text="When the token stops working.")


@extend_schema(
    request=None,
    responses={200: TokenSerializer},
    auth=[{"basicAuth": []}],
    summary="Get an API token",
)
class TokenLoginView(knox_views.LoginView):
    """Exchange a user name and password (HTTP Basic) for a new API token. The
    token is shown once; only a hash of it is stored. After repeated failures
    the user name is locked out from the address for a while: 429 with
    Retry-After, even with the right password."""

    authentication_classes = [LockoutAwareBasicAuthentication]


@extend_schema(request=None, responses={204: None}, summary="Revoke the token sent")
class TokenLogoutView(knox_views.LogoutView):
    """Revoke the token this request is made with."""


urlpatterns = [
    path("", include(router.urls)),
    path("drafts/", DraftView.as_view(), name="drafts"),
    path("auth/token/", TokenLoginView.as_view(), name="token-login"),
    path("auth/logout/", TokenLogoutView.as_view(), name="token-logout"),
    path("schema/", SpectacularAPIView.as_view(api_version="1.0.0"), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
