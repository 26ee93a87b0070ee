"""Dutch local time. A base module: the domain, the views and the messages use it, and it uses none of
them (Dutch dates as people read them: presentation/opmaak.py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def vandaag(nu: datetime) -> date:
    return lokaal(nu).date()
