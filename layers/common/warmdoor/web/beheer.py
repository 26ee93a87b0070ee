"""What the operator's pages do (the routes are in beheerpaginas.py): organisations, creditors, API keys, the
pages' accounts and a referral's audit trail. The domain's own functions and the API's request models do the
work, so a form is checked exactly as the API checks the same request. Imported at a page's first request.

A role on a form (of an account or an API key) is one choice: `organisatie:<id>`, `schuldeiser:<id>` or
`beheer`; it becomes the request's organisatieId, schuldeiserId or beheer. The municipalities of an
organisation are a text area, one line per municipality: its CBS code, its name, then its postcode areas,
e.g. "GM0687 Middelburg 4330-4339 4340" (no areas: the whole municipality)."""

import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar
from urllib.parse import quote, urlencode

from aws_lambda_powertools.event_handler import Response
from pydantic import TypeAdapter, ValidationError

from warmdoor.domain import audit, beheer, gebruikers
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer
from warmdoor.models.common import Identificatie
from warmdoor.models.entities import Auditregel, Organisatie, Schuldeiser
from warmdoor.models.enums import Rol, Signaalpartner
from warmdoor.models.gebruikers import GebruikerVerzoek
from warmdoor.models.requests import ApiSleutelVerzoek, OrganisatieVerzoek, SchuldeiserVerzoek
from warmdoor.ports import Pagina
from warmdoor.tijd import AMSTERDAM, vandaag
from warmdoor.web import http
from warmdoor.web.formulier import Fouten, fouten_van, lees, tekst
from warmdoor.web.omgeving import Aanvraag, Sessie
from warmdoor.web.pagina import ID, pagina

T = TypeVar("T")
PER_PAGINA = 50
GEBRUIKERS_PER_PAGINA = 60  # the most the user pool gives at once
SLEUTEL_PATROON = r"[0-9a-f]{16}"
# A postcode area at the end of a municipality's line: "4330" or "4330-4339".
_GEBIED = re.compile(r"[0-9]{4}(-[0-9]{4})?")
# A list's element in an error's field name ("gemeenten[1].code"): the text area's line.
_REGEL = re.compile(r"^(gemeenten|smsNummers|sluitingsdagen)\[(\d+)\]")

SIGNAALPARTNER = {
    Signaalpartner.ENERGIE: "Energie",
    Signaalpartner.HUUR: "Huur (woningcorporatie)",
    Signaalpartner.HYPOTHEEK: "Hypotheek",
    Signaalpartner.ZORG: "Zorgverzekeraar",
    Signaalpartner.CAK_ZORGVERZEKERINGEN: "CAK (zorgverzekering)",
    Signaalpartner.CAK_EIGEN_BIJDRAGE: "CAK (eigen bijdrage)",
    Signaalpartner.WATER: "Drinkwater",
    Signaalpartner.DUO: "DUO",
}
_GEDAAN = {
    "organisatie": "De organisatie is opgeslagen.",
    "schuldeiser": "De schuldeiser is opgeslagen.",
    "ingetrokken": "De API-sleutel is ingetrokken: hij werkt niet meer.",
    "uitgenodigd": "Het account is gemaakt; de uitnodiging met een tijdelijk wachtwoord is per e-mail verstuurd.",
    "uitgeschakeld": "Het account is uitgeschakeld: deze persoon kan niet meer inloggen.",
    "ingeschakeld": "Het account is weer ingeschakeld.",
}


def _alle(lees_pagina: Callable[[str | None], Pagina[T]]) -> list[T]:
    """Every item of a paged list (organisations and creditors: tens, for a form's choices and names)."""
    items: list[T] = []
    volgende: str | None = None
    while True:
        p = lees_pagina(volgende)
        items += p.items
        if not (volgende := p.volgende):
            return items


def _sessie(a: Aanvraag) -> Sessie:
    return a.sessie(Rol.BEHEER)


def _melding(a: Aanvraag) -> str | None:
    return _GEDAAN.get(a.event.get_query_string_value("gedaan") or "")


