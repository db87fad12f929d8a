import pytest
from django.core.management import call_command

from people.models import Country, Region

pytestmark = pytest.mark.django_db


def test_reference_data_loads_every_iso_country_and_subdivision(capsys):
    call_command("load_reference_data")
    assert capsys.readouterr().out == "249 countries and 5046 regions loaded.\n"
    assert Country.objects.count() == 249
    assert Region.objects.count() == 5046
    assert Region.objects.filter(country="RU").count() == 83
    assert Region.objects.filter(country="KG").count() == 9
    kyrgyzstan = Country.objects.get(code="KG")
    assert (kyrgyzstan.name_en, kyrgyzstan.name_ru, kyrgyzstan.name_ky) == (
        "Kyrgyzstan",
        "Киргизия",
        "Кыргызстан",
    )
    assert Country.objects.get(code="MD").name_en == "Moldova"
    assert Region.objects.get(code="RU-SPE").name_ru == "Санкт-Петербург"
    assert Region.objects.get(code="FR-01").parent_id == "FR-ARA"
    bishkek = Region.objects.get(code="KG-GB")
    assert (bishkek.name_en, bishkek.name_ru, bishkek.name_ky) == (
        "Bishkek Shaary",
        "Бишкек",
        "Бишкек шаары",
    )


def test_reference_data_is_safe_to_load_again():
    call_command("load_reference_data")
    Country.objects.filter(code="KG").update(name_en="Renamed")
    call_command("load_reference_data")
    assert Country.objects.count() == 249
    assert Region.objects.count() == 5046
    assert Country.objects.get(code="KG").name_en == "Kyrgyzstan"
