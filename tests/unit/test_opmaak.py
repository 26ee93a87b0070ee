"""Dutch display formats as a reader sees them: amounts, phone numbers, dates, time left until a deadline."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from warmdoor.presentation.opmaak import bedrag, datum, datum_tijd, kort, tel_link, telefoon, tijd_over
from warmdoor.tijd import AMSTERDAM

NBSP = "\u00a0"  # CLDR's space between '€' and the amount in Dutch


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("123.45", "€ 123,45"),  # as stored: a decimal string
        (Decimal("123.45"), "€ 123,45"),
        (0, "€ 0,00"),
        ("1234.56", "€ 1.234,56"),
        (Decimal("987654321.5"), "€ 987.654.321,50"),
        (12, "€ 12,00"),
        (0.1 + 0.2, "€ 0,30"),
    ],
)
def test_amounts_read_as_euros_with_a_decimal_comma(waarde, verwacht):
    assert bedrag(waarde) == verwacht.replace(" ", NBSP)


def test_the_euro_sign_and_the_amount_never_break_apart():
    assert bedrag("5") == f"€{NBSP}5,00"


@pytest.mark.parametrize(
    ("e164", "verwacht"),
    [
        ("+31612345678", "06 12345678"),
        ("+31101234567", "010 123 4567"),  # phonenumbers' national format groups landlines
        ("+31118123456", "0118 123 456"),
        ("+3215123456", "+32 15 12 34 56"),  # a foreign number keeps its country code
    ],
)
def test_phone_numbers_read_in_the_national_format(e164, verwacht):
    assert telefoon(e164) == verwacht


def test_a_phone_link_dials_the_e164_number():
    assert tel_link("+31612345678") == "tel:+31612345678"
    assert tel_link("06 12345678") == "tel:+31612345678"


def test_an_unreadable_phone_number_is_shown_as_stored_rather_than_failing_a_message():
    assert telefoon("onbekend") == "onbekend"


def test_a_date_names_the_weekday_and_the_month():
    assert datum(date(2026, 12, 1)) == "dinsdag 1 december 2026"


def test_a_moment_is_dated_in_dutch_time_in_summer_and_in_winter():
    # 22:30 UTC is already the next day in summer time (UTC+2), still the same day in winter time (UTC+1).
    assert datum(datetime(2026, 10, 24, 22, 30, tzinfo=UTC)) == "zondag 25 oktober 2026"
    assert datum(datetime(2026, 10, 25, 22, 30, tzinfo=UTC)) == "zondag 25 oktober 2026"
    assert datum(datetime(2026, 11, 30, 23, 30, tzinfo=UTC)) == "dinsdag 1 december 2026"


def test_date_and_time_in_dutch_local_time_across_the_clock_change():
    assert datum_tijd(datetime(2026, 12, 1, 13, 5, tzinfo=UTC)) == "dinsdag 1 december 2026 om 14:05"
    assert datum_tijd(datetime(2026, 3, 29, 0, 30, tzinfo=UTC)) == "zondag 29 maart 2026 om 01:30"
    assert datum_tijd(datetime(2026, 3, 29, 1, 30, tzinfo=UTC)) == "zondag 29 maart 2026 om 03:30"


def test_the_short_form_for_sms_uses_dutch_abbreviations():
    assert kort(datetime(2026, 11, 30, 10, 0, tzinfo=AMSTERDAM)) == "ma 30 nov 10:00"
    assert kort(datetime(2026, 3, 4, 9, 15, tzinfo=AMSTERDAM)) == "wo 4 mrt 09:15"


DEADLINE = datetime(2026, 12, 1, 10, 0, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("tot_deadline", "verwacht"),
    [
        (timedelta(days=1, hours=4), "nog 1 dag en 4 uur"),
        (timedelta(days=1, hours=4, minutes=59), "nog 1 dag en 4 uur"),  # rounded down; no minutes beside days
        (timedelta(days=2), "nog 2 dagen"),
        (timedelta(days=2, minutes=30), "nog 2 dagen"),
        (timedelta(days=3, hours=1), "nog 3 dagen en 1 uur"),
        (timedelta(days=1), "nog 1 dag"),
        (timedelta(hours=23, minutes=59, seconds=59), "nog 23 uur en 59 minuten"),
        (timedelta(hours=3), "nog 3 uur"),
        (timedelta(hours=1, minutes=1), "nog 1 uur en 1 minuut"),
        (timedelta(hours=1), "nog 1 uur"),
        (timedelta(minutes=59, seconds=59), "nog 59 minuten"),
        (timedelta(minutes=25), "nog 25 minuten"),
        (timedelta(minutes=1), "nog 1 minuut"),
        (timedelta(seconds=59), "nog minder dan 1 minuut"),
        (timedelta(0), "nog minder dan 1 minuut"),  # 'uiterlijk 10:00' still holds at 10:00
        (-timedelta(seconds=1), "minder dan 1 minuut te laat"),
        (-timedelta(minutes=1), "1 minuut te laat"),
        (-timedelta(hours=3), "3 uur te laat"),
        (-timedelta(hours=3, minutes=20), "3 uur en 20 minuten te laat"),
        (-timedelta(days=1), "1 dag te laat"),
        (-timedelta(days=2, hours=1, minutes=59), "2 dagen en 1 uur te laat"),
    ],
)
def test_the_time_left_until_a_deadline_in_words(tot_deadline, verwacht):
    assert tijd_over(DEADLINE, DEADLINE - tot_deadline) == verwacht


def test_time_left_counts_real_hours_across_the_clock_change():
    # From Saturday noon to Sunday noon on the night summer time begins is 23 hours, not a day.
    zaterdag = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM)
    zondag = datetime(2026, 3, 29, 12, 0, tzinfo=AMSTERDAM)
    assert tijd_over(zondag, zaterdag) == "nog 23 uur"


def test_time_left_compares_moments_not_time_zones():
    assert tijd_over(DEADLINE, datetime(2026, 12, 1, 6, 0, tzinfo=UTC)) == "nog 3 uur"
