"""Lambda's event source mappings, together: the table's stream and the consumers' queues, pumped by one
thread; drain() runs until both are quiet (a handler's writes may produce new records and messages)."""

import threading
from typing import Protocol


class Pump(Protocol):
    def step(self) -> bool:
        """One pass; True if anything was handled."""
        ...


class Pumps:
    def __init__(self, *pumps: Pump, interval: float = 0.1) -> None:
        self._pumps = pumps
        self._interval = interval
        self._lock = threading.RLock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="pumps", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            self.drain()

    def step(self) -> bool:
        with self._lock:
            gedaan = False
            for pump in self._pumps:
                gedaan |= pump.step()
            return gedaan

    def drain(self, rounds: int = 10_000) -> None:
        for _ in range(rounds):
            if not self.step():
                return
