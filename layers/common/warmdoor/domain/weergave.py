"""What each role may see of a referral: disclosure to creditors happens here and only here."""

from datetime import datetime

from warmdoor.domain.tijd import lokaal
from warmdoor.models.entities import ApiSleutel, Doorverwijzing, Organisatie, Principal, Schuldeiser
from warmdoor.models.enums import Rol, Status
from warmdoor.models.requests import GemeenteInvoer
from warmdoor.models.responses import (
    ApiSleutelWeergave,
    BezorgprobleemWeergave,
    DoorverwijzingVolledig,
    DoorverwijzingVoorSchuldeiser,
    Incassostop,
    IntrekkingWeergave,
    OrganisatieWeergave,
    SchuldeiserWeergave,
    Verwijzing,
)


def _optioneel(moment: datetime | None) -> datetime | None:
    return lokaal(moment) if moment else None


def contact_termijn_verlopen(d: Doorverwijzing, nu: datetime) -> bool:
    """Nobody reached the person before the deadline, while the referral was still open then."""
    if d.contactGelegdOp is not None or nu < d.contactUiterlijk:
        return False
    return d.intrekking is None or d.intrekking.tijdstip >= d.contactUiterlijk


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
        bezorgproblemen=[
            BezorgprobleemWeergave(
                kanaal=p.kanaal, ontvanger=p.ontvanger, gebeurtenis=p.gebeurtenis, tijdstip=lokaal(p.tijdstip)
            )
            for p in d.bezorgproblemen
        ],
    )


def volledig(d: Doorverwijzing, nu: datetime) -> DoorverwijzingVolledig:
    return DoorverwijzingVolledig(
        **voor_schuldeiser(d, nu).model_dump(),
        schuldeiser=Verwijzing(id=d.schuldeiserId, naam=d.schuldeiserNaam),
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
    )


def doorverwijzing(
    principal: Principal, d: Doorverwijzing, nu: datetime
) -> DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser:
    """The organisation sees the referral in full; the creditor and the operator in the creditor's view."""
    if principal.rol == Rol.ORGANISATIE:
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
