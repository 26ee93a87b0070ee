"""A creditor's customer-service agent in real Chromium (keyboard only) on a local stack of its own: signs
in, fills in the referral form during the call, sees where it goes, sends it, and the organisation's alert
arrives; the same form sent again creates nothing; the agent withdraws it; operator pages and another
creditor's referrals stay closed. axe-core finds no WCAG 2.1 A/AA violation in any state."""

import time
from collections.abc import Iterator
from typing import Any

import pytest

from local import demo
from tests.e2e.conftest import Http, gestart
from tests.support.chromium import Toetsenbord, axe, gebruiker, schermafdruk
from tests.support.cognito import NIEUW, WACHTWOORD

pytestmark = pytest.mark.e2e

REFERENTIE = "BROWSER-AANMELDEN-1"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gestart(tmp_path_factory.mktemp("browser-schuldeiser") / "env.json") as url:
        yield url


def _alerts(stack: str, doorverwijzing_id: str) -> list[dict[str, Any]]:
    emails = Http(stack).get("/_local/outbox")[2]["emails"]
    return [m for m in emails if "intake@walcheren.example" in m["to"] and doorverwijzing_id in m["text"]]


def _wacht_op_alert(stack: str, doorverwijzing_id: str) -> list[dict[str, Any]]:
    """The alert goes out after the referral's event is handled, a moment after the page answered."""
    for _ in range(50):
        gevonden = _alerts(stack, doorverwijzing_id)
        if gevonden:
            return gevonden
        time.sleep(0.2)
    raise AssertionError("geen e-mail aan de organisatie")


