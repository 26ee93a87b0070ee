"""The creditor's staff's pages on the in-process stack: the referral form for the phone call (routing shown
before it is sent, the API's validation, a form sent twice is one referral), their referrals with only what
the disclosure rules allow, a withdrawal, and the collection stops as CSV; nobody else's referrals."""

import csv
import io
import json
import logging
import re
from datetime import timedelta
from typing import Any

import pytest

from local.doseerder import Doseerder
from tests.conftest import aanmelding
from tests.integration.test_logs import PERSOONSGEGEVENS
from tests.support.browser import Browser, Pagina
from tests.support.cognito import NIEUW, WACHTWOORD, gebruiker, moto_bestand
from tests.support.cognito import medewerker as cognito_medewerker
from warmdoor.web import sessie


@pytest.fixture(autouse=True)
def jwks(monkeypatch):
    """In-process moto answers boto3, not the urllib the pages fetch the pool's keys with."""
    sleutels = moto_bestand("jwks-public.json.gz")
    monkeypatch.setattr(sessie.Sleutelbos, "_ophalen", lambda self: sleutels)


def ingelogd(pilot, email: str, *groepen: str, terug: str = "/mijn-doorverwijzingen") -> Browser:
    gebruiker(pilot.refs["Gebruikerspool"], email, *groepen)
    browser = Browser(pilot.gateway)
    pagina = browser.inloggen(email, WACHTWOORD, terug)
    pagina = browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    assert (pagina.pad, pagina.status) == (terug, 200), pagina.tekst()
    return browser


def agent(pilot, email: str = "eva@evides.example", schuldeiser: str = "evides") -> Browser:
    return ingelogd(pilot, email, f"schuldeiser-{schuldeiser}")


def velden(referentie: str = "EVD-WEB-1", **anders: str) -> dict[str, str]:
    """The form as an agent fills it in during the call (consent at 09:55, five minutes before START)."""
    return {
        "toestemming.verleend": "ja",
        "toestemming.datum": "2026-11-27",
        "toestemming.tijd": "09:55",
        "toestemming.kanaal": "telefoon",
        "toestemming.smsBevestiging": "ja",
        "schuldeiserReferentie": referentie,
        "client.voorletters": "J.",
        "client.voornaam": "Jan",
        "client.voorvoegsel": "van",
        "client.achternaam": "Dijk",
        "client.geboortedatum": "1980-05-01",
        "client.telefoonnummer": "06 12345678",
        "client.email": "jan@example.nl",
        "adres.postcode": "4331 ab",
        "adres.huisnummer": "12",
        "adres.huisnummertoevoeging": "a",
        "adres.straatnaam": "Lange Delft",
        "adres.plaatsnaam": "Middelburg",
        "gemeentecode": "",
        "achterstand.bedrag": "€ 1.234,50",
        "achterstand.ontstaansdatum": "2026-09-01",
        "toelichting": "Liefst 's ochtends bellen",
        "gecontroleerd": "GM0687",  # the agent saw where it goes: Middelburg
        "actie": "versturen",
        **anders,
    }


def sleutel(pagina: Pagina) -> str:
    gevonden = re.search(r'name="sleutel" value="([^"]*)"', pagina.html)
    assert gevonden, "the form carries no idempotency key"
    return gevonden.group(1)


def aanmelden(browser: Browser, **anders: str) -> Pagina:
    formulier = browser.get("/aanmelden")
    return browser.formulier(formulier, "/aanmelden", {"sleutel": sleutel(formulier), **velden(**anders)})


def doorverwijzing_id(pagina: Pagina) -> str:
    gevonden = re.fullmatch(r"/mijn-doorverwijzingen/([0-9a-f-]{36})\?gedaan=.*", pagina.pad)
    assert gevonden, pagina.pad
    return gevonden.group(1)


def gelezen(pagina: Pagina) -> str:
    """The text as a person reads it: no space before a comma or full stop that follows emphasis."""
    return re.sub(r" ([,.:])", r"\1", pagina.tekst())


