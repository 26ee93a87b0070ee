"""One attempt per webhook message from the sender's queue (first attempts, redeliveries, retries that came
due): signed, with a short timeout, each endpoint apart."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import webhookfuncties
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-webhookverzender")
# Flushes the metrics the domain counts (delivered, failed attempts, given up, endpoints switched off).
metrics = Metrics(service="warmdoor-webhookverzender")
diensten = PerFunctie()


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return webhookfuncties.versturen(event, context, diensten())
