"""Transitions of a referral after intake. Each is read, decide, conditional write, retried on a race."""

from collections.abc import Callable
from typing import Any, Literal

from warmdoor.domain import audit, bewaartermijn
from warmdoor.domain.errors import Conflict, InvalidParam, OngeldigeInvoer
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.tijd import KLOKSPELING, dagdeel, lokaal, termijn
from warmdoor.domain.toegang import Handeling, vereis, zichtbare
from warmdoor.models.entities import (
    Bezorgprobleem,
    Contactpoging,
    Doorverwijzing,
    EindresultaatVastgelegd,
    Intrekking,
    Principal,
    Verlenging,
)
from warmdoor.models.enums import OPEN_STATUSSEN, Rol, Status
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.requests import ContactpogingVerzoek, EindresultaatVerzoek, IntrekkingVerzoek, VerlengingVerzoek
from warmdoor.ports import VersieConflict

_POGINGEN = 5
_VERWIJDERD = "persoonsgegevens_verwijderd"

# The system itself (stream consumers, timers) acts with the operator's sight.
SYSTEEM = Principal(sleutelId="systeem", rol=Rol.BEHEER)

Overgang = Callable[[Doorverwijzing], tuple[Doorverwijzing, list[Gebeurtenissoort]]]


def _wijzig(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, actie: str, overgang: Overgang
) -> Doorverwijzing:
    for _ in range(_POGINGEN):
        nu = omg.clock.now()
        huidig = zichtbare(principal, omg.repo.doorverwijzing(doorverwijzing_id))
        if principal != SYSTEEM and bewaartermijn.verstreken(huidig, nu):
            raise Conflict(
                "De bewaartermijn van deze doorverwijzing is verstreken en de persoonsgegevens zijn verwijderd; "
                "hij kan niet meer worden gewijzigd"
            )
        nieuw, soorten = overgang(huidig)
        regels = [audit.regel(omg, principal, doorverwijzing_id, actie)]
        nieuw, verwijderd = bewaartermijn.bijwerken(nieuw, omg.settings.bewaartermijn_dagen, nu)
        if verwijderd:
            # Came due before its own timer fired: this change deletes the personal data as well.
            soorten = [*soorten, Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]
            regels.append(audit.regel(omg, SYSTEEM, doorverwijzing_id, _VERWIJDERD))
        nieuw = nieuw.model_copy(update={"versie": huidig.versie + 1})
        gebeurtenissen = [Gebeurtenis.van(soort, nieuw, nu) for soort in soorten]
        try:
            omg.repo.doorverwijzing_bijwerken(nieuw, gebeurtenissen, regels)
        except VersieConflict:
            continue
        _tel(omg, nieuw, soorten)
        return nieuw
    raise Conflict("De doorverwijzing werd tegelijk door een ander gewijzigd; probeer het opnieuw")


def _tel(omg: Omgeving, d: Doorverwijzing, soorten: list[Gebeurtenissoort]) -> None:
    """One metric per event written, named after it; and whether a contact came within the deadline."""
    for soort in soorten:
        omg.metingen.tel(soort.value)
        if soort == Gebeurtenissoort.CONTACT_GELEGD and d.contactGelegdOp and d.contactGelegdOp <= d.contactUiterlijk:
            omg.metingen.tel("ContactBinnenTermijn")


def intrekken(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, verzoek: IntrekkingVerzoek
) -> Doorverwijzing:
    """The creditor withdraws: the organisation is told, the timers stop, the collection stop ends now."""
    vereis(principal, Handeling.INTREKKEN)

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status not in OPEN_STATUSSEN:
            raise Conflict(f"Een doorverwijzing met status {d.status} kan niet meer worden ingetrokken")
        nu = omg.clock.now()
        ingetrokken = d.model_copy(
            update={
                "status": Status.INGETROKKEN,
                "intrekking": Intrekking(reden=verzoek.reden, toelichting=verzoek.toelichting, tijdstip=nu),
                "incassostopTot": min(d.incassostopTot, nu),
            }
        )
        return ingetrokken, [Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN]

    return _wijzig(omg, principal, doorverwijzing_id, "intrekking", overgang)


def bezorgprobleem_vastleggen(
    omg: Omgeving,
    gebeurtenis: Gebeurtenis,
    kanaal: Literal["email", "sms"],
    ontvanger: str,
    bericht: str,
    reden: Literal["geweigerd", "mislukt"],
) -> None:
    """Records on the referral that a message about it was not delivered (no address kept); once per message."""
    huidig = omg.repo.doorverwijzing(gebeurtenis.doorverwijzingId)
    if huidig is None or any(p.bericht == bericht and p.opgelostOp is None for p in huidig.bezorgproblemen):
        return
    probleem = Bezorgprobleem(
        kanaal=kanaal,
        ontvanger=ontvanger,
        gebeurtenis=gebeurtenis.soort.value,
        tijdstip=omg.clock.now(),
        reden=reden,
        bericht=bericht,
    )

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        return d.model_copy(update={"bezorgproblemen": [*d.bezorgproblemen, probleem]}), []

    _wijzig(omg, SYSTEEM, gebeurtenis.doorverwijzingId, "bezorgprobleem", overgang)


def bezorgprobleem_opgelost(omg: Omgeving, doorverwijzing_id: str, bericht: str) -> None:
    """A message that had failed was sent after all (a replay of the failure queue)."""
    nu = omg.clock.now()

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        problemen = [
            p.model_copy(update={"opgelostOp": nu}) if p.bericht == bericht and p.opgelostOp is None else p
            for p in d.bezorgproblemen
        ]
        return d.model_copy(update={"bezorgproblemen": problemen}), []

    _wijzig(omg, SYSTEEM, doorverwijzing_id, "bezorgprobleem_opgelost", overgang)


