"""What each role sees of a referral, for the API and the web pages alike: disclosure to creditors
happens here and only here."""

from datetime import datetime

from warmdoor.domain import doorverwijzing
from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.domain.toegang import ziet_persoonsgegevens
from warmdoor.models.entities import Doorverwijzing, Medewerker, Principal
from warmdoor.models.responses import (
    BezorgprobleemWeergave,
    ContactpogingWeergave,
    DoorverwijzingVolledig,
    DoorverwijzingVoorSchuldeiser,
    EindresultaatWeergave,
    Incassostop,
    IntrekkingWeergave,
    MedewerkerWeergave,
    Terugkoppeling,
    VerlengingWeergave,
    Verwijzing,
)
from warmdoor.tijd import lokaal


def optioneel(moment: datetime | None) -> datetime | None:
    return lokaal(moment) if moment else None


def medewerker(m: Medewerker | None) -> MedewerkerWeergave | None:
    return MedewerkerWeergave(sub=m.sub, gebruikersnaam=m.gebruikersnaam, naam=m.naam) if m else None


def terugkoppeling(d: Doorverwijzing) -> Terugkoppeling | None:
    if d.eindresultaat is None:
        return None
    return Terugkoppeling(uitkomst=uitkomst(d.eindresultaat.code), afgerondOp=lokaal(d.eindresultaat.tijdstip))


def voor_schuldeiser(d: Doorverwijzing, nu: datetime) -> DoorverwijzingVoorSchuldeiser:
    return DoorverwijzingVoorSchuldeiser(
        id=d.id,
        schuldeiserReferentie=d.schuldeiserReferentie,
        status=d.status,
        aangemeldOp=lokaal(d.aangemeldOp),
        contactUiterlijk=lokaal(d.contactUiterlijk),
        contactGelegdOp=optioneel(d.contactGelegdOp),
        contactTermijnVerlopen=doorverwijzing.contact_termijn_verlopen(d, nu),
        organisatie=Verwijzing(id=d.organisatieId, naam=d.organisatieNaam),
        gemeentecode=d.gemeentecode,
        incassostop=Incassostop(
            vanaf=lokaal(d.aangemeldOp),
            tot=lokaal(d.incassostopTot),
            actief=doorverwijzing.incassostop_actief(d, nu),
        ),
        ingetrokkenOp=optioneel(d.intrekking.tijdstip if d.intrekking else None),
        terugkoppeling=terugkoppeling(d),
        bezorgproblemen=[
            BezorgprobleemWeergave(
                kanaal=p.kanaal,
                ontvanger=p.ontvanger,
                gebeurtenis=p.gebeurtenis,
                tijdstip=lokaal(p.tijdstip),
                reden=p.reden,
                opgelostOp=optioneel(p.opgelostOp),
            )
            for p in d.bezorgproblemen
        ],
        persoonsgegevensVerwijderdOp=optioneel(d.persoonsgegevensVerwijderdOp),
    )


def volledig(d: Doorverwijzing, nu: datetime) -> DoorverwijzingVolledig:
    return DoorverwijzingVolledig(
        **voor_schuldeiser(d, nu).model_dump(),
        schuldeiser=Verwijzing(id=d.schuldeiserId, naam=d.schuldeiserNaam),
        persoonsgegevensBewaardTot=optioneel(d.persoonsgegevensVerwijderenOp),
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
        toegewezenAan=medewerker(d.toegewezenAan),
    )


def weergave(
    principal: Principal, d: Doorverwijzing, nu: datetime
) -> DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser:
    """The organisation sees the referral in full; the creditor and the operator in the creditor's view."""
    if ziet_persoonsgegevens(principal):
        return volledig(d, nu)
    return voor_schuldeiser(d, nu)
