"""The timers of a referral: keeping their one-time schedules in step with its state, and what firing does.
When each timer is due is the aggregate's (doorverwijzing.timers)."""

from datetime import timedelta

from warmdoor.domain import levensloop
from warmdoor.domain.context import Context
from warmdoor.domain.doorverwijzing import Timer, timers
from warmdoor.ports import TimerPlanner

# The daily sweep's task, beside the referral timers.
VEGEN = "vegen"

# A schedule for a moment this close is not worth making: the work is done at once instead.
_DIRECT = timedelta(minutes=1)

_WERK = {
    Timer.CONTACTTERMIJN: levensloop.contacttermijn_bewaken,
    Timer.INCASSOSTOP: levensloop.incassostop_bewaken,
    Timer.HERINNERING: levensloop.herinnering_bewaken,
    Timer.BEWAARTERMIJN: levensloop.persoonsgegevens_bewaken,
}


def schedule_naam(timer: Timer, doorverwijzing_id: str) -> str:
    return f"{timer.value}-{doorverwijzing_id}"


def invoer(timer: Timer, doorverwijzing_id: str) -> dict[str, str]:
    """What a referral's schedule hands the timer function when it fires."""
    return {"taak": timer.value, "doorverwijzingId": doorverwijzing_id}


def bijwerken(ctx: Context, doorverwijzing_id: str, planner: TimerPlanner) -> None:
    """Brings the schedules in line with the referral as it is now; safe to repeat for any event."""
    d = ctx.repo.doorverwijzing_zonder_persoonsgegevens(doorverwijzing_id)
    if d is None:
        return
    nu = ctx.klok.now()
    # A referral still as it was registered never had a schedule for a timer it has no moment for.
    nooit_gepland = d.versie == 1
    for timer, moment in timers(d).items():
        naam = schedule_naam(timer, d.id)
        if moment is None:
            if not nooit_gepland:
                planner.verwijder(naam)
        elif moment <= nu + _DIRECT:
            planner.verwijder(naam)
            _WERK[timer](ctx, d.id)
        else:
            planner.plan(naam, moment, invoer(timer, d.id))


def uitvoeren(ctx: Context, timer: Timer, doorverwijzing_id: str) -> None:
    """What a timer does when it fires (early, late or twice: it changes nothing twice)."""
    _WERK[timer](ctx, doorverwijzing_id)


def vegen(ctx: Context) -> int:
    """The daily safety net: does the work of every timer that should have fired but did not; returns
    how many referrals it looked at."""
    aantal = 0
    for doorverwijzing_id in ctx.repo.met_verlopen_timer(ctx.klok.now()):
        for werk in _WERK.values():
            werk(ctx, doorverwijzing_id)
        aantal += 1
    return aantal
