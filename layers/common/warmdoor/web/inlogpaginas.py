"""Signing in and out: e-mail and password, the first-time password, the authenticator app, and the way
back to the page the person came for."""

import base64
import binascii
import hashlib
import json
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote, urlencode

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.web import csrf, http
from warmdoor.web.http import UITDAGING_COOKIE, Verzoek
from warmdoor.web.inloggen import MFA_CODE, MFA_INSTELLEN, NIEUW_WACHTWOORD, Geweigerd, Tokens, Uitdaging
from warmdoor.web.omgeving import NietIngelogd, Web, verzoek_van, web_van
from warmdoor.web.sessie import GeenToegang

router = Router()  # type: ignore[no-untyped-call]
# Sign-in attempts per account in one window, before the next attempt is refused without asking Cognito
# (which has its own, slower lockout).
MAX_POGINGEN = 10
VENSTER = timedelta(minutes=15)
UITDAGING_DUUR = 180  # Cognito's session for a challenge lasts three minutes
_PAGINA = {
    NIEUW_WACHTWOORD: "/inloggen/nieuw-wachtwoord",
    MFA_INSTELLEN: "/inloggen/app-koppelen",
    MFA_CODE: "/inloggen/code",
}


def _web() -> Web:
    return web_van(router)


def _verzoek() -> Verzoek:
    return verzoek_van(router)


def _pagina(template: str, status: int = 200, **context: object) -> Response[str]:
    web, verzoek = _web(), _verzoek()
    token = csrf.token(web.csrf_geheim(verzoek), csrf.ZONDER_SESSIE)
    federatie = bool(web.diensten.settings.federatie_naam)
    body = web.render(template, verzoek, csrf=token, sessie=None, federatie=federatie, **context)
    return http.html(body, status)


@dataclass(frozen=True)
class Stap:
    """Where the sign-in is: Cognito's question, where to go afterwards, and the app's secret while it is
    being linked (so that a mistyped code does not need a new one)."""

    uitdaging: Uitdaging
    terug: str
    geheim: str | None = None


def _stap_lezen() -> Stap | None:
    waarde = _verzoek().cookies.get(UITDAGING_COOKIE)
    if not waarde:
        return None
    try:
        g = json.loads(base64.urlsafe_b64decode(waarde.encode()))
        return Stap(Uitdaging(g["s"], g["g"], g["x"]), http.lokaal_pad(g.get("t")), g.get("k"))
    except (ValueError, KeyError, TypeError, binascii.Error):
        return None


def _stap_bewaren(stap: Stap) -> None:
    u = stap.uitdaging
    gegevens = {"s": u.soort, "g": u.gebruikersnaam, "x": u.sessie, "t": stap.terug, "k": stap.geheim}
    waarde = base64.urlsafe_b64encode(json.dumps(gegevens).encode()).decode()
    _verzoek().cookie(UITDAGING_COOKIE, waarde, max_age=UITDAGING_DUUR, pad="/inloggen", streng=True)


def _verder(uitkomst: Tokens | Uitdaging, terug: str) -> Response[str]:
    """Signed in: back to where they came for; otherwise the page of Cognito's next question."""
    verzoek = _verzoek()
    if isinstance(uitkomst, Tokens):
        _web().sessie_zetten(verzoek, uitkomst)
        verzoek.wis(UITDAGING_COOKIE, pad="/inloggen")
        return http.doorsturen(terug)
    _stap_bewaren(Stap(uitkomst, terug))
    return http.doorsturen(_PAGINA[uitkomst.soort])


def _formulier_geweigerd() -> Response[str] | None:
    """A sign-in form from another site, or without this browser's token."""
    web, verzoek = _web(), _verzoek()
    velden = http.formulier(router.current_event.decoded_body)
    if http.van_elders(verzoek, web.basis_url(verzoek.event)) or not web.geldig_formulier(
        verzoek, None, velden.get("csrf")
    ):
        return _pagina("verlopen.html", 403, titel="Formulier verlopen")
    return None


@router.get("/inloggen")
def inloggen_pagina() -> Response[str]:
    terug = http.lokaal_pad(router.current_event.get_query_string_value("terug"))
    try:
        _web().sessie(_verzoek())
        return http.doorsturen(terug)
    except (NietIngelogd, GeenToegang):
        pass  # someone without access may still sign in as someone else
    return _pagina("inloggen.html", titel="Inloggen", terug=terug, fouten={}, email="")


