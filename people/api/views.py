"""API views for people, organizations, countries and regions."""

from django.db.models import QuerySet
from django.http import Http404, HttpResponsePermanentRedirect
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from diplomacy.api.views import ApiViewMixin, CodeLookupMixin, WriteThroughServicesMixin
from people.api.filters import CountryFilter, OrganizationFilter, PersonFilter, RegionFilter
from people.api.serializers import (
    CountrySerializer,
    OrganizationSerializer,
    OrganizationWriteSerializer,
    PersonSerializer,
    PersonWriteSerializer,
    RegionSerializer,
)
from people.models import Country, Organization, Person, Region
from people.selectors import merged_target, organization_queryset, person_queryset
from people.services import organization_delete, person_delete


class MergedRedirectMixin:
    """A record merged into another (people/merging.py) answers 301 with the
    kept record's URL, as its page on the site does."""

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            slug = kwargs.get(self.lookup_field, "")
            target = merged_target(self.queryset.model, slug)
            if target is None:
                raise
            path = request.get_full_path().replace(f"/{slug}/", f"/{target.slug}/", 1)
            return HttpResponsePermanentRedirect(path)


@extend_schema_view(
    create=extend_schema(request=PersonWriteSerializer, responses={201: PersonSerializer}),
    update=extend_schema(request=PersonWriteSerializer, responses=PersonSerializer),
    partial_update=extend_schema(request=PersonWriteSerializer, responses=PersonSerializer),
)
class PersonViewSet(
    MergedRedirectMixin, ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet
):
    """People with their dated positions."""

    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    protected_message = "This person appears in events or competitions; remove them there first."
    delete_conflicts = True  # 409 when others refer to the person (OpenAPI)
    queryset = Person.objects.none()  # for the schema; see get_queryset

    def get_queryset(self) -> QuerySet[Person]:
        return person_queryset()

    def perform_destroy(self, instance: Person) -> None:
        person_delete(person=instance)


@extend_schema_view(
    create=extend_schema(
        request=OrganizationWriteSerializer, responses={201: OrganizationSerializer}
    ),
    update=extend_schema(request=OrganizationWriteSerializer, responses=OrganizationSerializer),
    partial_update=extend_schema(
        request=OrganizationWriteSerializer, responses=OrganizationSerializer
    ),
)
class OrganizationViewSet(
    MergedRedirectMixin, ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet
):
    """Organizations: NGOs, assemblies, ministries, embassies, universities…"""

    serializer_class = OrganizationSerializer
    write_serializer_class = OrganizationWriteSerializer
    filterset_class = OrganizationFilter
    lookup_field = "slug"
    protected_message = (
        "This organization appears in events, positions or competitions; remove it there first."
    )
    delete_conflicts = True
    queryset = Organization.objects.none()

    def get_queryset(self) -> QuerySet[Organization]:
        return organization_queryset()

    def perform_destroy(self, instance: Organization) -> None:
        organization_delete(organization=instance)


class CountryViewSet(ApiViewMixin, CodeLookupMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-1 countries; look one up by its alpha-2 code in any case."""

    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    filterset_class = CountryFilter


class RegionViewSet(ApiViewMixin, CodeLookupMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-2 subdivisions; look one up by its code (such as KG-GB)."""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
