"""The caseworkers' pages on the in-process stack: sign-in with the pool, the work queue, the referral page
and its forms, as a browser without a screen sends them; the same domain as the API, seen from both."""

import json
import logging
import re
import time
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import boto3
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey

from local import template
from tests.conftest import aanmelding
from tests.integration.test_logs import PERSOONSGEGEVENS
from tests.support.browser import Browser
from tests.support.cognito import NIEUW, WACHTWOORD, moto_bestand
from tests.support.cognito import medewerker as cognito_medewerker
from warmdoor.web import sessie
from warmdoor.web.inloggen import Inloggen, Tokens


@pytest.fixture(autouse=True)
def jwks(monkeypatch):
    """In-process moto answers boto3, not the urllib the pages fetch the pool's keys with."""
    sleutels = moto_bestand("jwks-public.json.gz")
    monkeypatch.setattr(sessie.Sleutelbos, "_ophalen", lambda self: sleutels)


def cognito() -> Any:
    return boto3.client("cognito-idp")


def medewerker(pilot, email: str, organisatie: str | None = "walcheren", coordinator: bool = False) -> str:
    return cognito_medewerker(pilot.refs["Gebruikerspool"], email, organisatie, coordinator)


def ingelogd(pilot, email: str, organisatie: str | None = "walcheren", coordinator: bool = False) -> Browser:
    medewerker(pilot, email, organisatie, coordinator)
    browser = Browser(pilot.gateway)
    pagina = browser.inloggen(email, WACHTWOORD)
    assert pagina.pad == "/inloggen/nieuw-wachtwoord", pagina.tekst()
    pagina = browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    return browser


def nieuw(pilot, referentie: str = "WEB-1", **overrides) -> str:
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(referentie, **overrides)).body
    pilot.settle()
    return str(d["id"])


# --- signing in ----------------------------------------------------------------------------------


def test_a_first_sign_in_changes_the_password_and_lands_on_the_page_asked_for(pilot):
    d_id = nieuw(pilot)
    medewerker(pilot, "anna@walcheren.example")
    browser = Browser(pilot.gateway)
    pagina = browser.get(f"/doorverwijzingen/{d_id}")
    assert pagina.pad == f"/inloggen?terug=/doorverwijzingen/{d_id}" and pagina.status == 200
    fout = browser.formulier(pagina, "/inloggen", {"email": "anna@walcheren.example", "wachtwoord": "fout"})
    assert fout.status == 400 and "kennen we niet" in fout.tekst() and 'value="anna@walcheren.example"' in fout.html
    pagina = browser.formulier(
        pagina,
        "/inloggen",
        {"email": "Anna@Walcheren.example", "wachtwoord": WACHTWOORD, "terug": f"/doorverwijzingen/{d_id}"},
    )
    assert pagina.pad == "/inloggen/nieuw-wachtwoord"
    ongelijk = browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": "x"})
    assert ongelijk.status == 400 and "niet gelijk" in ongelijk.tekst()
    pagina = browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    assert (pagina.status, pagina.pad) == (200, f"/doorverwijzingen/{d_id}")
    assert "Jan van Dijk" in pagina.tekst()


def test_the_session_cookies_are_http_only_and_same_site(pilot):
    medewerker(pilot, "anna@walcheren.example")
    browser = Browser(pilot.gateway)
    pagina = browser.get("/inloggen")
    antwoord = browser.formulier(
        pagina, "/inloggen", {"email": "anna@walcheren.example", "wachtwoord": WACHTWOORD}, volgen=False
    )
    pagina = browser.get(antwoord.headers["Location"])
    klaar = browser.formulier(
        pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW}, volgen=False
    )
    sessie_cookies = [c for c in klaar.cookies if c.startswith(("wd_id=", "wd_toegang=", "wd_ververs="))]
    assert len(sessie_cookies) == 3
    assert all("HttpOnly" in c and "SameSite=" in c and "Path=/" in c for c in sessie_cookies)


