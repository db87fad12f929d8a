"""What every viewset shares: strict query parameters, Vary, writes through
the services with ETags and If-Match, and 409 for a referenced record."""

from django.db import models, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils.cache import patch_vary_headers
from rest_framework import serializers, status
from rest_framework.exceptions import ErrorDetail
from rest_framework.response import Response

from diplomacy.api.conditional import check_if_match, etag_for
from diplomacy.api.errors import Conflict, PreconditionFailed
from diplomacy.services import ReferencedError

# Query parameters every request may send: the browsable API's and ?format=json.
ALWAYS_ALLOWED = frozenset({"format"})
# Referring records named in a 409; the rest are counted.
NAMED_REFERENCES = 10


class ApiViewMixin:
    """Answers depend on the token (drafts are shown to editors), so caches
    must key on it; any path segment reaches the view, so an unknown key is
    the API's JSON 404, not the site's page. A query parameter the request
    does not take is a 400 naming it, never silently ignored."""

    lookup_value_regex = "[^/]+"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if getattr(self, request.method.lower(), None) is None:
            return  # a method the view does not take: 405, whatever the parameters
        allowed = self.allowed_query_parameters()
        unknown = sorted(set(request.query_params) - allowed)
        if unknown:
            message = "Unknown query parameter; this request takes " + (
                ", ".join(f"`{name}`" for name in sorted(allowed)) + "."
            )
            raise serializers.ValidationError(
                {name: [ErrorDetail(message, code="unknown_parameter")] for name in unknown}
            )

    def allowed_query_parameters(self) -> set[str]:
        allowed = set(ALWAYS_ALLOWED)
        if getattr(self, "action", None) != "list":
            return allowed
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters)
        paginator = self.paginator
        if paginator is not None:
            allowed |= {paginator.cursor_query_param, paginator.page_size_query_param}
        return allowed

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        return response


class WriteThroughServicesMixin:
    """Create and update with a write serializer; answer with the read one.

    A record's answers carry its ETag (diplomacy/api/conditional.py). An
    update or delete locks the record's row, reads it afresh and checks
    If-Match against it before writing, all in one transaction.
    """

    write_serializer_class: type[serializers.Serializer]
    protected_message = "Other records refer to this one; remove those references first."

    def get_serializer_class(self):
        if self.request.method in ("POST", "PUT", "PATCH"):
            return self.write_serializer_class
        return self.serializer_class

    def retrieve(self, request, *args, **kwargs):
        data = self._represent(self.get_object())
        return _with_etag(Response(data), data)

    def create(self, request, *args, **kwargs):
        writer = self.write_serializer_class(
            data=request.data, context=self.get_serializer_context()
        )
        writer.is_valid(raise_exception=True)
        with transaction.atomic():
            data = self._read(writer.save())
        return _with_etag(Response(data, status=status.HTTP_201_CREATED), data)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self._locked_object()
            writer = self.write_serializer_class(
                instance, data=request.data, partial=partial, context=self.get_serializer_context()
            )
            writer.is_valid(raise_exception=True)
            data = self._read(writer.save())
        return _with_etag(Response(data), data)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            instance = self._locked_object()
            try:
                self.perform_destroy(instance)
            except ReferencedError as error:
                raise Conflict(self._conflict_detail(error.records)) from None
        return Response(status=status.HTTP_204_NO_CONTENT)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        if isinstance(exc, PreconditionFailed):
            response["ETag"] = exc.etag
        return response

    def get_written_queryset(self) -> QuerySet:
        """Where a record just written is read back from (see EventViewSet)."""
        return self.get_queryset()

    def _locked_object(self):
        """The record as stored now, its row locked, If-Match checked."""
        found = self.get_object()
        model = type(found)
        list(model._base_manager.select_for_update().filter(pk=found.pk).values_list("pk"))
        try:
            instance = self.get_queryset().get(pk=found.pk)
        except model.DoesNotExist:
            raise Http404 from None  # deleted while we waited for the lock
        check_if_match(self.request, lambda: etag_for(self._represent(instance)))
        return instance

    def _represent(self, instance) -> dict:
        return self.serializer_class(instance, context=self.get_serializer_context()).data

    def _read(self, instance) -> dict:
        return self._represent(self.get_written_queryset().get(pk=instance.pk))

    def _conflict_detail(self, records) -> list[str]:
        named = [describe_record(record) for record in records[:NAMED_REFERENCES]]
        if len(records) > NAMED_REFERENCES:
            named.append(f"… and {len(records) - NAMED_REFERENCES} more.")
        return [self.protected_message, *(f"Referred to by {name}." for name in named)]


def describe_record(record: models.Model) -> str:
    """A referring record as people can find it, with the record it belongs
    to: participant “Anna Ivanova” of event “Forum” (forum-2024)."""
    label = f"{record._meta.verbose_name} “{record}”"
    for field in record._meta.concrete_fields:
        if field.many_to_one and field.remote_field.on_delete is models.CASCADE:
            owner = getattr(record, field.name)
            slug = getattr(owner, "slug", "")
            trashed = " (in the trash)" if getattr(owner, "deleted_at", None) else ""
            return (
                f"{label} of {owner._meta.verbose_name} “{owner}”"
                + (f" ({slug})" if slug else "")
                + trashed
            )
    return label


def _with_etag(response: Response, data: dict) -> Response:
    response["ETag"] = etag_for(data)
    return response


class CodeLookupMixin:
    """Look rows up by ISO code in any case."""

    lookup_field = "code"

    def get_object(self):
        self.kwargs[self.lookup_field] = self.kwargs[self.lookup_field].upper()
        return super().get_object()
