"""The bodies of the two webhook functions: the fan-out (domain events from its queue -> a message per
subscribed endpoint) and the sender (queued messages, and retries the scheduler fires -> one attempt each)."""

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse, PartialItemFailures
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.domain import webhookbezorging
from warmdoor.models.events import Gebeurtenis
from warmdoor.wiring import Diensten

logger = Logger(child=True)
_processor = BatchProcessor(event_type=EventType.SQS)


def verdelen(event: dict[str, Any], context: LambdaContext, diensten: Diensten) -> PartialItemFailureResponse:
    def record_handler(record: SQSRecord) -> None:
        gebeurtenis = Gebeurtenis.uit_bericht(record.body)
        webhookbezorging.verdelen(
            diensten.context,
            diensten.webhooks,
            diensten.berichtwachtrij,
            gebeurtenis,
            diensten.settings.public_base_url,
        )

    return process_partial_response(event=event, record_handler=record_handler, processor=_processor, context=context)


def versturen(event: dict[str, Any], context: LambdaContext, diensten: Diensten) -> PartialItemFailureResponse:
    """A batch from the sender's queue ({"webhookId", "berichtId"} each: new, redelivered, or a retry that
    came due). The messages of a batch are sent at the same time, each to its own endpoint: a slow receiver
    holds up no other (each attempt ends within the sender's timeout)."""

    # Built once, before the threads share them (boto3 clients may be shared between threads, not made).
    ctx, opslag, bezorging = diensten.context, diensten.webhooks, diensten.bezorging
    diensten.email_verzender  # noqa: B018 - the owner's e-mail when an endpoint is switched off

    def een(record: SQSRecord) -> None:
        body = record.json_body
        webhookbezorging.versturen(ctx, opslag, bezorging, str(body["webhookId"]), str(body["berichtId"]))

    records = [SQSRecord(r) for r in event["Records"]]
    fouten: list[PartialItemFailures] = []
    with ThreadPoolExecutor(max_workers=max(1, len(records))) as pool:
        lopend = {pool.submit(een, record): record for record in records}
        for taak, record in lopend.items():
            if (fout := taak.exception()) is not None:
                logger.warning(
                    "webhook message not handled; the queue brings it again",
                    extra={"message_id": record.message_id, "fout": type(fout).__name__},
                )
                fouten.append({"itemIdentifier": record.message_id})
    return {"batchItemFailures": fouten}
