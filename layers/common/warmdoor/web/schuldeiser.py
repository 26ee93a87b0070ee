"""What a creditor's staff's pages do (the routes are in schuldeiserpaginas.py): the referral form for the
phone call, their referrals with what they may learn of each, a withdrawal, and the collection stops as CSV
for the billing team. The form is the API's request and goes through the same intake, so its validation,
routing and idempotency are the API's. Imported at a page's first request, not at the cold start."""

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from aws_lambda_powertools.event_handler import Response

from warmdoor.domain import doorverwijzing as dv
from warmdoor.domain import intake, levensloop, raadplegen
from warmdoor.domain.context import Context
from warmdoor.domain.errors import (
    Conflict,
    GeenDeelnemendeOrganisatie,
    OngeldigeInvoer,
    TegenstrijdigAdres,
)
from warmdoor.models.common import Gemeentecode, Postcode, StrictModel
from warmdoor.models.entities import Doorverwijzing, Organisatie
from warmdoor.models.enums import IntrekkingReden, Rol, Status, Toestemmingskanaal
from warmdoor.models.requests import DoorverwijzingVerzoek, IntrekkingVerzoek
from warmdoor.models.responses import DoorverwijzingVoorSchuldeiser
from warmdoor.presentation.doorverwijzing import voor_schuldeiser
from warmdoor.presentation.opmaak import datum_tijd
from warmdoor.presentation.spreadsheet import als_csv
from warmdoor.tijd import AMSTERDAM, lokaal
from warmdoor.web import http
from warmdoor.web.formulier import Fouten, fouten_van, lees, poging, tekst
from warmdoor.web.omgeving import Aanvraag, Sessie
from warmdoor.web.pagina import id_uit_pad, pagina

PER_PAGINA = 25
# The idempotency key the form carries, as the form makes it; anything else did not come from the form.
_SLEUTEL = re.compile(r"[A-Za-z0-9_-]{32}")
_GEEN_ORGANISATIE = (
    "Geen deelnemende organisatie voor dit adres. Meld deze klant niet aan in WarmDoor: volg het gewone incassoproces."
)
_CONFLICT = {
    "schuldeiserReferentie": "Dit kenmerk is al gebruikt voor een aanmelding met andere gegevens. Controleer het "
    "kenmerk.",
    None: "Dit formulier is al verstuurd, met andere gegevens. Begin een nieuwe aanmelding via Aanmelden.",
}
_GEDAAN = {
    "aangemeld": "De klant is aangemeld.",
    "al-aangemeld": "Deze aanmelding was al verstuurd: er is niets dubbel aangemeld.",
    "intrekking": "De doorverwijzing is ingetrokken. De incassostop is beëindigd.",
}


# --- the referral form -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bestemming:
    """Where a referral for the address typed would go; `organisatie` None: nowhere."""

    organisatie: str | None
    gemeente: str | None
    gemeentecode: str | None = None
    # Shown because "Aanmelden" was pressed before the agent saw where it goes (or it goes elsewhere now).
    eerst_zien: bool = False


def _bestemming(organisatie: Organisatie, gemeentecode: str, eerst_zien: bool = False) -> Bestemming:
    gemeente = next((g.naam for g in organisatie.gemeenten if g.code == gemeentecode), gemeentecode)
    return Bestemming(organisatie.naam, gemeente, gemeentecode, eerst_zien)


class _Adres(StrictModel):
    postcode: Postcode


class _Adrescontrole(StrictModel):
    """The part of the request the routing needs, with the request's own types (and field names)."""

    adres: _Adres
    gemeentecode: Gemeentecode | None = None


def aanmeldformulier(a: Aanvraag) -> Response[str]:
    sessie = a.sessie(Rol.SCHULDEISER)
    nu = lokaal(a.web.diensten.klok.now())
    invoer = {
        # One key per form shown: sending this form again, however often, is the same submission.
        "sleutel": secrets.token_urlsafe(24),
        "toestemming.datum": nu.date().isoformat(),
        "toestemming.tijd": nu.strftime("%H:%M"),
        "toestemming.kanaal": Toestemmingskanaal.TELEFOON.value,
        "toestemming.smsBevestiging": "nee",
    }
    return _formulierpagina(a, sessie, invoer)


