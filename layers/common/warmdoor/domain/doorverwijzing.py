"""The referral aggregate: every rule about one referral's state, dates and personal data, in one place.

Each transition takes the referral and what it needs (the request, the moment, the policy), checks the
rule and returns the new state with the events it causes, or raises the domain error that says why not.
Each predicate is defined here once. The services (intake, levensloop, timers, ...) read, ask this
module, and write; no other module computes a deadline, a status or a retention date.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from warmdoor.domain.errors import Conflict, InvalidParam, OngeldigeInvoer
from warmdoor.domain.termijnen import KLOKSPELING, dagdeel, termijn
from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.models.entities import (
    Bezorgprobleem,
    Contactpoging,
    Doorverwijzing,
    EindresultaatVastgelegd,
    Intrekking,
    Medewerker,
    RouteringOrganisatie,
    Schuldeiser,
    Verlenging,
)
from warmdoor.models.enums import OPEN_STATUSSEN, Contactsoort, Eindresultaat, Status
from warmdoor.models.events import Gebeurtenissoort
from warmdoor.models.requests import (
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    VerlengingVerzoek,
)
from warmdoor.tijd import lokaal, vandaag

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
    toestemming_max_dagen: int = 14


# A final result may be corrected this long after the referral was closed.
CORRECTIETERMIJN = timedelta(days=14)
# The organisation is reminded this long before the personal data of an open referral are erased.
HERINNERING_VOORAF = timedelta(days=30)
_MAXIMALE_LEEFTIJD_JAREN = 130

# Kinds of attempt in which two people talk: only these can reach the person.
GESPREKKEN = frozenset(
    {Contactsoort.TELEFOON, Contactsoort.HUISBEZOEK, Contactsoort.MAIL, Contactsoort.SMS_WHATSAPP, Contactsoort.OVERIGE}
)
# Results that say the person was helped or talked to need an attempt that reached them; "definitively no
# contact" needs none that did.
NA_CONTACT = frozenset(
    {
        Eindresultaat.AL_BEKEND_BIJ_SCHULDHULP,
        Eindresultaat.ANDER_LOPEND_TRAJECT,
        Eindresultaat.GEEN_HULP_GEWENST,
        Eindresultaat.ZELF_OPGELOST,
        Eindresultaat.QUICK_FIX,
        Eindresultaat.VERVOLGHULP_FINANCIEEL,
        Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL,
        Eindresultaat.GEEN_REACTIE_NA_CONTACT,
    }
)
ZONDER_CONTACT = frozenset({Eindresultaat.GEEN_CONTACT})


class Timer(StrEnum):
    """The moments at which a referral's state changes by itself."""

    CONTACTTERMIJN = "contacttermijn"
    INCASSOSTOP = "incassostop"
    HERINNERING = "herinnering"
    BEWAARTERMIJN = "bewaartermijn"


# --- predicates ------------------------------------------------------------------------------------


def is_open(d: Doorverwijzing) -> bool:
    """Not closed with a final result, not withdrawn."""
    return d.status in OPEN_STATUSSEN


def contact_binnen_termijn(d: Doorverwijzing) -> bool:
    """The person was reached at or before the contact deadline."""
    return d.contactGelegdOp is not None and d.contactGelegdOp <= d.contactUiterlijk


def nog_binnen_termijn(d: Doorverwijzing, nu: datetime) -> bool:
    """Nobody was reached yet, and the deadline has not passed: too early to say "in time" or not."""
    return d.contactGelegdOp is None and nu < d.contactUiterlijk


def geescaleerd(d: Doorverwijzing) -> bool:
    """The coordinator was alerted that the deadline passed (a fact, whatever was recorded later)."""
    return d.contactTermijnVerlopenOp is not None


