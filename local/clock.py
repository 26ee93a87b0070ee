"""The emulated clock: runs with real time from the real time, and jumps only when told to."""

import re
import threading
from datetime import UTC, datetime, timedelta

_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def parse_duration(text: str) -> timedelta:
    """An ISO 8601 duration of weeks, days, hours, minutes and seconds (P3DT1H). ValueError otherwise."""
    match = _DURATION.match(text)
    if not match or text in {"P", "PT"} or text.endswith("T"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    delen = {naam: int(waarde) for naam, waarde in match.groupdict().items() if waarde}
    return timedelta(**delen)


class MovableClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0) if start is None else start - datetime.now(UTC)

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._offset += delta
        return self.now()

    def offset(self) -> timedelta:
        with self._lock:
            return self._offset
