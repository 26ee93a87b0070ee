"""Transitions of a referral after intake. Each is read, decide, conditional write, retried on a race."""

import uuid
from collections.abc import Callable

from warmdoor.domain.errors import Conflict
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.toegang import vereis_rol, zichtbare
from warmdoor.models.entities import Bezorgprobleem, Doorverwijzing, Intrekking, Principal
from warmdoor.models.enums import OPEN_STATUSSEN, Rol, Status
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.requests import IntrekkingVerzoek
from warmdoor.ports import VersieConflict

_POGINGEN = 5

# The system itself (stream consumers, timers) acts with the operator's sight.
SYSTEEM = Principal(sleutelId="systeem", rol=Rol.BEHEER)

Overgang = Callable[[Doorverwijzing], tuple[Doorverwijzing, list[Gebeurtenissoort]]]


def _wijzig(omg: Omgeving, principal: Principal, doorverwijzing_id: str, overgang: Overgang) -> Doorverwijzing:
    for _ in range(_POGINGEN):
        huidig = zichtbare(principal, omg.repo.doorverwijzing(doorverwijzing_id))
        nieuw, soorten = overgang(huidig)
        nieuw = nieuw.model_copy(update={"versie": huidig.versie + 1})
        gebeurtenissen = [
            Gebeurtenis(id=str(uuid.uuid4()), soort=soort, doorverwijzingId=nieuw.id, tijdstip=omg.clock.now())
            for soort in soorten
        ]
        try:
            omg.repo.doorverwijzing_bijwerken(nieuw, gebeurtenissen)
        except VersieConflict:
            continue
        return nieuw
    raise Conflict("De doorverwijzing werd tegelijk door een ander gewijzigd; probeer het opnieuw")


def intrekken(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, verzoek: IntrekkingVerzoek
) -> Doorverwijzing:
    """The creditor withdraws: the organisation is told, the timers stop, the collection stop ends now."""
    vereis_rol(principal, Rol.SCHULDEISER)

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

    return _wijzig(omg, principal, doorverwijzing_id, overgang)


def bezorgprobleem_vastleggen(omg: Omgeving, gebeurtenis: Gebeurtenis, kanaal: str, ontvanger: str) -> None:
    """Records on the referral that a message about it could not be delivered (no address kept)."""
    probleem = Bezorgprobleem.model_validate(
        {"kanaal": kanaal, "ontvanger": ontvanger, "gebeurtenis": gebeurtenis.soort.value, "tijdstip": omg.clock.now()}
    )

    def overgang(d: Doorverwijzing) -> tuple[Doorverwijzing, list[Gebeurtenissoort]]:
        return d.model_copy(update={"bezorgproblemen": [*d.bezorgproblemen, probleem]}), []

    _wijzig(omg, SYSTEEM, gebeurtenis.doorverwijzingId, overgang)