def contact_termijn_verlopen(d: Doorverwijzing, nu: datetime) -> bool:
    """The deadline passed with nobody reached by then, while the referral was still open at that moment
    (so it stays true for a person reached late)."""
    if nu < d.contactUiterlijk or contact_binnen_termijn(d):
        return False
    gesloten = [t for t in (d.intrekking and d.intrekking.tijdstip, d.eindresultaat and d.eindresultaat.tijdstip) if t]
    return not any(t < d.contactUiterlijk for t in gesloten)


def incassostop_actief(d: Doorverwijzing, nu: datetime) -> bool:
    return d.status != Status.INGETROKKEN and nu < d.incassostopTot


def incassostop_uiterst(d: Doorverwijzing, beleid: Beleid) -> datetime:
    """The latest end any extension may give the collection stop."""
    return termijn(d.aangemeldOp, beleid.incassostop_max_dagen, werkdagen=False)


def verlenging_max_dagen(d: Doorverwijzing, beleid: Beleid, nu: datetime) -> int:
    """How many days the stop can still be extended by now (0: not at all)."""
    if d.status == Status.INGETROKKEN or d.incassostopTot <= nu or d.incassostopBeeindigdOp is not None:
        return 0
    return max(0, (incassostop_uiterst(d, beleid) - d.incassostopTot).days)


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
        Timer.HERINNERING: (
            d.persoonsgegevensVerwijderenOp - HERINNERING_VOORAF
            if d.persoonsgegevensVerwijderenOp
            and d.persoonsgegevensVerwijderdOp is None
            and d.herinnerdOp is None
            and is_open(d)
            else None
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


def _vereis_wijzigbaar(d: Doorverwijzing, nu: datetime) -> None:
    """A person may change a referral only while its personal data are kept (closing it is the exception:
    see `afronden`)."""
    if bewaartermijn_verstreken(d, nu):
        raise Conflict(
            "De bewaartermijn van deze doorverwijzing is verstreken en de persoonsgegevens zijn verwijderd; "
            "hij kan niet meer worden gewijzigd"
        )


# --- transitions -----------------------------------------------------------------------------------


def _controleer_aanmelding(verzoek: DoorverwijzingVerzoek, beleid: Beleid, nu: datetime) -> None:
    dag = vandaag(nu)
    fouten = []
    toestemming = verzoek.toestemming.tijdstip
    if toestemming > nu + KLOKSPELING:
        fouten.append(InvalidParam("toestemming.tijdstip", "future", "Het tijdstip ligt in de toekomst"))
    elif toestemming < nu - timedelta(days=beleid.toestemming_max_dagen):
        # A warm referral follows a conversation; consent given long ago is not that.
        reden = f"De toestemming is ouder dan {beleid.toestemming_max_dagen} dagen; vraag haar opnieuw"
        fouten.append(InvalidParam("toestemming.tijdstip", "maximum_age", reden))
    if verzoek.client.geboortedatum >= dag:
        fouten.append(InvalidParam("client.geboortedatum", "future", "De geboortedatum moet in het verleden liggen"))
    elif verzoek.client.geboortedatum.year < dag.year - _MAXIMALE_LEEFTIJD_JAREN:
        fouten.append(InvalidParam("client.geboortedatum", "minimum", "De geboortedatum ligt te ver terug"))
    if verzoek.achterstand.ontstaansdatum > dag:
        fouten.append(InvalidParam("achterstand.ontstaansdatum", "future", "De ontstaansdatum ligt in de toekomst"))
    if fouten:
        raise OngeldigeInvoer(fouten)


def registreren(
    doorverwijzing_id: str,
    verzoek: DoorverwijzingVerzoek,
    inhoud_hash: str,
    schuldeiser: Schuldeiser,
    organisatie: RouteringOrganisatie,
    gemeentecode: str,
    beleid: Beleid,
    nu: datetime,
) -> Overgang:
    """A creditor's warm referral, routed to `organisatie`: its contact deadline (in the organisation's
    working days when so configured) and its collection stop. What the creditor sent must fit the moment."""
    _controleer_aanmelding(verzoek, beleid, nu)
    aangemeld = nu.replace(microsecond=0)  # whole seconds read better and are precise enough
    vrij = frozenset(organisatie.sluitingsdagen)
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
        contactUiterlijk=termijn(aangemeld, beleid.contact_termijn_dagen, beleid.contact_termijn_werkdagen, vrij),
        incassostopTot=termijn(aangemeld, beleid.incassostop_dagen, werkdagen=False),
        toestemming=verzoek.toestemming,
        client=verzoek.client,
        adres=verzoek.adres,
        achterstand=verzoek.achterstand,
        toelichting=verzoek.toelichting,
    )
    return d, [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD]


