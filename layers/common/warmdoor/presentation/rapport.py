"""The pilot report as each role sees it, as JSON or as CSV (one row for the whole, one per organisation
and per creditor). A creditor learns of the outcomes only what the disclosure table allows."""

import csv
import io
from collections import Counter

from warmdoor.domain import rapportage
from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol
from warmdoor.models.responses import Cijfers, Rapport, Uitsplitsing

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


def rapport(principal: Principal, r: rapportage.Rapport) -> Rapport:
    return Rapport(
        vanaf=r.vanaf,
        tot=r.tot,
        **_cijfers(principal, r.totaal).model_dump(),
        perOrganisatie=_groepen(principal, r.per_organisatie),
        perSchuldeiser=_groepen(principal, r.per_schuldeiser),
    )


# A cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def _cel(waarde: object) -> object:
    """Text that a spreadsheet would run as a formula is shown as text instead."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE):
        return "'" + waarde
    return waarde


def als_csv(rapport: Rapport) -> str:
    rijen: list[tuple[str, str, str, Cijfers]] = [("totaal", "", "", rapport)]
    rijen += [("organisatie", u.id, u.naam, u) for u in rapport.perOrganisatie]
    rijen += [("schuldeiser", u.id, u.naam, u) for u in rapport.perSchuldeiser]
    uitkomsten = sorted({code for *_, cijfers in rijen for code in cijfers.perEindresultaat})
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(
        ["vanaf", "tot", "niveau", "id", "naam", *_KOLOMMEN, *(f"eindresultaat_{c}" for c in uitkomsten)]
    )
    for niveau, ident, naam, cijfers in rijen:
        waarden = cijfers.model_dump()
        rij = [
            rapport.vanaf.isoformat(),
            rapport.tot.isoformat(),
            niveau,
            ident,
            naam,
            *("" if waarden[k] is None else waarden[k] for k in _KOLOMMEN),
            *(cijfers.perEindresultaat.get(c, 0) for c in uitkomsten),
        ]
        schrijver.writerow([_cel(waarde) for waarde in rij])
    return uit.getvalue()