def test_an_agent_refers_a_customer_during_the_call_with_the_keyboard_only(stack, pagina):
    gebruiker(stack, "agent@evides.example", f"schuldeiser-{demo.SCHULDEISER_ID}")
    page, toets = pagina, Toetsenbord(pagina)

    page.goto(f"{stack}/aanmelden")
    assert "/inloggen" in page.url
    toets.typ("#email", "agent@evides.example")
    toets.typ("#wachtwoord", WACHTWOORD)
    toets.druk("button[type=submit]")
    toets.typ("#wachtwoord", NIEUW)
    toets.typ("#herhaling", NIEUW)
    toets.druk("button[type=submit]")
    assert page.url.endswith("/aanmelden"), page.url
    assert "Lees voor" in page.inner_text("#toestemming-tekst")
    axe(page, "aanmeldformulier")

    # The consent first, then only part of the rest: the form says what is missing, beside each field.
    toets.naar("#toestemming-verleend")
    page.keyboard.press("Space")
    toets.naar("#toestemming-smsBevestiging-nee")
    page.keyboard.press("ArrowUp")  # in a radio group the arrow keys choose: "Ja, stuur een sms"
    toets.typ("#schuldeiserReferentie", REFERENTIE)
    toets.typ("#client-voorletters", "J.")
    toets.druk("button[value=versturen]")
    assert "Dit veld is verplicht." in page.inner_text("#client-achternaam-fout")
    assert page.input_value("#schuldeiserReferentie") == REFERENTIE
    assert page.is_checked("#toestemming-verleend") and page.is_checked("#toestemming-smsBevestiging-ja")
    assert page.evaluate("document.activeElement.classList.contains('utrecht-alert--error')")
    axe(page, "aanmeldformulier met fouten")

    toets.typ("#client-voornaam", "Jan")
    toets.typ("#client-achternaam", "Dijk")
    # Day and month alike: Chromium orders a date's parts by its own language, whatever the page's.
    toets.typ("#client-geboortedatum", "05051980")
    assert page.input_value("#client-geboortedatum") == "1980-05-05"
    toets.typ("#client-telefoonnummer", "06 12345678")
    toets.typ("#adres-postcode", "4331 AB")
    toets.typ("#adres-huisnummer", "12")
    toets.typ("#adres-straatnaam", "Lange Delft")
    toets.typ("#adres-plaatsnaam", "Middelburg")
    toets.druk("button[value=controleren]")
    assert "Gaat naar Schuldhulp Walcheren (demo), gemeente Middelburg." in page.inner_text("#routering")
    axe(page, "routering getoond")
    toets.typ("#achterstand-bedrag", "123,45")
    toets.typ("#achterstand-ontstaansdatum", "09092026")
    toets.typ("#toelichting", "Liefst 's ochtends bellen")
    schermafdruk(page, "aanmelden")
    velden = page.evaluate("() => Object.fromEntries(new FormData(document.querySelector('form.wd-aanmelden')))")

    toets.druk("button[value=versturen]")
    bevestiging = page.inner_text("#bevestiging")
    doorverwijzing_id = page.url.split("/mijn-doorverwijzingen/")[1].split("?")[0]
    assert "De klant is aangemeld." in bevestiging and doorverwijzing_id in bevestiging
    assert "Gaat naar Schuldhulp Walcheren (demo), gemeente Middelburg." in bevestiging
    assert "pauzeer de incasso tot dan." in bevestiging and "Incassostop tot " in bevestiging
    axe(page, "bevestiging")
    schermafdruk(page, "aangemeld")
    assert len(_wacht_op_alert(stack, doorverwijzing_id)) == 1

    # The same form sent again (a double click, or back and send): the same referral, nothing new.
    nog_eens = page.request.post(
        f"{stack}/aanmelden", form={**velden, "actie": "versturen"}, headers={"Origin": stack}, max_redirects=0
    )
    assert nog_eens.status == 303
    assert nog_eens.headers["location"].endswith(f"/mijn-doorverwijzingen/{doorverwijzing_id}?gedaan=al-aangemeld")
    sleutel = next(k.secret for k in demo.sleutels() if k.subject == demo.SCHULDEISER_ID)
    eigen = Http(stack, sleutel).get("/v1/doorverwijzingen?limiet=100")[2]["items"]
    assert [d["id"] for d in eigen if d["schuldeiserReferentie"] == REFERENTIE] == [doorverwijzing_id]
    time.sleep(1)
    assert len(_alerts(stack, doorverwijzing_id)) == 1

    toets.druk("nav a[href$='/mijn-doorverwijzingen']")
    rij = page.locator("table.wd-mijn-doorverwijzingen tbody tr").first
    assert REFERENTIE in rij.inner_text() and "Loopt" in rij.inner_text()
    axe(page, "mijn doorverwijzingen")
    schermafdruk(page, "mijn-doorverwijzingen")

    toets.druk(f"a[href$='/mijn-doorverwijzingen/{doorverwijzing_id}']")
    assert page.locator("h1").inner_text() == f"Doorverwijzing {REFERENTIE}"
    axe(page, "doorverwijzing van de schuldeiser")
    toets.druk("#intrekking button[type=submit]")
    assert "Dit veld is verplicht." in page.inner_text("#intrekking-reden-fout")
    axe(page, "intrekken zonder reden")
    toets.naar("#intrekking-reden")
    page.keyboard.type("De klant")  # a select chooses by typing: "De klant heeft betaald"
    toets.druk("#intrekking button[type=submit]")
    assert "De doorverwijzing is ingetrokken." in page.inner_text("main")
    assert "Ingetrokken op" in page.inner_text("main") and page.locator("#intrekking").count() == 0
    axe(page, "ingetrokken")

    beheer = page.goto(f"{stack}/beheer/organisaties")
    assert beheer is not None and beheer.status == 403 and "Geen toegang" in page.inner_text("h1")
    axe(page, "geen toegang")
    ander = page.goto(f"{stack}/mijn-doorverwijzingen/{demo.OPEN}")  # the energy company's referral
    assert ander is not None and ander.status == 404 and page.locator("h1").inner_text() == "Niet gevonden"