def contactpoging(d: Doorverwijzing, verzoek: ContactpogingVerzoek, nu: datetime) -> Overgang:
    """An attempt to reach the person. The first contact is the earliest attempt that reached them,
    whatever order attempts are recorded in; the first one recorded stops the escalation."""
    if verzoek.bereikt and verzoek.soort not in GESPREKKEN:
        reden = f"Met een {verzoek.soort.value} bereik je niemand: alleen een gesprek of een antwoord telt"
        raise OngeldigeInvoer([InvalidParam("bereikt", "not_a_conversation", reden)])
    if verzoek.tijdstip > nu + KLOKSPELING:
        raise OngeldigeInvoer([InvalidParam("tijdstip", "future", "Het tijdstip ligt in de toekomst")])
    if not is_open(d):
        raise Conflict(f"Een doorverwijzing met status {d.status} krijgt geen contactpogingen meer")
    _vereis_wijzigbaar(d, nu)
    if verzoek.tijdstip < d.aangemeldOp:
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
    if not verzoek.bereikt:
        return d.model_copy(update=wijziging), []
    eerste = d.contactGelegdOp is None
    wijziging["contactGelegdOp"] = min(filter(None, (d.contactGelegdOp, verzoek.tijdstip)))
    if eerste:
        wijziging["status"] = Status.CONTACT_GELEGD
    return d.model_copy(update=wijziging), [Gebeurtenissoort.CONTACT_GELEGD] if eerste else []


def intrekken(d: Doorverwijzing, verzoek: IntrekkingVerzoek, nu: datetime) -> Overgang:
    """The creditor withdraws: the timers stop and the collection stop ends now."""
    if not is_open(d):
        raise Conflict(f"Een doorverwijzing met status {d.status} kan niet meer worden ingetrokken")
    _vereis_wijzigbaar(d, nu)
    ingetrokken = d.model_copy(
        update={
            "status": Status.INGETROKKEN,
            "intrekking": Intrekking(reden=verzoek.reden, toelichting=verzoek.toelichting, tijdstip=nu),
            "incassostopTot": min(d.incassostopTot, nu),
        }
    )
    return ingetrokken, [Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN]


def _past_bij_geschiedenis(d: Doorverwijzing, code: Eindresultaat) -> None:
    bereikt = d.contactGelegdOp is not None
    if code in NA_CONTACT and not bereikt:
        raise Conflict(f"Eindresultaat {code.value} vraagt een contactpoging waarin de klant is bereikt")
    if code in ZONDER_CONTACT and bereikt:
        raise Conflict(f"Eindresultaat {code.value} past niet: de klant is bereikt")


