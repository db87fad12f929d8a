"""The Russian and Kyrgyz catalogues are complete and up to date with the code."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("ru", "ky")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ *\w+ *\}\}")


def _catalogue(root: Path, language: str) -> polib.POFile:
    return polib.pofile(str(root / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    catalogue = _catalogue(ROOT, language)
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.obsolete_entries() == []
    for entry in catalogue:
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, entry.msgid


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext")
def test_catalogues_hold_every_message_of_the_code(tmp_path):
    """makemessages on a copy of the project finds nothing the catalogues lack."""
    for name in ("diplomacy", "events", "people", "website", "templates", "locale"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "-l", "ky", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        current = {(entry.msgctxt, entry.msgid) for entry in _catalogue(ROOT, language)}
        extracted = {(entry.msgctxt, entry.msgid) for entry in _catalogue(tmp_path, language)}
        assert extracted - current == set(), f"run makemessages and translate ({language})"
        assert current - extracted == set(), f"run makemessages --no-obsolete ({language})"
