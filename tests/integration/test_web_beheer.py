"""The operator's pages on the in-process stack: organisations, creditors, API keys, accounts and a
referral's audit trail, as a browser without a screen sends the forms; what they change, seen through the API."""

import re
from typing import Any

import boto3
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from tests.conftest import aanmelding
from tests.integration.test_web import ingelogd, jwks  # noqa: F401  (jwks: the pool's keys for in-process moto)
from tests.support.browser import Browser, Pagina
from tests.support.cognito import NIEUW, WACHTWOORD, gebruiker, moto_bestand
from warmdoor.web import csrf, sessie

NIEUWE_ORGANISATIE = {
    "id": "schuldhulp-goes",
    "naam": "Schuldhulp Goes",
    "email": "intake@goes.example",
    "escalatieEmail": "",
    "smsNummers": "06 22222222\n",
    "emailZonderPersoonsgegevens": "ja",
    "gemeenten": "GM0664 Goes 4460-4469 4470\nGM1695 Noord-Beveland",
    "sluitingsdagen": "2026-12-28",
}


def beheerder(pilot: Any, email: str = "bas@warmdoor.example") -> Browser:
    gebruiker(pilot.refs["Gebruikerspool"], email, "beheer")
    browser = Browser(pilot.gateway)
    pagina = browser.inloggen(email, WACHTWOORD, terug="/beheer/organisaties")
    assert pagina.pad == "/inloggen/nieuw-wachtwoord", pagina.tekst()
    pagina = browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    assert pagina.pad == "/beheer/organisaties", pagina.tekst()
    return browser


def fout_bij(pagina: Pagina, veld_id: str) -> str:
    """The message beside a field."""
    gevonden = re.search(rf'id="{veld_id}-fout">([^<]*)<', pagina.html)
    assert gevonden, f"no message beside {veld_id}: {pagina.tekst()}"
    return gevonden.group(1)


# --- organisations --------------------------------------------------------------------------------