def test_sign_in_attempts_for_one_account_are_throttled(pilot):
    browser = Browser(pilot.gateway)
    pagina = browser.get("/inloggen")
    statussen = [
        browser.formulier(pagina, "/inloggen", {"email": "bram@walcheren.example", "wachtwoord": "fout"}).status
        for _ in range(11)
    ]
    assert statussen == [400] * 10 + [429]
    ander = browser.formulier(pagina, "/inloggen", {"email": "anna@walcheren.example", "wachtwoord": "fout"})
    assert ander.status == 400
    pilot.clock.advance(timedelta(minutes=16))
    assert browser.formulier(pagina, "/inloggen", {"email": "bram@walcheren.example", "wachtwoord": "x"}).status == 400


def test_sign_out_ends_the_session(pilot):
    browser = ingelogd(pilot, "anna@walcheren.example")
    pagina = browser.get("/werkvoorraad")
    ververs = browser.cookies["wd_ververs"]
    uit = browser.formulier(pagina, "/uitloggen", {})
    assert uit.pad == "/uitgelogd" and "uitgelogd" in uit.tekst()
    assert not {"wd_id", "wd_toegang", "wd_ververs"} & set(browser.cookies)
    assert browser.get("/werkvoorraad").pad == "/inloggen?terug=/werkvoorraad"
    with pytest.raises(cognito().exceptions.NotAuthorizedException):
        cognito().initiate_auth(
            ClientId=pilot.refs["WebClient"], AuthFlow="REFRESH_TOKEN_AUTH", AuthParameters={"REFRESH_TOKEN": ververs}
        )


# --- tokens that must not work ----------------------------------------------------------------


def _token(pilot, **claims: Any) -> str:
    nu = int(time.time())
    pool = pilot.refs["Gebruikerspool"]
    inhoud = {
        "iss": f"https://cognito-idp.eu-west-1.amazonaws.com/{pool}",
        "aud": pilot.refs["WebClient"],
        "token_use": "id",
        "sub": "sub-nep",
        "cognito:username": "nep@walcheren.example",
        "cognito:groups": ["organisatie-walcheren"],
        "iat": nu,
        "exp": nu + 3600,
        **claims,
    }
    moto_sleutel = moto_bestand("jwks-private.json.gz")
    return str(jwt.encode({"alg": "RS256", "kid": "dummy"}, inhoud, RSAKey.import_key(moto_sleutel)))


@pytest.mark.parametrize(
    "soort",
    ["vervalst", "verlopen", "andere-pool", "andere-client", "access-token", "geknoeid", "zonder-groep"],
)
def test_a_session_cookie_that_is_not_a_valid_id_token_of_this_pool_is_refused(pilot, soort):
    d_id = nieuw(pilot)
    match soort:
        case "vervalst":
            token = str(jwt.encode({"alg": "RS256", "kid": "dummy"}, {"sub": "x"}, RSAKey.generate_key(2048)))
        case "verlopen":
            token = _token(pilot, exp=int(time.time()) - 120)
        case "andere-pool":
            token = _token(pilot, iss="https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_anderepool")
        case "andere-client":
            token = _token(pilot, aud="een-andere-client")
        case "access-token":
            token = _token(pilot, token_use="access")
        case "geknoeid":
            kop, inhoud, handtekening = _token(pilot).split(".")
            token = ".".join([kop, inhoud[:-4] + ("AAAA" if not inhoud.endswith("AAAA") else "BBBB"), handtekening])
        case "zonder-groep":
            token = _token(pilot, **{"cognito:groups": ["coordinator"]})
    browser = Browser(pilot.gateway, cookies={"wd_id": token})
    pagina = browser.get(f"/doorverwijzingen/{d_id}")
    if soort == "zonder-groep":
        assert pagina.status == 403 and "Geen toegang" in pagina.tekst()
    else:
        assert pagina.pad.startswith("/inloggen?terug=")
    assert "Jan" not in pagina.tekst()


def test_a_valid_token_signed_for_this_pool_is_accepted(pilot):
    """The control for the test above: the same forgery helper, with nothing wrong, gets in."""
    browser = Browser(pilot.gateway, cookies={"wd_id": _token(pilot)})
    assert browser.get("/werkvoorraad").pad == "/werkvoorraad"


# --- the work queue and the referral page --------------------------------------------------------


