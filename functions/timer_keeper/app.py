"""Keeps each referral's one-time schedules in step with its state after every event (from its queue)."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.domain import timers
from warmdoor.models.events import Gebeurtenis
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-timers")
# A timer that is already due is done at once here; its transition counts a metric.
metrics = Metrics(service="warmdoor-timers")
diensten = PerFunctie()
processor = BatchProcessor(event_type=EventType.SQS)


def record_handler(record: SQSRecord) -> None:
    d = diensten()
    timers.bijwerken(d.context, Gebeurtenis.uit_bericht(record.body).doorverwijzingId, d.timer_planner)


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
