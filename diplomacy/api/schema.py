"""The OpenAPI generator, told what our permission policy, headers and errors
look like: reads need no token, writes may answer 409, 412 or 428, every
operation may answer 503 with Retry-After, filters keep their help text."""

import copy

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import (
    ClientErrorEnum,
    ServerErrorEnum,
    ValidationErrorEnum,
)
from rest_framework import permissions, serializers

from diplomacy.api.fields import FIELDS_PARAMETER

VALIDATION_ERROR = inline_serializer(
    name="ValidationError",
    fields={
        "type": serializers.ChoiceField(choices=ValidationErrorEnum.choices),
        "errors": inline_serializer(
            name="ValidationErrorItem",
            many=True,
            fields={
                "code": serializers.CharField(
                    help_text="Machine-readable reason, such as `invalid`, `required`, "
                    "`does_not_exist`, `invalid_choice`, `unknown_parameter`, `unknown_field`."
                ),
                "detail": serializers.CharField(help_text="The message, for people."),
                "attr": serializers.CharField(
                    allow_null=True,
                    help_text="The parameter or field at fault, as a dotted path: "
                    "`year`, `title.ru`, `participants.1.person`; `non_field_errors` "
                    "when the record as a whole is wrong.",
                ),
            },
        ),
    },
)


def _error(name: str, kind, codes: list[str], help_text: str) -> serializers.Serializer:
    """An error answer in drf-standardized-errors' shape with its own codes."""
    return inline_serializer(
        name=name,
        fields={
            "type": serializers.ChoiceField(choices=kind.choices),
            "errors": inline_serializer(
                name=f"{name}Item",
                many=True,
                fields={
                    "code": serializers.ChoiceField(choices=[(code, code) for code in codes]),
                    "detail": serializers.CharField(help_text=help_text),
                    "attr": serializers.CharField(allow_null=True),
                },
            ),
        },
    )


CONFLICT = _error(
    "ErrorResponse409",
    ClientErrorEnum,
    ["protected"],
    "Why the record cannot be deleted, then one error per record referring to it.",
)
PRECONDITION_FAILED = _error(
    "ErrorResponse412",
    ClientErrorEnum,
    ["precondition_failed"],
    "If-Match does not match the record's current ETag (sent in this answer's ETag).",
)
PRECONDITION_REQUIRED = _error(
    "ErrorResponse428",
    ClientErrorEnum,
    ["precondition_required"],
    "This server requires If-Match on writes (API_REQUIRE_IF_MATCH).",
)
UNAVAILABLE = _error(
    "ErrorResponse503",
    ServerErrorEnum,
    ["service_unavailable"],
    "The database is briefly unreachable; retry after Retry-After seconds.",
)

ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=["200", "201", "412"],
    description="The record's strong entity tag; send it back as If-Match to write it.",
)
RETRY_AFTER = OpenApiParameter(
    "Retry-After",
    OpenApiTypes.INT,
    OpenApiParameter.HEADER,
    response=["429", "503"],
    description="Seconds to wait before retrying.",
)
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="The ETag you read. If the record changed since, the write is refused with "
    "412 and nothing is saved. Optional unless the server sets API_REQUIRE_IF_MATCH (428).",
)
READ_METHODS = ("GET", "HEAD", "OPTIONS")
OPEN_READS = (permissions.AllowAny, permissions.DjangoModelPermissionsOrAnonReadOnly)