def mails_aan(pilot, adres: str) -> list[dict[str, Any]]:
    return [m for m in pilot.outbox()["emails"] if adres in m["to"]]


def nieuw_via_api(pilot, referentie: str, caller: str = "evides") -> str:
    d = pilot.callers[caller].post("/v1/doorverwijzingen", aanmelding(referentie)).body
    pilot.settle()
    return str(d["id"])


# --- the referral form ---------------------------------------------------------------------------


def test_an_agent_sees_where_a_referral_goes_before_sending_it(pilot):
    browser = agent(pilot)
    formulier = browser.get("/aanmelden")
    assert formulier.status == 200 and "Lees voor" in formulier.tekst()
    assert 'value="2026-11-27"' in formulier.html and 'value="10:00"' in formulier.html  # consent: now
    assert len(sleutel(formulier)) == 32 and sleutel(browser.get("/aanmelden")) != sleutel(formulier)

    gedekt = browser.formulier(formulier, "/aanmelden", {"sleutel": sleutel(formulier), **velden(actie="controleren")})
    assert gedekt.status == 200
    assert "Gaat naar Schuldhulp Walcheren, gemeente Middelburg." in gelezen(gedekt)
    assert 'value="Lange Delft"' in gedekt.html and f'value="{sleutel(formulier)}"' in gedekt.html

    # Only the address counts: a preview early in the call, with the rest still empty, is no error.
    leeg = browser.formulier(formulier, "/aanmelden", {"adres.postcode": "4381 AA", "actie": "controleren"})
    assert leeg.status == 200 and "Gaat naar Schuldhulp Walcheren, gemeente Vlissingen." in gelezen(leeg)
    assert "fout" not in leeg.tekst()

    nergens = browser.formulier(formulier, "/aanmelden", {"adres.postcode": "1011 AB", "actie": "controleren"})
    assert nergens.status == 200 and "Geen deelnemende organisatie voor dit adres" in nergens.tekst()
    assert "gewone incassoproces" in nergens.tekst()

    tegenstrijdig = browser.formulier(
        formulier, "/aanmelden", {"adres.postcode": "4331 AB", "gemeentecode": "GM0599", "actie": "controleren"}
    )
    assert tegenstrijdig.status == 400
    assert 'id="gemeentecode-fout"' in tegenstrijdig.html and 'id="adres-postcode-fout"' in tegenstrijdig.html

    onzin = browser.formulier(formulier, "/aanmelden", {"adres.postcode": "ABCD", "actie": "controleren"})
    assert onzin.status == 400 and 'id="adres-postcode-fout"' in onzin.html
    assert "Geen geldige Nederlandse postcode" in onzin.tekst()
    assert pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"] == []


def test_a_referral_by_form_is_the_apis_and_sending_the_form_again_creates_nothing(pilot):
    browser = agent(pilot)
    formulier = browser.get("/aanmelden")
    ingevuld = {"sleutel": sleutel(formulier), **velden()}
    verstuurd = browser.formulier(formulier, "/aanmelden", ingevuld, volgen=False)
    assert verstuurd.status == 303
    bevestiging = browser.get(verstuurd.headers["Location"])
    d_id = doorverwijzing_id(bevestiging)
    tekst = gelezen(bevestiging)
    assert "De klant is aangemeld." in tekst and d_id in tekst and "EVD-WEB-1" in tekst
    assert "Gaat naar Schuldhulp Walcheren, gemeente Middelburg" in tekst
    assert "uiterlijk maandag 30 november 2026 om 10:00 contact op" in tekst
    assert "Incassostop tot zondag 27 december 2026: pauzeer de incasso tot dan." in tekst

    # A double click, or the same form sent again later: the same referral, nothing new.
    pilot.clock.advance(timedelta(minutes=3))
    nog_eens = browser.formulier(formulier, "/aanmelden", ingevuld)
    assert doorverwijzing_id(nog_eens) == d_id
    assert "Deze aanmelding was al verstuurd: er is niets dubbel aangemeld." in nog_eens.tekst()
    pilot.settle()
    assert [d["id"] for d in pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"]] == [d_id]
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1

    # What the organisation gets is exactly what was typed, normalised as the API does.
    volledig = pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}").body
    assert volledig["toestemming"] == {
        "verleend": True,
        "tijdstip": "2026-11-27T09:55:00+01:00",
        "kanaal": "telefoon",
        "smsBevestiging": True,
    }
    assert volledig["adres"]["postcode"] == "4331AB" and volledig["adres"]["huisnummertoevoeging"] == "A"
    assert volledig["achterstand"]["bedrag"] == "1234.50"
    assert volledig["client"]["telefoonnummer"] == "+31612345678"
    lijst = gelezen(browser.get("/mijn-doorverwijzingen"))
    assert "EVD-WEB-1" in lijst and "Nog geen contact" in lijst
    assert "Loopt: contact uiterlijk maandag 30 november 2026 om 10:00" in lijst
    assert "Loopt tot zondag 27 december 2026" in lijst and "Nog niet" in lijst
    regels = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").body["items"]
    aanmelding_regel = next(r for r in regels if r["actie"] == "aanmelding")
    assert aanmelding_regel["medewerker"]["gebruikersnaam"] == "eva@evides.example"


