"""People, organizations, countries and regions as the API shows and takes them."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from diplomacy.api.fields import (
    CodeField,
    PublicUrlField,
    StrictSerializer,
    TranslatedField,
    api_errors,
    in_each_language,
    require_some_language,
)
from people.models import Country, Organization, Person, Position, Region
from people.services import (
    organization_create,
    organization_update,
    person_create,
    person_update,
)
from people.summaries import (
    CountrySummarySerializer,
    OrganizationSummarySerializer,
    RegionSummarySerializer,
)


class CountrySerializer(serializers.ModelSerializer):
    name = TranslatedField()
    url = PublicUrlField()

    class Meta:
        model = Country
        fields = ["code", "alpha_3", "numeric", "name", "url"]


class RegionSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    country = serializers.CharField(source="country_id", help_text="ISO 3166-1 alpha-2 code.")
    parent = serializers.CharField(
        source="parent_id", allow_null=True, help_text="The code of the region it is part of."
    )

    class Meta:
        model = Region
        fields = ["code", "name", "kind", "country", "parent"]


class PositionSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    organization = OrganizationSummarySerializer(allow_null=True)

    class Meta:
        model = Position
        fields = ["id", "title", "organization", "start_date", "end_date"]


class PersonSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()
    given_name = TranslatedField()
    patronymic = TranslatedField()
    family_name = TranslatedField()
    honorific_prefix = TranslatedField()
    bio = TranslatedField()
    country = CountrySummarySerializer(allow_null=True)
    photo = serializers.ImageField(allow_null=True, use_url=True)
    positions = PositionSerializer(many=True)
    url = PublicUrlField()

    class Meta:
        model = Person
        fields = [
            "slug",
            "url",
            "name",
            "given_name",
            "patronymic",
            "family_name",
            "honorific_prefix",
            "bio",
            "country",
            "photo",
            "positions",
            "updated_at",
        ]

    @extend_schema_field(TranslatedField)
    def get_name(self, person: Person) -> dict[str, str]:
        return in_each_language(person, "name")


class OrganizationSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    short_name = TranslatedField()
    description = TranslatedField()
    country = CountrySummarySerializer(allow_null=True)
    region = RegionSummarySerializer(
        allow_null=True, help_text="ISO 3166-2 region of its seat, in its country."
    )
    parent = OrganizationSummarySerializer(allow_null=True)
    url = PublicUrlField()

    class Meta:
        model = Organization
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "kind",
            "country",
            "region",
            "parent",
            "website",
            "description",
            "updated_at",
        ]


# --- writes ------------------------------------------------------------------


class PositionWriteSerializer(StrictSerializer):
    id = serializers.IntegerField(
        required=False, help_text="An existing position of this person, to keep its identity."
    )
    title = TranslatedField(max_length=300)
    organization = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organization.objects.all(), allow_null=True, required=False
    )
    start_date = serializers.DateField(allow_null=True, required=False)
    end_date = serializers.DateField(allow_null=True, required=False)

    def validate(self, attrs):
        require_some_language(attrs, "title")
        return attrs


class PersonWriteSerializer(StrictSerializer):
    slug = serializers.SlugField(
        max_length=120, required=False, help_text="Made from the name when left out."
    )
    given_name = TranslatedField(max_length=100)
    patronymic = TranslatedField(max_length=100, required=False)
    family_name = TranslatedField(max_length=100, required=False)
    honorific_prefix = TranslatedField(max_length=50, required=False)
    bio = TranslatedField(required=False)
    country = CodeField(queryset=Country.objects.all(), allow_null=True, required=False)
    positions = PositionWriteSerializer(
        many=True, required=False, help_text="Replaces the person's positions when given."
    )

    def validate(self, attrs):
        require_some_language(attrs, "given_name", self.instance)
        return attrs

    def create(self, validated_data):
        positions = validated_data.pop("positions", [])
        try:
            return person_create(fields=validated_data, positions=positions)
        except DjangoValidationError as error:
            raise api_errors(error) from None

    def update(self, instance, validated_data):
        positions = validated_data.pop("positions", None)
        try:
            return person_update(person=instance, fields=validated_data, positions=positions)
        except DjangoValidationError as error:
            raise api_errors(error) from None


class OrganizationWriteSerializer(StrictSerializer):
    slug = serializers.SlugField(
        max_length=120, required=False, help_text="Made from the name when left out."
    )
    name = TranslatedField(max_length=300)
    short_name = TranslatedField(max_length=100, required=False)
    kind = serializers.ChoiceField(choices=Organization.Kind.choices, required=False)
    country = CodeField(queryset=Country.objects.all(), allow_null=True, required=False)
    region = CodeField(
        queryset=Region.objects.all(),
        allow_null=True,
        required=False,
        help_text="ISO 3166-2 code of the region of its seat, in its country (e.g. RU-TA).",
    )
    parent = serializers.SlugRelatedField(
        slug_field="slug", queryset=Organization.objects.all(), allow_null=True, required=False
    )
    website = serializers.URLField(allow_blank=True, required=False)
    description = TranslatedField(required=False)

    def validate(self, attrs):
        require_some_language(attrs, "name", self.instance)
        return attrs

    def create(self, validated_data):
        try:
            return organization_create(fields=validated_data)
        except DjangoValidationError as error:
            raise api_errors(error) from None

    def update(self, instance, validated_data):
        try:
            return organization_update(organization=instance, fields=validated_data)
        except DjangoValidationError as error:
            raise api_errors(error) from None