def _volgende(a: Aanvraag) -> str | None:
    return a.event.get_query_string_value("volgende") or None


def _lijst(a: Aanvraag, lees: Callable[[str | None], Pagina[T]]) -> Pagina[T]:
    """The page the `volgende` cursor asks for; the first page for a cursor that expired or was made up."""
    try:
        return lees(_volgende(a))
    except OngeldigeInvoer:
        return lees(None)


def _niet_gevonden(a: Aanvraag, sessie: Sessie, uitleg: str, terug: str) -> Response[str]:
    return pagina(
        a,
        sessie,
        "fout.html",
        404,
        titel="Niet gevonden",
        uitleg=uitleg,
        verder="Terug",
        verder_url=terug,
        kenmerk=None,
    )


def _invoer(velden: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in velden.items() if k != "csrf"}


def _regels(waarde: str | None) -> list[str]:
    return [r.strip() for r in (waarde or "").splitlines() if r.strip()]


def _fouten(params: Iterable[InvalidParam], velden: dict[str, str] | None = None) -> Fouten:
    """The domain's messages beside the form's fields: an element of a list at its line of the text area,
    a request's field at the form field that holds it (`velden`)."""
    fouten: Fouten = {}
    for p in params:
        melding = next(iter(fouten_van([p]).values()))
        if regel := _REGEL.match(p.name):
            veld, melding = regel.group(1), f"Regel {int(regel.group(2)) + 1}: {melding}"
        else:
            veld = (velden or {}).get(p.name, p.name)
        fouten.setdefault(veld, melding)
    return fouten


def _geldig_id(waarde: str) -> bool:
    """An organisation's or creditor's id as the API's path takes it (kebab-case)."""
    try:
        TypeAdapter(Identificatie).validate_python(waarde)
    except ValidationError:
        return False
    return True


def _nieuw_id(velden: dict[str, str], bestaat: Callable[[str], object | None]) -> tuple[str, Fouten]:
    """The id typed for a new organisation or creditor: kebab-case, and not taken."""
    waarde = velden.get("id", "").strip()
    if not _geldig_id(waarde):
        return waarde, {"id": "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld schuldhulp-walcheren."}
    if bestaat(waarde) is not None:
        return waarde, {"id": "Dit kenmerk is al in gebruik. Kies een ander, of pas de bestaande aan."}
    return waarde, {}


# --- organisations --------------------------------------------------------------------------------


def _organisatie_invoer(o: Organisatie) -> dict[str, str]:
    return {
        "naam": o.naam,
        "email": o.email,
        "escalatieEmail": o.escalatieEmail or "",
        "smsNummers": "\n".join(o.smsNummers),
        "emailZonderPersoonsgegevens": "ja" if o.emailZonderPersoonsgegevens else "",
        "gemeenten": "\n".join(" ".join([g.code, g.naam, *g.postcodegebieden]) for g in o.gemeenten),
        "sluitingsdagen": "\n".join(d.isoformat() for d in o.sluitingsdagen),
    }


def _gemeente(regel: str) -> dict[str, Any]:
    """'GM0687 Middelburg 4330-4339 4340' -> code, name and postcode areas (the areas: the line's end)."""
    delen = regel.replace(",", " ").split()
    code, rest = (delen[0].upper(), delen[1:]) if delen else ("", [])
    gebieden: list[str] = []
    while rest and _GEBIED.fullmatch(rest[-1]):
        gebieden.insert(0, rest.pop())
    return {"code": code, "naam": " ".join(rest), "postcodegebieden": gebieden}


def _organisatie_verzoek(velden: dict[str, str]) -> OrganisatieVerzoek:
    return lees(
        OrganisatieVerzoek,
        {
            "naam": velden.get("naam", "").strip(),
            "email": velden.get("email", "").strip(),
            "escalatieEmail": tekst(velden.get("escalatieEmail")),
            "smsNummers": _regels(velden.get("smsNummers")),
            "emailZonderPersoonsgegevens": velden.get("emailZonderPersoonsgegevens") == "ja",
            "sluitingsdagen": (velden.get("sluitingsdagen") or "").replace(",", " ").split(),
            "gemeenten": [_gemeente(r) for r in _regels(velden.get("gemeenten"))],
        },
    )


