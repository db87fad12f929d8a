"""API views for people, organizations, countries and regions."""

from django.db.models import ProtectedError, QuerySet, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.cache import patch_vary_headers
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from people.api.filters import CountryFilter, OrganizationFilter, PersonFilter, RegionFilter
from people.api.selectors import organizations_for_api, people_for_api
from people.api.serializers import (
    CountrySerializer,
    OrganizationSerializer,
    OrganizationWriteSerializer,
    PersonSerializer,
    PersonWriteSerializer,
    RegionSerializer,
)
from people.models import Country, Organization, Person, Region
from people.selectors import localized


def translated_sort_key(field: str) -> Coalesce:
    """The site's localized order, never null: keyset pages compare the key."""
    return Coalesce(localized(field), Value(""), output_field=TextField())


class ApiViewMixin:
    """What every API view shares: answers depend on the token (drafts are
    shown to editors), so caches must key on it; any path segment reaches the
    view, so an unknown key is the API's JSON 404, not the site's page."""

    lookup_value_regex = "[^/]+"

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        return response


class WriteThroughServicesMixin:
    """Create and update with a write serializer; answer with the read one."""

    write_serializer_class: type[serializers.Serializer]
    protected_message = "Other records refer to this one; remove them first."

    def get_serializer_class(self):
        if self.request.method in ("POST", "PUT", "PATCH"):
            return self.write_serializer_class
        return self.serializer_class

    def create(self, request, *args, **kwargs):
        writer = self.write_serializer_class(
            data=request.data, context=self.get_serializer_context()
        )
        writer.is_valid(raise_exception=True)
        instance = writer.save()
        return Response(self._read(instance), status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        writer = self.write_serializer_class(
            instance, data=request.data, partial=partial, context=self.get_serializer_context()
        )
        writer.is_valid(raise_exception=True)
        instance = writer.save()
        return Response(self._read(instance))

    def destroy(self, request, *args, **kwargs):
        instance = self.get_object()
        try:
            self.perform_destroy(instance)
        except ProtectedError:
            raise serializers.ValidationError(
                {"non_field_errors": [self.protected_message]}
            ) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    def get_written_queryset(self) -> QuerySet:
        """Where a record just written is read back from (see EventViewSet)."""
        return self.get_queryset()

    def _read(self, instance) -> dict:
        fresh = self.get_written_queryset().get(pk=instance.pk)
        return self.serializer_class(fresh, context=self.get_serializer_context()).data


@extend_schema_view(
    create=extend_schema(request=PersonWriteSerializer, responses={201: PersonSerializer}),
    update=extend_schema(request=PersonWriteSerializer, responses=PersonSerializer),
    partial_update=extend_schema(request=PersonWriteSerializer, responses=PersonSerializer),
)
class PersonViewSet(ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet):
    """People with their dated positions."""

    serializer_class = PersonSerializer
    write_serializer_class = PersonWriteSerializer
    filterset_class = PersonFilter
    lookup_field = "slug"
    default_ordering = "name"
    ordering_keys = {
        "name": ["name_sort", "pk"],
        "-name": ["-name_sort", "-pk"],
        "updated_at": ["updated_at", "pk"],
        "-updated_at": ["-updated_at", "-pk"],
    }
    protected_message = "This person appears in events or competitions; remove them there first."
    queryset = Person.objects.none()  # for the schema; see get_queryset

    def get_queryset(self) -> QuerySet[Person]:
        return people_for_api()

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(name_sort=translated_sort_key("family_name"))


@extend_schema_view(
    create=extend_schema(
        request=OrganizationWriteSerializer, responses={201: OrganizationSerializer}
    ),
    update=extend_schema(request=OrganizationWriteSerializer, responses=OrganizationSerializer),
    partial_update=extend_schema(
        request=OrganizationWriteSerializer, responses=OrganizationSerializer
    ),
)
class OrganizationViewSet(ApiViewMixin, WriteThroughServicesMixin, viewsets.ModelViewSet):
    """Organizations: NGOs, assemblies, ministries, embassies, universities…"""

    serializer_class = OrganizationSerializer
    write_serializer_class = OrganizationWriteSerializer
    filterset_class = OrganizationFilter
    lookup_field = "slug"
    default_ordering = "name"
    ordering_keys = {
        "name": ["name_sort", "pk"],
        "-name": ["-name_sort", "-pk"],
        "updated_at": ["updated_at", "pk"],
        "-updated_at": ["-updated_at", "-pk"],
    }
    protected_message = (
        "This organization appears in events, positions or competitions; remove it there first."
    )
    queryset = Organization.objects.none()

    def get_queryset(self) -> QuerySet[Organization]:
        return organizations_for_api()

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(name_sort=translated_sort_key("name"))


class CodeLookupMixin:
    """Look rows up by ISO code in any case."""

    lookup_field = "code"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()


class CountryViewSet(ApiViewMixin, CodeLookupMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-1 countries; look one up by its alpha-2 code in any case."""

    queryset = Country.objects.all()
    serializer_class = CountrySerializer
    filterset_class = CountryFilter
    default_ordering = "code"
    ordering_keys = {"code": ["code"], "name": ["name_sort", "code"]}

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(name_sort=translated_sort_key("name"))


class RegionViewSet(ApiViewMixin, CodeLookupMixin, viewsets.ReadOnlyModelViewSet):
    """ISO 3166-2 subdivisions; look one up by its code (such as KG-GB)."""

    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    default_ordering = "code"
    ordering_keys = {"code": ["code"], "name": ["name_sort", "code"]}

    def annotate_for_ordering(self, queryset: QuerySet) -> QuerySet:
        return queryset.annotate(name_sort=translated_sort_key("name"))
