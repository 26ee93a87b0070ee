"""Time as the people using WarmDoor read it: Dutch local time and Dutch dates. A base module: the domain,
the views and the messages use it, and it uses none of them."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def vandaag(nu: datetime) -> date:
    return lokaal(nu).date()


def datum_tijd(moment: datetime) -> str:
    """'maandag 30 november 2026 om 10:00', in Dutch local time."""
    t = lokaal(moment)
    return f"{_DAGEN[t.weekday()]} {t.day} {_MAANDEN[t.month - 1]} {t.year} om {t:%H:%M}"


def kort(moment: datetime) -> str:
    """'ma 30 nov 10:00', for SMS."""
    t = lokaal(moment)
    return f"{_DAGEN[t.weekday()][:2]} {t.day} {_MAANDEN[t.month - 1][:3]} {t:%H:%M}"


def datum(moment: datetime) -> str:
    """'30 november 2026'."""
    t = lokaal(moment)
    return f"{t.day} {_MAANDEN[t.month - 1]} {t.year}"
