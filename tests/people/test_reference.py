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
        "Кыргызстан",
        "Кыргызстан",
    )
    assert (kyrgyzstan.iso_name_en, kyrgyzstan.iso_name_ru, kyrgyzstan.iso_name_ky) == (
        "Kyrgyzstan",
        "Киргизия",
        "Кыргызстан",
    )
    russia = Country.objects.get(code="RU")
    assert (russia.name_en, russia.name_ru, russia.name_ky) == ("Russia", "Россия", "Россия")
    assert Country.objects.get(code="TR").name_ky == "Түркия"
    almaty = Region.objects.get(code="KZ-75")
    assert (almaty.name_en, almaty.name_ru, almaty.iso_name_ru) == ("Almaty", "Алматы", "Алма-Ата")
    assert Country.objects.get(code="MD").name_en == "Moldova"
    assert Region.objects.get(code="RU-SPE").name_ru == "Санкт-Петербург"
    assert Region.objects.get(code="FR-01").parent_id == "FR-ARA"
    bishkek = Region.objects.get(code="KG-GB")
    assert (bishkek.name_en, bishkek.name_ru, bishkek.name_ky) == (
        "Bishkek",
        "Бишкек",
        "Бишкек шаары",
    )


def test_reference_data_is_safe_to_load_again():
    call_command("load_reference_data")
    Country.objects.filter(code="KZ").update(name_ru=None, iso_name_ru="Казахстан (old)")
    call_command("load_reference_data")
    assert Country.objects.count() == 249
    assert Region.objects.count() == 5046
    kazakhstan = Country.objects.get(code="KZ")
    assert (kazakhstan.name_ru, kazakhstan.iso_name_ru) == ("Казахстан", "Казахстан")


def test_reference_data_keeps_names_editors_changed_and_follows_iso_otherwise():
    call_command("load_reference_data")
    Country.objects.filter(code="KG").update(name_en="Kyrgyz Republic")
    # As if the ISO data had changed since the last load: a name still as
    # loaded follows it.
    Country.objects.filter(code="UZ").update(name_en="Old", iso_name_en="Old")
    call_command("load_reference_data")
    assert Country.objects.get(code="KG").name_en == "Kyrgyz Republic"
    assert Country.objects.get(code="UZ").name_en == "Uzbekistan"
