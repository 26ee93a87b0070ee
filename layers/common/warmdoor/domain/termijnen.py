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


def pasen(jaar: int) -> date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    maand, dag = divmod(h + ell - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def koningsdag(jaar: int) -> date:
    """27 April, or the 26th when the 27th is a Sunday."""
    dag = date(jaar, 4, 27)
    return dag - timedelta(days=1) if dag.weekday() == 6 else dag


@cache
def feestdagen(jaar: int) -> frozenset[date]:
    """The days the Algemene termijnenwet does not count as working days, besides weekends.

    Article 3(1): New Year's Day, Easter Monday, Whit Monday, Ascension Day, Christmas and Boxing Day,
    King's Day and 5 May (every year). Article 3(2): Good Friday. Article 3(3): days the Crown equates by
    decree, every three years along the same lines: the Monday before New Year's Day, King's Day, 5 May
    and Christmas when these fall on a Tuesday, the Friday after New Year's Day, King's Day, 5 May and
    Boxing Day when these fall on a Thursday, and the Friday after Ascension Day (and 6 May when
    Ascension Day is 7 May).
    """
    paas = pasen(jaar)
    hemelvaart = paas + timedelta(days=39)
    artikel_3 = {
        date(jaar, 1, 1),
        paas - timedelta(days=2),
        paas + timedelta(days=1),
        hemelvaart,
        paas + timedelta(days=50),
        koningsdag(jaar),
        date(jaar, 5, 5),
        date(jaar, 12, 25),
        date(jaar, 12, 26),
    }
    brug = {hemelvaart + timedelta(days=1)}
    if hemelvaart == date(jaar, 5, 7):
        brug.add(date(jaar, 5, 6))
    for dag in (date(jaar, 1, 1), koningsdag(jaar), date(jaar, 5, 5), date(jaar, 12, 25)):
        if dag.weekday() == 1:  # Tuesday: the Monday before
            brug.add(dag - timedelta(days=1))
    for dag in (date(jaar, 1, 1), koningsdag(jaar), date(jaar, 5, 5), date(jaar, 12, 26)):
        if dag.weekday() == 3:  # Thursday: the Friday after
            brug.add(dag + timedelta(days=1))
    return frozenset(artikel_3 | brug)


def is_werkdag(dag: date, vrij: Container[date] = ()) -> bool:
    """Not a weekend day, not a day of the Algemene termijnenwet, not one of the organisation's `vrij`."""
    return dag.weekday() < 5 and dag not in feestdagen(dag.year) and dag not in vrij


def termijn(vanaf: datetime, dagen: int, werkdagen: bool, vrij: Container[date] = ()) -> datetime:
    """`dagen` calendar or working days after `vanaf`, at the same Dutch wall-clock time.

    Counted in local time, so a deadline across a DST change still falls at the hour it was given.
    Working days skip weekends, the Algemene termijnenwet's days and the days in `vrij`.
    """
    begin = lokaal(vanaf)
    dag = begin.date()
    if werkdagen:
        over = dagen
        while over:
            dag += timedelta(days=1)
            over -= is_werkdag(dag, vrij)
    else:
        dag += timedelta(days=dagen)
    return datetime.combine(dag, begin.timetz().replace(tzinfo=None), tzinfo=AMSTERDAM)


def dagdeel(moment: datetime) -> Dagdeel:
    """VNG dagdeel: ochtend before 12:00, middag 12:00-18:00, avond from 18:00, in Dutch time."""
    uur = lokaal(moment).hour
    if uur < 12:
        return Dagdeel.OCHTEND
    return Dagdeel.MIDDAG if uur < 18 else Dagdeel.AVOND
