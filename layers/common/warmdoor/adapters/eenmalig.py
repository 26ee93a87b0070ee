"""Once per key, ever: Powertools idempotency on its own table (a conditional write per key)."""

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.idempotency import IdempotencyConfig, idempotent_function
from aws_lambda_powertools.utilities.idempotency.persistence.base import BasePersistenceLayer

# Longer than the stream's 24 h retention plus the time an operator may take to replay a failed batch.
BEWAARTERMIJN_SECONDEN = 14 * 24 * 3600


class PowertoolsEenmalig:
    def __init__(self, opslag: BasePersistenceLayer, config: IdempotencyConfig | None = None) -> None:
        self._opslag = opslag
        self.config = config or IdempotencyConfig(expires_after_seconds=BEWAARTERMIJN_SECONDEN)

    def uitvoeren(self, idempotentiesleutel: str, actie: Callable[[], None]) -> None:
        @idempotent_function(  # type: ignore[untyped-decorator]
            data_keyword_argument="opdracht",
            persistence_store=self._opslag,
            config=self.config,
            key_prefix="warmdoor-melding",
        )
        def eenmaal(opdracht: dict[str, Any]) -> dict[str, Any]:
            actie()
            return {"gedaan": True}

        eenmaal(opdracht={"idempotentiesleutel": idempotentiesleutel})
