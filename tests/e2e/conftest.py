"""Starts the local stack (`python -m local`) on a free port, as a newcomer's `make run` would."""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from local.aws import free_port
from local.stack import wait_until_up
from tests.conftest import aanmelding
from tests.support.chromium import CHROMIUM_ARGS, RESULTATEN

ROOT = Path(__file__).resolve().parents[2]
ADMIN_KEY = "e2e-admin-key"


@dataclass
class Http:
    base: str
    key: str | None = None

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], Any]:
        data = json.dumps(body).encode() if body is not None else None
        alle = {"Content-Type": "application/json", **(headers or {})}
        if self.key:
            alle["Authorization"] = f"Bearer {self.key}"
        verzoek = urllib.request.Request(self.base + path, data=data, method=method, headers=alle)  # noqa: S310
        try:
            with urllib.request.urlopen(verzoek, timeout=30) as antwoord:  # noqa: S310 - local stack
                return antwoord.status, dict(antwoord.headers), _json(antwoord.read())
        except urllib.error.HTTPError as fout:
            return fout.code, dict(fout.headers), _json(fout.read())

    def get(self, path: str) -> tuple[int, dict[str, str], Any]:
        return self.request("GET", path)

    def post(self, path: str, body: Any = None, **kw: Any) -> tuple[int, dict[str, str], Any]:
        return self.request("POST", path, body, **kw)

    def put(self, path: str, body: Any) -> tuple[int, dict[str, str], Any]:
        return self.request("PUT", path, body)


def aanmelding_nu(http: Http, referentie: str) -> dict[str, Any]:
    """A submission whose consent was given now by the stack's clock, wherever other tests moved it."""
    return aanmelding(referentie, toestemming_op=Http(http.base).get("/_local/clock")[2]["now"])


def _json(data: bytes) -> Any:
    try:
        return json.loads(data) if data else None
    except ValueError:
        return data.decode()


@pytest.fixture(scope="session")
def env_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the stack writes sam local's --env-vars file (not over a developer's .local/env.json)."""
    return tmp_path_factory.mktemp("sam-local") / "env.json"


@contextmanager
def gestart(env_json: Path) -> Iterator[str]:
    """`python -m local` on a free port until the block ends; it must stop cleanly."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'layers' / 'common'}:{ROOT}", "WARMDOOR_ADMIN_KEY": ADMIN_KEY}
    for naam in ("AWS_ENDPOINT_URL", "AWS_PROFILE"):
        env.pop(naam, None)
    proces = subprocess.Popen(
        [sys.executable, "-m", "local", "--port", str(port), "--env-json", str(env_json)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url)
        yield url
    finally:
        proces.terminate()
        uitvoer, _ = proces.communicate(timeout=30)
        assert proces.returncode == 0, uitvoer
        assert "Gestopt." in uitvoer


@pytest.fixture(scope="session")
def local_stack(env_json: Path) -> Iterator[str]:
    with gestart(env_json) as url:
        yield url


@pytest.fixture
def http(local_stack: str) -> Any:
    def maak(key: str | None = None) -> Http:
        return Http(local_stack, key)

    return maak


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Each phase's report on the test item, so that a fixture can keep a screenshot of a failure."""
    rapport: pytest.TestReport = yield
    setattr(item, f"rep_{rapport.when}", rapport)
    return rapport


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    pad = shutil.which("chromium")
    assert pad, "Chromium ontbreekt: `make test` installeert Debian's pakket chromium (als root)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pad, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def pagina(chromium: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    # bypass_csp: only so that the test can inject axe-core; the pages' own CSP is checked elsewhere.
    context = chromium.new_context(bypass_csp=True, locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        RESULTATEN.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTATEN / f"{request.node.name}.png"), full_page=True)
    context.close()
