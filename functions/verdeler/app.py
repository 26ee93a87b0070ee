"""The table stream's one reader: hands every domain event to the event bus, from where a rule per
consumer (e-mail, SMS, timers) delivers it to that consumer's queue."""

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.models.events import Gebeurtenis
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-verdeler")
diensten = PerFunctie()
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def record_handler(record: DynamoDBRecord) -> None:
    diensten().gebeurtenisbus.publiceer(Gebeurtenis.uit_beeld(record.dynamodb.new_image if record.dynamodb else None))


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