@router.post("/inloggen")
def inloggen() -> Response[str]:
    if geweigerd := _formulier_geweigerd():
        return geweigerd
    web = _web()
    velden = http.formulier(router.current_event.decoded_body)
    email = velden.get("email", "").strip().lower()
    wachtwoord = velden.get("wachtwoord", "")
    terug = http.lokaal_pad(velden.get("terug"))
    fouten = {}
    if not email:
        fouten["email"] = "Vul uw e-mailadres in."
    if not wachtwoord:
        fouten["wachtwoord"] = "Vul uw wachtwoord in."
    if fouten:
        return _pagina("inloggen.html", 400, titel="Inloggen", terug=terug, fouten=fouten, email=email)
    nu = web.diensten.klok.now()
    venster_einde = nu - timedelta(seconds=nu.timestamp() % VENSTER.total_seconds()) + VENSTER
    sleutel = "inloggen#" + hashlib.sha256(email.encode()).hexdigest()  # no e-mail address in the table's keys
    if web.diensten.context.repo.pogingen_tellen(sleutel, venster_einde) > MAX_POGINGEN:
        melding = "Te veel pogingen om in te loggen met dit e-mailadres. Wacht een kwartier en probeer het opnieuw."
        return _pagina("inloggen.html", 429, titel="Inloggen", terug=terug, fouten={"email": melding}, email=email)
    try:
        uitkomst = web.inloggen.wachtwoord(email, wachtwoord)
    except Geweigerd as fout:
        fouten = {fout.veld or "wachtwoord": fout.melding}
        return _pagina("inloggen.html", 400, titel="Inloggen", terug=terug, fouten=fouten, email=email)
    return _verder(uitkomst, terug)


def _stap(soort: str) -> Stap | Response[str]:
    stap = _stap_lezen()
    if stap is None or stap.uitdaging.soort != soort:
        return http.doorsturen("/inloggen")
    return stap


@router.get("/inloggen/nieuw-wachtwoord")
def nieuw_wachtwoord_pagina() -> Response[str]:
    stap = _stap(NIEUW_WACHTWOORD)
    if isinstance(stap, Response):
        return stap
    return _pagina("nieuw_wachtwoord.html", titel="Kies een nieuw wachtwoord", fouten={})


@router.post("/inloggen/nieuw-wachtwoord")
def nieuw_wachtwoord() -> Response[str]:
    if geweigerd := _formulier_geweigerd():
        return geweigerd
    stap = _stap(NIEUW_WACHTWOORD)
    if isinstance(stap, Response):
        return stap
    velden = http.formulier(router.current_event.decoded_body)
    wachtwoord, herhaling = velden.get("wachtwoord", ""), velden.get("herhaling", "")
    fouten = {}
    if not wachtwoord:
        fouten["wachtwoord"] = "Kies een nieuw wachtwoord."
    elif wachtwoord != herhaling:
        fouten["herhaling"] = "De twee wachtwoorden zijn niet gelijk."
    if not fouten:
        try:
            return _verder(_web().inloggen.nieuw_wachtwoord(stap.uitdaging, wachtwoord), stap.terug)
        except Geweigerd as fout:
            fouten = {fout.veld or "wachtwoord": fout.melding}
    return _pagina("nieuw_wachtwoord.html", 400, titel="Kies een nieuw wachtwoord", fouten=fouten)


@router.get("/inloggen/app-koppelen")
def app_koppelen_pagina() -> Response[str]:
    stap = _stap(MFA_INSTELLEN)
    if isinstance(stap, Response):
        return stap
    if stap.geheim is None:
        try:
            geheim, volgende = _web().inloggen.mfa_koppelen(stap.uitdaging)
        except Geweigerd as fout:
            fouten = {"email": fout.melding}
            return _pagina("inloggen.html", 400, titel="Inloggen", terug=stap.terug, fouten=fouten, email="")
        stap = Stap(volgende, stap.terug, geheim)
        _stap_bewaren(stap)  # Cognito's new session, for the code that follows
    return _koppelpagina(stap, {})


def _koppelpagina(stap: Stap, fouten: dict[str, str], status: int = 200) -> Response[str]:
    geheim = stap.geheim or ""
    uri = f"otpauth://totp/WarmDoor:{quote(stap.uitdaging.gebruikersnaam)}?secret={geheim}&issuer=WarmDoor"
    groepen = " ".join(geheim[i : i + 4] for i in range(0, len(geheim), 4))
    titel = "Koppel uw authenticator-app"
    return _pagina("app_koppelen.html", status, titel=titel, geheim=groepen, uri=uri, fouten=fouten)


