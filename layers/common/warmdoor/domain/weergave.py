"""What each role may see of a referral: disclosure to creditors happens here and only here."""

from datetime import datetime

from warmdoor.domain.tijd import lokaal
from warmdoor.domain.toegang import ziet_persoonsgegevens
from warmdoor.models.entities import ApiSleutel, Doorverwijzing, Organisatie, Principal, Schuldeiser
from warmdoor.models.enums import Eindresultaat, Status, Terugkoppelingsuitkomst
from warmdoor.models.requests import GemeenteInvoer
from warmdoor.models.responses import (
    ApiSleutelWeergave,
    BezorgprobleemWeergave,
    ContactpogingWeergave,
    DoorverwijzingVolledig,
    DoorverwijzingVoorSchuldeiser,
    EindresultaatWeergave,
    Incassostop,
    IntrekkingWeergave,
    OrganisatieWeergave,
    SchuldeiserWeergave,
    Terugkoppeling,
    VerlengingWeergave,
    Verwijzing,
)


def _optioneel(moment: datetime | None) -> datetime | None:
    return lokaal(moment) if moment else None


_TERUGKOPPELING = {
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: Terugkoppelingsuitkomst.NIET_OPGEPAKT_HERHAALDE_MELDING,
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT_SIGNAAL: Terugkoppelingsuitkomst.NIET_OPGEPAKT_ONTERECHT_SIGNAAL,
    Eindresultaat.OVERLEDEN: Terugkoppelingsuitkomst.OVERLEDEN,
    Eindresultaat.GEEN_INWONER: Terugkoppelingsuitkomst.GEEN_INWONER,
    # Unlawful stay, detention, safety list...: the creditor learns only that it was not taken up.
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: Terugkoppelingsuitkomst.NIET_OPGEPAKT,
    Eindresultaat.AL_BEKEND_BIJ_SCHULDHULP: Terugkoppelingsuitkomst.HULP_LOOPT_AL,
    Eindresultaat.ANDER_LOPEND_TRAJECT: Terugkoppelingsuitkomst.HULP_LOOPT_AL,
    Eindresultaat.GEEN_CONTACT: Terugkoppelingsuitkomst.GEEN_CONTACT,
    Eindresultaat.GEEN_REACTIE_NA_CONTACT: Terugkoppelingsuitkomst.GEEN_CONTACT,
    Eindresultaat.GEEN_HULP_GEWENST: Terugkoppelingsuitkomst.GEEN_HULP_GEWENST,
    Eindresultaat.ZELF_OPGELOST: Terugkoppelingsuitkomst.OPGELOST,
    Eindresultaat.QUICK_FIX: Terugkoppelingsuitkomst.OPGELOST,
    Eindresultaat.VERVOLGHULP_FINANCIEEL: Terugkoppelingsuitkomst.VERVOLGHULP,
    Eindresultaat.VERWIJZING_ZONDER_CONTACT: Terugkoppelingsuitkomst.VERVOLGHULP,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: Terugkoppelingsuitkomst.VERVOLGHULP,
}


def uitkomst(code: Eindresultaat) -> Terugkoppelingsuitkomst:
    """What the creditor may learn of a final result."""
    return _TERUGKOPPELING[code]


def terugkoppeling(d: Doorverwijzing) -> Terugkoppeling | None:
    if d.eindresultaat is None:
        return None
    return Terugkoppeling(uitkomst=uitkomst(d.eindresultaat.code), afgerondOp=lokaal(d.eindresultaat.tijdstip))


def contact_termijn_verlopen(d: Doorverwijzing, nu: datetime) -> bool:
    """The deadline passed with nobody reached by then, while the referral was still open at that moment."""
    if nu < d.contactUiterlijk or (d.contactGelegdOp is not None and d.contactGelegdOp <= d.contactUiterlijk):
        return False
    gesloten = [t for t in (d.intrekking and d.intrekking.tijdstip, d.eindresultaat and d.eindresultaat.tijdstip) if t]
    return not any(t < d.contactUiterlijk for t in gesloten)


