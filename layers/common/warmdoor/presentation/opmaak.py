"""Dutch display formats, in one place: amounts, phone numbers, dates and the time left until a deadline, as
the e-mails, the SMS texts and the web pages show them. Babel (CLDR) and phonenumbers do the formatting, so
a date or an amount reads the way Dutch readers expect without rules of our own.

Babel and phonenumbers are imported inside the functions, on first use: measured on a cold interpreter, Babel
costs ~15 ms to import plus ~13 ms to load the Dutch locale data, phonenumbers ~18 ms. A function that never
formats anything (the timer, the webhook sender, the API) should not pay that on every cold start."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from warmdoor.tijd import lokaal

LOCALE = "nl_NL"


def bedrag(waarde: Decimal | int | float | str) -> str:
    """'€ 1.234,56'. Between '€' and the amount is a no-break space (U+00A0, as CLDR has it for Dutch), so a
    line is never broken between the sign and the number."""
    from babel.numbers import format_currency

    # Amounts are stored as decimal strings ("123.45"); via Decimal they never pass through a binary float.
    getal = waarde if isinstance(waarde, Decimal | int | float) else Decimal(waarde)
    return format_currency(getal, "EUR", locale=LOCALE)


def telefoon(e164: str) -> str:
    """'06 12345678', '010 123 4567': the national format a Dutch reader dials. A foreign number keeps its
    country code ('+32 15 12 34 56'): its own national format would read as a Dutch number."""
    import phonenumbers

    try:
        nummer = phonenumbers.parse(e164, "NL")
    except phonenumbers.NumberParseException:
        return e164  # stored numbers are validated; should an odd one turn up, show it rather than fail a message
    vorm = phonenumbers.PhoneNumberFormat
    if phonenumbers.region_code_for_number(nummer) == "NL":
        return str(phonenumbers.format_number(nummer, vorm.NATIONAL))
    return str(phonenumbers.format_number(nummer, vorm.INTERNATIONAL))


def tel_link(e164: str) -> str:
    """'tel:+31612345678': the href of a phone link; E.164, so it dials from anywhere."""
    import phonenumbers

    try:
        nummer = phonenumbers.parse(e164, "NL")
    except phonenumbers.NumberParseException:
        return "tel:" + "".join(e164.split())
    return "tel:" + str(phonenumbers.format_number(nummer, phonenumbers.PhoneNumberFormat.E164))


def datum(waarde: date | datetime) -> str:
    """'dinsdag 1 december 2026'. A moment is first taken to Dutch local time: 23:30 UTC on 30 November is
    already 1 December in the Netherlands."""
    from babel.dates import format_date

    dag = lokaal(waarde).date() if isinstance(waarde, datetime) else waarde
    return format_date(dag, "EEEE d MMMM y", locale=LOCALE)


def datum_tijd(waarde: datetime) -> str:
    """'dinsdag 1 december 2026 om 14:05', in Dutch local time (winter and summer time alike)."""
    from babel.dates import format_datetime

    return format_datetime(lokaal(waarde), "EEEE d MMMM y 'om' HH:mm", locale=LOCALE)


def kort(waarde: datetime) -> str:
    """'di 1 dec 14:05', in Dutch local time: for SMS, where 160 characters must hold the whole message."""
    from babel.dates import format_datetime

    return format_datetime(lokaal(waarde), "EEEEEE d MMM HH:mm", locale=LOCALE)


def tijd_over(deadline: datetime, nu: datetime) -> str:
    """The time left until a deadline, as a work queue says it: 'nog 1 dag en 4 uur', 'nog 3 uur en 10
    minuten', 'nog 25 minuten'; once past: '3 uur te laat', '2 dagen en 1 uur te laat'.

    Whole units, rounded down: the largest unit that is not zero and the next one down, left out when zero
    (days and hours, or hours and minutes): a caseworker wants the minutes when only hours are left, not when
    days are. Elapsed time, so a night with a
    clock change counts its real 23 or 25 hours. Exactly at the deadline there is still time ('nog minder dan
    1 minuut'); a moment later it is 'minder dan 1 minuut te laat'."""
    from babel.lists import format_list
    from babel.units import format_unit

    # Babel's format_timedelta rounds to one unit ('1 dag'); Babel still supplies the words and the 'en'.
    # In UTC: Python subtracts two times with the same zone by their wall clocks, which hides a clock change.
    rest = deadline.astimezone(UTC) - nu.astimezone(UTC)
    te_laat = rest < timedelta(0)
    minuten = abs(rest) // timedelta(minutes=1)
    dagen, minuten = divmod(minuten, 24 * 60)
    uren, minuten = divmod(minuten, 60)
    eenheden = [(dagen, "duration-day"), (uren, "duration-hour"), (minuten, "duration-minute")]
    while len(eenheden) > 1 and eenheden[0][0] == 0:
        eenheden.pop(0)
    delen = [format_unit(aantal, eenheid, length="long", locale=LOCALE) for aantal, eenheid in eenheden[:2] if aantal]
    if not delen:  # less than a whole minute either way
        delen = ["minder dan " + format_unit(1, "duration-minute", length="long", locale=LOCALE)]
    duur = format_list(delen, locale=LOCALE)
    return f"{duur} te laat" if te_laat else f"nog {duur}"


# The Jinja filters of the e-mails, SMS texts and pages: one set, so that both say it the same way.
FILTERS = {
    "bedrag": bedrag,
    "telefoon": telefoon,
    "tel_link": tel_link,
    "datum": datum,
    "datum_tijd": datum_tijd,
    "kort": kort,
}
