"""Spreadsheets of people (with their posts) and organizations, in and out
of the admin, with django-import-export: CSV, XLSX and JSON, a preview that
says per line what will be created, updated or rejected and why, and a dry
run. Rows are saved through the same services as the admin and the API
(people/services.py), so they obey the same rules and are recorded in the
same history.

A person's posts are one cell, one post a line: "Title | Organization |
start | end" (dates ISO, optional). An organization named in a post is found
by its name in any language (written the same way in any script) and
created when there is none. A row matches an existing record by its slug, or else by the
same name written the same way in any script.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources
from import_export.widgets import ForeignKeyWidget

from diplomacy.languages import translated_fields
from people.duplicates import likely_organizations, name_key
from people.models import Country, Organization, Person, Position, Region
from people.services import (
    find_or_create_organization,
    organization_names,
    organization_save,
    person_save,
    position_save,
)

POST_SEPARATOR = "|"


class CodeWidget(ForeignKeyWidget):
    """An ISO code, in any case."""

    def clean(self, value, row=None, **kwargs):
        return super().clean((value or "").strip().upper() or None, row, **kwargs)


def _date(text: str, line: str) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            {
                "posts": _("“%(value)s” is not a date (YYYY-MM-DD) in “%(line)s”.")
                % {"value": text, "line": line}
            }
        ) from None


def parse_posts(cell: str) -> list[dict]:
    posts = []
    for line in (cell or "").splitlines():
        parts = [part.strip() for part in line.split(POST_SEPARATOR)]
        if not any(parts):
            continue
        parts += [""] * (4 - len(parts))
        if not parts[0]:
            raise ValidationError(
                {"posts": _("A post needs its title: “%(line)s”.") % {"line": line}}
            )
        posts.append(
            {
                "title": parts[0],
                "organization": parts[1],
                "start_date": _date(parts[2], line),
                "end_date": _date(parts[3], line),
            }
        )
    return posts


def _same_name(language: str, given: str, family: str) -> Person | None:
    wanted = name_key(f"{given} {family}")
    for person in Person.objects.filter(**{f"family_name_{language}__iexact": family}):
        names = (getattr(person, f"given_name_{language}") or "", family)
        if name_key(" ".join(names)) == wanted:
            return person
    return None


class PersonResource(resources.ModelResource):
    country = fields.Field("country", "country", CodeWidget(Country, "code"))
    posts = fields.Field(column_name="posts", attribute=None, dehydrate_method="dehydrate_posts")

    class Meta:
        model = Person
        # Matched by slug or name in get_instance; the slug column is optional.
        import_id_fields = []
        fields = [
            "slug",
            *translated_fields("given_name", "patronymic", "family_name"),
            "honorific_prefix_en",
            "country",
            "posts",
        ]
        clean_model_instances = True
        skip_unchanged = False

    def get_queryset(self):
        return Person.objects.select_related("country").prefetch_related("positions__organization")

    def dehydrate_posts(self, person: Person) -> str:
        return "\n".join(
            f" {POST_SEPARATOR} ".join(
                [
                    position.title,
                    position.organization.name if position.organization else "",
                    position.start_date.isoformat() if position.start_date else "",
                    position.end_date.isoformat() if position.end_date else "",
                ]
            ).rstrip(f" {POST_SEPARATOR}")
            for position in person.positions.all()
        )

    def get_instance(self, instance_loader, row):
        if row.get("slug"):
            return Person.objects.filter(slug=row["slug"]).first()
        # The same name written the same way is the same person.
        for language in ("en", "ru", "ky"):
            given, family = row.get(f"given_name_{language}"), row.get(f"family_name_{language}")
            if given or family:
                match = _same_name(language, given or "", family or "")
                if match is not None:
                    return match
        return None

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        instance._import_posts = parse_posts(row.get("posts") or "")

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The slug is made when saved (people/services.py); the name is
        # needed in one language at least.
        errors = dict(import_validation_errors or {})
        if not any(getattr(instance, f) for f in translated_fields("given_name")):
            errors["given_name"] = [_("Give the name in at least one language.")]
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        person_save(person=instance)

    def after_save_instance(self, instance, row, **kwargs):
        existing = {(p.title, p.organization_id) for p in instance.positions.all()}
        for post in getattr(instance, "_import_posts", []):
            organization = find_or_create_organization(post["organization"])
            key = (post["title"], organization.pk if organization else None)
            if key in existing:
                continue
            position = Position(
                person=instance,
                organization=organization,
                title=post["title"],
                start_date=post["start_date"],
                end_date=post["end_date"],
            )
            position_save(position=position)
            existing.add(key)


class OrganizationResource(resources.ModelResource):
    country = fields.Field("country", "country", CodeWidget(Country, "code"))
    region = fields.Field("region", "region", CodeWidget(Region, "code"))
    parent = fields.Field("parent", "parent", ForeignKeyWidget(Organization, "slug"))

    class Meta:
        model = Organization
        # Matched by slug or name in get_instance; the slug column is optional.
        import_id_fields = []
        fields = [
            "slug",
            *translated_fields("name", "short_name"),
            "kind",
            "country",
            "region",
            "parent",
            "website",
        ]
        clean_model_instances = True

    def get_queryset(self):
        return Organization.objects.select_related("country", "region", "parent")

    def get_instance(self, instance_loader, row):
        if row.get("slug"):
            return Organization.objects.filter(slug=row["slug"]).first()
        names = [row.get(field) for field in translated_fields("name")]
        wanted = {name_key(name) for name in names if name}
        for organization in likely_organizations(names=[n for n in names if n]):
            if wanted & {name_key(n or "") for n in organization_names(organization)}:
                return organization
        return None

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if not any(getattr(instance, f) for f in translated_fields("name")):
            errors["name"] = [_("Give the name in at least one language.")]
        if instance.kind not in Organization.Kind.values:
            errors["kind"] = [_("Unknown kind “%(kind)s”.") % {"kind": instance.kind}]
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        organization_save(organization=instance)
