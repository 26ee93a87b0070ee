"""What the caseworker's pages do (the routes are in werkpaginas.py): the work queue, a referral with its forms,
and their own organisation. Imported at a page's first request, not at the cold start: the domain and its
models are most of an import, and the sign-in pages need none of them."""

from collections.abc import Callable
from typing import get_args
from urllib.parse import quote, urlencode

from aws_lambda_powertools.event_handler import Response

from warmdoor.domain import doorverwijzing as dv
from warmdoor.domain import levensloop, raadplegen
from warmdoor.domain.errors import Conflict, InvalidParam, OngeldigeInvoer
from warmdoor.domain.toegang import vereis_toewijzing
from warmdoor.models.entities import Doorverwijzing, Medewerker, Organisatie
from warmdoor.models.enums import Contactsoort, Eindresultaat, Rol, Status
from warmdoor.models.requests import ContactpogingVerzoek, EindresultaatVerzoek, VerlengingVerzoek
from warmdoor.presentation import werkvoorraad as wv
from warmdoor.tijd import lokaal
from warmdoor.web import http
from warmdoor.web.formulier import Fouten, lees, poging, tekst, tijdstip
from warmdoor.web.omgeving import Aanvraag, Sessie
from warmdoor.web.pagina import id_uit_pad, pagina

PER_PAGINA = 50


def _gemeenten(organisatie: Organisatie | None) -> dict[str, str]:
    return {g.code: g.naam for g in organisatie.gemeenten} if organisatie else {}


