"""From its queue: the SMS messages each domain event calls for, sent once per event and recipient."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import notifier
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-sms")
# Flushes the metrics the domain counts (messages sent, refused, failed).
metrics = Metrics(service="warmdoor-sms")
diensten = PerFunctie()


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return notifier.verwerk(event, context, "sms", diensten())
