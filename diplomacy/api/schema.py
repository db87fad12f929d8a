"""The OpenAPI generator, told what our permission policy and errors look like."""

from drf_spectacular.utils import inline_serializer
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import ValidationErrorEnum
from rest_framework import serializers

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
                    "`does_not_exist`, `invalid_choice`."
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


class AutoSchema(StandardizedErrorsAutoSchema):
    def _should_add_http403_error_response(self) -> bool:
        # Reads are open to everyone (DjangoModelPermissionsOrAnonReadOnly);
        # only writes can be forbidden.
        if self.method in ("GET", "HEAD", "OPTIONS"):
            return False
        return super()._should_add_http403_error_response()

    def _should_add_validation_error_response(self) -> bool:
        # Paginated lists reject a bad page_size or cursor even without filters.
        if self._is_list_view() and self._get_paginator() is not None:
            return True
        return super()._should_add_validation_error_response()

    def _get_serializer_for_validation_error_response(self):
        # One shape for every 400: the per-field union drf-standardized-errors
        # would build cannot name nested rows (`participants.1.person`).
        return VALIDATION_ERROR
