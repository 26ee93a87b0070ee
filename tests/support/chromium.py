"""Real Chromium for the pages' browser tests (Debian's package, driven by Playwright; never `playwright
install`): the keyboard-only helper, axe-core, the README's screenshots and accounts in a local stack's pool."""

import json
import os
import urllib.request
from pathlib import Path
from typing import Any

import boto3

from tests.support.cognito import gebruiker as cognito_gebruiker

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULTATEN = ROOT / "test-results"
SCHERMAFDRUKKEN = ROOT / "docs" / "schermafdrukken"
# What the machine's closed network needs (see the machine notes): no calls home, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def cognito(stack: str) -> tuple[Any, str]:
    """A client of the stack's emulated user pool, and the pool's id."""
    with urllib.request.urlopen(f"{stack}/_local/aws", timeout=30) as antwoord:  # noqa: S310 - local stack
        aws: dict[str, Any] = json.load(antwoord)
    client = boto3.client(
        "cognito-idp",
        endpoint_url=aws["endpoint"],
        region_name=aws["region"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    return client, aws["refs"]["Gebruikerspool"]


def gebruiker(stack: str, email: str, *groepen: str) -> None:
    """An account with a temporary password in the stack's pool, in these groups (`organisatie-walcheren`,
    `coordinator`, `schuldeiser-evides-demo`, `beheer`)."""
    client, pool = cognito(stack)
    cognito_gebruiker(pool, email, *groepen, client=client)


def medewerker(stack: str, email: str, organisatie: str, coordinator: bool = False) -> None:
    gebruiker(stack, email, f"organisatie-{organisatie}", *(["coordinator"] if coordinator else []))


class Toetsenbord:
    """Only what a keyboard can do: Tab to an element, then type, Space or Enter."""

    def __init__(self, page: Any) -> None:
        self.page = page

    def naar(self, selector: str, max_tabs: int = 120) -> None:
        for _ in range(max_tabs):
            if self.page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"met Tab niet bereikt: {selector}")

    def typ(self, selector: str, tekst: str) -> None:
        self.naar(selector)
        self.page.keyboard.type(tekst)

    def druk(self, selector: str, toets: str = "Enter") -> None:
        self.naar(selector)
        with self.page.expect_navigation():
            self.page.keyboard.press(toets)


def axe(page: Any, staat: str) -> None:
    """axe-core in the page: no violation of WCAG 2.1 A or AA."""
    page.add_script_tag(path=str(AXE))
    uitkomst = page.evaluate(
        "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
    )
    fouten = [
        {"id": v["id"], "help": v["help"], "waar": [n["target"] for n in v["nodes"]][:5]}
        for v in uitkomst["violations"]
    ]
    assert fouten == [], f"{staat}: {json.dumps(fouten, indent=1)}"


def schermafdruk(page: Any, naam: str) -> None:
    """The README's screenshots, made when asked (make schermafdrukken)."""
    if os.environ.get("WARMDOOR_SCHERMAFDRUKKEN") == "1":
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCHERMAFDRUKKEN / f"{naam}.png"), full_page=True)
