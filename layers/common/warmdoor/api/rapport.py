"""The report as CSV (Accept: text/csv): one row for the whole, one per organisation and per creditor."""

import csv
import io

from warmdoor.models.responses import Cijfers, Rapport

_KOLOMMEN = [
    "aantal",
    "gecontacteerdBinnenTermijn",
    "percentageBinnenTermijn",
    "medianeUrenTotContact",
    "contactTermijnVerlopen",
    "ingetrokken",
    "verlengd",
]


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
