"""Serializer building blocks shared by every app's API."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils import translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from diplomacy.languages import LANGUAGE_CODES


@extend_schema_field(
    {
        "type": "object",
        "description": "The text in each site language; null where it is not filled in.",
        "properties": {
            language: {"type": "string", "nullable": True, "maxLength": 5000}
            for language in LANGUAGE_CODES
        },
        "additionalProperties": False,
    }
)
class TranslatedField(serializers.Field):
    """A translated model field as {"en": …, "ru": …, "ky": …}.

    Read from and written to the per-language columns (`title_en`, …); a
    language left out of a write keeps its value, null clears it.
    """

    def __init__(
        self, *, column: str | None = None, max_length: int | None = None, **kwargs
    ) -> None:
        kwargs.setdefault("source", "*")
        self.column = column
        self.max_length = max_length
        super().__init__(**kwargs)

    def bind(self, field_name: str, parent) -> None:
        super().bind(field_name, parent)
        # The model field's name, when the API calls it otherwise.
        self.base_name = self.column or field_name

    def to_representation(self, instance) -> dict[str, str | None]:
        return {
            language: getattr(instance, f"{self.base_name}_{language}") or None
            for language in LANGUAGE_CODES
        }

    def to_internal_value(self, data) -> dict[str, str | None]:
        if not isinstance(data, Mapping):
            raise serializers.ValidationError(
                'Expected an object with a text per language, such as {"en": "…"}.'
            )
        unknown = sorted(set(data) - set(LANGUAGE_CODES))
        if unknown:
            raise serializers.ValidationError(
                f"Unknown language {', '.join(unknown)}; use {', '.join(LANGUAGE_CODES)}."
            )
        errors, values = {}, {}
        for language, value in data.items():
            if value is not None and not isinstance(value, str):
                errors[language] = ["Expected a string or null."]
            elif value and self.max_length and len(value) > self.max_length:
                errors[language] = [f"Ensure this has at most {self.max_length} characters."]
            else:
                values[f"{self.base_name}_{language}"] = value.strip() if value else None
        if errors:
            raise serializers.ValidationError(errors)
        return values


@extend_schema_field({"type": "string", "format": "uri"})
class PublicUrlField(serializers.Field):
    """The absolute address of the record's public page."""

    def __init__(self, **kwargs) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance) -> str:
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


def require_some_language(
    attrs: Mapping[str, Any], field: str, instance: models.Model | None = None
) -> None:
    """At least one language of a required translated field must stay filled
    in, counting what the record already holds for languages not sent."""
    values = [
        attrs[key] if key in attrs else getattr(instance, key, None)
        for key in (f"{field}_{language}" for language in LANGUAGE_CODES)
    ]
    if not any(values):
        raise serializers.ValidationError({field: ["Give the text in at least one language."]})


@extend_schema_field(OpenApiTypes.STR)
class CodeField(serializers.SlugRelatedField):
    """A country or region written as its ISO code, in any case."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("slug_field", "code")
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data.strip().upper())


def in_each_language(instance: models.Model, attribute: str) -> dict[str, str]:
    """A computed value (such as a person's display name) in every language."""
    values = {}
    for language in LANGUAGE_CODES:
        with translation.override(language):
            values[language] = getattr(instance, attribute)
    return values


def api_errors(
    error: DjangoValidationError, renames: Mapping[str, str] | None = None
) -> serializers.ValidationError:
    """A model or service ValidationError as the API's per-field errors.

    Per-language columns (`title_ru`) are reported under their field and
    language (`title.ru`); `renames` maps other model names to API names.
    """
    renames = renames or {}
    nested = getattr(error, "nested", None)
    if nested is not None:
        return serializers.ValidationError(_nested_detail(nested, renames))
    if not hasattr(error, "error_dict"):
        return serializers.ValidationError({"non_field_errors": error.messages})
    detail: dict[str, Any] = {}
    for name, field_errors in error.message_dict.items():
        _place(detail, _api_name(name, renames), field_errors)
    return serializers.ValidationError(detail)


def _nested_detail(nested: Mapping[str, Any], renames: Mapping[str, str]) -> dict:
    """Per-row errors of related rows: {"participants": {"1": {"person": […]}}}."""
    detail: dict[str, Any] = {}
    for related_name, rows in nested.items():
        rows_detail = detail.setdefault(renames.get(related_name, related_name), {})
        for index, messages in rows.items():
            if isinstance(messages, Mapping):
                row = api_errors(DjangoValidationError(dict(messages)), renames).detail
            else:
                row = {"non_field_errors": list(messages)}
            rows_detail[index] = row
    return detail


def _api_name(name: str, renames: Mapping[str, str]) -> list[str]:
    if name == "__all__":
        return ["non_field_errors"]
    if name in renames:
        return renames[name].split(".")
    base, _, language = name.rpartition("_")
    if language in LANGUAGE_CODES and base:
        return [renames.get(base, base), language]
    return [name]


def _place(detail: dict, path: list[str], messages: list[str]) -> None:
    for part in path[:-1]:
        detail = detail.setdefault(part, {})
    detail.setdefault(path[-1], []).extend(messages)


class StrictSerializer(serializers.Serializer):
    """A write serializer that refuses fields it does not take: a misspelt
    or read-only field is a 400 naming it, never silently dropped."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            writable = {name for name, field in self.fields.items() if not field.read_only}
            unknown = sorted(set(data) - writable)
            if unknown:
                message = "Unknown field; this takes " + (
                    ", ".join(f"`{name}`" for name in sorted(writable)) + "."
                )
                raise serializers.ValidationError(
                    {name: [ErrorDetail(message, code="unknown_field")] for name in unknown}
                )
        return super().to_internal_value(data)


FIELDS_PARAMETER = "fields"


def sparse_fields(request, allowed: Sequence[str]) -> tuple[str, ...] | None:
    """The fields a read asks for with `?fields=slug,title`, or None for every one.

    A name the resource does not have is a 400 naming it, as an unknown query
    parameter is; the answer keeps the resource's own order of fields.
    """
    raw = request.query_params.get(FIELDS_PARAMETER)
    if not raw:
        return None
    wanted = {name.strip() for name in raw.split(",") if name.strip()}
    unknown = sorted(wanted - set(allowed))
    if unknown:
        message = (
            f"Unknown field {', '.join(f'`{name}`' for name in unknown)}; "
            f"this takes {', '.join(f'`{name}`' for name in allowed)}."
        )
        raise serializers.ValidationError(
            {FIELDS_PARAMETER: [ErrorDetail(message, code="unknown_field")]}
        )
    return tuple(name for name in allowed if name in wanted) or None
