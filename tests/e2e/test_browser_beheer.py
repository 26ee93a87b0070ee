"""The operator's pages in real Chromium on a local stack of their own, with the keyboard only: the demo
operator onboards an organisation (a municipality held by another is refused beside the field) and a creditor,
makes and revokes an API key, invites a staff member of the new creditor, who then signs in for the first time
and lands on their start page; axe-core finds no WCAG 2.1 A/AA violation on any page or state."""

import re
from collections.abc import Iterator
from typing import Any

import pytest

from local import demo
from tests.e2e.conftest import Http, gestart
from tests.support.chromium import Toetsenbord, axe, cognito, schermafdruk
from tests.support.cognito import NIEUW, WACHTWOORD

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gestart(tmp_path_factory.mktemp("browser-beheer") / "env.json") as url:
        yield url


def _tijdelijk_wachtwoord(stack: str, email: str) -> None:
    """The invitation's temporary password goes by e-mail, which the emulated pool does not send: the test
    sets one it knows, as the pool's admin call does (the account still must choose its own)."""
    client, pool = cognito(stack)
    client.admin_set_user_password(UserPoolId=pool, Username=email, Password=WACHTWOORD, Permanent=False)


def _inloggen(page: Any, toets: Toetsenbord, stack: str, email: str, wachtwoord: str) -> None:
    page.goto(f"{stack}/inloggen")
    toets.typ("#email", email)
    toets.typ("#wachtwoord", wachtwoord)
    toets.druk("button[type=submit]")


def test_the_operator_onboards_an_organisation_and_a_creditor_and_invites_its_staff_member(stack, chromium, pagina):
    page, toets = pagina, Toetsenbord(pagina)
    _inloggen(page, toets, stack, demo.BEHEERDER.email, demo.WACHTWOORD)
    assert page.url.endswith("/beheer/organisaties"), page.url
    assert "Schuldhulp Walcheren (demo)" in page.inner_text("main")
    axe(page, "organisaties")

    # A new organisation; first with a municipality another organisation holds.
    toets.typ("#organisatie-id", "schuldhulp-amsterdam")
    toets.typ("#organisatie-naam", "Schuldhulp Amsterdam")
    toets.typ("#organisatie-email", "intake@amsterdam.example")
    toets.typ("#organisatie-smsNummers", "06 33333333")
    toets.typ("#organisatie-gemeenten", "GM0363 Amsterdam 1000-1109\nGM0687 Middelburg")
    toets.druk("#nieuw button[type=submit]")
    assert "walcheren" in page.inner_text("#organisatie-gemeenten-fout")
    assert page.input_value("#organisatie-naam") == "Schuldhulp Amsterdam"
    axe(page, "organisatie met een gemeente van een ander")
    toets.naar("#organisatie-gemeenten")
    page.keyboard.press("Control+End")
    for _ in range(len("\nGM0687 Middelburg")):
        page.keyboard.press("Backspace")
    toets.druk("#nieuw button[type=submit]")
    assert page.url.endswith("/beheer/organisaties/schuldhulp-amsterdam?gedaan=organisatie"), page.url
    assert "De organisatie is opgeslagen" in page.inner_text("main")
    assert page.input_value("#organisatie-gemeenten") == "GM0363 Amsterdam 1000-1109"
    axe(page, "organisatie opgeslagen")
    schermafdruk(page, "beheer-organisatie")

    # A creditor.
    page.goto(f"{stack}/beheer/schuldeisers")
    axe(page, "schuldeisers")
    toets.typ("#schuldeiser-id", "waternet-e2e")
    toets.typ("#schuldeiser-naam", "Waternet")
    toets.naar("#schuldeiser-type")
    page.keyboard.type("Drinkwater")
    toets.typ("#schuldeiser-email", "incasso@waternet.example")
    toets.druk("#nieuw button[type=submit]")
    assert page.url.endswith("/beheer/schuldeisers/waternet-e2e?gedaan=schuldeiser"), page.url
    axe(page, "schuldeiser opgeslagen")

    # An API key for it: its secret once, then revoked after confirming.
    page.goto(f"{stack}/beheer/sleutels")
    axe(page, "API-sleutels")
    toets.naar("#sleutel-rol")
    page.keyboard.type("Schuldeiser Waternet")
    toets.typ("#sleutel-omschrijving", "CRM-koppeling test")
    toets.druk("#nieuw button[type=submit]")
    geheim = page.inner_text("#geheim")
    assert geheim.startswith("wd_") and "één keer" in page.inner_text("main")
    axe(page, "nieuwe API-sleutel")
    schermafdruk(page, "beheer-sleutel")
    assert Http(stack, geheim).get("/v1/doorverwijzingen")[0] == 200
    toets.druk("main a[href$='/beheer/sleutels']")
    assert geheim not in page.content()
    rij = page.locator("tr", has_text="CRM-koppeling test")
    sleutel_id = rij.locator("th").inner_text()
    toets.druk(f"form[action$='/beheer/sleutels/{sleutel_id}/intrekking'] button")
    assert "intrekken?" in page.inner_text("h1")
    axe(page, "API-sleutel intrekken")
    toets.druk("main form button[type=submit]")
    assert "is ingetrokken" in page.inner_text("main")
    assert Http(stack, geheim).get("/v1/doorverwijzingen")[0] in (401, 403)

    # A staff member of the new creditor.
    page.goto(f"{stack}/beheer/gebruikers")
    axe(page, "gebruikers")
    toets.typ("#gebruiker-email", "eva@waternet.example")
    toets.druk("#nieuw button[type=submit]")
    assert page.inner_text("#gebruiker-naam-fout")
    axe(page, "uitnodiging met fouten")
    toets.typ("#gebruiker-naam", "Eva de Wit")
    toets.naar("#gebruiker-rol")
    page.keyboard.type("Medewerker van Waternet")
    toets.druk("#nieuw button[type=submit]")
    assert "uitnodiging" in page.inner_text("[role=status]")
    rij_tekst = page.locator("tr", has_text="eva@waternet.example").inner_text()
    assert "Waternet" in rij_tekst and "Uitgenodigd" in rij_tekst
    axe(page, "uitgenodigd")
    schermafdruk(page, "beheer-gebruikers")

    # The audit trail of a demo referral.
    page.goto(f"{stack}/beheer/audit")
    toets.typ("#audit-doorverwijzing", demo.OPEN)
    toets.druk("main form button[type=submit]")
    assert re.search(r"API-sleutel \w+", page.inner_text("table"))
    axe(page, "audittrail")
    toets.typ("#audit-doorverwijzing", "x")
    toets.druk("main form button[type=submit]")
    assert page.inner_text("#audit-doorverwijzing-fout")
    axe(page, "audittrail met een fout")

    # The invited staff member signs in for the first time, and lands on the creditor's start page.
    _tijdelijk_wachtwoord(stack, "eva@waternet.example")
    eigen = chromium.new_context(bypass_csp=True, locale="nl-NL", timezone_id="Europe/Amsterdam")
    eva = eigen.new_page()
    eva_toets = Toetsenbord(eva)
    _inloggen(eva, eva_toets, stack, "eva@waternet.example", WACHTWOORD)
    assert eva.url.endswith("/inloggen/nieuw-wachtwoord"), eva.url
    eva_toets.typ("#wachtwoord", NIEUW)
    eva_toets.typ("#herhaling", NIEUW)
    eva_toets.druk("button[type=submit]")
    assert eva.url.endswith("/mijn-doorverwijzingen"), eva.url
    eva.goto(f"{stack}/beheer/gebruikers")
    assert "Geen toegang" in eva.inner_text("h1")
    eigen.close()
