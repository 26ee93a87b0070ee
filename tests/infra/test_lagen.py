"""The handlers are thin entry points: they reach the domain (and the views, the API plumbing, the
wiring), never the store or an adapter. The layers below them are import-linter's contracts
(pyproject.toml, run by `make test`)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERBODEN = ("warmdoor.store", "warmdoor.adapters")


def _imports(bestand: Path) -> set[str]:
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(bestand.read_text())):
        if isinstance(knoop, ast.Import):
            namen |= {alias.name for alias in knoop.names}
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen |= {knoop.module} | {f"{knoop.module}.{alias.name}" for alias in knoop.names}
    return namen


@pytest.mark.parametrize("handler", sorted(ROOT.glob("functions/*/app.py")), ids=lambda p: p.parent.name)
def test_a_handler_imports_no_store_or_adapter(handler):
    verboden = {naam for naam in _imports(handler) if naam.startswith(VERBODEN)}
    assert not verboden, verboden


def test_the_api_plumbing_imports_no_store_or_adapter():
    for bestand in (ROOT / "layers/common/warmdoor/api").glob("*.py"):
        assert not {naam for naam in _imports(bestand) if naam.startswith(VERBODEN)}, bestand.name
