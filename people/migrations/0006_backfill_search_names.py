"""Fill people's `search_names` (added empty by 0005), so that typo-tolerant
name search finds the people entered before it; the services keep it filled
from then on. PostgreSQL only: SQLite searches the name columns themselves."""

from django.db import migrations
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Concat, Lower

NAME_FIELDS = [
    f"{field}_{language}"
    for field in ("given_name", "patronymic", "family_name")
    for language in ("en", "ru", "ky")
]


def fill_search_names(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Person = apps.get_model("people", "Person")
    joined = Coalesce(F(NAME_FIELDS[0]), Value(""))
    for name in NAME_FIELDS[1:]:
        joined = Concat(joined, Value(" "), Coalesce(F(name), Value("")), output_field=TextField())
    folded = Func(joined, Value("ёЁ"), Value("еЕ"), function="translate", output_field=TextField())
    Person.objects.filter(search_names="").update(search_names=Lower(folded))


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_person_search_names"),
    ]

    operations = [migrations.RunPython(fill_search_names, migrations.RunPython.noop)]
