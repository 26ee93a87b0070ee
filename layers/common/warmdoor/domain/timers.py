"""The timers of a referral: which are pending, keeping the schedules in step, and what firing does."""

from datetime import datetime, timedelta
from enum import StrEnum

from warmdoor.domain import levensloop
from warmdoor.domain.omgeving import Omgeving
from warmdoor.models.entities import Doorverwijzing
from warmdoor.models.enums import Status
from warmdoor.ports import TimerPlanner


class Taak(StrEnum):
    CONTACTTERMIJN = "contacttermijn"
    INCASSOSTOP = "incassostop"
    BEWAARTERMIJN = "bewaartermijn"
    VEGEN = "vegen"


# A schedule for a moment this close is not worth making: the work is done at once instead.
_DIRECT = timedelta(minutes=1)


def openstaand(d: Doorverwijzing) -> dict[Taak, datetime | None]:
    """When each timer of the referral should fire, or None when it has nothing left to do."""
    return {
        Taak.CONTACTTERMIJN: (
            d.contactUiterlijk if d.status == Status.AANGEMELD and d.contactTermijnVerlopenOp is None else None
        ),
        Taak.INCASSOSTOP: (
            d.incassostopTot if d.status != Status.INGETROKKEN and d.incassostopBeeindigdOp is None else None
        ),
        Taak.BEWAARTERMIJN: d.persoonsgegevensVerwijderenOp if d.persoonsgegevensVerwijderdOp is None else None,
    }


_TIMERS = {
    Taak.CONTACTTERMIJN: levensloop.contacttermijn_bewaken,
    Taak.INCASSOSTOP: levensloop.incassostop_bewaken,
    Taak.BEWAARTERMIJN: levensloop.persoonsgegevens_bewaken,
}


def schedule_naam(taak: Taak, doorverwijzing_id: str) -> str:
    return f"{taak.value}-{doorverwijzing_id}"


def bijwerken(omg: Omgeving, doorverwijzing_id: str, planner: TimerPlanner) -> None:
    """Brings the schedules in line with the referral as it is now; safe to repeat for any event."""
    d = omg.repo.doorverwijzing(doorverwijzing_id)
    if d is None:
        return
    nu = omg.clock.now()
    for taak, moment in openstaand(d).items():
        naam = schedule_naam(taak, d.id)
        if moment is None:
            planner.verwijder(naam)
        elif moment <= nu + _DIRECT:
            planner.verwijder(naam)
            uitvoeren(omg, taak, d.id)
        else:
            planner.plan(naam, moment, {"taak": taak.value, "doorverwijzingId": d.id})


def uitvoeren(omg: Omgeving, taak: Taak, doorverwijzing_id: str | None = None) -> int:
    """What a timer does when it fires; returns how many referrals it looked at."""
    if taak == Taak.VEGEN:
        return vegen(omg)
    assert doorverwijzing_id is not None
    _TIMERS[taak](omg, doorverwijzing_id)
    return 1


def vegen(omg: Omgeving) -> int:
    """The daily safety net: does the work of every timer that should have fired but did not."""
    nu = omg.clock.now()
    aantal = 0
    for doorverwijzing_id in omg.repo.met_verlopen_timer(nu):
        for bewaken in _TIMERS.values():
            bewaken(omg, doorverwijzing_id)
        aantal += 1
    return aantal