def aanmelden(a: Aanvraag) -> Response[str]:
    sessie, velden = a.formulier(Rol.SCHULDEISER)
    ctx = a.web.diensten.context
    invoer = {naam: waarde for naam, waarde in velden.items() if naam not in ("csrf", "actie", "gecontroleerd")}
    if velden.get("actie") == "controleren":
        bestemming, fouten = _controleren(ctx, velden)
        return _formulierpagina(a, sessie, invoer, fouten, bestemming, 400 if fouten else 200)

    sleutel = velden.get("sleutel", "")

    def actie() -> tuple[Doorverwijzing, bool] | Bestemming:
        verzoek = lees(DoorverwijzingVerzoek, _verzoek(velden))
        gemeentecode, organisatie = intake.bestemming(ctx, verzoek.gemeentecode, verzoek.adres.postcode)
        if velden.get("gecontroleerd") != gemeentecode:
            # The agent tells the customer where the referral goes before it is sent: shown first, sent
            # with the next press (the form then says which municipality was seen).
            return _bestemming(organisatie, gemeentecode, eerst_zien=True)
        return intake.aanmelden(ctx, sessie.principal, verzoek, sleutel if _SLEUTEL.fullmatch(sleutel) else None)

    try:
        gedaan, fouten = poging(actie)
        status = 400
    except GeenDeelnemendeOrganisatie:
        gedaan, fouten, status = None, {"adres.postcode": _GEEN_ORGANISATIE}, 422
    except TegenstrijdigAdres as fout:
        gedaan, fouten, status = None, fouten_van(fout.params), 422
    except Conflict as fout:
        veld = fout.veld if fout.veld in _CONFLICT else None
        gedaan, fouten, status = None, {veld or "formulier": _CONFLICT[veld]}, 409
    if gedaan is None:
        return _formulierpagina(a, sessie, invoer, fouten, status=status)
    if isinstance(gedaan, Bestemming):
        return _formulierpagina(a, sessie, invoer, {}, gedaan)
    d, nieuw = gedaan
    return http.doorsturen(f"/mijn-doorverwijzingen/{d.id}?gedaan={'aangemeld' if nieuw else 'al-aangemeld'}")


def _formulierpagina(
    a: Aanvraag,
    sessie: Sessie,
    invoer: dict[str, str],
    fouten: Fouten | None = None,
    bestemming: Bestemming | None = None,
    status: int = 200,
) -> Response[str]:
    gemeenten = a.web.diensten.context.repo.routering().gemeenten
    return pagina(
        a,
        sessie,
        "aanmelden.html",
        status,
        titel="Aanmelden",
        invoer=invoer,
        fouten=fouten or {},
        bestemming=bestemming,
        # The municipality whose routing the agent saw: sending is only done for that one.
        gecontroleerd=bestemming.gemeentecode if bestemming and bestemming.gemeentecode else "",
        geen_organisatie=_GEEN_ORGANISATIE,
        gemeenten=sorted(((g.naam, code) for code, g in gemeenten.items())),
        kanalen=list(Toestemmingskanaal),
    )


def _controleren(ctx: Context, velden: dict[str, str]) -> tuple[Bestemming | None, Fouten]:
    """The intake's routing for the address typed so far (only the postcode and municipality matter)."""
    try:
        adres = lees(
            _Adrescontrole,
            _zonder_leeg(
                {
                    "adres": {"postcode": tekst(velden.get("adres.postcode"))},
                    "gemeentecode": tekst(velden.get("gemeentecode")),
                }
            ),
        )
        gemeentecode, organisatie = intake.bestemming(ctx, adres.gemeentecode, adres.adres.postcode)
    except (OngeldigeInvoer, TegenstrijdigAdres) as fout:
        return None, fouten_van(fout.params)
    except GeenDeelnemendeOrganisatie:
        return Bestemming(None, None), {}
    return _bestemming(organisatie, gemeentecode), {}


