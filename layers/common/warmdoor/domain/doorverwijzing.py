"""The referral aggregate: every rule about one referral's state, dates and personal data, in one place.

Each transition takes the referral and what it needs (the request, the moment, the policy), checks the
rule and returns the new state with the events it causes, or raises the domain error that says why not.
Each predicate is defined here once. The services (intake, levensloop, timers, ...) read, ask this
module, and write; no other module computes a deadline, a status or a retention date.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from warmdoor.domain.errors import Conflict, InvalidParam, OngeldigeInvoer
from warmdoor.domain.termijnen import KLOKSPELING, dagdeel, termijn
from warmdoor.models.entities import (
    Bezorgprobleem,
    Contactpoging,
    Doorverwijzing,
    EindresultaatVastgelegd,
    Intrekking,
    Organisatie,
    Schuldeiser,
    Verlenging,
)
from warmdoor.models.enums import OPEN_STATUSSEN, Status
from warmdoor.models.events import Gebeurtenissoort
from warmdoor.models.requests import (
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    VerlengingVerzoek,
)
from warmdoor.tijd import lokaal

# The new state and the events the transition causes (none: nothing happened that anyone is told of).
Overgang = tuple[Doorverwijzing, list[Gebeurtenissoort]]


@dataclass(frozen=True)
class Beleid:
    """What a deployment decides (template parameters); the rules below apply it."""

    contact_termijn_dagen: int = 3
    contact_termijn_werkdagen: bool = False
    incassostop_dagen: int = 30
    incassostop_max_dagen: int = 90
    bewaartermijn_dagen: int = 183


class Timer(StrEnum):
    """The moments at which a referral's state changes by itself."""

    CONTACTTERMIJN = "contacttermijn"
    INCASSOSTOP = "incassostop"
    BEWAARTERMIJN = "bewaartermijn"


# --- predicates ------------------------------------------------------------------------------------


def is_open(d: Doorverwijzing) -> bool:
    """Not closed with a final result, not withdrawn."""
    return d.status in OPEN_STATUSSEN


def contact_binnen_termijn(d: Doorverwijzing) -> bool:
    """The person was reached at or before the contact deadline."""
    return d.contactGelegdOp is not None and d.contactGelegdOp <= d.contactUiterlijk


def contact_termijn_verlopen(d: Doorverwijzing, nu: datetime) -> bool:
    """The deadline passed with nobody reached by then, while the referral was still open at that moment
    (so it stays true for a person reached late)."""
    if nu < d.contactUiterlijk or contact_binnen_termijn(d):
        return False
    gesloten = [t for t in (d.intrekking and d.intrekking.tijdstip, d.eindresultaat and d.eindresultaat.tijdstip) if t]
    return not any(t < d.contactUiterlijk for t in gesloten)


def incassostop_actief(d: Doorverwijzing, nu: datetime) -> bool:
    return d.status != Status.INGETROKKEN and nu < d.incassostopTot


def einde(d: Doorverwijzing) -> datetime | None:
    """When the referral ended: withdrawn, closed, or (still open) its collection stop expired."""
    if d.intrekking:
        return d.intrekking.tijdstip
    if d.eindresultaat:
        return d.eindresultaat.tijdstip
    return d.incassostopTot if d.incassostopBeeindigdOp else None


def bewaartermijn_verstreken(d: Doorverwijzing, nu: datetime) -> bool:
    """The personal data are gone, or their time has come (whether or not anything deleted them yet)."""
    tot = d.persoonsgegevensVerwijderenOp
    return d.persoonsgegevensVerwijderdOp is not None or (tot is not None and nu >= tot)


def timers(d: Doorverwijzing) -> dict[Timer, datetime | None]:
    """When each timer should fire, or None when it has nothing left to do."""
    return {
        Timer.CONTACTTERMIJN: (
            d.contactUiterlijk if d.status == Status.AANGEMELD and d.contactTermijnVerlopenOp is None else None
        ),
        Timer.INCASSOSTOP: (
            d.incassostopTot if d.status != Status.INGETROKKEN and d.incassostopBeeindigdOp is None else None
        ),
        Timer.BEWAARTERMIJN: d.persoonsgegevensVerwijderenOp if d.persoonsgegevensVerwijderdOp is None else None,
    }


def volgende_timer(d: Doorverwijzing) -> datetime | None:
    """The first moment a timer is due (what the daily sweep looks for), or None."""
    momenten = [moment for moment in timers(d).values() if moment is not None]
    return min(momenten) if momenten else None


def zoals_nu(d: Doorverwijzing, nu: datetime) -> Doorverwijzing:
    """The referral as anyone may read it now: personal data past their time are gone, whether or not
    DynamoDB's TTL or the retention timer has deleted them yet."""
    if d.persoonsgegevensVerwijderdOp is None and bewaartermijn_verstreken(d, nu):
        assert d.persoonsgegevensVerwijderenOp is not None
        return _gewist(d, d.persoonsgegevensVerwijderenOp)
    return d


