"""Business metrics as CloudWatch EMF through Powertools (the handler's @metrics.log_metrics flushes them)."""

import threading

from aws_lambda_powertools import Metrics
from aws_lambda_powertools.metrics import MetricUnit

# The webhook sender counts from several threads; Powertools' buffer is not guarded.
_LOCK = threading.Lock()


class PowertoolsMetingen:
    def __init__(self) -> None:
        # Powertools Metrics instances share one buffer, flushed by the handler's decorator.
        self._metrics = Metrics()

    def tel(self, naam: str, aantal: int = 1) -> None:
        with _LOCK:
            self._metrics.add_metric(name=naam, unit=MetricUnit.Count, value=aantal)
