"""Re-drives the stream batches that failed after every retry (the on-failure queue).

Lambda puts only a description of a failed batch on the queue (shard and sequence numbers); the records
themselves are read back from the stream (kept 24 hours) and handed to the same function again. Every
consumer is idempotent per event, so replaying twice sends nothing twice. A message is deleted only once
its batch went through.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Invoker = Callable[[str, dict[str, Any]], Any]


def lambda_record(record: dict[str, Any], stream_arn: str) -> dict[str, Any]:
    """A record as the Streams API gives it, in the shape Lambda hands to a function."""
    dynamodb = dict(record["dynamodb"])
    moment = dynamodb.get("ApproximateCreationDateTime")
    if isinstance(moment, datetime):
        dynamodb["ApproximateCreationDateTime"] = int(moment.timestamp())
    return {**record, "dynamodb": dynamodb, "eventSource": "aws:dynamodb", "eventSourceARN": stream_arn}


@dataclass
class Uitkomst:
    opnieuw_verwerkt: int = 0
    mislukt: int = 0
    verlopen: int = 0


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


def opnieuw(sqs: Any, streams: Any, queue_url: str, invoke: Invoker) -> Uitkomst:
    uitkomst = Uitkomst()
    gezien: set[str] = set()
    while True:
        berichten = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, VisibilityTimeout=60).get(
            "Messages", []
        )
        nieuw = [b for b in berichten if b["MessageId"] not in gezien]
        if not nieuw:
            return uitkomst
        for bericht in nieuw:
            gezien.add(bericht["MessageId"])
            inhoud = json.loads(bericht["Body"])
            try:
                records = _records(streams, inhoud["DDBStreamBatchInfo"])
            except streams.exceptions.TrimmedDataAccessException:
                uitkomst.verlopen += 1
                continue
            try:
                antwoord = invoke(inhoud["requestContext"]["functionArn"], {"Records": records})
            except Exception:
                antwoord = {"batchItemFailures": [{"itemIdentifier": "function-error"}]}
            if (antwoord or {}).get("batchItemFailures"):
                uitkomst.mislukt += 1
                continue
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=bericht["ReceiptHandle"])
            uitkomst.opnieuw_verwerkt += 1


def lambda_invoker(lambda_client: Any) -> Invoker:
    def invoke(function_arn: str, event: dict[str, Any]) -> Any:
        antwoord = lambda_client.invoke(FunctionName=function_arn, Payload=json.dumps(event).encode())
        inhoud = json.loads(antwoord["Payload"].read() or b"null")
        if antwoord.get("FunctionError"):
            return {"batchItemFailures": [{"itemIdentifier": "function-error"}]}
        return inhoud

    return invoke
