"""The emulated clock: runs with real time from the real time, and jumps only when told to."""

import re
import threading
from datetime import UTC, datetime, timedelta

_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


# How far the emulated clock may run ahead of real time. Every deadline, stop and retention date is
# computed from it (retention may add ten years), and Python's dates end in the year 9999.
MAX_VOORSPRONG = timedelta(days=100 * 365)


def parse_duration(text: str) -> timedelta:
    """An ISO 8601 duration of weeks, days, hours, minutes and seconds (P3DT1H). ValueError otherwise."""
    match = _DURATION.match(text)
    if not match or text in {"P", "PT"} or text.endswith("T"):
        raise ValueError(f"not an ISO 8601 duration: {text!r}")
    delen = {naam: int(waarde) for naam, waarde in match.groupdict().items() if waarde}
    try:
        return timedelta(**delen)
    except OverflowError as fout:
        raise ValueError(f"duration out of range: {text!r}") from fout


class MovableClock:
    def __init__(self, start: datetime | None = None) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta(0) if start is None else start - datetime.now(UTC)

    def now(self) -> datetime:
        with self._lock:
            return datetime.now(UTC) + self._offset

    def advance(self, delta: timedelta) -> datetime:
        """Moves forward; ValueError (and nothing moves) past MAX_VOORSPRONG ahead of real time."""
        with self._lock:
            if delta < timedelta(0) or self._offset + delta > MAX_VOORSPRONG:
                raise ValueError(f"the clock may run at most {MAX_VOORSPRONG.days} days ahead of real time")
            self._offset += delta
        return self.now()

    def offset(self) -> timedelta:
        with self._lock:
            return self._offset