def test_aanmelden_before_the_routing_was_seen_shows_it_first_and_sends_nothing(pilot):
    browser = agent(pilot)
    formulier = browser.get("/aanmelden")
    ingevuld = {"sleutel": sleutel(formulier), **velden(gecontroleerd="")}
    eerst = browser.formulier(formulier, "/aanmelden", ingevuld)
    assert eerst.status == 200 and "Nog niet verstuurd." in eerst.tekst()
    assert "Gaat naar Schuldhulp Walcheren, gemeente Middelburg." in gelezen(eerst)
    assert pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"] == []

    # Checked for Middelburg, then the postcode changed to Vlissingen's: that routing is shown first too.
    elders = browser.formulier(
        eerst, "/aanmelden", {**ingevuld, "gecontroleerd": "GM0687", "adres.postcode": "4381 AA"}
    )
    assert elders.status == 200 and "gemeente Vlissingen" in gelezen(elders) and "Nog niet verstuurd." in elders.tekst()
    assert pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"] == []

    # The page carries the municipality seen: pressing Aanmelden again sends it.
    gezien = re.search(r'name="gecontroleerd" value="([^"]*)"', elders.html)
    assert gezien and gezien.group(1) == "GM0718"
    verstuurd = browser.formulier(
        elders, "/aanmelden", {**ingevuld, "gecontroleerd": "GM0718", "adres.postcode": "4381 AA"}
    )
    assert "De klant is aangemeld." in verstuurd.tekst()
    assert len(pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"]) == 1


@pytest.mark.parametrize("huisnummer", ["²", "1" * 5000, "-3", "12b"])
def test_a_house_number_that_is_no_number_is_an_error_beside_the_field(pilot, huisnummer):
    fout = aanmelden(agent(pilot), **{"adres.huisnummer": huisnummer})
    assert fout.status == 400 and 'id="adres-huisnummer-fout"' in fout.html


def test_bad_input_is_named_beside_each_field_and_what_was_typed_is_kept(pilot):
    browser = agent(pilot)
    fout = aanmelden(
        browser,
        **{
            "toestemming.verleend": "",
            "client.achternaam": "",
            "client.telefoonnummer": "12",
            "adres.postcode": "4331",
            "adres.huisnummer": "12b",
            "achterstand.bedrag": "veel",
            "client.geboortedatum": "2030-01-01",
        },
    )
    assert fout.status == 400
    for veld in (
        "toestemming-verleend",
        "client-achternaam",
        "client-telefoonnummer",
        "adres-postcode",
        "adres-huisnummer",
        "achterstand-bedrag",
    ):
        assert f'id="{veld}-fout"' in fout.html, veld
        assert f'href="#{veld}"' in fout.html, veld  # in the summary on top, linked to the field
    tekst = fout.tekst()
    assert "Zonder toestemming van de klant is er geen warme doorverwijzing" in tekst
    assert "Dit veld is verplicht." in tekst and "Geen geldig telefoonnummer" in tekst
    assert "Vul een heel getal in." in tekst
    assert 'value="Lange Delft"' in fout.html and 'value="12b"' in fout.html and 'value="veel"' in fout.html

    # The domain's own rules, after the form's: consent in the future, a birth date to come.
    later = aanmelden(browser, **{"toestemming.tijd": "11:30", "client.geboortedatum": "2030-01-01"})
    assert later.status == 400
    assert 'id="toestemming-datum-fout"' in later.html and "in de toekomst" in later.tekst()
    assert 'id="client-geboortedatum-fout"' in later.html
    assert pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"] == []


def test_an_address_nobody_covers_or_a_reference_used_for_another_customer_is_refused_on_the_form(pilot):
    browser = agent(pilot)
    nergens = aanmelden(browser, **{"adres.postcode": "1011 AB", "adres.plaatsnaam": "Amsterdam"})
    assert nergens.status == 422 and 'id="adres-postcode-fout"' in nergens.html
    assert "gewone incassoproces" in nergens.tekst()
    assert doorverwijzing_id(aanmelden(browser, schuldeiserReferentie="EVD-WEB-2"))
    ander = aanmelden(browser, schuldeiserReferentie="EVD-WEB-2", **{"client.voornaam": "Piet"})
    assert ander.status == 409 and 'id="schuldeiserReferentie-fout"' in ander.html
    assert "Dit kenmerk is al gebruikt" in ander.tekst()

    # The same form (its key) sent again with other content: refused, not a second referral.
    formulier = browser.get("/aanmelden")
    eerst = browser.formulier(formulier, "/aanmelden", {"sleutel": sleutel(formulier), **velden("EVD-WEB-3")})
    assert doorverwijzing_id(eerst)
    anders = browser.formulier(formulier, "/aanmelden", {"sleutel": sleutel(formulier), **velden("EVD-WEB-4")})
    assert anders.status == 409 and "Dit formulier is al verstuurd" in anders.tekst()
    assert len(pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"]) == 2


# --- the creditor's referrals ----------------------------------------------------------------------


def test_the_list_shows_status_deadline_stop_and_only_the_feedback_the_creditor_may_learn(pilot):
    eerste = nieuw_via_api(pilot, "EVD-LIJST-1")
    pilot.clock.advance(timedelta(hours=1))
    tweede = nieuw_via_api(pilot, "EVD-LIJST-2")
    walcheren = pilot.callers["walcheren"]
    walcheren.put(f"/v1/doorverwijzingen/{eerste}/eindresultaat", {"code": "niet_opgepakt_andere_reden"})
    pilot.advance(timedelta(days=4))
    browser = agent(pilot)
    pagina = browser.get("/mijn-doorverwijzingen")
    assert pagina.status == 200
    links = [link for link in pagina.links() if link.startswith("/mijn-doorverwijzingen/")]
    assert links == [f"/mijn-doorverwijzingen/{tweede}", f"/mijn-doorverwijzingen/{eerste}"]  # newest first
    tekst = pagina.tekst()
    assert "Niet gehaald: uiterlijk maandag 30 november 2026 om 11:00" in tekst
    assert "Loopt tot zondag 27 december 2026" in tekst
    assert "Niet opgepakt" in tekst and "andere reden" not in tekst  # never the reason
    assert "Jan" not in tekst and "Dijk" not in tekst and "Lange Delft" not in tekst
    afgerond = browser.get("/mijn-doorverwijzingen?status=afgerond")
    assert [link for link in afgerond.links() if link.startswith("/mijn-doorverwijzingen/")] == [
        f"/mijn-doorverwijzingen/{eerste}"
    ]
    assert browser.get("/mijn-doorverwijzingen?volgende=verzonnen").pad == "/mijn-doorverwijzingen"


def test_the_list_pages_past_the_first_twenty_five(pilot):
    pilot.gateway.doseerder = Doseerder(rate=1e6, burst=10**6)  # 27 at once, beyond a key's burst of 20
    for nummer in range(27):
        antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(f"EVD-PAGINA-{nummer:02d}"))
        assert antwoord.status == 201
    browser = agent(pilot)
    eerste = browser.get("/mijn-doorverwijzingen")
    volgende = next(link for link in eerste.links() if "volgende=" in link)
    tweede = browser.get(f"/mijn-doorverwijzingen{volgende.replace('&amp;', '&')}")
    rijen = [link for link in tweede.links() if link.startswith("/mijn-doorverwijzingen/")]
    assert len(rijen) == 2 and "Eerste pagina" in tweede.tekst()


def test_an_agent_withdraws_a_referral_with_a_reason_and_not_without(pilot):
    browser = agent(pilot)
    d_id = doorverwijzing_id(aanmelden(browser))
    pad = f"/mijn-doorverwijzingen/{d_id}"
    pagina = browser.get(pad)
    zonder = browser.formulier(pagina, f"{pad}/intrekking", {"reden": "", "toelichting": "Toch betaald"})
    assert zonder.status == 400 and 'id="intrekking-reden-fout"' in zonder.html
    assert 'href="#intrekking-reden"' in zonder.html and ">Toch betaald</textarea>" in zonder.html
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body["status"] == "aangemeld"

    ingetrokken = browser.formulier(pagina, f"{pad}/intrekking", {"reden": "betaald", "toelichting": "Toch betaald"})
    assert ingetrokken.pad == f"{pad}?gedaan=intrekking"
    tekst = ingetrokken.tekst()
    assert "De doorverwijzing is ingetrokken. De incassostop is beëindigd." in tekst
    assert "Ingetrokken op vrijdag 27 november 2026 om 10:00" in tekst and "Beëindigd op" in tekst
    assert "Aanmelding intrekken" not in tekst  # nothing left to withdraw
    body = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body
    assert body["status"] == "ingetrokken" and body["incassostop"]["actief"] is False
    nog_eens = browser.formulier(pagina, f"{pad}/intrekking", {"reden": "betaald"})
    assert nog_eens.status == 409 and "kan niet meer worden ingetrokken" in nog_eens.tekst()
    pilot.settle()
    assert [m for m in mails_aan(pilot, "intake@walcheren.example") if "ingetrokken" in m["subject"].lower()]


def test_the_collection_stops_download_as_csv_for_the_billing_team_and_formulas_stay_text(pilot):
    browser = agent(pilot)
    d_id = doorverwijzing_id(aanmelden(browser, schuldeiserReferentie='=HYPERLINK("https://x.example")'))
    pilot.clock.advance(timedelta(hours=1))
    tweede = doorverwijzing_id(aanmelden(browser, schuldeiserReferentie="EVD-CSV-2"))
    pagina = browser.get(f"/mijn-doorverwijzingen/{tweede}")
    browser.formulier(pagina, f"/mijn-doorverwijzingen/{tweede}/intrekking", {"reden": "onterecht"})
    nieuw_via_api(pilot, "OASEN-1", caller="oasen")
    csv_bestand = browser.get("/incassostops.csv")
    assert csv_bestand.status == 200
    assert csv_bestand.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_bestand.headers["Content-Disposition"] == 'attachment; filename="incassostops-2026-11-27.csv"'
    assert csv_bestand.headers["Cache-Control"] == "no-store"
    rijen = list(csv.reader(io.StringIO(csv_bestand.html)))
    assert rijen == [
        [
            "kenmerk",
            "doorverwijzing",
            "status",
            "aangemeld_op",
            "incassostop_vanaf",
            "incassostop_tot",
            "incassostop_actief",
            "organisatie",
        ],
        [
            "EVD-CSV-2",
            tweede,
            "ingetrokken",
            "2026-11-27 11:00",
            "2026-11-27 11:00",
            "2026-11-27 11:00",
            "nee",
            "Schuldhulp Walcheren",
        ],
        [
            '\'=HYPERLINK("https://x.example")',
            d_id,
            "aangemeld",
            "2026-11-27 10:00",
            "2026-11-27 10:00",
            "2026-12-27 10:00",
            "ja",
            "Schuldhulp Walcheren",
        ],
    ]


# --- nobody else's ---------------------------------------------------------------------------------


def test_another_creditors_staff_finds_nothing_of_it(pilot):
    evides = agent(pilot)
    d_id = doorverwijzing_id(aanmelden(evides, schuldeiserReferentie="EVD-GEHEIM"))
    oasen = agent(pilot, "olaf@oasen.example", "oasen")
    bestaat_niet = oasen.get("/mijn-doorverwijzingen/00000000-0000-4000-8000-000000000000")
    ander = oasen.get(f"/mijn-doorverwijzingen/{d_id}")
    assert ander.status == 404 and (ander.status, ander.tekst()) == (bestaat_niet.status, bestaat_niet.tekst())
    assert "EVD-GEHEIM" not in oasen.get("/mijn-doorverwijzingen").html
    assert "EVD-GEHEIM" not in oasen.get("/incassostops.csv").html
    eigen = oasen.get("/mijn-doorverwijzingen")
    assert oasen.formulier(eigen, f"/mijn-doorverwijzingen/{d_id}/intrekking", {"reden": "betaald"}).status == 404
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body["status"] == "aangemeld"


def test_a_caseworker_cannot_open_the_creditors_pages_nor_a_creditor_the_work_queue(pilot):
    d_id = nieuw_via_api(pilot, "EVD-ROL")
    caseworker = Browser(pilot.gateway)
    cognito_medewerker(pilot.refs["Gebruikerspool"], "anna@walcheren.example")
    pagina = caseworker.inloggen("anna@walcheren.example", WACHTWOORD)
    caseworker.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    for pad in ("/aanmelden", "/mijn-doorverwijzingen", f"/mijn-doorverwijzingen/{d_id}", "/incassostops.csv"):
        assert caseworker.get(pad).status == 403, pad
    token = caseworker.get("/werkvoorraad").csrf()
    assert caseworker.post("/aanmelden", {"csrf": token, **velden()}).status == 403
    assert (
        caseworker.post(f"/mijn-doorverwijzingen/{d_id}/intrekking", {"csrf": token, "reden": "betaald"}).status == 403
    )
    creditor = agent(pilot)
    geweigerd = creditor.get("/werkvoorraad")
    assert geweigerd.status == 403 and "Geen toegang" in geweigerd.tekst()
    assert creditor.get(f"/doorverwijzingen/{d_id}").status == 403
    assert "Mijn doorverwijzingen" in creditor.get("/").tekst()  # the creditor's start page
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body["status"] == "aangemeld"


def test_the_forms_without_this_sessions_token_are_refused(pilot):
    browser = agent(pilot)
    d_id = doorverwijzing_id(aanmelden(browser, schuldeiserReferentie="EVD-CSRF-1"))
    formulier = browser.get("/aanmelden")
    assert browser.post("/aanmelden", {"sleutel": sleutel(formulier), **velden("EVD-CSRF-2")}).status == 403
    browser.headers = {"Sec-Fetch-Site": "cross-site"}
    assert browser.formulier(formulier, "/aanmelden", velden("EVD-CSRF-2")).status == 403
    browser.headers = {}
    assert browser.post(f"/mijn-doorverwijzingen/{d_id}/intrekking", {"reden": "betaald"}).status == 403
    assert len(pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"]) == 1
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body["status"] == "aangemeld"


def test_the_creditors_pages_log_no_personal_data(pilot, caplog):
    caplog.set_level(logging.DEBUG)
    browser = agent(pilot)
    aanmelden(browser, **{"client.telefoonnummer": "12"})
    aanmelden(browser, **{"adres.postcode": "1011 AB"})
    d_id = doorverwijzing_id(aanmelden(browser))
    browser.get(f"/mijn-doorverwijzingen/{d_id}")
    browser.get("/incassostops.csv")
    logs = "\n".join(r.getMessage() + json.dumps(getattr(r, "__dict__", {}), default=str) for r in caplog.records)
    assert [p for p in PERSOONSGEGEVENS if p in logs] == []
    assert "eva@evides.example" not in logs