def _organisaties_pagina(
    a: Aanvraag, sessie: Sessie, status: int = 200, fouten: Fouten | None = None, invoer: dict[str, str] | None = None
) -> Response[str]:
    ctx = a.web.diensten.context
    lijst = _lijst(a, lambda v: beheer.organisaties(ctx, sessie.principal, v, PER_PAGINA))
    return pagina(
        a,
        sessie,
        "beheer_organisaties.html",
        status,
        titel="Organisaties",
        organisaties=lijst.items,
        volgende=f"?{urlencode({'volgende': lijst.volgende})}" if lijst.volgende else None,
        fouten=fouten or {},
        invoer=invoer or {},
        melding=_melding(a),
    )


def organisaties(a: Aanvraag) -> Response[str]:
    return _organisaties_pagina(a, _sessie(a))


def _organisatie_formulier(
    a: Aanvraag, sessie: Sessie, organisatie_id: str, status: int, fouten: Fouten, invoer: dict[str, str]
) -> Response[str]:
    return pagina(
        a,
        sessie,
        "beheer_organisatie.html",
        status,
        titel=f"Organisatie {invoer.get('naam') or organisatie_id}",
        organisatie_id=organisatie_id,
        fouten=fouten,
        invoer=invoer,
        melding=_melding(a) if status == 200 else None,
    )


def _organisatie_bewaren(
    a: Aanvraag, sessie: Sessie, organisatie_id: str, velden: dict[str, str], fouten: Fouten
) -> tuple[int, Fouten]:
    """Saves the organisation unless the form has errors (`fouten`: of its id); the status and every
    message beside its field when it was not saved. A municipality or postcode area another organisation
    holds is said beside the municipalities."""
    try:
        verzoek = _organisatie_verzoek(velden)
    except OngeldigeInvoer as fout:
        return 400, {**fouten, **_fouten(fout.params)}
    if fouten:
        return 400, fouten
    try:
        beheer.organisatie_opslaan(a.web.diensten.context, sessie.principal, organisatie_id, verzoek)
    except OngeldigeInvoer as fout:
        return 400, _fouten(fout.params)
    except Conflict as fout:
        return 409, {"gemeenten": fout.detail.rstrip(".") + "."}
    return 200, {}


def organisatie_nieuw(a: Aanvraag) -> Response[str]:
    sessie, velden = a.formulier(Rol.BEHEER)
    organisatie_id, fouten = _nieuw_id(velden, a.web.diensten.context.repo.organisatie)
    status, fouten = _organisatie_bewaren(a, sessie, organisatie_id, velden, fouten)
    if not fouten:
        return http.doorsturen(f"/beheer/organisaties/{quote(organisatie_id)}?gedaan=organisatie")
    return _organisaties_pagina(a, sessie, status, fouten, _invoer(velden))


def _bestaande_organisatie(a: Aanvraag, sessie: Sessie, organisatie_id: str) -> Organisatie | None:
    if not _geldig_id(organisatie_id):
        return None
    try:
        return beheer.organisatie(a.web.diensten.context, sessie.principal, organisatie_id)
    except NietGevonden:
        return None


def organisatie(a: Aanvraag, organisatie_id: str) -> Response[str]:
    sessie = _sessie(a)
    gevonden = _bestaande_organisatie(a, sessie, organisatie_id)
    if gevonden is None:
        return _niet_gevonden(a, sessie, "Deze organisatie bestaat niet.", "/beheer/organisaties")
    return _organisatie_formulier(a, sessie, organisatie_id, 200, {}, _organisatie_invoer(gevonden))


