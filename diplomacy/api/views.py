"""What every API view shares."""

from django.db.models import ProtectedError, QuerySet
from django.utils.cache import patch_vary_headers
from rest_framework import serializers, status
from rest_framework.response import Response


class ApiViewMixin:
    """Answers depend on the token (drafts are shown to editors), so caches
    must key on it; any path segment reaches the view, so an unknown key is
    the API's JSON 404, not the site's page."""

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


class CodeLookupMixin:
    """Look rows up by ISO code in any case."""

    lookup_field = "code"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()