def test_the_operator_adds_an_organisation_with_its_municipalities_and_edits_it(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/organisaties")
    assert "Schuldhulp Walcheren" in lijst.tekst() and "Middelburg, Vlissingen" in lijst.tekst()

    pagina = browser.formulier(lijst, "/beheer/organisaties", NIEUWE_ORGANISATIE)

    assert (pagina.status, pagina.pad) == (200, "/beheer/organisaties/schuldhulp-goes?gedaan=organisatie")
    assert "De organisatie is opgeslagen" in pagina.tekst()
    api = pilot.callers["beheer"].get("/v1/organisaties/schuldhulp-goes").body
    assert api["gemeenten"] == [
        {"code": "GM0664", "naam": "Goes", "postcodegebieden": ["4460-4469", "4470"]},
        {"code": "GM1695", "naam": "Noord-Beveland", "postcodegebieden": []},
    ]
    assert (api["smsNummers"], api["emailZonderPersoonsgegevens"]) == (["+31622222222"], True)
    assert api["sluitingsdagen"] == ["2026-12-28"] and api["escalatieEmail"] is None
    # The edit form holds what is stored, one municipality a line.
    assert "GM0664 Goes 4460-4469 4470\nGM1695 Noord-Beveland</textarea>" in pagina.html

    velden = {k: v for k, v in NIEUWE_ORGANISATIE.items() if k != "id"}
    pagina = browser.formulier(
        pagina, "/beheer/organisaties/schuldhulp-goes", {**velden, "naam": "Schuldhulp Goes en Noord-Beveland"}
    )
    assert "De organisatie is opgeslagen" in pagina.tekst()
    assert pilot.callers["beheer"].get("/v1/organisaties/schuldhulp-goes").body["naam"] == (
        "Schuldhulp Goes en Noord-Beveland"
    )


def test_a_postcode_area_held_by_another_organisation_is_shown_beside_the_municipalities(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/organisaties")
    gebieden = {**NIEUWE_ORGANISATIE, "gemeenten": "GM0664 Goes 4335-4340"}

    pagina = browser.formulier(lijst, "/beheer/organisaties", gebieden)

    assert pagina.status == 409
    melding = fout_bij(pagina, "organisatie-gemeenten")
    assert "4335-4340" in melding and "walcheren" in melding
    assert 'aria-invalid="true"' in pagina.html and "Er is 1 fout" in pagina.tekst()
    assert ">GM0664 Goes 4335-4340</textarea>" in pagina.html  # what was typed, kept
    gemeente = {**NIEUWE_ORGANISATIE, "gemeenten": "GM0687 Middelburg"}
    pagina = browser.formulier(lijst, "/beheer/organisaties", gemeente)
    assert pagina.status == 409 and "walcheren" in fout_bij(pagina, "organisatie-gemeenten")
    assert pilot.callers["beheer"].get("/v1/organisaties/schuldhulp-goes").status == 404


@pytest.mark.parametrize(
    ("veld", "waarde", "veld_id", "woord"),
    [
        ("id", "Niet Geldig", "organisatie-id", "kleine letters"),
        ("id", "walcheren", "organisatie-id", "al in gebruik"),
        ("naam", "", "organisatie-naam", ""),
        ("email", "geen-adres", "organisatie-email", ""),
        ("smsNummers", "06 22222222\nbel mij", "organisatie-smsNummers", "Regel 2"),
        ("gemeenten", "", "organisatie-gemeenten", ""),
        ("gemeenten", "GM0664 Goes\nGM0664 Goes", "organisatie-gemeenten", "Regel 2"),
        ("gemeenten", "Goes 4460", "organisatie-gemeenten", "Regel 1"),
        ("gemeenten", "GM0664 Goes 4469-4460", "organisatie-gemeenten", "Regel 1"),
        ("sluitingsdagen", "28-12-2026", "organisatie-sluitingsdagen", "Regel 1"),
    ],
)
def test_bad_input_for_an_organisation_is_shown_beside_its_field(pilot, veld, waarde, veld_id, woord):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/organisaties")

    pagina = browser.formulier(lijst, "/beheer/organisaties", {**NIEUWE_ORGANISATIE, veld: waarde})

    assert pagina.status == 400, pagina.tekst()
    assert woord in fout_bij(pagina, veld_id)
    assert "Noord-Beveland" in pagina.html or veld == "gemeenten"  # what was typed, kept
    if veld != "id" or waarde != "walcheren":
        assert pilot.callers["beheer"].get("/v1/organisaties/schuldhulp-goes").status == 404
    assert pilot.callers["beheer"].get("/v1/organisaties/walcheren").body["naam"] == "Schuldhulp Walcheren"


def test_an_unknown_organisation_is_not_found(pilot):
    browser = beheerder(pilot)
    assert browser.get("/beheer/organisaties/bestaat-niet").status == 404
    assert browser.get("/beheer/organisaties/Niet%20Geldig").status == 404
    pagina = browser.get("/beheer/organisaties")
    opslaan = browser.formulier(pagina, "/beheer/organisaties/bestaat-niet", NIEUWE_ORGANISATIE)
    assert opslaan.status == 404
    assert pilot.callers["beheer"].get("/v1/organisaties/bestaat-niet").status == 404


# --- creditors ------------------------------------------------------------------------------------


def test_the_operator_adds_and_edits_a_creditor(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/schuldeisers")
    assert "Evides Waterbedrijf" in lijst.tekst()
    fout = browser.formulier(
        lijst, "/beheer/schuldeisers", {"id": "eneco", "naam": "Eneco", "type": "gas", "email": ""}
    )
    assert fout.status == 400
    assert fout_bij(fout, "schuldeiser-type") and fout_bij(fout, "schuldeiser-email")
    assert 'value="Eneco"' in fout.html

    nieuw = {"id": "eneco", "naam": "Eneco", "type": "energie", "email": "incasso@eneco.example"}
    pagina = browser.formulier(lijst, "/beheer/schuldeisers", nieuw)

    assert pagina.pad == "/beheer/schuldeisers/eneco?gedaan=schuldeiser" and "opgeslagen" in pagina.tekst()
    assert 'value="energie" selected' in pagina.html
    pagina = browser.formulier(
        pagina, "/beheer/schuldeisers/eneco", {"naam": "Eneco Zakelijk", "type": "energie", "email": "x@eneco.example"}
    )
    assert pilot.callers["beheer"].get("/v1/schuldeisers/eneco").body == {
        "id": "eneco",
        "naam": "Eneco Zakelijk",
        "type": "energie",
        "email": "x@eneco.example",
    }
    dubbel = browser.formulier(lijst, "/beheer/schuldeisers", {**nieuw, "id": "evides", "email": ""})
    assert dubbel.status == 400 and "al in gebruik" in fout_bij(dubbel, "schuldeiser-id")
    assert fout_bij(dubbel, "schuldeiser-email") and "Er zijn 2 fouten" in dubbel.tekst()  # all at once
    assert browser.get("/beheer/schuldeisers/bestaat-niet").status == 404


# --- API keys -------------------------------------------------------------------------------------


def formuliernummer(pagina: Pagina) -> str:
    gevonden = re.search(r'name="formuliernummer" value="([^"]+)"', pagina.html)
    assert gevonden, "the key form carries no number of its own"
    return gevonden.group(1)


def test_a_new_keys_secret_is_shown_once_and_works_until_it_is_revoked(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/sleutels")

    ingevuld = {
        "formuliernummer": formuliernummer(lijst),
        "rol": "schuldeiser:oasen",
        "omschrijving": "CRM-koppeling productie",
    }
    pagina = browser.formulier(lijst, "/beheer/sleutels", ingevuld)

    assert pagina.status == 201 and "Kopieer de sleutel nu" in pagina.tekst()
    geheim = re.search(r'id="geheim">(wd_[^<]+)<', pagina.html)
    assert geheim
    sleutel = geheim.group(1)
    oasen = pilot.caller(sleutel)
    assert oasen.get("/v1/doorverwijzingen").status == 200
    # Never again: not in the list, not when the list is loaded again.
    weer = browser.get("/beheer/sleutels")
    assert sleutel not in weer.html and "CRM-koppeling productie" in weer.tekst() and "Oasen" in weer.tekst()
    # The same form again (a reload that sends it again, a double click): no second key, no secret.
    nog_eens = browser.formulier(lijst, "/beheer/sleutels", ingevuld)
    assert nog_eens.status == 409 and "Dit formulier is al verstuurd" in nog_eens.tekst() and "wd_" not in nog_eens.html
    assert formuliernummer(nog_eens) != ingevuld["formuliernummer"]
    alle = pilot.callers["beheer"].get("/v1/api-sleutels?limiet=100").body["items"]
    assert [k["omschrijving"] for k in alle].count("CRM-koppeling productie") == 1
    sleutel_id = next(
        k["id"] for k in pilot.callers["beheer"].get("/v1/api-sleutels?limiet=100").body["items"]
        if k["omschrijving"] == "CRM-koppeling productie"
    )  # fmt: skip

    bevestigen = browser.formulier(weer, f"/beheer/sleutels/{sleutel_id}/intrekking", {})
    assert bevestigen.status == 200 and "intrekken?" in bevestigen.tekst()
    assert oasen.get("/v1/doorverwijzingen").status == 200  # asked, not yet done
    pagina = browser.formulier(bevestigen, f"/beheer/sleutels/{sleutel_id}/intrekking", {"bevestigd": "ja"})

    assert pagina.pad == "/beheer/sleutels?gedaan=ingetrokken" and "ingetrokken" in pagina.tekst()
    assert oasen.get("/v1/doorverwijzingen").status in (401, 403)
    assert browser.formulier(pagina, "/beheer/sleutels/0123456789abcdef/intrekking", {}).status == 404


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"rol": ""}, "sleutel-rol"),
        ({"rol": "schuldeiser:bestaat-niet"}, "sleutel-rol"),
        ({"rol": "organisatie:walcheren", "omschrijving": "x" * 300}, "sleutel-omschrijving"),
    ],
)
def test_bad_input_for_a_key_makes_no_key(pilot, velden, fout):
    browser = beheerder(pilot)
    voor = len(pilot.callers["beheer"].get("/v1/api-sleutels?limiet=100").body["items"])
    lijst = browser.get("/beheer/sleutels")
    pagina = browser.formulier(lijst, "/beheer/sleutels", {"formuliernummer": formuliernummer(lijst), **velden})
    assert pagina.status == 400 and fout_bij(pagina, fout) and "wd_" not in pagina.html
    assert len(pilot.callers["beheer"].get("/v1/api-sleutels?limiet=100").body["items"]) == voor