@router.post("/inloggen/app-koppelen")
def app_koppelen() -> Response[str]:
    return _code(MFA_INSTELLEN)


@router.get("/inloggen/code")
def code_pagina() -> Response[str]:
    stap = _stap(MFA_CODE)
    if isinstance(stap, Response):
        return stap
    return _pagina("code.html", titel="Typ de code uit uw app", fouten={})


@router.post("/inloggen/code")
def code() -> Response[str]:
    return _code(MFA_CODE)


def _code(soort: str) -> Response[str]:
    if geweigerd := _formulier_geweigerd():
        return geweigerd
    stap = _stap(soort)
    if isinstance(stap, Response):
        return stap
    waarde = "".join(http.formulier(router.current_event.decoded_body).get("code", "").split())
    fouten = {}
    if not (waarde.isdigit() and len(waarde) == 6):
        fouten["code"] = "Typ de 6 cijfers die uw app laat zien."
    else:
        inloggen = _web().inloggen
        try:
            if soort == MFA_INSTELLEN:
                return _verder(inloggen.mfa_bevestigen(stap.uitdaging, waarde), stap.terug)
            return _verder(inloggen.mfa_code(stap.uitdaging, waarde), stap.terug)
        except Geweigerd as fout:
            fouten = {"code": fout.melding}
    if soort == MFA_INSTELLEN:
        return _koppelpagina(stap, fouten, 400)
    return _pagina("code.html", 400, titel="Typ de code uit uw app", fouten=fouten)


FEDERATIE = "federatie"


@router.get("/inloggen/organisatie")
def federatie_begin() -> Response[str]:
    """To the organisation's own identity provider, through the pool's sign-in domain (when set up)."""
    web, verzoek = _web(), _verzoek()
    s = web.diensten.settings
    if not (s.federatie_naam and s.federatie_domein):
        return _pagina("inloggen.html", 404, titel="Inloggen", terug="/", fouten={}, email="")
    terug = http.lokaal_pad(router.current_event.get_query_string_value("terug"))
    _stap_bewaren(Stap(Uitdaging(FEDERATIE, "", ""), terug))
    vraag = {
        "identity_provider": s.federatie_naam,
        "response_type": "code",
        "client_id": web.pool.client_id,
        "redirect_uri": f"{web.basis_url(verzoek.event)}/inloggen/federatie",
        "scope": "openid email profile",
        "state": csrf.token(web.csrf_geheim(verzoek), FEDERATIE),
    }
    return http.doorsturen(f"{s.federatie_domein.rstrip('/')}/oauth2/authorize?{urlencode(vraag)}")


@router.get("/inloggen/federatie")
def federatie_terug() -> Response[str]:
    """The pool's sign-in domain sends the person back with a code (and the state it was given)."""
    web, verzoek, event = _web(), _verzoek(), router.current_event
    stap = _stap(FEDERATIE)
    if isinstance(stap, Response):
        return stap
    geheim = verzoek.cookies.get(http.CSRF_COOKIE)
    code = event.get_query_string_value("code")
    if not code or not csrf.geldig(geheim, FEDERATIE, event.get_query_string_value("state")):
        return _pagina("verlopen.html", 403, titel="Formulier verlopen")
    terug_url = f"{web.basis_url(verzoek.event)}/inloggen/federatie"
    try:
        tokens = web.inloggen.code_inwisselen(web.diensten.settings.federatie_domein, code, terug_url)
    except Geweigerd as fout:
        return _pagina(
            "inloggen.html", 400, titel="Inloggen", terug=stap.terug, fouten={"email": fout.melding}, email=""
        )
    return _verder(tokens, stap.terug)


@router.post("/uitloggen")
def uitloggen() -> Response[str]:
    web, verzoek = _web(), _verzoek()
    velden = http.formulier(router.current_event.decoded_body)
    try:
        sessie = web.sessie(verzoek)
    except NietIngelogd:
        return http.doorsturen("/uitgelogd")
    if http.van_elders(verzoek, web.basis_url(verzoek.event)) or not web.geldig_formulier(
        verzoek, sessie, velden.get("csrf")
    ):
        return _pagina("verlopen.html", 403, titel="Formulier verlopen")
    toegang = verzoek.cookies.get(http.TOEGANG_COOKIE)
    if toegang:
        web.inloggen.uitloggen(toegang)
    for naam in http.SESSIE_COOKIES:
        verzoek.wis(naam)
    return http.doorsturen("/uitgelogd")


@router.get("/uitgelogd")
def uitgelogd() -> Response[str]:
    return _pagina("uitgelogd.html", titel="U bent uitgelogd")