def organisatie_opslaan(a: Aanvraag, organisatie_id: str) -> Response[str]:
    sessie, velden = a.formulier(Rol.BEHEER)
    if _bestaande_organisatie(a, sessie, organisatie_id) is None:
        return _niet_gevonden(a, sessie, "Deze organisatie bestaat niet.", "/beheer/organisaties")
    status, fouten = _organisatie_bewaren(a, sessie, organisatie_id, velden, {})
    if not fouten:
        return http.doorsturen(f"/beheer/organisaties/{quote(organisatie_id)}?gedaan=organisatie")
    return _organisatie_formulier(a, sessie, organisatie_id, status, fouten, _invoer(velden))


# --- creditors ------------------------------------------------------------------------------------


def _schuldeiser_verzoek(velden: dict[str, str]) -> SchuldeiserVerzoek:
    return lees(
        SchuldeiserVerzoek,
        {
            "naam": velden.get("naam", "").strip(),
            "type": velden.get("type", ""),
            "email": velden.get("email", "").strip(),
        },
    )


def _schuldeiser_bewaren(
    a: Aanvraag, sessie: Sessie, schuldeiser_id: str, velden: dict[str, str], fouten: Fouten
) -> Fouten:
    """Saves the creditor unless the form has errors (`fouten`: of its id); else every message."""
    try:
        verzoek = _schuldeiser_verzoek(velden)
    except OngeldigeInvoer as fout:
        return {**fouten, **_fouten(fout.params)}
    if not fouten:
        beheer.schuldeiser_opslaan(a.web.diensten.context, sessie.principal, schuldeiser_id, verzoek)
    return fouten


def _schuldeisers_pagina(
    a: Aanvraag, sessie: Sessie, status: int = 200, fouten: Fouten | None = None, invoer: dict[str, str] | None = None
) -> Response[str]:
    lijst = _lijst(a, lambda v: beheer.schuldeisers(a.web.diensten.context, sessie.principal, v, PER_PAGINA))
    return pagina(
        a,
        sessie,
        "beheer_schuldeisers.html",
        status,
        titel="Schuldeisers",
        schuldeisers=lijst.items,
        volgende=f"?{urlencode({'volgende': lijst.volgende})}" if lijst.volgende else None,
        soorten=SIGNAALPARTNER,
        fouten=fouten or {},
        invoer=invoer or {},
        melding=_melding(a),
    )


def schuldeisers(a: Aanvraag) -> Response[str]:
    return _schuldeisers_pagina(a, _sessie(a))


def schuldeiser_nieuw(a: Aanvraag) -> Response[str]:
    sessie, velden = a.formulier(Rol.BEHEER)
    schuldeiser_id, fouten = _nieuw_id(velden, a.web.diensten.context.repo.schuldeiser)
    fouten = _schuldeiser_bewaren(a, sessie, schuldeiser_id, velden, fouten)
    if not fouten:
        return http.doorsturen(f"/beheer/schuldeisers/{quote(schuldeiser_id)}?gedaan=schuldeiser")
    return _schuldeisers_pagina(a, sessie, 400, fouten, _invoer(velden))


def _bestaande_schuldeiser(a: Aanvraag, sessie: Sessie, schuldeiser_id: str) -> Schuldeiser | None:
    if not _geldig_id(schuldeiser_id):
        return None
    try:
        return beheer.schuldeiser(a.web.diensten.context, sessie.principal, schuldeiser_id)
    except NietGevonden:
        return None


def _schuldeiser_formulier(
    a: Aanvraag, sessie: Sessie, schuldeiser_id: str, status: int, fouten: Fouten, invoer: dict[str, str]
) -> Response[str]:
    return pagina(
        a,
        sessie,
        "beheer_schuldeiser.html",
        status,
        titel=f"Schuldeiser {invoer.get('naam') or schuldeiser_id}",
        schuldeiser_id=schuldeiser_id,
        soorten=SIGNAALPARTNER,
        fouten=fouten,
        invoer=invoer,
        melding=_melding(a) if status == 200 else None,
    )


