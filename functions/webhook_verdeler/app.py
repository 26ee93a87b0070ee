"""From its queue: each domain event -> a message for every endpoint subscribed to it, queued for sending."""

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import webhookfuncties
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-webhooks")
diensten = PerFunctie()


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return webhookfuncties.verdelen(event, context, diensten())
