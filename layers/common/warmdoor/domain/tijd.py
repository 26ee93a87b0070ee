"""Time as the people using WarmDoor see it: Dutch local time."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def vandaag(nu: datetime) -> date:
    return lokaal(nu).date()