def schuldeiser(a: Aanvraag, schuldeiser_id: str) -> Response[str]:
    sessie = _sessie(a)
    gevonden = _bestaande_schuldeiser(a, sessie, schuldeiser_id)
    if gevonden is None:
        return _niet_gevonden(a, sessie, "Deze schuldeiser bestaat niet.", "/beheer/schuldeisers")
    invoer = {"naam": gevonden.naam, "type": gevonden.type.value, "email": gevonden.email}
    return _schuldeiser_formulier(a, sessie, schuldeiser_id, 200, {}, invoer)


def schuldeiser_opslaan(a: Aanvraag, schuldeiser_id: str) -> Response[str]:
    sessie, velden = a.formulier(Rol.BEHEER)
    if _bestaande_schuldeiser(a, sessie, schuldeiser_id) is None:
        return _niet_gevonden(a, sessie, "Deze schuldeiser bestaat niet.", "/beheer/schuldeisers")
    fouten = _schuldeiser_bewaren(a, sessie, schuldeiser_id, velden, {})
    if not fouten:
        return http.doorsturen(f"/beheer/schuldeisers/{quote(schuldeiser_id)}?gedaan=schuldeiser")
    return _schuldeiser_formulier(a, sessie, schuldeiser_id, 400, fouten, _invoer(velden))


# --- a role chosen on a form ----------------------------------------------------------------------


def _keuzes(a: Aanvraag, sessie: Sessie) -> tuple[list[Organisatie], list[Schuldeiser]]:
    ctx, wie = a.web.diensten.context, sessie.principal
    return (
        _alle(lambda v: beheer.organisaties(ctx, wie, v, 100)),
        _alle(lambda v: beheer.schuldeisers(ctx, wie, v, 100)),
    )


def _namen(organisaties: list[Organisatie], schuldeisers: list[Schuldeiser]) -> dict[str, str]:
    """Each organisation's and creditor's name by its id, for the lists that name them."""
    return {**{o.id: o.naam for o in organisaties}, **{s.id: s.naam for s in schuldeisers}}


def _rol(keuze: str) -> dict[str, Any]:
    """'organisatie:walcheren' -> the request's organisatieId; likewise a creditor; 'beheer' the operator."""
    soort, _, bij = keuze.partition(":")
    if soort == Rol.ORGANISATIE and bij:
        return {"organisatieId": bij}
    if soort == Rol.SCHULDEISER and bij:
        return {"schuldeiserId": bij}
    return {"beheer": True} if keuze == Rol.BEHEER else {}


# The request's fields that the one choice on the form holds.
_ROLVELDEN = {"organisatieId": "rol", "schuldeiserId": "rol", "beheer": "rol"}


# --- API keys -------------------------------------------------------------------------------------

_AL_AANGEMAAKT = (
    "Dit formulier is al verstuurd: de sleutel is toen aangemaakt en het geheim is één keer getoond. Heeft "
    "niemand het geheim bewaard? Trek die sleutel dan in en maak een nieuwe."
)


def _sleutels_pagina(
    a: Aanvraag, sessie: Sessie, status: int = 200, fouten: Fouten | None = None, invoer: dict[str, str] | None = None
) -> Response[str]:
    lijst = _lijst(a, lambda v: beheer.sleutels(a.web.diensten.context, sessie.principal, v, PER_PAGINA))
    organisaties, schuldeisers = _keuzes(a, sessie)
    return pagina(
        a,
        sessie,
        "beheer_sleutels.html",
        status,
        titel="API-sleutels",
        formuliernummer=_formuliernummer(a.web.diensten.klok.now()),
        sleutels=lijst.items,
        volgende=f"?{urlencode({'volgende': lijst.volgende})}" if lijst.volgende else None,
        organisaties=organisaties,
        schuldeisers=schuldeisers,
        namen=_namen(organisaties, schuldeisers),
        fouten=fouten or {},
        invoer=invoer or {},
        melding=_melding(a),
    )


def sleutels(a: Aanvraag) -> Response[str]:
    return _sleutels_pagina(a, _sessie(a))


def _formuliernummer(nu: datetime) -> str:
    """The key form's own number, with the day it was shown (the day its use is counted under)."""
    return f"{vandaag(nu).isoformat()}.{secrets.token_urlsafe(16)}"


