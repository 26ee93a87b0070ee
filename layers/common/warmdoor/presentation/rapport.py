"""The pilot report as each role sees it, as JSON or as CSV (one row for the whole, one per organisation,
per creditor and per week). A creditor learns of the outcomes only what the disclosure table allows."""

import csv
import io
from collections import Counter
from datetime import date

from warmdoor.domain import rapportage
from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol
from warmdoor.models.responses import Cijfers, Rapport, Uitsplitsing, Weekcijfers
from warmdoor.presentation.spreadsheet import cel

_KOLOMMEN = [
    "aantal",
    "gecontacteerdBinnenTermijn",
    "nogBinnenTermijn",
    "percentageBinnenTermijn",
    "medianeUrenTotContact",
    "contactTermijnVerlopen",
    "ingetrokken",
    "verlengd",
]


def _cijfers(principal: Principal, c: rapportage.Cijfers) -> Cijfers:
    if principal.rol == Rol.SCHULDEISER:
        per_uitkomst: Counter[str] = Counter()
        for code, aantal in c.per_eindresultaat.items():
            per_uitkomst[uitkomst(code).value] += aantal
        per_eindresultaat = dict(per_uitkomst)
    else:
        per_eindresultaat = {code.value: aantal for code, aantal in c.per_eindresultaat.items()}
    return Cijfers(
        aantal=c.aantal,
        gecontacteerdBinnenTermijn=c.gecontacteerd_binnen_termijn,
        nogBinnenTermijn=c.nog_binnen_termijn,
        percentageBinnenTermijn=c.percentage_binnen_termijn,
        medianeUrenTotContact=c.mediane_uren_tot_contact,
        contactTermijnVerlopen=c.escalaties,
        ingetrokken=c.ingetrokken,
        verlengd=c.verlengd,
        perEindresultaat=per_eindresultaat,
    )


def _groepen(principal: Principal, groepen: list[rapportage.Groep]) -> list[Uitsplitsing]:
    return [Uitsplitsing(id=g.id, naam=g.naam, **_cijfers(principal, g.cijfers).model_dump()) for g in groepen]


def _weken(principal: Principal, weken: list[rapportage.Week]) -> list[Weekcijfers]:
    return [
        Weekcijfers(week=w.id, vanaf=w.vanaf, tot=w.tot, **_cijfers(principal, w.cijfers).model_dump()) for w in weken
    ]


def rapport(principal: Principal, r: rapportage.Rapport) -> Rapport:
    return Rapport(
        vanaf=r.vanaf,
        tot=r.tot,
        **_cijfers(principal, r.totaal).model_dump(),
        perOrganisatie=_groepen(principal, r.per_organisatie),
        perSchuldeiser=_groepen(principal, r.per_schuldeiser),
        perWeek=_weken(principal, r.per_week),
    )


def als_csv(rapport: Rapport) -> str:
    """Each row names the days it counts: the period, or for a week the days of it within the period."""
    periode = (rapport.vanaf, rapport.tot)
    rijen: list[tuple[tuple[date, date], str, str, str, Cijfers]] = [(periode, "totaal", "", "", rapport)]
    rijen += [(periode, "organisatie", u.id, u.naam, u) for u in rapport.perOrganisatie]
    rijen += [(periode, "schuldeiser", u.id, u.naam, u) for u in rapport.perSchuldeiser]
    rijen += [((w.vanaf, w.tot), "week", w.week, "", w) for w in rapport.perWeek]
    uitkomsten = sorted({code for *_, cijfers in rijen for code in cijfers.perEindresultaat})
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(
        ["vanaf", "tot", "niveau", "id", "naam", *_KOLOMMEN, *(f"eindresultaat_{c}" for c in uitkomsten)]
    )
    for (vanaf, tot), niveau, ident, naam, cijfers in rijen:
        waarden = cijfers.model_dump()
        rij = [
            vanaf.isoformat(),
            tot.isoformat(),
            niveau,
            ident,
            naam,
            *("" if waarden[k] is None else waarden[k] for k in _KOLOMMEN),
            *(cijfers.perEindresultaat.get(c, 0) for c in uitkomsten),
        ]
        schrijver.writerow([cel(waarde) for waarde in rij])
    return uit.getvalue()