# --- accounts -------------------------------------------------------------------------------------


def _groepen(pilot: Any, gebruikersnaam: str) -> set[str]:
    antwoord = boto3.client("cognito-idp").admin_list_groups_for_user(
        UserPoolId=pilot.refs["Gebruikerspool"], Username=gebruikersnaam
    )
    return {g["GroupName"] for g in antwoord["Groups"]}


def test_the_operator_invites_a_creditors_staff_member_disables_and_enables_the_account(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/gebruikers")
    assert "Uw eigen account" in lijst.tekst()

    pagina = browser.formulier(
        lijst, "/beheer/gebruikers", {"email": "Eva@Oasen.example", "naam": "Eva Evers", "rol": "schuldeiser:oasen"}
    )

    assert pagina.pad == "/beheer/gebruikers?gedaan=uitgenodigd" and "uitnodiging" in pagina.tekst()
    assert _groepen(pilot, "eva@oasen.example") == {"schuldeiser-oasen"}
    rij = re.search(r"Eva Evers.*?</tr>", pagina.html, flags=re.S)
    assert rij and "Medewerker schuldeiser" in rij.group(0) and "Oasen" in rij.group(0)
    assert "Uitgenodigd" in rij.group(0)
    eva = pilot.callers["beheer"].get("/v1/gebruikers?schuldeiserId=oasen").body["items"]
    assert [(g["gebruikersnaam"], g["rol"], g["schuldeiserId"]) for g in eva] == [
        ("eva@oasen.example", "schuldeiser", "oasen")
    ]
    sub = eva[0]["id"]

    pagina = browser.formulier(pagina, f"/beheer/gebruikers/{sub}/uitschakeling", {})
    assert pagina.pad == "/beheer/gebruikers?gedaan=uitgeschakeld"
    assert pilot.callers["beheer"].get(f"/v1/gebruikers/{sub}").body["status"] == "uitgeschakeld"
    assert f"/beheer/gebruikers/{sub}/inschakeling" in pagina.html
    pagina = browser.formulier(pagina, f"/beheer/gebruikers/{sub}/inschakeling", {})
    assert pagina.pad == "/beheer/gebruikers?gedaan=ingeschakeld"
    assert pilot.callers["beheer"].get(f"/v1/gebruikers/{sub}").body["status"] == "uitgenodigd"
    assert (
        browser.formulier(pagina, "/beheer/gebruikers/00000000-0000-4000-8000-000000000000/uitschakeling", {}).status
        == 404
    )
    # Not one's own account: the last operator would lock everybody out.
    eigen = pilot.callers["beheer"].get("/v1/gebruikers?limiet=60").body["items"]
    bas = next(g["id"] for g in eigen if g["gebruikersnaam"] == "bas@warmdoor.example")
    zelf = browser.formulier(pagina, f"/beheer/gebruikers/{bas}/uitschakeling", {})
    assert zelf.status == 409 and "eigen account" in zelf.tekst()
    assert pilot.callers["beheer"].get(f"/v1/gebruikers/{bas}").body["status"] != "uitgeschakeld"


def test_a_coordinator_and_an_operator_are_invited_in_their_groups(pilot):
    browser = beheerder(pilot)
    lijst = browser.get("/beheer/gebruikers")
    browser.formulier(
        lijst,
        "/beheer/gebruikers",
        {"email": "kees@walcheren.example", "naam": "Kees", "rol": "organisatie:walcheren", "coordinator": "ja"},
    )
    browser.formulier(lijst, "/beheer/gebruikers", {"email": "ria@warmdoor.example", "naam": "Ria", "rol": "beheer"})
    assert _groepen(pilot, "kees@walcheren.example") == {"organisatie-walcheren", "coordinator"}
    assert _groepen(pilot, "ria@warmdoor.example") == {"beheer"}


@pytest.mark.parametrize(
    ("velden", "veld_id", "status"),
    [
        ({"email": "geen-adres", "naam": "X", "rol": "beheer"}, "gebruiker-email", 400),
        ({"email": "x@oasen.example", "naam": "", "rol": "beheer"}, "gebruiker-naam", 400),
        ({"email": "x@oasen.example", "naam": "X", "rol": ""}, "gebruiker-rol", 400),
        ({"email": "x@oasen.example", "naam": "X", "rol": "schuldeiser:bestaat-niet"}, "gebruiker-rol", 400),
        ({"email": "x@oasen.example", "naam": "X", "rol": "schuldeiser:oasen", "coordinator": "ja"},
         "gebruiker-coordinator", 400),
        ({"email": "bas@warmdoor.example", "naam": "Bas", "rol": "beheer"}, "gebruiker-email", 409),
    ],
)  # fmt: skip
def test_bad_input_for_an_invitation_is_shown_beside_its_field_and_invites_nobody(pilot, velden, veld_id, status):
    browser = beheerder(pilot)
    pagina = browser.formulier(browser.get("/beheer/gebruikers"), "/beheer/gebruikers", velden)
    assert pagina.status == status
    assert fout_bij(pagina, veld_id)
    assert f'value="{velden["email"]}"' in pagina.html
    assert len(boto3.client("cognito-idp").list_users(UserPoolId=pilot.refs["Gebruikerspool"])["Users"]) == 1


# --- the audit trail ------------------------------------------------------------------------------


def test_the_audit_trail_names_the_person_through_the_pages_and_the_key_otherwise(pilot):
    d_id = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body["id"]
    pilot.settle()
    anna = ingelogd(pilot, "anna@walcheren.example")
    anna.get(f"/doorverwijzingen/{d_id}")
    browser = beheerder(pilot)

    leeg = browser.get("/beheer/audit")
    assert leeg.status == 200 and "Kenmerk van de doorverwijzing" in leeg.tekst()
    pagina = browser.get(f"/beheer/audit?doorverwijzing={d_id}")

    assert pagina.status == 200
    tekst = pagina.tekst()
    assert "anna@walcheren.example" in tekst and "gelezen" in tekst
    sleutel_id = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").body["items"][0]["sleutelId"]
    assert f"API-sleutel {sleutel_id}" in tekst
    assert "Jan" not in tekst  # who did what, never the person referred

    assert browser.get("/beheer/audit?doorverwijzing=00000000-0000-4000-8000-000000000000").status == 404
    vorm = browser.get("/beheer/audit?doorverwijzing=%3Cscript%3E")
    assert vorm.status == 400 and fout_bij(vorm, "audit-doorverwijzing") and "<script>" not in vorm.html
    assert browser.get(f"/beheer/audit?doorverwijzing={d_id}&volgende=verzonnen").status == 400


def test_the_audit_trail_is_paged(pilot, monkeypatch):
    from warmdoor.web import beheer

    monkeypatch.setattr(beheer, "PER_PAGINA", 1)
    d_id = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body["id"]
    pilot.settle()
    for _ in range(2):
        pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}")
    browser = beheerder(pilot)
    pagina = browser.get(f"/beheer/audit?doorverwijzing={d_id}")
    gezien = 0
    while True:
        assert pagina.status == 200
        gezien += max(0, pagina.html.count('<tr class="utrecht-table__row">') - 1)  # less the header's row
        volgende = re.search(r'href="(\?doorverwijzing=[^"]+)">Volgende pagina', pagina.html)
        if not volgende:
            break
        pagina = browser.get("/beheer/audit" + volgende.group(1).replace("&amp;", "&"))
    assert gezien == len(
        pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels?limiet=100").body["items"]
    )
    assert gezien >= 3


