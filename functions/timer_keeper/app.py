"""Stream consumer: keeps each referral's one-time schedules in step with its state after every event."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import wiring
from warmdoor.domain import timers
from warmdoor.store.stream import gebeurtenis_uit

logger = Logger(service="warmdoor-timers")
# A timer that is already due is done at once here; its transition counts a metric.
metrics = Metrics(service="warmdoor-timers")
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def record_handler(record: DynamoDBRecord) -> None:
    gebeurtenis = gebeurtenis_uit(record)
    timers.bijwerken(wiring.omgeving(), gebeurtenis.doorverwijzingId, wiring.timer_planner())


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
