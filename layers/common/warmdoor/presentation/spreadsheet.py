"""CSV files people open in a spreadsheet: one dialect, and no cell that a spreadsheet would run."""

import csv
import io
from collections.abc import Iterable, Sequence

# A cell starting with one of these is a formula to a spreadsheet (OWASP, CSV injection).
_FORMULE = ("=", "+", "-", "@", "\t", "\r")


def cel(waarde: object) -> object:
    """Text that a spreadsheet would run as a formula is shown as text instead."""
    if isinstance(waarde, str) and waarde.startswith(_FORMULE):
        return "'" + waarde
    return waarde


def als_csv(rijen: Iterable[Sequence[object]]) -> str:
    """The rows (the header first) as CSV, every cell made safe."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    for rij in rijen:
        schrijver.writerow([cel(waarde) for waarde in rij])
    return uit.getvalue()
