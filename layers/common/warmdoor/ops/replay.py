"""Re-drives what failed after every retry (`make replay`), from the stack's failure queues.

Two kinds of queue. The stream's (MisluktQueue) holds descriptions of batches the VerdelerFunction could
not hand to the event bus (shard and sequence numbers, as Lambda writes them): their records are read back
from the stream (kept 24 hours), filtered as the event source mapping filters them, and handed to the same
function again; a message is deleted only once its batch went through. A consumer's failure queue
(EmailMislukt, ...) holds the events themselves: they are put back on the consumer's own queue.
Every consumer is idempotent per event, so replaying twice sends nothing twice.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.ops.filters import any_filter

Invoker = Callable[[str, dict[str, Any]], Any]
# The filter criteria of a function's event source mapping on a stream: (function ARN, stream ARN) -> criteria.
FilterBron = Callable[[str, str], dict[str, Any] | None]


def lambda_record(record: dict[str, Any], stream_arn: str) -> dict[str, Any]:
    """A record as the Streams API gives it, in the shape Lambda hands to a function."""
    dynamodb = dict(record["dynamodb"])
    moment = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(moment, datetime):
        dynamodb["ApproximateCreationDateTime"] = int(moment.timestamp())
    return {**record, "dynamodb": dynamodb, "eventSource": "aws:dynamodb", "eventSourceARN": stream_arn}


@dataclass
class Resultaat:
    opnieuw_verwerkt: int = 0  # stream batches that went through, events put back on their queue
    mislukt: int = 0  # stream batches that failed again (they stay on the queue)
    verlopen: int = 0  # stream batches older than the stream's 24 hours


def _records(streams: Any, info: dict[str, Any]) -> list[dict[str, Any]]:
    iterator = streams.get_shard_iterator(
        StreamArn=info["streamArn"],
        ShardId=info["shardId"],
        ShardIteratorType="AT_SEQUENCE_NUMBER",
        SequenceNumber=info["startSequenceNumber"],
    )["ShardIterator"]
    eind = int(info["endSequenceNumber"])
    gevonden: list[dict[str, Any]] = []
    while iterator:
        antwoord = streams.get_records(ShardIterator=iterator)
        for record in antwoord["Records"]:
            if int(record["dynamodb"]["SequenceNumber"]) > eind:
                return gevonden
            gevonden.append(lambda_record(record, info["streamArn"]))
        if not antwoord["Records"]:
            break
        iterator = antwoord.get("NextShardIterator")
    return gevonden


# SQS answers a receive from a sample of its servers: one empty answer does not mean an empty queue.
_LEGE_ANTWOORDEN = 3


def _berichten(sqs: Any, queue_url: str) -> list[dict[str, Any]]:
    """Every message on the queue once (they stay invisible to others while this replay runs)."""
    alle: list[dict[str, Any]] = []
    gezien: set[str] = set()
    leeg = 0
    while leeg < _LEGE_ANTWOORDEN:
        pagina = sqs.receive_message(
            QueueUrl=queue_url,
            MaxNumberOfMessages=10,
            VisibilityTimeout=120,
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        nieuw = [b for b in pagina if b["MessageId"] not in gezien]
        leeg = 0 if nieuw else leeg + 1
        gezien.update(b["MessageId"] for b in nieuw)
        alle += nieuw
    return alle


def stroom_opnieuw(sqs: Any, streams: Any, queue_url: str, invoke: Invoker, filter_voor: FilterBron) -> Resultaat:
    resultaat = Resultaat()
    for bericht in _berichten(sqs, queue_url):
        try:
            inhoud = json.loads(bericht["Body"])
            info, functie = inhoud["DDBStreamBatchInfo"], inhoud["requestContext"]["functionArn"]
        except (ValueError, KeyError, TypeError):
            resultaat.mislukt += 1  # not a batch description Lambda wrote: left for a person to look at
            continue
        try:
            records = _records(streams, info)
        except streams.exceptions.TrimmedDataAccessException:
            resultaat.verlopen += 1
            continue
        except ClientError:  # a stream that is gone, a shard that no longer exists: left for a person
            resultaat.mislukt += 1
            continue
        # The batch's range holds every change of the table; the function only ever got what its filter lets through.
        filter_criteria = filter_voor(functie, info["streamArn"])
        records = [r for r in records if any_filter(filter_criteria, r)]
        try:
            antwoord = invoke(functie, {"Records": records}) if records else None
        except Exception:  # a batch that fails again stays on the queue for the next replay
            antwoord = {"batchItemFailures": [{"itemIdentifier": "function-error"}]}
        if (antwoord or {}).get("batchItemFailures"):
            resultaat.mislukt += 1
            continue
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=bericht["ReceiptHandle"])
        resultaat.opnieuw_verwerkt += 1
    return resultaat


def terugzetten(sqs: Any, queue_url: str, bron_url: str) -> Resultaat:
    """Puts a consumer's failed events back on its own queue (where they are tried as often again)."""
    resultaat = Resultaat()
    for bericht in _berichten(sqs, queue_url):
        attributen = bericht.get("MessageAttributes") or {}
        sqs.send_message(QueueUrl=bron_url, MessageBody=bericht["Body"], MessageAttributes=attributen)
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=bericht["ReceiptHandle"])
        resultaat.opnieuw_verwerkt += 1
    return resultaat


def opnieuw(sqs: Any, streams: Any, queue_urls: list[str], invoke: Invoker, filter_voor: FilterBron) -> Resultaat:
    """Every failure queue of the stack: a queue that is some queue's redrive target is a consumer's."""
    totaal = Resultaat()
    for queue_url in queue_urls:
        bronnen = sqs.list_dead_letter_source_queues(QueueUrl=queue_url).get("queueUrls", [])
        if len(bronnen) == 1:
            deel = terugzetten(sqs, queue_url, bronnen[0])
        else:
            deel = stroom_opnieuw(sqs, streams, queue_url, invoke, filter_voor)
        totaal.opnieuw_verwerkt += deel.opnieuw_verwerkt
        totaal.mislukt += deel.mislukt
        totaal.verlopen += deel.verlopen
    return totaal


def lambda_invoker(lambda_client: Any) -> Invoker:
    def invoke(function_arn: str, event: dict[str, Any]) -> Any:
        antwoord = lambda_client.invoke(FunctionName=function_arn, Payload=json.dumps(event).encode())
        inhoud = json.loads(antwoord["Payload"].read() or b"null")
        if antwoord.get("FunctionError"):
            return {"batchItemFailures": [{"itemIdentifier": "function-error"}]}
        return inhoud

    return invoke


def lambda_filters(lambda_client: Any) -> FilterBron:
    """The filter of the function's event source mapping on the stream, as deployed."""

    def filter_voor(function_arn: str, stream_arn: str) -> dict[str, Any] | None:
        mappings = lambda_client.list_event_source_mappings(FunctionName=function_arn, EventSourceArn=stream_arn)
        for mapping in mappings.get("EventSourceMappings", []):
            criteria: dict[str, Any] | None = mapping.get("FilterCriteria")
            return criteria
        return None

    return filter_voor


def failure_queues(cloudformation: Any, stack: str) -> list[str]:
    """The stack's failure queues, from its outputs (every output named ...MisluktQueueUrl)."""
    outputs = cloudformation.describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return [o["OutputValue"] for o in outputs if o["OutputKey"].endswith("MisluktQueueUrl")]
