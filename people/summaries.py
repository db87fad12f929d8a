"""People, organizations, countries and regions as they appear inside other
records of the API: an event's participants and organizers, a competition's
entries. The apps whose records nest them import these; the rest of the
people API (people/api/) is private to this app."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from diplomacy.api.fields import PublicUrlField, TranslatedField, in_each_language
from people.models import Country, Organization, Person, Region


class CountrySummarySerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Country
        fields = ["code", "name"]


class RegionSummarySerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Region
        fields = ["code", "name"]


class OrganizationSummarySerializer(serializers.ModelSerializer):
    name = TranslatedField()
    short_name = TranslatedField()
    url = PublicUrlField()

    class Meta:
        model = Organization
        fields = ["slug", "name", "short_name", "kind", "url"]


class PersonSummarySerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    url = PublicUrlField()

    class Meta:
        model = Person
        fields = ["slug", "name", "url"]

    @extend_schema_field(TranslatedField)
    def get_name(self, person: Person) -> dict[str, str]:
        return in_each_language(person, "name")