def contact_vastleggen(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, verzoek: ContactpogingVerzoek
) -> Doorverwijzing:
    """An attempt to reach the person; the first one that reached them stops the escalation."""
    vereis(principal, Handeling.CONTACT_VASTLEGGEN)
    nu = omg.clock.now()
    if verzoek.tijdstip > nu + KLOKSPELING:
        raise OngeldigeInvoer([InvalidParam("tijdstip", "future", "Het tijdstip ligt in de toekomst")])

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status not in OPEN_STATUSSEN:
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

    return _wijzig(omg, principal, doorverwijzing_id, "contactpoging", overgang)


def eindresultaat_vastleggen(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, verzoek: EindresultaatVerzoek
) -> Doorverwijzing:
    """Closes the referral; the creditor learns only what domain.md's disclosure table allows."""
    vereis(principal, Handeling.AFRONDEN)

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status == Status.AFGEROND:
            raise Conflict("Deze doorverwijzing heeft al een eindresultaat")
        if d.status == Status.INGETROKKEN:
            raise Conflict("Deze doorverwijzing is ingetrokken door de schuldeiser")
        resultaat = EindresultaatVastgelegd(
            code=verzoek.code, toelichting=verzoek.toelichting, tijdstip=omg.clock.now()
        )
        afgerond = d.model_copy(update={"status": Status.AFGEROND, "eindresultaat": resultaat})
        return afgerond, [Gebeurtenissoort.DOORVERWIJZING_AFGEROND]

    return _wijzig(omg, principal, doorverwijzing_id, "eindresultaat", overgang)


def verlengen(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, verzoek: VerlengingVerzoek
) -> Doorverwijzing:
    """Extends the collection stop, up to the configured maximum counted from registration."""
    vereis(principal, Handeling.VERLENGEN)
    nu = omg.clock.now()

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status not in OPEN_STATUSSEN:
            raise Conflict(f"De incassostop van een doorverwijzing met status {d.status} kan niet worden verlengd")
        if d.incassostopTot <= nu:
            raise Conflict("De incassostop is al afgelopen")
        tot = termijn(d.incassostopTot, verzoek.dagen, werkdagen=False)
        uiterst = termijn(d.aangemeldOp, omg.settings.incassostop_max_dagen, werkdagen=False)
        if tot > uiterst:
            raise Conflict(
                f"De incassostop mag hoogstens {omg.settings.incassostop_max_dagen} dagen duren, "
                f"tot {lokaal(uiterst):%Y-%m-%d %H:%M}; verleng met minder dagen"
            )
        verlenging = Verlenging(dagen=verzoek.dagen, reden=verzoek.reden, tijdstip=nu, tot=tot)
        verlengd = d.model_copy(update={"incassostopTot": tot, "verlengingen": [*d.verlengingen, verlenging]})
        return verlengd, [Gebeurtenissoort.INCASSOSTOP_VERLENGD]

    return _wijzig(omg, principal, doorverwijzing_id, "verlenging", overgang)


def contacttermijn_bewaken(omg: Omgeving, doorverwijzing_id: str) -> Doorverwijzing | None:
    """The contact deadline's timer: escalates once if nobody was reached in time and the referral is open.

    A timer that fires early, late, twice, or after the referral changed does nothing wrong.
    """
    nu = omg.clock.now()

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status != Status.AANGEMELD or d.contactTermijnVerlopenOp is not None or nu < d.contactUiterlijk:
            return d, []
        return d.model_copy(update={"contactTermijnVerlopenOp": nu}), [Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN]

    return _wijzig_als_nodig(omg, doorverwijzing_id, "contacttermijn", overgang)


def incassostop_bewaken(omg: Omgeving, doorverwijzing_id: str) -> Doorverwijzing | None:
    """The stop's timer: once it has passed, the stop ends and the creditor is told (once)."""
    nu = omg.clock.now()

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.status == Status.INGETROKKEN or d.incassostopBeeindigdOp is not None or nu < d.incassostopTot:
            return d, []
        return d.model_copy(update={"incassostopBeeindigdOp": nu}), [Gebeurtenissoort.INCASSOSTOP_BEEINDIGD]

    return _wijzig_als_nodig(omg, doorverwijzing_id, "incassostop", overgang)


def persoonsgegevens_bewaken(omg: Omgeving, doorverwijzing_id: str) -> Doorverwijzing | None:
    """The retention timer: once the period is over, the personal data are deleted (once)."""
    nu = omg.clock.now()

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        if d.persoonsgegevensVerwijderdOp is not None or not bewaartermijn.verstreken(d, nu):
            return d, []
        return bewaartermijn.verwijderd(d, nu), [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]

    return _wijzig_als_nodig(omg, doorverwijzing_id, _VERWIJDERD, overgang)


def _wijzig_als_nodig(omg: Omgeving, doorverwijzing_id: str, actie: str, overgang: Overgang) -> Doorverwijzing | None:
    """A system transition that may find nothing to do (then nothing is written)."""
    huidig = omg.repo.doorverwijzing(doorverwijzing_id)
    if huidig is None or not overgang(huidig)[1]:
        return huidig
    return _wijzig(omg, SYSTEEM, doorverwijzing_id, actie, overgang)