def vereis_wijzigbaar(d: Doorverwijzing, nu: datetime) -> None:
    """A person may change a referral only while its personal data are kept."""
    if bewaartermijn_verstreken(d, nu):
        raise Conflict(
            "De bewaartermijn van deze doorverwijzing is verstreken en de persoonsgegevens zijn verwijderd; "
            "hij kan niet meer worden gewijzigd"
        )


# --- transitions -----------------------------------------------------------------------------------


def registreren(
    doorverwijzing_id: str,
    verzoek: DoorverwijzingVerzoek,
    inhoud_hash: str,
    schuldeiser: Schuldeiser,
    organisatie: Organisatie,
    gemeentecode: str,
    beleid: Beleid,
    nu: datetime,
) -> Overgang:
    """A creditor's warm referral, routed to `organisatie`: its contact deadline and its collection stop."""
    aangemeld = nu.replace(microsecond=0)  # whole seconds read better and are precise enough
    d = Doorverwijzing(
        id=doorverwijzing_id,
        schuldeiserId=schuldeiser.id,
        schuldeiserNaam=schuldeiser.naam,
        schuldeiserReferentie=verzoek.schuldeiserReferentie,
        inhoudHash=inhoud_hash,
        organisatieId=organisatie.id,
        organisatieNaam=organisatie.naam,
        gemeentecode=gemeentecode,
        status=Status.AANGEMELD,
        aangemeldOp=aangemeld,
        contactUiterlijk=termijn(aangemeld, beleid.contact_termijn_dagen, beleid.contact_termijn_werkdagen),
        incassostopTot=termijn(aangemeld, beleid.incassostop_dagen, werkdagen=False),
        toestemming=verzoek.toestemming,
        client=verzoek.client,
        adres=verzoek.adres,
        achterstand=verzoek.achterstand,
        toelichting=verzoek.toelichting,
    )
    return d, [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD]


def contactpoging(d: Doorverwijzing, verzoek: ContactpogingVerzoek, nu: datetime) -> Overgang:
    """An attempt to reach the person; the first one that reached them stops the escalation."""
    if verzoek.tijdstip > nu + KLOKSPELING:
        raise OngeldigeInvoer([InvalidParam("tijdstip", "future", "Het tijdstip ligt in de toekomst")])
    if not is_open(d):
        raise Conflict(f"Een doorverwijzing met status {d.status} krijgt geen contactpogingen meer")
    if verzoek.tijdstip < d.aangemeldOp - KLOKSPELING:
        raise OngeldigeInvoer([InvalidParam("tijdstip", "minimum", "Het tijdstip ligt voor de aanmelding")])
    poging = Contactpoging(
        soort=verzoek.soort,
        bereikt=verzoek.bereikt,
        tijdstip=verzoek.tijdstip,
        dagdeel=dagdeel(verzoek.tijdstip),
        toelichting=verzoek.toelichting,
        vastgelegdOp=nu,
    )
    wijziging: dict[str, Any] = {"contactpogingen": [*d.contactpogingen, poging]}
    if verzoek.bereikt and d.contactGelegdOp is None:
        wijziging |= {"contactGelegdOp": verzoek.tijdstip, "status": Status.CONTACT_GELEGD}
        return d.model_copy(update=wijziging), [Gebeurtenissoort.CONTACT_GELEGD]
    return d.model_copy(update=wijziging), []


def intrekken(d: Doorverwijzing, verzoek: IntrekkingVerzoek, nu: datetime) -> Overgang:
    """The creditor withdraws: the timers stop and the collection stop ends now."""
    if not is_open(d):
        raise Conflict(f"Een doorverwijzing met status {d.status} kan niet meer worden ingetrokken")
    ingetrokken = d.model_copy(
        update={
            "status": Status.INGETROKKEN,
            "intrekking": Intrekking(reden=verzoek.reden, toelichting=verzoek.toelichting, tijdstip=nu),
            "incassostopTot": min(d.incassostopTot, nu),
        }
    )
    return ingetrokken, [Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN]


def afronden(d: Doorverwijzing, verzoek: EindresultaatVerzoek, nu: datetime) -> Overgang:
    """The final result closes the referral; the stop runs on to its end."""
    if d.status == Status.AFGEROND:
        raise Conflict("Deze doorverwijzing heeft al een eindresultaat")
    if d.status == Status.INGETROKKEN:
        raise Conflict("Deze doorverwijzing is ingetrokken door de schuldeiser")
    resultaat = EindresultaatVastgelegd(code=verzoek.code, toelichting=verzoek.toelichting, tijdstip=nu)
    afgerond = d.model_copy(update={"status": Status.AFGEROND, "eindresultaat": resultaat})
    return afgerond, [Gebeurtenissoort.DOORVERWIJZING_AFGEROND]