def _verzoek(v: dict[str, str]) -> dict[str, Any]:
    """The form's fields (named as the request's, dotted) as the API's request body. An empty field is left
    out, so that a required one is "verplicht" and an optional one absent, as in the API."""

    def veld(naam: str) -> str | None:
        return tekst(v.get(naam))

    client = ("voorletters", "voornaam", "voorvoegsel", "achternaam", "geboortedatum", "telefoonnummer", "email")
    adres = ("straatnaam", "huisnummertoevoeging", "postcode", "plaatsnaam")
    return _zonder_leeg(
        {
            "schuldeiserReferentie": veld("schuldeiserReferentie"),
            "toestemming": {
                "verleend": v.get("toestemming.verleend") == "ja",
                "tijdstip": _toestemmingsmoment(v.get("toestemming.datum", ""), v.get("toestemming.tijd", "")),
                "kanaal": veld("toestemming.kanaal"),
                "smsBevestiging": {"ja": True, "nee": False}.get(v.get("toestemming.smsBevestiging", "")),
            },
            "client": {naam: veld(f"client.{naam}") for naam in client},
            "adres": {
                **{naam: veld(f"adres.{naam}") for naam in adres},
                "huisnummer": _getal(veld("adres.huisnummer")),
            },
            "achterstand": {
                "bedrag": _bedrag(veld("achterstand.bedrag")),
                "ontstaansdatum": veld("achterstand.ontstaansdatum"),
            },
            "gemeentecode": veld("gemeentecode"),
            "toelichting": veld("toelichting"),
        }
    )


def _zonder_leeg(waarden: dict[str, Any]) -> dict[str, Any]:
    return {
        naam: _zonder_leeg(waarde) if isinstance(waarde, dict) else waarde
        for naam, waarde in waarden.items()
        if waarde is not None
    }


def _toestemmingsmoment(datum: str, tijd: str) -> str | None:
    """The start of the minute typed, in the Netherlands. Not formulier.tijdstip, which moves a moment up
    towards now: the same form sent again must give the same moment, or it would be another submission."""
    try:
        moment = datetime.fromisoformat(f"{datum.strip()}T{tijd.strip()}")
    except ValueError:
        return None
    return moment.replace(second=0, microsecond=0, tzinfo=AMSTERDAM).isoformat()


def _getal(waarde: str | None) -> int | str | None:
    """Digits as a number; anything else ("12a", "²") as typed, for the request model to refuse."""
    return int(waarde) if waarde and re.fullmatch(r"[0-9]{1,9}", waarde) else waarde


def _bedrag(waarde: str | None) -> str | None:
    """An amount as people type it here ("€ 1.234,56") in the request's notation ("1234.56")."""
    if waarde is None:
        return None
    bedrag = waarde.replace("€", "").replace(" ", "").replace("\xa0", "")
    if "," in bedrag:
        bedrag = bedrag.replace(".", "").replace(",", ".")
    return bedrag


# --- the creditor's referrals -----------------------------------------------------------------------


@dataclass(frozen=True)
class Rij:
    """A referral as its creditor sees it (voor_schuldeiser, nothing more), with its deadline in words."""

    v: DoorverwijzingVoorSchuldeiser
    termijn: str
    gehaald: bool | None  # the contact deadline was met; None: not (yet) to say


def _rij(d: Doorverwijzing, nu: datetime) -> Rij:
    if dv.contact_binnen_termijn(d):
        assert d.contactGelegdOp is not None
        return Rij(voor_schuldeiser(d, nu), f"Gehaald: contact op {datum_tijd(d.contactGelegdOp)}", True)
    if dv.contact_termijn_verlopen(d, nu):
        return Rij(voor_schuldeiser(d, nu), f"Niet gehaald: uiterlijk {datum_tijd(d.contactUiterlijk)}", False)
    if dv.is_open(d):
        return Rij(voor_schuldeiser(d, nu), f"Loopt: contact uiterlijk {datum_tijd(d.contactUiterlijk)}", None)
    return Rij(voor_schuldeiser(d, nu), "Niet meer nodig", None)


def doorverwijzingen(a: Aanvraag) -> Response[str]:
    sessie = a.sessie(Rol.SCHULDEISER)
    ctx, nu = a.web.diensten.context, a.web.diensten.klok.now()
    gevraagd = a.event.get_query_string_value("status") or ""
    status = Status(gevraagd) if gevraagd in {s.value for s in Status} else None
    volgende = a.event.get_query_string_value("volgende") or None
    filter = {"status": status.value} if status else {}
    try:
        gevonden = raadplegen.doorverwijzingen(ctx, sessie.principal, status, volgende, PER_PAGINA)
    except OngeldigeInvoer:
        # A cursor of another list, or one that expired: the first page.
        return http.doorsturen(f"/mijn-doorverwijzingen?{urlencode(filter)}".rstrip("?"))
    return pagina(
        a,
        sessie,
        "mijn_doorverwijzingen.html",
        titel="Mijn doorverwijzingen",
        rijen=[_rij(d, nu) for d in gevonden.items],
        gekozen=status,
        statussen=list(Status),
        eerste=f"?{urlencode(filter)}" if volgende else None,
        volgende=f"?{urlencode({**filter, 'volgende': gevonden.volgende})}" if gevonden.volgende else None,
    )


