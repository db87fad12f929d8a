"""Events in and out of the admin as spreadsheets (CSV, XLSX, JSON), with
django-import-export: one event a row, its participants ("Name | role |
title as worded | on behalf of") and organizations ("Name | role") one a
line in their cells. Imported rows go through events/services.py, as the
admin's and the API's do; a person or an organization named in a cell is
found by the same name (any script) or added.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from import_export import fields, resources

from diplomacy.languages import LANGUAGE_CODES, translated_fields
from diplomacy.search import fold_text
from events.models import Event
from events.services import event_save, event_update
from people.duplicates import name_key
from people.models import Country, Person, Region
from people.resources import CodeWidget
from people.services import find_or_create_organization, person_create


def _cells(text: str, size: int) -> list[list[str]]:
    rows = []
    for line in (text or "").splitlines():
        parts = [part.strip() for part in line.split("|")]
        if any(parts):
            rows.append((parts + [""] * size)[:size])
    return rows


def find_or_create_person(name: str) -> Person:
    """The person of that name written the same way in any script, or a new one."""
    wanted = name_key(name)
    family = name.split()[-1]
    same_family = Q(search_names__icontains=fold_text(family))
    for code in LANGUAGE_CODES:
        same_family |= Q(**{f"family_name_{code}__iexact": family})
    for person in Person.objects.filter(same_family):
        if wanted in {name_key(spelling) for spelling in _spellings(person)}:
            return person
    given, _space, rest = name.partition(" ")
    return person_create(fields={"given_name": given, "family_name": rest})


def _spellings(person: Person) -> list[str]:
    names = [
        (getattr(person, f"given_name_{code}") or "", getattr(person, f"family_name_{code}") or "")
        for code in LANGUAGE_CODES
    ]
    return [f"{given} {family}" for given, family in names]


class EventResource(resources.ModelResource):
    host_country = fields.Field("host_country", "host_country", CodeWidget(Country, "code"))
    region = fields.Field("region", "region", CodeWidget(Region, "code"))
    participants = fields.Field(column_name="participants", dehydrate_method="dehydrate_people")
    organizations = fields.Field(
        column_name="organizations", dehydrate_method="dehydrate_organizations"
    )

    class Meta:
        model = Event
        fields = [
            "slug",
            *translated_fields("title"),
            "kind",
            "status",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "timezone",
            *translated_fields("city"),
            "host_country",
            "region",
            *translated_fields("summary"),
            "participants",
            "organizations",
        ]
        export_order = fields
        # Matched by slug in get_instance; without one, the row is a new event.
        import_id_fields = []

    def get_queryset(self):
        return Event.objects.select_related("host_country", "region").prefetch_related(
            "participations__person",
            "participations__organization",
            "organization_roles__organization",
        )

    def dehydrate_people(self, event: Event) -> str:
        return "\n".join(
            " | ".join(
                part
                for part in (
                    str(row.person or ""),
                    row.role,
                    row.position_title,
                    str(row.organization or ""),
                )
            ).rstrip(" |")
            for row in event.participations.all()
        )

    def dehydrate_organizations(self, event: Event) -> str:
        return "\n".join(
            f"{row.organization} | {row.role}" for row in event.organization_roles.all()
        )

    def get_instance(self, instance_loader, row):
        slug = (row.get("slug") or "").strip()
        return Event.objects.filter(slug=slug).first() if slug else None

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        people = _cells(row.get("participants"), 4)
        organizations = _cells(row.get("organizations"), 2)
        if any(not name or not role for name, role, *_rest in people):
            raise ValidationError({"participants": _("Each participant needs a name and a role.")})
        instance._import_rows = (people, organizations)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        # The services validate when they save (slug, time zone and all).
        if import_validation_errors:
            raise ValidationError(import_validation_errors)

    def do_instance_save(self, instance, is_create):
        event_save(event=instance)

    def after_save_instance(self, instance, row, **kwargs):
        people, organizations = getattr(instance, "_import_rows", ([], []))
        participants = [
            {
                "person": find_or_create_person(name),
                "role": role,
                "position_title": title or None,
                "organization": find_or_create_organization(on_behalf),
            }
            for name, role, title, on_behalf in people
        ]
        roles = [
            {"organization": find_or_create_organization(name), "role": role}
            for name, role in organizations
        ]
        event_update(event=instance, fields={}, participants=participants, organizations=roles)
