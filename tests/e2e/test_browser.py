"""The caseworkers' pages in real Chromium (Debian's package, driven by Playwright) on a local stack of
their own: a creditor submits over the API, a caseworker signs in for the first time and works the referral
with the keyboard only; another organisation finds nothing; axe-core finds no WCAG 2.1 A/AA violation on
any page or state. Screenshots of a failure are kept in test-results/."""

import json
from collections.abc import Iterator
from typing import Any

import pytest

from local import demo
from tests.e2e.conftest import Http, aanmelding_nu, gestart
from tests.support.chromium import Toetsenbord, axe, medewerker, schermafdruk
from tests.support.cognito import NIEUW, WACHTWOORD

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gestart(tmp_path_factory.mktemp("browser") / "env.json") as url:
        yield url


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