def doorverwijzing(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie = a.sessie(Rol.SCHULDEISER)
    d = raadplegen.doorverwijzing_lezen(a.web.diensten.context, sessie.principal, id_uit_pad(doorverwijzing_id))
    gedaan = a.event.get_query_string_value("gedaan") or ""
    return _detailpagina(a, sessie, d, gedaan=gedaan if gedaan in _GEDAAN else None)


def intrekking(a: Aanvraag, doorverwijzing_id: str) -> Response[str]:
    sessie, velden = a.formulier(Rol.SCHULDEISER)
    id_uit_pad(doorverwijzing_id)
    ctx = a.web.diensten.context

    def actie() -> Doorverwijzing:
        verzoek = lees(
            IntrekkingVerzoek,
            _zonder_leeg({"reden": tekst(velden.get("reden")), "toelichting": tekst(velden.get("toelichting"))}),
        )
        return levensloop.intrekken(ctx, sessie.principal, doorverwijzing_id, verzoek)

    try:
        _, fouten = poging(actie)
        status = 400
    except Conflict as fout:
        fouten, status = {"formulier": fout.detail}, 409
    if not fouten:
        return http.doorsturen(f"/mijn-doorverwijzingen/{doorverwijzing_id}?gedaan=intrekking")
    d = raadplegen.doorverwijzing_lezen(ctx, sessie.principal, doorverwijzing_id)
    invoer = {naam: waarde for naam, waarde in velden.items() if naam != "csrf"}
    return _detailpagina(a, sessie, d, status, fouten, invoer)


def _detailpagina(
    a: Aanvraag,
    sessie: Sessie,
    d: Doorverwijzing,
    status: int = 200,
    fouten: Fouten | None = None,
    invoer: dict[str, str] | None = None,
    gedaan: str | None = None,
) -> Response[str]:
    ctx, nu = a.web.diensten.context, a.web.diensten.klok.now()
    rij = _rij(d, nu)
    gemeente = ctx.repo.routering().gemeenten.get(d.gemeentecode)
    return pagina(
        a,
        sessie,
        "mijn_doorverwijzing.html",
        status,
        titel=f"Doorverwijzing {rij.v.schuldeiserReferentie}",
        rij=rij,
        v=rij.v,
        gemeente=gemeente.naam if gemeente else rij.v.gemeentecode,
        open=dv.is_open(d),
        redenen=list(IntrekkingReden),
        fouten=fouten or {},
        invoer=invoer or {},
        gedaan=gedaan,
        melding=_GEDAAN.get(gedaan or ""),
    )


# --- the collection stops for the billing team ---------------------------------------------------------

_CSV_KOLOMMEN = [
    "kenmerk",
    "doorverwijzing",
    "status",
    "aangemeld_op",
    "incassostop_vanaf",
    "incassostop_tot",
    "incassostop_actief",
    "organisatie",
]


def incassostops(a: Aanvraag) -> Response[str]:
    """Every referral of the creditor, newest first, with its stop: times in Dutch local time as a
    spreadsheet reads them ("2026-12-27 10:00")."""
    sessie = a.sessie(Rol.SCHULDEISER)
    ctx, nu = a.web.diensten.context, a.web.diensten.klok.now()
    rijen: list[Sequence[object]] = [_CSV_KOLOMMEN]
    volgende: str | None = None
    while True:
        gevonden = raadplegen.doorverwijzingen(ctx, sessie.principal, None, volgende, 100)
        for d in gevonden.items:
            v = voor_schuldeiser(d, nu)
            rijen.append(
                [
                    v.schuldeiserReferentie,
                    v.id,
                    v.status.value,
                    _moment(v.aangemeldOp),
                    _moment(v.incassostop.vanaf),
                    _moment(v.incassostop.tot),
                    "ja" if v.incassostop.actief else "nee",
                    v.organisatie.naam,
                ]
            )
        volgende = gevonden.volgende
        if volgende is None:
            break
    naam = f"incassostops-{lokaal(nu).date().isoformat()}.csv"
    return Response(
        200,
        "text/csv; charset=utf-8",
        als_csv(rijen),
        {"Content-Disposition": f'attachment; filename="{naam}"', "Cache-Control": "no-store"},
    )


def _moment(moment: datetime) -> str:
    return lokaal(moment).strftime("%Y-%m-%d %H:%M")
