"""Pilot monitoring: figures over the referrals registered in a period, without personal data.

Computed only from fields that are not personal data (dates, organisation, creditor, municipality,
status, outcome, extensions), so they survive the later deletion of a referral's personal data. What a
creditor may learn of the outcomes is the presentation's (presentation/rapport.py).
"""

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from warmdoor.domain import doorverwijzing
from warmdoor.domain.context import Context
from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Eindresultaat, Rol, Status
from warmdoor.ports import DoorverwijzingFilter
from warmdoor.tijd import AMSTERDAM, vandaag

_MAX_DAGEN = 3 * 366
# Dates a report can be about: none before WarmDoor, none where the calendar's arithmetic ends.
_EERSTE, _LAATSTE = date(2000, 1, 1), date(2999, 12, 31)

# The pilot's target for the share of people reached within the contact deadline, in percent. The design
# names none; the dashboard draws it beside the shares so a week below it stands out.
DOEL_BINNEN_TERMIJN = 90


@dataclass(frozen=True)
class Cijfers:
    aantal: int
    gecontacteerd_binnen_termijn: int
    nog_binnen_termijn: int
    percentage_binnen_termijn: float | None
    mediane_uren_tot_contact: float | None
    escalaties: int
    ingetrokken: int
    verlengd: int
    per_eindresultaat: dict[Eindresultaat, int]


@dataclass(frozen=True)
class Groep:
    id: str
    naam: str
    cijfers: Cijfers


@dataclass(frozen=True)
class Week:
    """An ISO week ("2026-W48"), counted over the days of it that fall in the report's period."""

    id: str
    vanaf: date
    tot: date
    cijfers: Cijfers


@dataclass(frozen=True)
class Rapport:
    vanaf: date
    tot: date
    totaal: Cijfers
    per_organisatie: list[Groep]
    per_schuldeiser: list[Groep]
    per_week: list[Week]


def afgerond(waarde: float) -> float:
    """One decimal, rounded half up as people expect (1 of 16 is 6.3%), not half to even as round() does."""
    return float(Decimal(str(waarde)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def cijfers(doorverwijzingen: list[Doorverwijzing], nu: datetime) -> Cijfers:
    binnen = sum(doorverwijzing.contact_binnen_termijn(d) for d in doorverwijzingen)
    # Too early to say: not yet reached, deadline not yet passed. Left out of the share reached in time.
    nog = sum(doorverwijzing.nog_binnen_termijn(d, nu) for d in doorverwijzingen)
    beoordeeld = len(doorverwijzingen) - nog
    uren = [
        (d.contactGelegdOp - d.aangemeldOp).total_seconds() / 3600
        for d in doorverwijzingen
        if d.contactGelegdOp is not None
    ]
    return Cijfers(
        aantal=len(doorverwijzingen),
        gecontacteerd_binnen_termijn=binnen,
        nog_binnen_termijn=nog,
        percentage_binnen_termijn=afgerond(100 * binnen / beoordeeld) if beoordeeld else None,
        mediane_uren_tot_contact=afgerond(statistics.median(uren)) if uren else None,
        escalaties=sum(doorverwijzing.geescaleerd(d) for d in doorverwijzingen),
        ingetrokken=sum(d.status == Status.INGETROKKEN for d in doorverwijzingen),
        verlengd=sum(bool(d.verlengingen) for d in doorverwijzingen),
        per_eindresultaat=dict(Counter(d.eindresultaat.code for d in doorverwijzingen if d.eindresultaat)),
    )


def _groepen(
    doorverwijzingen: list[Doorverwijzing], nu: datetime, sleutel: Callable[[Doorverwijzing], tuple[str, str]]
) -> list[Groep]:
    groepen: dict[tuple[str, str], list[Doorverwijzing]] = {}
    for d in doorverwijzingen:
        groepen.setdefault(sleutel(d), []).append(d)
    return [Groep(i, n, cijfers(groep, nu)) for (i, n), groep in sorted(groepen.items())]


def week_id(dag: date) -> str:
    jaar, week, _ = dag.isocalendar()
    return f"{jaar}-W{week:02d}"


def _weken(doorverwijzingen: list[Doorverwijzing], nu: datetime, vanaf: date, tot: date) -> list[Week]:
    """Every week of the period, those without referrals too: a week with none is a figure as well."""
    per_week: dict[str, list[Doorverwijzing]] = {}
    for d in doorverwijzingen:
        per_week.setdefault(week_id(vandaag(d.aangemeldOp)), []).append(d)
    weken = []
    maandag = vanaf - timedelta(days=vanaf.weekday())
    while maandag <= tot:
        ident = week_id(maandag)
        begin, einde = max(maandag, vanaf), min(maandag + timedelta(days=6), tot)
        weken.append(Week(ident, begin, einde, cijfers(per_week.get(ident, []), nu)))
        maandag += timedelta(days=7)
    return weken


def doorverwijzingen_rapport(ctx: Context, principal: Principal, vanaf: date, tot: date) -> Rapport:
    """The report over referrals registered from `vanaf` up to and including `tot` (Dutch dates); each
    role over its own."""
    vereis(principal, Handeling.RAADPLEGEN)
    buiten = [
        InvalidParam(naam, "range", f"Kies een datum tussen {_EERSTE.isoformat()} en {_LAATSTE.isoformat()}")
        for naam, dag in (("vanaf", vanaf), ("tot", tot))
        if not _EERSTE <= dag <= _LAATSTE
    ]
    if buiten:
        raise OngeldigeInvoer(buiten)
    if tot < vanaf:
        raise OngeldigeInvoer([InvalidParam("tot", "minimum", "tot ligt voor vanaf")])
    if (tot - vanaf).days > _MAX_DAGEN:
        raise OngeldigeInvoer([InvalidParam("tot", "maximum", "Een rapport beslaat hoogstens drie jaar")])
    begin = datetime.combine(vanaf, time(), tzinfo=AMSTERDAM)
    einde = datetime.combine(tot + timedelta(days=1), time(), tzinfo=AMSTERDAM)
    filter = DoorverwijzingFilter(
        schuldeiserId=principal.schuldeiserId if principal.rol == Rol.SCHULDEISER else None,
        organisatieId=principal.organisatieId if principal.rol == Rol.ORGANISATIE else None,
    )
    alle = list(ctx.repo.aangemeld_tussen(filter, begin, einde))
    nu = ctx.klok.now()
    return Rapport(
        vanaf=vanaf,
        tot=tot,
        totaal=cijfers(alle, nu),
        per_organisatie=_groepen(alle, nu, lambda d: (d.organisatieId, d.organisatieNaam)),
        per_schuldeiser=_groepen(alle, nu, lambda d: (d.schuldeiserId, d.schuldeiserNaam)),
        per_week=_weken(alle, nu, vanaf, tot),
    )
