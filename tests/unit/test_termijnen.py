"""Deadline arithmetic: calendar and working days, weekends, Dutch holidays, DST, late-night referrals."""

from datetime import UTC, date, datetime

import pytest

from warmdoor.domain.termijnen import dagdeel, feestdagen, pasen, termijn
from warmdoor.models.enums import Dagdeel
from warmdoor.tijd import AMSTERDAM


def ams(jaar: int, maand: int, dag: int, uur: int, minuut: int) -> datetime:
    return datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


def test_three_calendar_days_keep_the_wall_clock_time():
    assert termijn(ams(2026, 11, 27, 10, 0), 3, werkdagen=False) == ams(2026, 11, 30, 10, 0)


def test_three_working_days_skip_the_weekend():
    # Friday -> Monday, Tuesday, Wednesday
    assert termijn(ams(2026, 11, 27, 10, 0), 3, werkdagen=True) == ams(2026, 12, 2, 10, 0)


def test_a_referral_on_saturday_counts_from_monday():
    assert termijn(ams(2026, 11, 28, 14, 0), 1, werkdagen=True) == ams(2026, 11, 30, 14, 0)


def test_working_days_skip_dutch_public_holidays():
    # Thursday 24 Dec 2026: Christmas (25th, Fri) and Boxing Day (26th, Sat), weekend -> Mon 28, Tue 29, Wed 30
    assert termijn(ams(2026, 12, 24, 9, 0), 3, werkdagen=True) == ams(2026, 12, 30, 9, 0)
    # King's Day, Monday 27 April 2026
    assert termijn(ams(2026, 4, 24, 9, 0), 1, werkdagen=True) == ams(2026, 4, 28, 9, 0)


def test_across_the_autumn_dst_change_the_deadline_stays_at_the_same_hour():
    # Clocks go back on Sunday 25 October 2026: 3 days are 73 hours, not 72.
    begin = ams(2026, 10, 23, 10, 0)
    einde = termijn(begin, 3, werkdagen=False)
    assert einde == ams(2026, 10, 26, 10, 0)
    assert (einde.astimezone(UTC) - begin.astimezone(UTC)).total_seconds() == 73 * 3600


def test_across_the_spring_dst_change():
    begin = ams(2026, 3, 27, 10, 0)
    assert (termijn(begin, 3, werkdagen=False).astimezone(UTC) - begin.astimezone(UTC)).total_seconds() == 71 * 3600


def test_a_referral_at_2359_local_time():
    # 22:59 UTC is 23:59 in Amsterdam: the deadline is 23:59 three days later, not on the UTC date.
    einde = termijn(datetime(2026, 11, 27, 22, 59, tzinfo=UTC), 3, werkdagen=False)
    assert einde == ams(2026, 11, 30, 23, 59)
    assert termijn(datetime(2026, 11, 27, 22, 59, tzinfo=UTC), 1, werkdagen=True) == ams(2026, 11, 30, 23, 59)


@pytest.mark.parametrize(
    ("uur", "verwacht"),
    [(0, Dagdeel.OCHTEND), (11, Dagdeel.OCHTEND), (12, Dagdeel.MIDDAG), (17, Dagdeel.MIDDAG), (18, Dagdeel.AVOND)],
)
def test_dagdeel_is_derived_in_dutch_time(uur, verwacht):
    assert dagdeel(ams(2026, 11, 27, uur, 30)) == verwacht
    assert dagdeel(datetime(2026, 11, 27, 11, 30, tzinfo=UTC)) == Dagdeel.MIDDAG  # 12:30 in Amsterdam


def test_liberation_day_is_no_working_day_in_any_year():
    """Algemene termijnenwet art. 3: 5 May every year (the holidays package knows it only every fifth)."""
    # Monday 4 May 2026 is itself equated (the Monday before a Tuesday 5 May): the deadline is Wednesday.
    assert termijn(ams(2026, 5, 4, 10, 0), 1, werkdagen=True) == ams(2026, 5, 6, 10, 0)
    assert termijn(ams(2028, 5, 4, 10, 0), 1, werkdagen=True) == ams(2028, 5, 8, 10, 0)  # 5 May is a Friday
    # 2027: 5 May (Wednesday), Ascension Day (6th) and the Friday after it: Tuesday's deadline is Monday.
    assert termijn(ams(2027, 5, 4, 10, 0), 1, werkdagen=True) == ams(2027, 5, 10, 10, 0)


@pytest.mark.parametrize(
    ("jaar", "pasen_", "dagen"),
    [
        (
            2026,
            date(2026, 4, 5),
            {date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 14), date(2026, 5, 15), date(2026, 5, 25)},
        ),
        (
            2027,
            date(2027, 3, 28),
            {date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 6), date(2027, 5, 7), date(2027, 5, 17)},
        ),
    ],
)
def test_good_friday_easter_and_whit_monday_ascension_and_the_friday_after(jaar, pasen_, dagen):
    assert pasen(jaar) == pasen_
    assert dagen <= feestdagen(jaar)


def test_kings_day_moves_to_saturday_when_the_27th_is_a_sunday():
    assert date(2025, 4, 26) in feestdagen(2025) and date(2025, 4, 27) not in feestdagen(2025)


def test_an_organisations_closing_days_are_no_working_days_for_its_deadlines():
    tussen_de_jaren = {date(2026, 12, d) for d in (28, 29, 30, 31)}
    assert termijn(ams(2026, 12, 23, 9, 0), 3, werkdagen=True) == ams(2026, 12, 29, 9, 0)
    assert termijn(ams(2026, 12, 23, 9, 0), 3, werkdagen=True, vrij=tussen_de_jaren) == ams(2027, 1, 5, 9, 0)
