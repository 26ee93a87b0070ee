"""The caseworkers' pages in real Chromium (Debian's package, driven by Playwright) on a local stack of
their own: a creditor submits over the API, a caseworker signs in for the first time and works the referral
with the keyboard only; another organisation finds nothing; axe-core finds no WCAG 2.1 A/AA violation on
any page or state. Screenshots of a failure are kept in test-results/."""

import json
import os
import shutil
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from local import demo
from tests.e2e.conftest import ROOT, Http, aanmelding_nu, gestart
from tests.support.cognito import NIEUW, WACHTWOORD
from tests.support.cognito import medewerker as cognito_medewerker

pytestmark = pytest.mark.e2e

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


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gestart(tmp_path_factory.mktemp("browser") / "env.json") as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    pad = shutil.which("chromium")
    assert pad, "Chromium ontbreekt: `make test` installeert Debian's pakket chromium (als root)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=pad, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _aws(stack: str) -> dict[str, Any]:
    aws: dict[str, Any] = Http(stack).get("/_local/aws")[2]
    return aws


def medewerker(stack: str, email: str, organisatie: str, coordinator: bool = False) -> None:
    aws = _aws(stack)
    cognito = boto3.client(
        "cognito-idp",
        endpoint_url=aws["endpoint"],
        region_name=aws["region"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    cognito_medewerker(aws["refs"]["Gebruikerspool"], email, organisatie, coordinator, cognito)


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


def schermafdruk(page: Any, naam: str) -> None:
    """The README's screenshots, made when asked (make schermafdrukken)."""
    if os.environ.get("WARMDOOR_SCHERMAFDRUKKEN") == "1":
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCHERMAFDRUKKEN / f"{naam}.png"), full_page=True)


def test_a_caseworker_works_a_new_referral_with_the_keyboard_only(stack, pagina):
    api = Http(stack)
    status, _, d = Http(stack, _evides_sleutel(stack)).post("/v1/doorverwijzingen", aanmelding_nu(api, "BROWSER-1"))
    assert status == 201, d
    medewerker(stack, "anna@walcheren.example", "walcheren")
    page, toets = pagina, Toetsenbord(pagina)

    page.goto(f"{stack}/werkvoorraad")
    assert "/inloggen" in page.url
    axe(page, "inloggen")
    toets.typ("#email", "anna@walcheren.example")
    toets.typ("#wachtwoord", "niet-goed")
    toets.druk("button[type=submit]")
    assert "kennen we niet" in page.inner_text("main")
    axe(page, "inloggen met een fout")
    toets.typ("#wachtwoord", WACHTWOORD)
    toets.druk("button[type=submit]")
    assert page.url.endswith("/inloggen/nieuw-wachtwoord")
    axe(page, "nieuw wachtwoord")
    toets.typ("#wachtwoord", NIEUW)
    toets.typ("#herhaling", NIEUW)
    toets.druk("button[type=submit]")
    assert page.url.endswith("/werkvoorraad")
    axe(page, "werkvoorraad")
    eerste = page.locator("table.wd-werkvoorraad tbody tr").first
    assert "Jan van Dijk" in eerste.inner_text()
    schermafdruk(page, "werkvoorraad")

    toets.druk(f"a[href$='/doorverwijzingen/{d['id']}']")
    assert page.locator("h1").inner_text() == "Jan van Dijk"
    axe(page, "doorverwijzing")
    toets.druk("#toewijzing button[type=submit]")
    assert "Opgepakt door anna@walcheren.example" in page.inner_text("main")
    toets.naar("#contactpoging-bereikt-ja")
    page.keyboard.press("ArrowDown")  # in a radio group the arrow keys choose: "Nee, niet bereikt"
    toets.druk("#contactpoging button[type=submit]")
    assert "niet bereikt" in page.inner_text("ol.wd-tijdlijn")
    toets.naar("#contactpoging-bereikt-ja")
    page.keyboard.press("Space")
    toets.druk("#contactpoging button[type=submit]")
    assert "Contact gelegd op" in page.inner_text("main")

    toets.naar("#eindresultaat-code")
    page.keyboard.type("Al bekend")
    toets.druk("#eindresultaat button[value=voorbeeld]")
    assert "Er loopt al hulp" in page.inner_text("#voorbeeld")
    axe(page, "voorbeeld van de terugkoppeling")
    schermafdruk(page, "doorverwijzing")
    toets.druk("#eindresultaat button[value=vastleggen]")
    assert "Afgerond: Al bekend bij schuldhulp" in page.inner_text("ol.wd-tijdlijn")

    schuldeiser = Http(stack, _evides_sleutel(stack)).get(f"/v1/doorverwijzingen/{d['id']}")[2]
    assert (schuldeiser["status"], schuldeiser["terugkoppeling"]["uitkomst"]) == ("afgerond", "hulp_loopt_al")
    voor = len(api.get("/_local/outbox")[2]["emails"])
    api.post("/_local/clock", {"advance": "P4D"})
    na = api.get("/_local/outbox")[2]["emails"][voor:]
    assert not [m for m in na if "BROWSER-1" in json.dumps(m) and "verlopen" in m["subject"].lower()]

    page.goto(f"{stack}/werkvoorraad?toon=mijn")
    axe(page, "lege werkvoorraad")
    page.goto(f"{stack}/organisatie")
    axe(page, "mijn organisatie")
    page.goto(f"{stack}/doorverwijzingen/00000000-0000-4000-8000-000000000000")
    assert "Niet gevonden" in page.inner_text("h1")
    axe(page, "niet gevonden")


