"""Periods the Dutch way: a number of calendar or working days after a moment, at the same wall-clock
time; parts of the day as the VNG information model names them. Arithmetic only: which period applies
to what is decided in the referral aggregate (domain/doorverwijzing.py)."""

from collections.abc import Container
from datetime import date, datetime, timedelta
from functools import cache

from warmdoor.models.enums import Dagdeel
from warmdoor.tijd import AMSTERDAM, lokaal

# How far a caller's clock may run ahead of ours before a moment counts as "in the future".
KLOKSPELING = timedelta(minutes=5)


@cache
def _feestdagen(jaar: int) -> Container[date]:
    import holidays  # only deadlines in working days need it; it is a large import

    return holidays.country_holidays("NL", years=jaar)


def is_werkdag(dag: date) -> bool:
    return dag.weekday() < 5 and dag not in _feestdagen(dag.year)


def termijn(vanaf: datetime, dagen: int, werkdagen: bool) -> datetime:
    """`dagen` calendar or working days after `vanaf`, at the same Dutch wall-clock time.

    Counted in local time, so a deadline across a DST change still falls at the hour it was given.
    Working days skip weekends and Dutch public holidays.
    """
    begin = lokaal(vanaf)
    dag = begin.date()
    if werkdagen:
        over = dagen
        while over:
            dag += timedelta(days=1)
            over -= is_werkdag(dag)
    else:
        dag += timedelta(days=dagen)
    return datetime.combine(dag, begin.timetz().replace(tzinfo=None), tzinfo=AMSTERDAM)


def dagdeel(moment: datetime) -> Dagdeel:
    """VNG dagdeel: ochtend before 12:00, middag 12:00-18:00, avond from 18:00, in Dutch time."""
    uur = lokaal(moment).hour
    if uur < 12:
        return Dagdeel.OCHTEND
    return Dagdeel.MIDDAG if uur < 18 else Dagdeel.AVOND