def voor_schuldeiser(d: Doorverwijzing, nu: datetime) -> DoorverwijzingVoorSchuldeiser:
    return DoorverwijzingVoorSchuldeiser(
        id=d.id,
        schuldeiserReferentie=d.schuldeiserReferentie,
        status=d.status,
        aangemeldOp=lokaal(d.aangemeldOp),
        contactUiterlijk=lokaal(d.contactUiterlijk),
        contactGelegdOp=_optioneel(d.contactGelegdOp),
        contactTermijnVerlopen=contact_termijn_verlopen(d, nu),
        organisatie=Verwijzing(id=d.organisatieId, naam=d.organisatieNaam),
        gemeentecode=d.gemeentecode,
        incassostop=Incassostop(
            vanaf=lokaal(d.aangemeldOp),
            tot=lokaal(d.incassostopTot),
            actief=d.status != Status.INGETROKKEN and nu < d.incassostopTot,
        ),
        ingetrokkenOp=_optioneel(d.intrekking.tijdstip if d.intrekking else None),
        terugkoppeling=terugkoppeling(d),
        bezorgproblemen=[
            BezorgprobleemWeergave(
                kanaal=p.kanaal,
                ontvanger=p.ontvanger,
                gebeurtenis=p.gebeurtenis,
                tijdstip=lokaal(p.tijdstip),
                reden=p.reden,
                opgelostOp=_optioneel(p.opgelostOp),
            )
            for p in d.bezorgproblemen
        ],
        persoonsgegevensVerwijderdOp=_optioneel(d.persoonsgegevensVerwijderdOp),
    )


def volledig(d: Doorverwijzing, nu: datetime) -> DoorverwijzingVolledig:
    return DoorverwijzingVolledig(
        **voor_schuldeiser(d, nu).model_dump(),
        schuldeiser=Verwijzing(id=d.schuldeiserId, naam=d.schuldeiserNaam),
        persoonsgegevensBewaardTot=_optioneel(d.persoonsgegevensVerwijderenOp),
        toestemming=d.toestemming,
        client=d.client,
        adres=d.adres,
        achterstand=d.achterstand,
        toelichting=d.toelichting,
        intrekking=(
            IntrekkingWeergave(
                reden=d.intrekking.reden,
                toelichting=d.intrekking.toelichting,
                tijdstip=lokaal(d.intrekking.tijdstip),
            )
            if d.intrekking
            else None
        ),
        contactpogingen=[
            ContactpogingWeergave(
                soort=p.soort,
                bereikt=p.bereikt,
                tijdstip=lokaal(p.tijdstip),
                dagdeel=p.dagdeel,
                toelichting=p.toelichting,
            )
            for p in d.contactpogingen
        ],
        eindresultaat=(
            EindresultaatWeergave(
                code=d.eindresultaat.code,
                toelichting=d.eindresultaat.toelichting,
                tijdstip=lokaal(d.eindresultaat.tijdstip),
            )
            if d.eindresultaat
            else None
        ),
        verlengingen=[
            VerlengingWeergave(dagen=v.dagen, reden=v.reden, tijdstip=lokaal(v.tijdstip), tot=lokaal(v.tot))
            for v in d.verlengingen
        ],
    )


def doorverwijzing(
    principal: Principal, d: Doorverwijzing, nu: datetime
) -> DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser:
    """The organisation sees the referral in full; the creditor and the operator in the creditor's view."""
    if ziet_persoonsgegevens(principal):
        return volledig(d, nu)
    return voor_schuldeiser(d, nu)


def organisatie(o: Organisatie) -> OrganisatieWeergave:
    return OrganisatieWeergave(
        id=o.id,
        naam=o.naam,
        email=o.email,
        escalatieEmail=o.escalatieEmail,
        smsNummers=o.smsNummers,
        emailZonderPersoonsgegevens=o.emailZonderPersoonsgegevens,
        gemeenten=[GemeenteInvoer(code=g.code, naam=g.naam, postcodegebieden=g.postcodegebieden) for g in o.gemeenten],
    )


def schuldeiser(s: Schuldeiser) -> SchuldeiserWeergave:
    return SchuldeiserWeergave(id=s.id, naam=s.naam, type=s.type, email=s.email)


def sleutel(k: ApiSleutel) -> ApiSleutelWeergave:
    return ApiSleutelWeergave(
        id=k.id,
        rol=k.rol,
        schuldeiserId=k.schuldeiserId,
        organisatieId=k.organisatieId,
        omschrijving=k.omschrijving,
        aangemaaktOp=lokaal(k.aangemaaktOp),
        ingetrokkenOp=_optioneel(k.ingetrokkenOp),
    )