def _eigen_token(browser: Browser) -> str:
    """The form token of this browser's session, as the pages make it (whatever page it signed in to)."""
    claims = jwt.decode(browser.cookies["wd_id"], RSAKey.import_key(moto_bestand("jwks-public.json.gz")["keys"][0]))
    return csrf.token(browser.cookies["wd_csrf"], sessie.sessie_id(claims.claims))


# --- who may ----------------------------------------------------------------------------------------

PAGINAS = [
    "/beheer/organisaties",
    "/beheer/organisaties/walcheren",
    "/beheer/schuldeisers",
    "/beheer/schuldeisers/evides",
    "/beheer/sleutels",
    "/beheer/gebruikers",
    "/beheer/audit",
]
FORMULIEREN = [
    ("/beheer/organisaties", {**NIEUWE_ORGANISATIE}),
    ("/beheer/organisaties/walcheren", {**NIEUWE_ORGANISATIE, "naam": "Overgenomen"}),
    ("/beheer/schuldeisers", {"id": "eneco", "naam": "Eneco", "type": "energie", "email": "x@eneco.example"}),
    ("/beheer/schuldeisers/evides", {"naam": "Overgenomen", "type": "water", "email": "x@evides.example"}),
    ("/beheer/sleutels", {"rol": "beheer"}),
    ("/beheer/sleutels/0123456789abcdef/intrekking", {"bevestigd": "ja"}),
    ("/beheer/gebruikers", {"email": "x@warmdoor.example", "naam": "X", "rol": "beheer"}),
    ("/beheer/gebruikers/00000000-0000-4000-8000-000000000000/uitschakeling", {}),
    ("/beheer/gebruikers/00000000-0000-4000-8000-000000000000/inschakeling", {}),
]


