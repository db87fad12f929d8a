"""The layout rules of docs/architecture.md, checked on the code itself."""

import ast
import re
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("diplomacy", "events", "people", "website")
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
# Data, not logic: the seed record and generated migrations.
LONG_BY_NATURE = {"events/demo_data.py"}


def _modules() -> list[Path]:
    return sorted(
        path
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts
    )


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_import_contracts_are_kept():
    """`lint-imports` with the contracts in pyproject.toml (also run by .ci/run)."""
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_modules_stay_readable(path):
    if _name(path) in LONG_BY_NATURE:
        return
    source = path.read_text()
    assert len(source.splitlines()) <= MAX_MODULE_LINES, "split the module by what it holds"
    too_long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert too_long == []


FOLDERS = ("", "templates", "static", *(f"{package}/static" for package in PACKAGES))


def test_no_module_refers_to_a_file_that_does_not_exist():
    """Docstrings and comments name files (`see events/search.py`); they must exist."""
    # A path with a folder, or a document at the top (README.md, DESIGN.md).
    mentioned = re.compile(r"[\w.-]+(?:/[\w.-]+)+\.(?:py|md|html|js)\b|\b[\w-]+\.md\b")
    missing = [
        f"{_name(path)}: {name}"
        for path in _modules()
        for name in mentioned.findall(path.read_text())
        if not any((ROOT / folder / name).exists() for folder in FOLDERS)
        and not name.startswith("admin/")  # Django's own admin assets
    ]
    assert missing == []
