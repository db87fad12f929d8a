from pathlib import Path

import pytest

REPORTS = Path(__file__).parent / "reports"


@pytest.fixture
def seed_text() -> str:
    return (REPORTS / "seed-bishkek-round-table-2023.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed_path() -> Path:
    return REPORTS / "seed-bishkek-round-table-2023.txt"