@pytest.mark.parametrize("groep", ["schuldeiser-evides", "organisatie-walcheren"])
def test_a_creditors_staff_member_and_a_caseworker_get_no_operator_page_or_form(pilot, groep):
    gebruiker(pilot.refs["Gebruikerspool"], "ander@example.org", groep)
    browser = Browser(pilot.gateway)
    pagina = browser.inloggen("ander@example.org", WACHTWOORD)
    browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    for pad in PAGINAS:
        antwoord = browser.get(pad)
        assert antwoord.status == 403 and "Geen toegang" in antwoord.tekst(), pad
        assert "intake@walcheren.example" not in antwoord.html, pad
    # Even with this session's own, valid form token.
    eigen = {"csrf": _eigen_token(browser)}
    for pad, velden in FORMULIEREN:
        assert browser.post(pad, {**eigen, **velden}).status == 403, pad
    beheer = pilot.callers["beheer"]
    assert beheer.get("/v1/organisaties/walcheren").body["naam"] == "Schuldhulp Walcheren"
    assert beheer.get("/v1/schuldeisers/evides").body["naam"] == "Evides Waterbedrijf"
    assert beheer.get("/v1/schuldeisers/eneco").status == 404
    assert [g["gebruikersnaam"] for g in beheer.get("/v1/gebruikers").body["items"]] == ["ander@example.org"]
    assert len(beheer.get("/v1/api-sleutels?limiet=100").body["items"]) == 5


def test_an_operators_form_without_its_token_is_refused(pilot):
    browser = beheerder(pilot)
    for pad, velden in FORMULIEREN:
        assert browser.post(pad, velden).status == 403, pad
    assert pilot.callers["beheer"].get("/v1/schuldeisers/eneco").status == 404


@pytest.mark.parametrize("lijst", ["organisaties", "schuldeisers", "sleutels", "gebruikers"])
def test_a_list_with_a_cursor_that_expired_or_was_made_up_starts_at_its_first_page(pilot, lijst):
    pagina = beheerder(pilot).get(f"/beheer/{lijst}?volgende=verzonnen")
    assert pagina.status == 200 and pagina.pad == f"/beheer/{lijst}?volgende=verzonnen"


def test_signed_out_the_operators_pages_ask_to_sign_in(pilot):
    assert Browser(pilot.gateway).get("/beheer/sleutels").pad == "/inloggen?terug=/beheer/sleutels"