def test_the_work_queue_shows_the_organisations_open_referrals_most_urgent_first(pilot):
    eerste = nieuw(pilot, "WEB-1")
    pilot.clock.advance(timedelta(hours=2))
    tweede = nieuw(pilot, "WEB-2", client={**aanmelding()["client"], "voornaam": "Piet", "achternaam": "Klaassen"})
    nieuw(
        pilot,
        "WEB-3",
        adres={"straatnaam": "Coolsingel", "huisnummer": 40, "postcode": "3011 AD", "plaatsnaam": "Rotterdam"},
    )
    browser = ingelogd(pilot, "anna@walcheren.example")
    pagina = browser.get("/werkvoorraad")
    assert pagina.status == 200
    links = [link for link in pagina.links() if link.startswith("/doorverwijzingen/")]
    assert links == [f"/doorverwijzingen/{eerste}", f"/doorverwijzingen/{tweede}"]
    tekst = pagina.tekst()
    assert "2 open doorverwijzingen" in tekst and "2 niet opgepakt" in tekst
    assert re.search(r"nog 2 dagen en 2[12] uur", tekst) and "Middelburg" in tekst and "Coolsingel" not in tekst
    assert pagina.headers["Cache-Control"] == "no-store"
    assert "'unsafe-inline'" not in pagina.headers["Content-Security-Policy"]
    leeg = browser.get("/werkvoorraad?toon=mijn")
    assert "Geen doorverwijzingen die bij dit filter passen" in leeg.tekst()


def test_a_caseworker_takes_a_referral_records_attempts_and_a_result_and_the_creditor_sees_it(pilot):
    d_id = nieuw(pilot)
    pilot.clock.advance(timedelta(hours=5))  # 15:00 on the day it came in at 10:00
    browser = ingelogd(pilot, "anna@walcheren.example")
    pad = f"/doorverwijzingen/{d_id}"
    pagina = browser.get(pad)
    assert 'href="tel:+31612345678"' in pagina.html and "06 12345678" in pagina.tekst()
    assert "€ 123,45" in pagina.tekst() or "€\xa0123,45" in pagina.tekst()
    pagina = browser.formulier(pagina, f"{pad}/toewijzing", {})
    assert "Opgepakt door anna@walcheren.example" in pagina.tekst()
    pagina = browser.formulier(
        pagina,
        f"{pad}/contactpogingen",
        {"soort": "telefoon", "bereikt": "nee", "datum": "2026-11-27", "tijd": "11:00", "toelichting": ""},
    )
    assert "Contactpoging: telefoon (ochtend), niet bereikt" in pagina.tekst()
    pagina = browser.formulier(
        pagina, f"{pad}/contactpogingen", {"soort": "telefoon", "bereikt": "ja", "datum": "2026-11-27", "tijd": "14:30"}
    )
    assert "Contact gelegd op" in pagina.tekst()
    voorbeeld = browser.formulier(
        pagina, f"{pad}/eindresultaat", {"code": "al_bekend_bij_schuldhulp", "actie": "voorbeeld"}
    )
    assert "Dit hoort de schuldeiser" in voorbeeld.tekst() and "Er loopt al hulp" in voorbeeld.tekst()
    assert 'value="al_bekend_bij_schuldhulp" selected' in voorbeeld.html
    pagina = browser.formulier(
        voorbeeld,
        f"{pad}/eindresultaat",
        {"code": "al_bekend_bij_schuldhulp", "toelichting": "Loopt bij BKR", "actie": "vastleggen"},
    )
    assert "Afgerond: Al bekend bij schuldhulp" in pagina.tekst()
    pilot.settle()
    schuldeiser = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}").body
    assert schuldeiser["status"] == "afgerond"
    assert schuldeiser["terugkoppeling"]["uitkomst"] == "hulp_loopt_al"
    assert "Loopt bij BKR" not in json.dumps(schuldeiser)
    organisatie = pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}").body
    assert organisatie["toegewezenAan"]["gebruikersnaam"] == "anna@walcheren.example"
    regels = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels?limiet=100").body["items"]
    door_anna = {
        r["actie"] for r in regels if (r.get("medewerker") or {}).get("gebruikersnaam") == "anna@walcheren.example"
    }
    assert {"gelezen", "toewijzing", "contactpoging", "eindresultaat"} <= door_anna


