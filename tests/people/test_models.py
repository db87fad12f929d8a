"""Invariants of people/ live in the database and surface as validation errors."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from people.models import Country, Organization, Position, Region
from tests.factories import CountryFactory, OrganizationFactory, PersonFactory, PositionFactory
from tests.models import database_rejects

pytestmark = pytest.mark.django_db


def _unique_violation(constraint: str, sqlite_columns: str, change) -> bool:
    """PostgreSQL names the unique constraint; SQLite its table and columns."""
    complaint = database_rejects(change)
    return constraint in complaint or f"unique constraint failed: {sqlite_columns}" in complaint


def test_position_ending_before_start_is_rejected_by_database_and_validation():
    person = PersonFactory()

    def create():
        Position.objects.create(
            person=person,
            title_en="Rector",
            start_date=datetime.date(2020, 1, 1),
            end_date=datetime.date(2019, 1, 1),
        )

    assert "position_ends_after_start" in database_rejects(create)
    position = Position(
        person=person,
        title_en="Rector",
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2019, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert error.value.messages == ["A position cannot end before it starts."]


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, datetime.date(2020, 1, 1)), (datetime.date(2020, 1, 1), None), (None, None)],
)
def test_position_with_open_dates_is_valid(start, end):
    position = PositionFactory.build(
        person=PersonFactory(), organization=None, start_date=start, end_date=end
    )
    position.full_clean()  # no ValidationError
    assert database_rejects(position.save) == ""
    assert Position.objects.values_list("start_date", "end_date").get(pk=position.pk) == (
        start,
        end,
    )


def test_region_must_belong_to_its_country():
    kyrgyzstan = CountryFactory(code="QK")
    assert "region_code_in_country" in database_rejects(
        lambda: Region.objects.create(code="QR-MOW", country=kyrgyzstan, name_en="Moscow")
    )
    with pytest.raises(ValidationError) as error:
        Region(code="QR-MOW", country=kyrgyzstan, name_en="Moscow", name="Moscow").full_clean()
    assert error.value.messages == ["A region's code must start with its country's code."]
    assert (
        database_rejects(
            lambda: Region.objects.create(code="QK-GB", country=kyrgyzstan, name_en="Bishkek")
        )
        == ""
    )


def test_country_code_must_be_two_capital_letters():
    assert "country_code_iso_alpha2" in database_rejects(
        lambda: Country.objects.create(code="k1", alpha_3="K1X", name_en="Bad")
    )


def test_organization_cannot_be_its_own_parent():
    organization = OrganizationFactory()
    organization.parent = organization
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert error.value.messages == ["An organization cannot be part of itself."]
    assert "organization_not_own_parent" in database_rejects(
        lambda: Organization.objects.filter(pk=organization.pk).update(parent=organization)
    )


def test_slug_is_unique():
    OrganizationFactory(slug="assembly")
    assert _unique_violation(
        "people_organization_slug",
        "people_organization.slug",
        lambda: OrganizationFactory(slug="assembly"),
    )


def test_translated_name_falls_back_to_a_filled_in_language():
    person = PersonFactory(
        given_name_en="Konstantin",
        given_name_ru="Константин",
        given_name_ky=None,
        family_name_en="Kosachev",
        family_name_ru="Косачёв",
        family_name_ky=None,
        patronymic_ru="Иосифович",
    )
    with translation.override("ky"):
        # Kyrgyz falls back to Russian before English.
        assert person.name == "Константин Косачёв"
    with translation.override("ru"):
        assert person.full_name == "Константин Иосифович Косачёв"
    with translation.override("en"):
        assert person.name == "Konstantin Kosachev"
    only_russian = PersonFactory(
        given_name_en=None, family_name_en=None, given_name_ru="Лариса", family_name_ru="Хоперская"
    )
    with translation.override("en"):
        assert only_russian.name == "Лариса Хоперская"
