"""Backups are proven by restoring them: scripts/backup_roundtrip.sh dumps a
database, restores the dump into a fresh one and compares every record as
the API shows it (docs/operations.md gives the procedure)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from events.services import event_delete
from tests.factories import EventFactory, OrganizationFactory, TopicFactory

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "backup_roundtrip.sh"


def _run(database_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCRIPT), *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgresql  # pg_dump and pg_restore need PostgreSQL
def test_a_postgresql_backup_restores_every_record():
    call_command("load_demo_data", verbosity=0)
    EventFactory(slug="draft", status="draft", title_ru="Черновик")
    event_delete(event=EventFactory(slug="in-the-trash"))
    OrganizationFactory(slug="apr")
    TopicFactory(slug="trade")
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"

    result = _run(url, f"diplomacy_edit_restore_{os.getpid()}")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Backup restored: every record equal (")
    original, restored = result.stderr.strip().splitlines()[-2:]
    assert original == restored
    # The seed round table and the draft; the trashed event is in neither list.
    assert original.startswith("Snapshot of events: 2, competitions: 1, people: 9, ")


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="needs the sqlite3 shell")
def test_an_sqlite_backup_restores_every_record(tmp_path):
    """The zero-set-up database: the sqlite3 shell's .backup, read back."""
    database = tmp_path / "site.sqlite3"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
    for command in (["migrate", "-v0"], ["load_reference_data"], ["load_demo_data"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environment,
            check=True,
            capture_output=True,
            timeout=300,
        )
    result = _run(f"sqlite:///{database}")
    assert result.returncode == 0, result.stderr
    snapshot = json.loads(
        subprocess.run(
            [sys.executable, "manage.py", "api_snapshot"],
            cwd=ROOT,
            env=environment,
            check=True,
            capture_output=True,
            timeout=120,
        ).stdout
    )
    assert sorted(snapshot["events"]) == ["round-table-public-diplomacy-russia-kyrgyzstan-2023"]
