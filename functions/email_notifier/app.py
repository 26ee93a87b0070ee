"""Stream consumer: the e-mails each domain event calls for, sent once per event and recipient."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import wiring
from warmdoor.domain import meldingen
from warmdoor.store.stream import gebeurtenis_uit

logger = Logger(service="warmdoor-email")
metrics = Metrics(service="warmdoor-email")
processor = BatchProcessor(event_type=EventType.DynamoDBStreams)


def record_handler(record: DynamoDBRecord) -> None:
    gebeurtenis = gebeurtenis_uit(record)
    logger.append_keys(gebeurtenis_id=gebeurtenis.id, soort=gebeurtenis.soort.value)
    uitkomst = meldingen.emails(wiring.omgeving(), gebeurtenis, wiring.email_verzender(), wiring.eenmalig())
    metrics.add_metric(name="EmailsVerwerkt", unit=MetricUnit.Count, value=uitkomst.berichten)
    if uitkomst.geweigerd:
        metrics.add_metric(name="MeldingenGeweigerd", unit=MetricUnit.Count, value=uitkomst.geweigerd)


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> PartialItemFailureResponse:
    wiring.eenmalig().config.register_lambda_context(context)
    return process_partial_response(event=event, record_handler=record_handler, processor=processor, context=context)