def werkvoorraad(a: Aanvraag) -> Response[str]:
    sessie = a.sessie(Rol.ORGANISATIE)
    web, event = a.web, a.event
    toon = event.get_query_string_value("toon") or "alle"
    status = event.get_query_string_value("status") or None
    gemeente = event.get_query_string_value("gemeente") or None
    filter = wv.Filter(
        toon=toon if toon in get_args(wv.Toon) else "alle",  # type: ignore[arg-type]
        status=Status(status) if status in {s.value for s in Status} else None,
        gemeente=gemeente,
    )
    try:
        nummer = max(1, int(event.get_query_string_value("pagina") or 1))
    except ValueError:
        nummer = 1
    ctx, nu = web.diensten.context, web.diensten.klok.now()
    wie = sessie.principal.medewerker
    rijen, tellingen = wv.werkvoorraad(raadplegen.werkvoorraad(ctx, sessie.principal), filter, wie, nu)
    getoond = raadplegen.met_persoonsgegevens(ctx, sessie.principal, rijen[(nummer - 1) * PER_PAGINA :][:PER_PAGINA])
    paginas = max(1, -(-len(rijen) // PER_PAGINA))
    basis = {k: v for k, v in {"toon": filter.toon, "status": status or "", "gemeente": gemeente or ""}.items() if v}
    organisatie = ctx.repo.organisatie(sessie.principal.organisatieId or "")
    return pagina(
        a,
        sessie,
        "werkvoorraad.html",
        titel="Werkvoorraad",
        rijen=getoond,
        aantal=len(rijen),
        tellingen=tellingen,
        filter=filter,
        gemeenten=_gemeenten(organisatie),
        nummer=nummer,
        paginas=paginas,
        vorige=f"?{urlencode({**basis, 'pagina': nummer - 1})}" if nummer > 1 else None,
        volgende=f"?{urlencode({**basis, 'pagina': nummer + 1})}" if nummer < paginas else None,
        termijn=lambda d: wv.termijntekst(d, nu),
        te_laat=lambda d: wv.te_laat(d, nu),
        geescaleerd=dv.geescaleerd,
    )


def _referral_pagina(
    a: Aanvraag,
    sessie: Sessie,
    d: Doorverwijzing,
    status: int = 200,
    fouten: dict[str, Fouten] | None = None,
    invoer: dict[str, dict[str, str]] | None = None,
    melding: str | None = None,
) -> Response[str]:
    web = a.web
    ctx, nu = web.diensten.context, web.diensten.klok.now()
    organisatie = ctx.repo.organisatie(d.organisatieId)
    medewerkers: list[Medewerker] = []
    if sessie.principal.coordinator and dv.is_open(d):
        medewerkers = _medewerkers(a, sessie)
    invoer = invoer or {}
    code = invoer.get("eindresultaat", {}).get("code")
    voorbeeld = wv.voorbeeld(Eindresultaat(code)) if code in {e.value for e in Eindresultaat} else None
    lokaal_nu = lokaal(nu)
    return pagina(
        a,
        sessie,
        "doorverwijzing.html",
        status,
        titel=_naam(d),
        d=d,
        gemeente=_gemeenten(organisatie).get(d.gemeentecode, d.gemeentecode),
        open=dv.is_open(d),
        termijn=wv.termijntekst(d, nu),
        te_laat=wv.te_laat(d, nu),
        geescaleerd=dv.geescaleerd(d),
        stop_actief=dv.incassostop_actief(d, nu),
        max_dagen=dv.verlenging_max_dagen(d, ctx.beleid, nu),
        uiterst=dv.incassostop_uiterst(d, ctx.beleid),
        tijdlijn=wv.tijdlijn(d),
        medewerkers=medewerkers,
        contactsoorten=list(Contactsoort),
        fouten=fouten or {},
        invoer=invoer,
        voorbeeld=voorbeeld,
        vandaag=lokaal_nu.date().isoformat(),
        nu_tijd=lokaal_nu.strftime("%H:%M"),
        melding=melding,
    )


def _naam(d: Doorverwijzing) -> str:
    if d.client is None:
        return "Doorverwijzing (persoonsgegevens verwijderd)"
    c = d.client
    return " ".join(deel for deel in (c.voornaam or c.voorletters, c.voorvoegsel, c.achternaam) if deel)


def _medewerkers(a: Aanvraag, sessie: Sessie) -> list[Medewerker]:
    gebruikers = a.web.diensten.gebruikers.medewerkers(sessie.principal.organisatieId or "")
    return [Medewerker(sub=g.sub, gebruikersnaam=g.gebruikersnaam, naam=g.naam) for g in gebruikers]


def doorverwijzing(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie = a.sessie(Rol.ORGANISATIE)
    d = raadplegen.doorverwijzing_lezen(a.web.diensten.context, sessie.principal, id_uit_pad(doorverwijzing_id))
    melding = a.event.get_query_string_value("gedaan")
    return _referral_pagina(a, sessie, d, melding=_GEDAAN.get(melding or ""))


_GEDAAN = {
    "toewijzing": "De doorverwijzing is toegewezen.",
    "contactpoging": "De contactpoging is vastgelegd.",
    "verlenging": "De incassostop is verlengd.",
    "eindresultaat": "Het eindresultaat is vastgelegd. De schuldeiser krijgt de terugkoppeling.",
}


def _formulier(a: Aanvraag, doorverwijzing_id: str) -> tuple[Sessie, dict[str, str]]:
    """A form of the referral page: from this site, with this session's token (else 403)."""
    sessie, velden = a.formulier(Rol.ORGANISATIE)
    id_uit_pad(doorverwijzing_id)
    return sessie, velden


def _uitvoeren(
    a: Aanvraag,
    doorverwijzing_id: str,
    formulier: str,
    velden: dict[str, str],
    sessie: Sessie,
    actie: Callable[[], object],
) -> Response[str]:
    """Changes the referral, then back to its page (POST-redirect-GET); on bad input or a conflict the page
    again, with the messages beside the fields and what was typed."""
    try:
        _, fouten = poging(actie)
        status = 400
    except Conflict as fout:
        fouten, status = {"formulier": fout.detail}, 409
    if not fouten:
        return http.doorsturen(f"/doorverwijzingen/{doorverwijzing_id}?gedaan={quote(formulier)}#{formulier}")
    d = raadplegen.doorverwijzing_lezen(a.web.diensten.context, sessie.principal, doorverwijzing_id)
    invoer = {formulier: {k: v for k, v in velden.items() if k != "csrf"}}
    return _referral_pagina(a, sessie, d, status, {formulier: fouten}, invoer)


def toewijzing(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie, velden = _formulier(a, doorverwijzing_id)
    ctx, wie = a.web.diensten.context, sessie.principal

    def actie() -> object:
        ik = wie.medewerker
        assert ik is not None
        aan, gevraagd = ik, velden.get("aan")
        if gevraagd and gevraagd != ik.sub:
            # Whether this person may give it to someone else at all, before whom they named is looked up.
            vereis_toewijzing(wie, Medewerker(sub=gevraagd, gebruikersnaam=gevraagd))
            aan = next((m for m in _medewerkers(a, sessie) if m.sub == gevraagd), None) or _onbekend()
        return levensloop.toewijzen(ctx, wie, doorverwijzing_id, aan)

    return _uitvoeren(a, doorverwijzing_id, "toewijzing", velden, sessie, actie)


def _onbekend() -> Medewerker:
    raise OngeldigeInvoer([InvalidParam("aan", "enum", "Kies een medewerker van uw organisatie")])


def contactpoging(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie, velden = _formulier(a, doorverwijzing_id)
    ctx = a.web.diensten.context

    def actie() -> object:
        verzoek = lees(
            ContactpogingVerzoek,
            {
                "soort": velden.get("soort", ""),
                "bereikt": {"ja": True, "nee": False}.get(velden.get("bereikt", "")),
                "tijdstip": tijdstip(velden.get("datum", ""), velden.get("tijd", ""), a.web.diensten.klok.now()),
                "toelichting": tekst(velden.get("toelichting")),
            },
        )
        return levensloop.contact_vastleggen(ctx, sessie.principal, doorverwijzing_id, verzoek)

    return _uitvoeren(a, doorverwijzing_id, "contactpoging", velden, sessie, actie)


def verlenging(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie, velden = _formulier(a, doorverwijzing_id)
    ctx = a.web.diensten.context

    def actie() -> object:
        dagen = velden.get("dagen", "").strip()
        verzoek = lees(
            VerlengingVerzoek,
            {"dagen": int(dagen) if dagen.isdigit() else dagen or None, "reden": tekst(velden.get("reden"))},
        )
        return levensloop.verlengen(ctx, sessie.principal, doorverwijzing_id, verzoek)

    return _uitvoeren(a, doorverwijzing_id, "verlenging", velden, sessie, actie)


def eindresultaat(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie, velden = _formulier(a, doorverwijzing_id)
    ctx = a.web.diensten.context
    if velden.get("actie") == "voorbeeld":
        d = raadplegen.doorverwijzing_lezen(ctx, sessie.principal, doorverwijzing_id)
        invoer = {"eindresultaat": {k: v for k, v in velden.items() if k != "csrf"}}
        fouten = {} if velden.get("code") else {"eindresultaat": {"code": "Kies een eindresultaat."}}
        return _referral_pagina(a, sessie, d, 400 if fouten else 200, fouten, invoer)

    def actie() -> object:
        verzoek = lees(
            EindresultaatVerzoek, {"code": velden.get("code", ""), "toelichting": tekst(velden.get("toelichting"))}
        )
        return levensloop.eindresultaat_vastleggen(ctx, sessie.principal, doorverwijzing_id, verzoek)

    return _uitvoeren(a, doorverwijzing_id, "eindresultaat", velden, sessie, actie)


def organisatie(a: Aanvraag) -> Response[str]:
    sessie = a.sessie(Rol.ORGANISATIE)
    return pagina(a, sessie, "organisatie.html", titel="Mijn organisatie")
