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

from warmdoor.domain import doorverwijzing
from warmdoor.domain.context import Context
from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Eindresultaat, Rol, Status
from warmdoor.ports import DoorverwijzingFilter
from warmdoor.tijd import AMSTERDAM

_MAX_DAGEN = 3 * 366


@dataclass(frozen=True)
class Cijfers:
    aantal: int
    gecontacteerd_binnen_termijn: int
    percentage_binnen_termijn: float | None
    mediane_uren_tot_contact: float | None
    contact_termijn_verlopen: int
    ingetrokken: int
    verlengd: int
    per_eindresultaat: dict[Eindresultaat, int]


@dataclass(frozen=True)
class Groep:
    id: str
    naam: str
    cijfers: Cijfers


@dataclass(frozen=True)
class Rapport:
    vanaf: date
    tot: date
    totaal: Cijfers
    per_organisatie: list[Groep]
    per_schuldeiser: list[Groep]


def cijfers(doorverwijzingen: list[Doorverwijzing], nu: datetime) -> Cijfers:
    binnen = sum(doorverwijzing.contact_binnen_termijn(d) for d in doorverwijzingen)
    uren = [
        (d.contactGelegdOp - d.aangemeldOp).total_seconds() / 3600
        for d in doorverwijzingen
        if d.contactGelegdOp is not None
    ]
    return Cijfers(
        aantal=len(doorverwijzingen),
        gecontacteerd_binnen_termijn=binnen,
        percentage_binnen_termijn=round(100 * binnen / len(doorverwijzingen), 1) if doorverwijzingen else None,
        mediane_uren_tot_contact=round(statistics.median(uren), 1) if uren else None,
        contact_termijn_verlopen=sum(doorverwijzing.contact_termijn_verlopen(d, nu) for d in doorverwijzingen),
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


def doorverwijzingen_rapport(ctx: Context, principal: Principal, vanaf: date, tot: date) -> Rapport:
    """The report over referrals registered from `vanaf` up to and including `tot` (Dutch dates); each
    role over its own."""
    vereis(principal, Handeling.RAADPLEGEN)
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
    )