def _eerste_keer(a: Aanvraag, nummer: str) -> bool:
    """Whether the key form with this number is sent for the first time (a reload or a double click sends
    it again: that must make no second live key whose secret nobody saw). Counted for two days."""
    dag, _, rest = nummer.partition(".")
    try:
        getoond = date.fromisoformat(dag)
    except ValueError:
        return False
    if not re.fullmatch(r"[A-Za-z0-9_-]{22}", rest):
        return False
    einde = datetime.combine(getoond + timedelta(days=2), time(), tzinfo=AMSTERDAM)
    return a.web.diensten.context.repo.pogingen_tellen(f"sleutelformulier#{nummer}", einde) == 1


def sleutel_nieuw(a: Aanvraag) -> Response[str]:
    """The secret is on this response only (no redirect: it is stored nowhere, not even for a next page)."""
    sessie, velden = a.formulier(Rol.BEHEER)
    web = a.web
    if not _eerste_keer(a, velden.get("formuliernummer", "")):
        return _sleutels_pagina(a, sessie, 409, {"formulier": _AL_AANGEMAAKT}, _invoer(velden))
    soort, _, bij = velden.get("rol", "").partition(":")
    try:
        verzoek = lees(
            ApiSleutelVerzoek,
            {
                "rol": soort,
                "schuldeiserId": bij if soort == Rol.SCHULDEISER else None,
                "organisatieId": bij if soort == Rol.ORGANISATIE else None,
                "omschrijving": tekst(velden.get("omschrijving")),
            },
        )
        sleutel, geheim = beheer.sleutel_aanmaken(
            web.diensten.context, web.diensten.gebruiksplan, sessie.principal, verzoek
        )
    except OngeldigeInvoer as fout:
        return _sleutels_pagina(a, sessie, 400, _fouten(fout.params, _ROLVELDEN), _invoer(velden))
    return pagina(
        a,
        sessie,
        "beheer_sleutel_nieuw.html",
        201,
        titel="Nieuwe API-sleutel",
        sleutel=sleutel,
        geheim=geheim,
        namen=_namen(*_keuzes(a, sessie)),
    )


def sleutel_intrekken(a: Aanvraag, sleutel_id: str) -> Response[str]:
    """First a page that asks to confirm; revoked when that page's form is sent (`bevestigd`)."""
    sessie, velden = a.formulier(Rol.BEHEER)
    web = a.web
    sleutel = web.diensten.context.repo.sleutel(sleutel_id) if re.fullmatch(SLEUTEL_PATROON, sleutel_id) else None
    if sleutel is None:
        return _niet_gevonden(a, sessie, "Deze API-sleutel bestaat niet.", "/beheer/sleutels")
    if velden.get("bevestigd") != "ja":
        return pagina(
            a,
            sessie,
            "beheer_sleutel_intrekken.html",
            titel="API-sleutel intrekken",
            sleutel=sleutel,
            namen=_namen(*_keuzes(a, sessie)),
        )
    beheer.sleutel_intrekken(web.diensten.context, web.diensten.gebruiksplan, sessie.principal, sleutel_id)
    return http.doorsturen("/beheer/sleutels?gedaan=ingetrokken")


# --- accounts -------------------------------------------------------------------------------------


def _gebruikers_pagina(
    a: Aanvraag, sessie: Sessie, status: int = 200, fouten: Fouten | None = None, invoer: dict[str, str] | None = None
) -> Response[str]:
    d = a.web.diensten
    lijst = _lijst(a, lambda v: gebruikers.lijst(d.gebruikers, sessie.principal, None, v, GEBRUIKERS_PER_PAGINA))
    organisaties, schuldeisers = _keuzes(a, sessie)
    return pagina(
        a,
        sessie,
        "beheer_gebruikers.html",
        status,
        titel="Gebruikers",
        gebruikers=[(g, gebruikers.status(g)) for g in lijst.items],
        volgende=f"?{urlencode({'volgende': lijst.volgende})}" if lijst.volgende else None,
        organisaties=organisaties,
        schuldeisers=schuldeisers,
        namen=_namen(organisaties, schuldeisers),
        fouten=fouten or {},
        invoer=invoer or {},
        melding=_melding(a),
    )