def verlengen(d: Doorverwijzing, verzoek: VerlengingVerzoek, beleid: Beleid, nu: datetime) -> Overgang:
    """Extends the collection stop by days added to its current end, up to the maximum from registration."""
    if not is_open(d):
        raise Conflict(f"De incassostop van een doorverwijzing met status {d.status} kan niet worden verlengd")
    if d.incassostopTot <= nu:
        raise Conflict("De incassostop is al afgelopen")
    tot = termijn(d.incassostopTot, verzoek.dagen, werkdagen=False)
    uiterst = termijn(d.aangemeldOp, beleid.incassostop_max_dagen, werkdagen=False)
    if tot > uiterst:
        raise Conflict(
            f"De incassostop mag hoogstens {beleid.incassostop_max_dagen} dagen duren, "
            f"tot {lokaal(uiterst):%Y-%m-%d %H:%M}; verleng met minder dagen"
        )
    verlenging = Verlenging(dagen=verzoek.dagen, reden=verzoek.reden, tijdstip=nu, tot=tot)
    verlengd = d.model_copy(update={"incassostopTot": tot, "verlengingen": [*d.verlengingen, verlenging]})
    return verlengd, [Gebeurtenissoort.INCASSOSTOP_VERLENGD]


def contacttermijn_bewaken(d: Doorverwijzing, nu: datetime) -> Overgang:
    """Escalates once if nobody was reached by the deadline and the referral is still open; a timer that
    fires early, late, twice, or after the referral changed causes nothing."""
    if d.status != Status.AANGEMELD or d.contactTermijnVerlopenOp is not None or nu < d.contactUiterlijk:
        return d, []
    return d.model_copy(update={"contactTermijnVerlopenOp": nu}), [Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN]


def incassostop_bewaken(d: Doorverwijzing, nu: datetime) -> Overgang:
    """Once the stop has passed, it ends (once); a withdrawal ended it already."""
    if d.status == Status.INGETROKKEN or d.incassostopBeeindigdOp is not None or nu < d.incassostopTot:
        return d, []
    return d.model_copy(update={"incassostopBeeindigdOp": nu}), [Gebeurtenissoort.INCASSOSTOP_BEEINDIGD]


def _gewist(d: Doorverwijzing, moment: datetime) -> Doorverwijzing:
    return d.zonder_persoonsgegevens().model_copy(update={"persoonsgegevensVerwijderdOp": moment})


def persoonsgegevens_bewaken(d: Doorverwijzing, nu: datetime) -> Overgang:
    """Once the retention period is over, the personal data are erased (once)."""
    if d.persoonsgegevensVerwijderdOp is not None or not bewaartermijn_verstreken(d, nu):
        return d, []
    return _gewist(d, nu), [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]


def bewaartermijn_bijwerken(d: Doorverwijzing, beleid: Beleid, nu: datetime) -> Overgang:
    """After every change: the personal data are kept `bewaartermijn_dagen` after the referral ended, and
    erased by the change that finds that moment past (before its own timer fired)."""
    if d.persoonsgegevensVerwijderdOp is not None:
        return d, []
    geeindigd = einde(d)
    tot = termijn(geeindigd, beleid.bewaartermijn_dagen, werkdagen=False) if geeindigd else None
    d = d.model_copy(update={"persoonsgegevensVerwijderenOp": tot})
    if tot is None or nu < tot:
        return d, []
    return _gewist(d, nu), [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]


def bezorgprobleem_vastleggen(d: Doorverwijzing, probleem: Bezorgprobleem) -> Overgang:
    """A message that did not go out, once per message (while an earlier one of it is not resolved)."""
    if any(p.bericht == probleem.bericht and p.opgelostOp is None for p in d.bezorgproblemen):
        return d, []
    return d.model_copy(update={"bezorgproblemen": [*d.bezorgproblemen, probleem]}), []


def heeft_open_bezorgprobleem(d: Doorverwijzing, bericht: str) -> bool:
    return any(p.bericht == bericht and p.reden == "mislukt" and p.opgelostOp is None for p in d.bezorgproblemen)


def bezorgprobleem_opgelost(d: Doorverwijzing, bericht: str, nu: datetime) -> Overgang:
    """A message that had failed went out after all."""
    problemen = [
        p.model_copy(update={"opgelostOp": nu}) if p.bericht == bericht and p.opgelostOp is None else p
        for p in d.bezorgproblemen
    ]
    return d.model_copy(update={"bezorgproblemen": problemen}), []
