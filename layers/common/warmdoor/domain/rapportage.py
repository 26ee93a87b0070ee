"""Pilot monitoring: figures over the referrals registered in a period, without personal data.

Computed only from fields that are not personal data (dates, organisation, creditor, municipality,
status, outcome, extensions), so they survive the later deletion of a referral's personal data.
"""

import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta

from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.tijd import AMSTERDAM
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.domain.weergave import contact_termijn_verlopen, terugkoppeling
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Rol, Status
from warmdoor.models.responses import Cijfers, Rapport, Uitsplitsing
from warmdoor.ports import DoorverwijzingFilter

_MAX_DAGEN = 3 * 366


def _cijfers(
    doorverwijzingen: list[Doorverwijzing], nu: datetime, eindresultaat: Callable[[Doorverwijzing], str]
) -> Cijfers:
    binnen = [d for d in doorverwijzingen if d.contactGelegdOp is not None and d.contactGelegdOp <= d.contactUiterlijk]
    uren = [
        (d.contactGelegdOp - d.aangemeldOp).total_seconds() / 3600
        for d in doorverwijzingen
        if d.contactGelegdOp is not None
    ]
    return Cijfers(
        aantal=len(doorverwijzingen),
        gecontacteerdBinnenTermijn=len(binnen),
        percentageBinnenTermijn=round(100 * len(binnen) / len(doorverwijzingen), 1) if doorverwijzingen else None,
        medianeUrenTotContact=round(statistics.median(uren), 1) if uren else None,
        contactTermijnVerlopen=sum(contact_termijn_verlopen(d, nu) for d in doorverwijzingen),
        ingetrokken=sum(d.status == Status.INGETROKKEN for d in doorverwijzingen),
        verlengd=sum(bool(d.verlengingen) for d in doorverwijzingen),
        perEindresultaat=dict(Counter(eindresultaat(d) for d in doorverwijzingen if d.eindresultaat)),
    )


def _groepen(
    doorverwijzingen: list[Doorverwijzing], sleutel: Callable[[Doorverwijzing], tuple[str, str]]
) -> dict[tuple[str, str], list[Doorverwijzing]]:
    groepen: dict[tuple[str, str], list[Doorverwijzing]] = {}
    for d in doorverwijzingen:
        groepen.setdefault(sleutel(d), []).append(d)
    return dict(sorted(groepen.items()))


def rapport(
    principal: Principal, vanaf: date, tot: date, doorverwijzingen: Iterable[Doorverwijzing], nu: datetime
) -> Rapport:
    alle = list(doorverwijzingen)
    if principal.rol == Rol.SCHULDEISER:
        # A creditor learns of its own referrals' outcomes only what the disclosure table allows.
        def eindresultaat(d: Doorverwijzing) -> str:
            uitkomst = terugkoppeling(d)
            return uitkomst.uitkomst.value if uitkomst else ""
    else:

        def eindresultaat(d: Doorverwijzing) -> str:
            return d.eindresultaat.code.value if d.eindresultaat else ""

    def uitsplitsing(sleutel: Callable[[Doorverwijzing], tuple[str, str]]) -> list[Uitsplitsing]:
        return [
            Uitsplitsing(id=i, naam=n, **_cijfers(groep, nu, eindresultaat).model_dump())
            for (i, n), groep in _groepen(alle, sleutel).items()
        ]

    return Rapport(
        vanaf=vanaf,
        tot=tot,
        **_cijfers(alle, nu, eindresultaat).model_dump(),
        perOrganisatie=uitsplitsing(lambda d: (d.organisatieId, d.organisatieNaam)),
        perSchuldeiser=uitsplitsing(lambda d: (d.schuldeiserId, d.schuldeiserNaam)),
    )


def doorverwijzingen_rapport(omg: Omgeving, principal: Principal, vanaf: date, tot: date) -> Rapport:
    """The report over referrals registered from `vanaf` up to and including `tot` (Dutch dates)."""
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
    return rapport(principal, vanaf, tot, omg.repo.aangemeld_tussen(filter, begin, einde), omg.clock.now())