def afronden(d: Doorverwijzing, verzoek: EindresultaatVerzoek, nu: datetime) -> Overgang:
    """The final result closes the referral; the stop runs on to its end. The same result again changes
    nothing; another one within CORRECTIETERMIJN corrects it (and the creditor is told only when what
    it may learn changes). A referral whose personal data are gone can still be closed, without a note."""
    if d.status == Status.INGETROKKEN:
        raise Conflict("Deze doorverwijzing is ingetrokken door de schuldeiser")
    if verzoek.toelichting and bewaartermijn_verstreken(d, nu):
        reden = "De persoonsgegevens zijn verwijderd; een toelichting kan er niet meer bij"
        raise OngeldigeInvoer([InvalidParam("toelichting", "retention_passed", reden)])
    _past_bij_geschiedenis(d, verzoek.code)
    vorig = d.eindresultaat
    if vorig is None:
        resultaat = EindresultaatVastgelegd(code=verzoek.code, toelichting=verzoek.toelichting, tijdstip=nu)
        afgerond = d.model_copy(update={"status": Status.AFGEROND, "eindresultaat": resultaat})
        return afgerond, [Gebeurtenissoort.DOORVERWIJZING_AFGEROND]
    if (vorig.code, vorig.toelichting) == (verzoek.code, verzoek.toelichting):
        return d, []
    if nu > vorig.tijdstip + CORRECTIETERMIJN:
        dagen = CORRECTIETERMIJN.days
        raise Conflict(f"Een eindresultaat kan tot {dagen} dagen na het afronden worden gecorrigeerd, niet later")
    gecorrigeerd = vorig.model_copy(
        update={"code": verzoek.code, "toelichting": verzoek.toelichting, "gecorrigeerdOp": nu}
    )
    soorten = [Gebeurtenissoort.TERUGKOPPELING_GEWIJZIGD] if uitkomst(verzoek.code) != uitkomst(vorig.code) else []
    return d.model_copy(update={"eindresultaat": gecorrigeerd}), soorten


def verlengen(d: Doorverwijzing, verzoek: VerlengingVerzoek, beleid: Beleid, nu: datetime) -> Overgang:
    """Extends the collection stop while it runs (also after a final result: a debt arrangement may need
    time), never after a withdrawal, by days added to its current end, up to the maximum from registration."""
    if d.status == Status.INGETROKKEN:
        raise Conflict("Deze doorverwijzing is ingetrokken; de incassostop is beëindigd")
    if d.incassostopTot <= nu or d.incassostopBeeindigdOp is not None:
        raise Conflict("De incassostop is al afgelopen")
    _vereis_wijzigbaar(d, nu)
    tot = termijn(d.incassostopTot, verzoek.dagen, werkdagen=False)
    uiterst = incassostop_uiterst(d, beleid)
    if tot > uiterst:
        raise Conflict(
            f"De incassostop mag hoogstens {beleid.incassostop_max_dagen} dagen duren, "
            f"tot {lokaal(uiterst):%Y-%m-%d %H:%M}; verleng met minder dagen"
        )
    verlenging = Verlenging(dagen=verzoek.dagen, reden=verzoek.reden, tijdstip=nu, tot=tot)
    verlengd = d.model_copy(update={"incassostopTot": tot, "verlengingen": [*d.verlengingen, verlenging]})
    return verlengd, [Gebeurtenissoort.INCASSOSTOP_VERLENGD]


def toewijzen(d: Doorverwijzing, aan: Medewerker, nu: datetime) -> Overgang:
    """A caseworker takes the referral on (or a coordinator gives it to one) while it is open; nobody
    outside the organisation is told."""
    if not is_open(d):
        raise Conflict(f"Een doorverwijzing met status {d.status} wordt niet meer toegewezen")
    _vereis_wijzigbaar(d, nu)
    if d.toegewezenAan is not None and d.toegewezenAan.sub == aan.sub:
        return d, []
    return d.model_copy(update={"toegewezenAan": aan}), []


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


def herinneren(d: Doorverwijzing, nu: datetime) -> Overgang:
    """HERINNERING_VOORAF before the personal data of an open referral go, the organisation is reminded
    (once) to record a result."""
    moment = timers(d)[Timer.HERINNERING]
    if moment is None or nu < moment:
        return d, []
    return d.model_copy(update={"herinnerdOp": nu}), [Gebeurtenissoort.BEWAARTERMIJN_HERINNERING]


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
