"""Events out of the admin as spreadsheets (CSV, XLSX, JSON), with django-
import-export: the filtered changelist or a selection of it, one event a
row, its participants and organizations one a line in their cells."""

from import_export import fields, resources

from diplomacy.languages import translated_fields
from events.models import Event


class EventResource(resources.ModelResource):
    host_country = fields.Field("host_country__code", "host_country")
    region = fields.Field("region__code", "region")
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