def gebruikers_lijst(a: Aanvraag) -> Response[str]:
    return _gebruikers_pagina(a, _sessie(a))


def gebruiker_uitnodigen(a: Aanvraag) -> Response[str]:
    sessie, velden = a.formulier(Rol.BEHEER)
    d = a.web.diensten
    try:
        verzoek = lees(
            GebruikerVerzoek,
            {
                "email": velden.get("email", "").strip(),
                "naam": velden.get("naam", "").strip(),
                "coordinator": velden.get("coordinator") == "ja",
                **_rol(velden.get("rol", "")),
            },
        )
        gebruikers.uitnodigen(d.context, d.gebruikers, sessie.principal, verzoek)
    except OngeldigeInvoer as fout:
        return _gebruikers_pagina(a, sessie, 400, _fouten(fout.params, _ROLVELDEN), _invoer(velden))
    except Conflict as fout:
        return _gebruikers_pagina(a, sessie, 409, {"email": fout.detail.rstrip(".") + "."}, _invoer(velden))
    return http.doorsturen("/beheer/gebruikers?gedaan=uitgenodigd")


def _account(a: Aanvraag, gebruiker_id: str, actie: Callable[..., object], gedaan: str) -> Response[str]:
    sessie, _ = a.formulier(Rol.BEHEER)
    if not ID.fullmatch(gebruiker_id):
        return _niet_gevonden(a, sessie, "Dit account bestaat niet.", "/beheer/gebruikers")
    try:
        actie(a.web.diensten.gebruikers, sessie.principal, gebruiker_id)
    except NietGevonden:
        return _niet_gevonden(a, sessie, "Dit account bestaat niet.", "/beheer/gebruikers")
    return http.doorsturen(f"/beheer/gebruikers?gedaan={gedaan}")


def gebruiker_uitschakelen(a: Aanvraag, gebruiker_id: str) -> Response[str]:
    return _account(a, gebruiker_id, gebruikers.uitschakelen, "uitgeschakeld")


def gebruiker_inschakelen(a: Aanvraag, gebruiker_id: str) -> Response[str]:
    return _account(a, gebruiker_id, gebruikers.inschakelen, "ingeschakeld")


# --- the audit trail ------------------------------------------------------------------------------


def audittrail(a: Aanvraag) -> Response[str]:
    """A form for a referral's id; with one, its audit lines a page at a time (oldest first)."""
    sessie = _sessie(a)
    gevraagd = (a.event.get_query_string_value("doorverwijzing") or "").strip().lower()
    regels: Sequence[Auditregel] = []
    volgende, fouten, status = None, {}, 200
    if gevraagd and not ID.fullmatch(gevraagd):
        fouten, status = {"doorverwijzing": "Een kenmerk heeft de vorm 3f2b8c1e-0d4a-4c7b-9e61-5a2f0c9d7b13."}, 400
    elif gevraagd:
        try:
            lijst = audit.regels(a.web.diensten.context, sessie.principal, gevraagd, _volgende(a), PER_PAGINA)
        except NietGevonden:
            fouten, status = {"doorverwijzing": "Er is geen doorverwijzing met dit kenmerk."}, 404
        except OngeldigeInvoer:  # a cursor made up, or of another referral
            fouten, status = {"doorverwijzing": "Deze pagina van de audittrail bestaat niet (meer)."}, 400
        else:
            regels = lijst.items
            if lijst.volgende:
                volgende = f"?{urlencode({'doorverwijzing': gevraagd, 'volgende': lijst.volgende})}"
    return pagina(
        a,
        sessie,
        "beheer_audit.html",
        status,
        titel="Audittrail",
        gevraagd=gevraagd,
        eerste=_volgende(a) is None,
        regels=regels,
        volgende=volgende,
        fouten=fouten,
    )
