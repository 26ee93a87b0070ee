"""API Gateway's per-key throttling: a token bucket per usage-plan key (rate per second, burst)."""

import threading
import time
from collections.abc import Callable


class Doseerder:
    def __init__(self, rate: float, burst: int, tijd: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.burst = burst
        self.tijd = tijd
        self._lock = threading.Lock()
        self._emmers: dict[str, tuple[float, float]] = {}  # key -> (tokens, when last counted)

    def neem(self, sleutel: str) -> bool:
        """True when the key may make a request now (and it is counted), False when it must wait."""
        with self._lock:
            nu = self.tijd()
            tokens, toen = self._emmers.get(sleutel, (float(self.burst), nu))
            tokens = min(float(self.burst), tokens + (nu - toen) * self.rate)
            if tokens < 1:
                self._emmers[sleutel] = (tokens, nu)
                return False
            self._emmers[sleutel] = (tokens - 1, nu)
            return True