class AutoSchema(StandardizedErrorsAutoSchema):
    def get_auth(self) -> list:
        auths = super().get_auth()
        # Reads are open to everyone (DjangoModelPermissionsOrAnonReadOnly);
        # a token only shows editors the drafts. `{}`: no authentication.
        open_reads = any(isinstance(p, OPEN_READS) for p in self.view.get_permissions())
        if self.method in READ_METHODS and open_reads and {} not in auths:
            auths.append({})
        return auths

    def _process_override_parameters(self, direction: str = "request") -> dict:
        result = super()._process_override_parameters(direction)
        for (_name, location), parameter in result.items():
            # An empty value (`?fields=`) means the parameter is not given, as for filters.
            if location == "query" and parameter and not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        return result

    def get_override_parameters(self) -> list:
        parameters = list(super().get_override_parameters())
        if self._writes_a_record() or self._reads_a_writable_record():
            parameters.append(ETAG)
        if self._writes_a_record() and self.method != "POST":
            parameters.append(IF_MATCH)
        parameters.append(RETRY_AFTER)
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction=direction)
        if direction != "response":
            return responses
        extra = {"503": UNAVAILABLE}
        if self._writes_a_record() and self.method != "POST":
            extra["412"] = PRECONDITION_FAILED
            extra["428"] = PRECONDITION_REQUIRED
        if self.method == "DELETE" and getattr(self.view, "delete_conflicts", False):
            extra["409"] = CONFLICT
        for status_code, serializer in extra.items():
            if status_code not in responses:
                responses[status_code] = self._get_response_for_code(serializer, status_code)
        return responses

    def _writes_a_record(self) -> bool:
        return self.method in ("POST", "PUT", "PATCH", "DELETE") and hasattr(
            self.view, "write_serializer_class"
        )

    def _reads_a_writable_record(self) -> bool:
        return (
            self.method == "GET"
            and hasattr(self.view, "write_serializer_class")
            and not self._is_list_view()
        )

    def _should_add_http403_error_response(self) -> bool:
        # Reads are open to everyone; only writes can be forbidden.
        if self.method in READ_METHODS:
            return False
        return super()._should_add_http403_error_response()

    def _should_add_http415_error_response(self) -> bool:
        # Only a request with a body can be in the wrong media type (JSON only).
        return self.method in ("POST", "PUT", "PATCH") and (
            hasattr(self.view, "write_serializer_class")
            or self.get_request_serializer() is not None
        )

    def _should_add_validation_error_response(self) -> bool:
        # Every request may be refused for a query parameter it does not take,
        # and paginated lists for a bad page_size or cursor.
        return True

    def _get_serializer_for_validation_error_response(self):
        # One shape for every 400: the per-field union drf-standardized-errors
        # would build cannot name nested rows (`participants.1.person`).
        return VALIDATION_ERROR


class DescribedFilterExtension(DjangoFilterExtension):
    """django-filter's parameters, keeping a filter's help text as its
    description when its type is declared with extend_schema_field (which
    drf-spectacular otherwise drops with it), and saying that an empty value
    is as good as none."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )
        help_text = filter_field.extra.get("help_text")
        for parameter in parameters:
            if help_text and not parameter.get("description"):
                parameter["description"] = str(help_text)
            # An empty value (`?kind=`, as forms send) means the filter is not given.
            if not parameter.get("required"):
                parameter["allowEmptyValue"] = True
        return parameters


def sparse_rows_hook(result: dict, generator, request, public) -> dict:
    """Reads that take `fields=` (diplomacy/api/fields.py, sparse_fields) may
    answer rows without any given field: their 200 answers point to copies of
    the row's component that require none (`EventSparse`), the default row
    being unchanged for every other use (writes answer full rows)."""
    schemas = result.get("components", {}).get("schemas", {})
    for path in result.get("paths", {}).values():
        operation = path.get("get") or {}
        names = {(p.get("name"), p.get("in")) for p in operation.get("parameters", [])}
        if (FIELDS_PARAMETER, "query") not in names:
            continue
        for media in operation["responses"]["200"].get("content", {}).values():
            media["schema"] = _sparse(media["schema"], schemas)
    return result


def _sparse(schema: dict, schemas: dict) -> dict:
    name = schema["$ref"].rsplit("/", 1)[-1]
    sparse = f"{name}Sparse"
    if sparse not in schemas:
        component = copy.deepcopy(schemas[name])
        results = component.get("properties", {}).get("results")
        if results and "$ref" in results.get("items", {}):
            results["items"] = _sparse(results["items"], schemas)
        else:
            component.pop("required", None)
        schemas[sparse] = component
    return {"$ref": f"#/components/schemas/{sparse}"}