def test_another_organisation_finds_nothing_and_cannot_post(stack, chromium, pagina):
    api = Http(stack)
    d = Http(stack, _evides_sleutel(stack)).post("/v1/doorverwijzingen", aanmelding_nu(api, "BROWSER-2"))[2]
    medewerker(stack, "piet@zeeuws-vlaanderen.example", "zeeuws-vlaanderen")
    page, toets = pagina, Toetsenbord(pagina)
    _inloggen(page, toets, stack, "piet@zeeuws-vlaanderen.example")
    page.goto(f"{stack}/doorverwijzingen/{d['id']}")
    assert page.locator("h1").inner_text() == "Niet gevonden" and "Jan" not in page.inner_text("main")
    page.goto(f"{stack}/werkvoorraad")
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    antwoord = page.request.post(
        f"{stack}/doorverwijzingen/{d['id']}/contactpogingen",
        form={"csrf": token, "soort": "telefoon", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:00"},
        headers={"Origin": stack},
        max_redirects=0,
    )
    assert antwoord.status == 404

    medewerker(stack, "bram@walcheren.example", "walcheren")
    eigen = chromium.new_context(bypass_csp=True)
    bram = eigen.new_page()
    _inloggen(bram, Toetsenbord(bram), stack, "bram@walcheren.example")
    bram.goto(f"{stack}/doorverwijzingen/{d['id']}")
    met_piets_token = bram.request.post(
        f"{stack}/doorverwijzingen/{d['id']}/contactpogingen",
        form={"csrf": token, "soort": "telefoon", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:00"},
        headers={"Origin": stack},
        max_redirects=0,
    )
    assert met_piets_token.status == 403

    # Bram's own form, filled in wrong: the errors beside their fields, and what he typed, kept.
    toets = Toetsenbord(bram)
    toets.naar("#contactpoging-soort")
    bram.keyboard.type("Brief")
    toets.naar("#contactpoging-bereikt-ja")
    bram.keyboard.press("Space")
    toets.typ("#contactpoging-toelichting", "Brief in de bus gedaan")
    toets.druk("#contactpoging button[type=submit]")
    assert "alleen een gesprek" in bram.inner_text("#contactpoging-bereikt-fout")
    assert bram.input_value("#contactpoging-toelichting") == "Brief in de bus gedaan"
    assert bram.evaluate("document.activeElement.classList.contains('utrecht-alert--error')")
    axe(bram, "fouten naast de velden")
    toets.druk("form.wd-uitloggen button")
    assert bram.url.endswith("/uitgelogd")
    axe(bram, "uitgelogd")
    bram.goto(f"{stack}/werkvoorraad")
    assert "/inloggen" in bram.url
    eigen.close()


def _inloggen(page: Any, toets: Toetsenbord, stack: str, email: str) -> None:
    page.goto(f"{stack}/inloggen")
    toets.typ("#email", email)
    toets.typ("#wachtwoord", WACHTWOORD)
    toets.druk("button[type=submit]")
    toets.typ("#wachtwoord", NIEUW)
    toets.typ("#herhaling", NIEUW)
    toets.druk("button[type=submit]")
    assert page.url.endswith("/werkvoorraad"), page.url


def _evides_sleutel(_stack: str) -> str:
    return next(k.secret for k in demo.sleutels() if k.subject == demo.SCHULDEISER_ID)