def test_moving_past_the_deadline_escalates_nothing_for_a_person_reached_through_the_pages(pilot, capsys):
    d_id = nieuw(pilot)
    capsys.readouterr()
    pilot.clock.advance(timedelta(hours=1))
    browser = ingelogd(pilot, "anna@walcheren.example")
    pagina = browser.get(f"/doorverwijzingen/{d_id}")
    browser.formulier(
        pagina,
        f"/doorverwijzingen/{d_id}/contactpogingen",
        {"soort": "huisbezoek", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:15"},
    )
    emf = [regel for regel in capsys.readouterr().out.splitlines() if '"CloudWatchMetrics"' in regel]
    assert any('"ContactBinnenTermijn":[1.0]' in regel and '"service":"warmdoor-web"' in regel for regel in emf)
    pilot.advance(timedelta(days=4))
    assert not [m for m in pilot.outbox()["emails"] if "verlopen" in m["subject"].lower()]


def test_bad_input_is_shown_beside_its_field_with_what_was_typed(pilot):
    d_id = nieuw(pilot)
    browser = ingelogd(pilot, "anna@walcheren.example")
    pad = f"/doorverwijzingen/{d_id}"
    pagina = browser.get(pad)
    brief = browser.formulier(
        pagina,
        f"{pad}/contactpogingen",
        {"soort": "brief", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:00", "toelichting": "Brief gestuurd"},
    )
    assert brief.status == 400
    assert 'id="contactpoging-bereikt-fout"' in brief.html and "alleen een gesprek" in brief.tekst()
    assert ">Brief gestuurd</textarea>" in brief.html and 'value="brief" selected' in brief.html
    toekomst = browser.formulier(
        pagina,
        f"{pad}/contactpogingen",
        {"soort": "telefoon", "bereikt": "nee", "datum": "2027-01-01", "tijd": "10:00"},
    )
    assert toekomst.status == 400 and 'id="contactpoging-datum-fout"' in toekomst.html
    leeg = browser.formulier(
        pagina, f"{pad}/contactpogingen", {"soort": "telefoon", "datum": "2026-11-27", "tijd": "10:00"}
    )
    assert leeg.status == 400 and 'id="contactpoging-bereikt-fout"' in leeg.html
    te_lang = browser.formulier(pagina, f"{pad}/verlengingen", {"dagen": "90", "reden": "regeling"})
    assert te_lang.status == 409 and "hoogstens 90 dagen" in te_lang.tekst()
    assert "Hoogstens 60 dagen" in te_lang.tekst()
    geen_contact = browser.formulier(pagina, f"{pad}/eindresultaat", {"code": "zelf_opgelost", "actie": "vastleggen"})
    assert geen_contact.status == 409 and "bereikt" in geen_contact.tekst()


def test_another_organisations_referral_is_not_found_and_cannot_be_changed(pilot):
    d_id = nieuw(pilot)
    rotterdam = ingelogd(pilot, "piet@rotterdam.example", organisatie="rotterdam")
    bestaat_niet = rotterdam.get("/doorverwijzingen/00000000-0000-4000-8000-000000000000")
    ander = rotterdam.get(f"/doorverwijzingen/{d_id}")
    assert (ander.status, ander.tekst()) == (bestaat_niet.status, bestaat_niet.tekst())
    assert ander.status == 404 and "Niet gevonden" in ander.tekst() and "Jan" not in ander.tekst()
    eigen = rotterdam.get("/werkvoorraad")
    poging = rotterdam.formulier(
        eigen,
        f"/doorverwijzingen/{d_id}/contactpogingen",
        {"soort": "telefoon", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:00"},
    )
    assert poging.status == 404
    assert pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}").body["contactpogingen"] == []


def test_a_form_with_another_sessions_token_or_from_another_site_is_refused(pilot):
    d_id = nieuw(pilot)
    anna = ingelogd(pilot, "anna@walcheren.example")
    bram = ingelogd(pilot, "bram@walcheren.example")
    pad = f"/doorverwijzingen/{d_id}/contactpogingen"
    velden = {"soort": "telefoon", "bereikt": "ja", "datum": "2026-11-27", "tijd": "10:00"}
    van_bram = bram.get(f"/doorverwijzingen/{d_id}").csrf()
    assert anna.post(pad, {"csrf": van_bram, **velden}).status == 403
    assert anna.post(pad, velden).status == 403
    anna.headers = {"Sec-Fetch-Site": "cross-site"}
    eigen = anna.get(f"/doorverwijzingen/{d_id}").csrf()
    assert anna.post(pad, {"csrf": eigen, **velden}).status == 403
    anna.headers = {"Origin": "https://elders.example"}
    assert anna.post(pad, {"csrf": eigen, **velden}).status == 403
    anna.headers = {}
    assert pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}").body["contactpogingen"] == []
    assert anna.post(pad, {"csrf": eigen, **velden}).pad == f"/doorverwijzingen/{d_id}?gedaan=contactpoging"


def test_a_coordinator_assigns_to_a_caseworker_and_a_caseworker_cannot(pilot):
    d_id = nieuw(pilot)
    anna = ingelogd(pilot, "anna@walcheren.example")
    coordinator = ingelogd(pilot, "co@walcheren.example", coordinator=True)
    pagina = coordinator.get(f"/doorverwijzingen/{d_id}")
    assert "Toewijzen aan" in pagina.tekst()
    sub = cognito().admin_get_user(UserPoolId=pilot.refs["Gebruikerspool"], Username="anna@walcheren.example")
    anna_sub = next(a["Value"] for a in sub["UserAttributes"] if a["Name"] == "sub")
    pagina = coordinator.formulier(pagina, f"/doorverwijzingen/{d_id}/toewijzing", {"aan": anna_sub})
    assert "Opgepakt door anna@walcheren.example" in pagina.tekst()
    eigen = anna.get(f"/doorverwijzingen/{d_id}")
    assert "Toewijzen aan" not in eigen.tekst()
    assert anna.formulier(eigen, f"/doorverwijzingen/{d_id}/toewijzing", {"aan": "iemand-anders"}).status == 403
    assert "3 open" not in anna.get("/werkvoorraad?toon=mijn").tekst()
    assert f"/doorverwijzingen/{d_id}" in anna.get("/werkvoorraad?toon=mijn").links()


def test_my_organisation_shows_where_alerts_go_and_what_it_covers(pilot):
    browser = ingelogd(pilot, "anna@walcheren.example")
    tekst = browser.get("/organisatie").tekst()
    assert "intake@walcheren.example" in tekst and "coordinator@walcheren.example" in tekst
    assert "Vlissingen" in tekst and "4380-4389" in tekst and "06 11111111" in tekst


def test_static_files_are_named_by_their_content_and_cached_for_a_year(pilot):
    browser = Browser(pilot.gateway)
    pagina = browser.get("/inloggen")
    css = [link for link in pagina.links() if link.endswith(".css")]
    assert len(css) == 2 and all(".css" in c and c.count(".") == 2 for c in css)
    antwoord = browser.get(css[0])
    assert antwoord.status == 200 and antwoord.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert antwoord.headers["Content-Type"].startswith("text/css")
    assert browser.get("/static/nl-design-system.000000000000.css").status == 404


def test_unknown_pages_and_errors_are_dutch_pages_with_a_way_on(pilot):
    browser = ingelogd(pilot, "anna@walcheren.example")
    pagina = browser.get("/doorverwijzingen/geen-id")
    assert pagina.status == 404 and "Naar de startpagina" in pagina.tekst()


def test_the_pages_log_no_personal_data(pilot, caplog):
    caplog.set_level(logging.DEBUG)
    d_id = nieuw(pilot)
    browser = ingelogd(pilot, "anna@walcheren.example")
    pagina = browser.get(f"/doorverwijzingen/{d_id}")
    browser.formulier(
        pagina,
        f"/doorverwijzingen/{d_id}/contactpogingen",
        {
            "soort": "brief",
            "bereikt": "ja",
            "datum": "2026-11-27",
            "tijd": "10:00",
            "toelichting": "Jan van Dijk belde terug",
        },
    )
    browser.get("/werkvoorraad")
    logs = "\n".join(r.getMessage() + json.dumps(getattr(r, "__dict__", {}), default=str) for r in caplog.records)
    assert [p for p in PERSOONSGEGEVENS if p in logs] == []
    assert "anna@walcheren.example" not in logs


def test_with_federation_the_organisations_own_sign_in_leads_back_with_the_pools_tokens(pilot, monkeypatch):
    pilot.refs.update(FederatieType="OIDC", FederatieNaam="walcheren-ad", FederatieDomeinPrefix="warmdoor-test")
    pilot.runtime.vergeet_modules()  # deployed again, with federation
    medewerker(pilot, "anna@walcheren.example")
    c = cognito()
    c.admin_set_user_password(
        UserPoolId=pilot.refs["Gebruikerspool"], Username="anna@walcheren.example", Password=NIEUW, Permanent=True
    )
    tokens = c.initiate_auth(
        ClientId=pilot.refs["WebClient"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "anna@walcheren.example", "PASSWORD": NIEUW},
    )["AuthenticationResult"]
    gevraagd: list[tuple[str, str, str]] = []

    def inwisselen(self, domein: str, code: str, terug_url: str) -> Tokens:
        gevraagd.append((domein, code, terug_url))
        return Tokens(tokens["IdToken"], tokens["AccessToken"], tokens["RefreshToken"])

    monkeypatch.setattr(Inloggen, "code_inwisselen", inwisselen)
    browser = Browser(pilot.gateway)
    assert "via het account van uw eigen organisatie" in browser.get("/inloggen").tekst()
    naar_idp = browser.get("/inloggen/organisatie?terug=/organisatie", volgen=False)
    locatie = urlsplit(naar_idp.headers["Location"])
    vraag = dict(parse_qsl(locatie.query))
    assert f"{locatie.scheme}://{locatie.netloc}{locatie.path}" == (
        "https://warmdoor-test.auth.eu-west-1.amazoncognito.com/oauth2/authorize"
    )
    assert (vraag["identity_provider"], vraag["client_id"]) == ("walcheren-ad", pilot.refs["WebClient"])
    assert browser.get(f"/inloggen/federatie?code=abc&state={vraag['state']}x").status == 403
    pagina = browser.get(f"/inloggen/federatie?code=abc&state={vraag['state']}")
    assert pagina.pad == "/organisatie" and "Mijn organisatie" in pagina.tekst()
    assert gevraagd == [
        (
            "https://warmdoor-test.auth.eu-west-1.amazoncognito.com",
            "abc",
            "https://web.warmdoor.test/inloggen/federatie",
        )
    ]


def test_every_page_route_the_template_declares_is_answered_by_the_pages(pilot):
    d_id = nieuw(pilot)
    browser = ingelogd(pilot, "anna@walcheren.example")
    routes = [r for r in template.routes() if r.function == "WebFunction"]
    assert len(routes) >= 20 and not [r for r in routes if r.authorized or r.api_key_required]
    for route in routes:
        pad = route.path.replace("{doorverwijzing_id}", d_id).replace("{bestand}", "onbekend.css")
        pagina = browser.verzoek(route.method, pad, {}, volgen=False)
        assert "Deze pagina bestaat niet" not in pagina.html and pagina.status < 500, (route, pagina.status)


def test_an_expired_id_token_is_renewed_with_the_refresh_token_and_the_page_still_opens(pilot):
    browser = ingelogd(pilot, "anna@walcheren.example")
    oud = browser.cookies["wd_id"]
    browser.cookies["wd_id"] = _token(pilot, exp=int(time.time()) - 60)  # its 15 minutes are over
    pagina = browser.get("/werkvoorraad")
    assert pagina.pad == "/werkvoorraad" and pagina.status == 200
    nieuw = [c for c in pagina.cookies if c.startswith("wd_id=")]
    assert nieuw and "HttpOnly" in nieuw[0] and browser.cookies["wd_id"] not in (oud, "")
    del browser.cookies["wd_ververs"]
    browser.cookies["wd_id"] = _token(pilot, exp=int(time.time()) - 60)
    assert browser.get("/werkvoorraad").pad == "/inloggen?terug=/werkvoorraad"
