"""The stream pump: Lambda's DynamoDB event source mappings, as the template declares them.

Each consumer reads every shard on its own, filters, batches, honours batchItemFailures (retry from the
first failed record), bisects a failing batch when asked, and after the last retry sends the batch's
description to the on-failure queue, as Lambda does.
"""

import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from local import template
from local.aws import client
from local.lambdas import Runtime
from warmdoor.ops.filters import any_filter
from warmdoor.ops.replay import lambda_record


@dataclass
class Consumer:
    function: str
    function_arn: str
    stream_arn: str
    batch_size: int
    max_retries: int
    bisect: bool
    report_failures: bool
    filter_criteria: dict[str, Any] | None
    on_failure_queue: str | None
    iterators: dict[str, str | None] = field(default_factory=dict)
    pending: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    attempts: dict[str, int] = field(default_factory=dict)
    shards_gezien: float = 0.0


def consumers(refs: dict[str, str]) -> list[Consumer]:
    result = []
    for functie in template.functions().values():
        for event in functie.events.values():
            if event["Type"] != "DynamoDB":
                continue
            props = event["Properties"]
            tabel = props["Stream"]["Fn::GetAtt"][0]
            stream_arn = client("dynamodb").describe_table(TableName=refs[tabel])["Table"]["LatestStreamArn"]
            bestemming = props.get("DestinationConfig", {}).get("OnFailure", {}).get("Destination")
            queue = None
            if bestemming is not None:
                queue_name = template.resolve(bestemming, refs).rsplit(":", 1)[1]
                queue = client("sqs").get_queue_url(QueueName=queue_name)["QueueUrl"]
            result.append(
                Consumer(
                    function=functie.name,
                    function_arn=refs[f"{functie.name}.Arn"],
                    stream_arn=stream_arn,
                    batch_size=int(props.get("BatchSize", 100)),
                    max_retries=int(props.get("MaximumRetryAttempts", 10_000)),
                    bisect=bool(props.get("BisectBatchOnFunctionError", False)),
                    report_failures="ReportBatchItemFailures" in props.get("FunctionResponseTypes", []),
                    filter_criteria=props.get("FilterCriteria"),
                    on_failure_queue=queue,
                )
            )
    return result


class StreamPump:
    def __init__(self, runtime: Runtime, refs: dict[str, str], start: str = "TRIM_HORIZON") -> None:
        """`start` LATEST skips what is already in the streams (restored state must not notify again)."""
        self._runtime = runtime
        self._consumers = consumers(refs)
        self._streams = client("dynamodbstreams")
        self._start = start
        self._sqs = client("sqs")
        for consumer in self._consumers:
            self._shards(consumer)

    def step(self) -> bool:
        """One pass over every consumer and shard; True if any record was handled."""
        gedaan = False
        for consumer in self._consumers:
            for shard in self._shards(consumer):
                gedaan |= self._shard_step(consumer, shard)
        return gedaan

    def _shards(self, consumer: Consumer) -> list[str]:
        # A table's shards change rarely; looking once a second keeps each poll to one call per shard.
        if consumer.iterators and time.monotonic() - consumer.shards_gezien < 1.0:
            return list(consumer.iterators)
        consumer.shards_gezien = time.monotonic()
        beschrijving = self._streams.describe_stream(StreamArn=consumer.stream_arn)["StreamDescription"]
        shards = [s["ShardId"] for s in beschrijving["Shards"]]
        for shard in shards:
            if shard not in consumer.iterators:
                consumer.iterators[shard] = self._streams.get_shard_iterator(
                    StreamArn=consumer.stream_arn, ShardId=shard, ShardIteratorType=self._start
                )["ShardIterator"]
                consumer.pending[shard] = []
        return shards

    def _shard_step(self, consumer: Consumer, shard: str) -> bool:
        pending = consumer.pending[shard]
        if not pending and consumer.iterators[shard]:
            antwoord = self._streams.get_records(ShardIterator=consumer.iterators[shard])
            consumer.iterators[shard] = antwoord.get("NextShardIterator")
            records = [lambda_record(r, consumer.stream_arn) for r in antwoord["Records"]]
            pending.extend(r for r in records if any_filter(consumer.filter_criteria, r))
            if records and not pending:
                return True
        if not pending:
            return False
        batch = pending[: consumer.batch_size]
        poging = consumer.attempts.get(shard, 0)
        if poging and consumer.bisect:
            batch = batch[: max(1, len(batch) >> poging)]
        eerste_fout = self._invoke(consumer, batch)
        if eerste_fout is None:
            del pending[: len(batch)]
            consumer.attempts[shard] = 0
            return True
        del pending[:eerste_fout]
        consumer.attempts[shard] = poging + 1
        if consumer.attempts[shard] > consumer.max_retries:
            mislukt = batch[eerste_fout:]
            self._on_failure(consumer, shard, mislukt, consumer.attempts[shard])
            del pending[: len(mislukt)]
            consumer.attempts[shard] = 0
        return True

    def _invoke(self, consumer: Consumer, batch: list[dict[str, Any]]) -> int | None:
        """The index of the first record to retry, or None when the whole batch succeeded."""
        try:
            antwoord = self._runtime.invoke(consumer.function, {"Records": batch})
        except Exception:
            return 0
        fouten = ((antwoord or {}).get("batchItemFailures") or []) if consumer.report_failures else []
        if not fouten:
            return None
        nummers = [r["dynamodb"]["SequenceNumber"] for r in batch]
        gefaald = [nummers.index(f["itemIdentifier"]) for f in fouten if f.get("itemIdentifier") in nummers]
        return min(gefaald) if gefaald else 0

    def _on_failure(self, consumer: Consumer, shard: str, records: list[dict[str, Any]], pogingen: int) -> None:
        if consumer.on_failure_queue is None:
            return
        bericht = {
            "requestContext": {
                "functionArn": consumer.function_arn,
                "condition": "RetryAttemptsExhausted",
                "approximateInvokeCount": pogingen,
            },
            "version": "1.0",
            "timestamp": datetime.now(UTC).isoformat(),
            "DDBStreamBatchInfo": {
                "shardId": shard,
                "startSequenceNumber": records[0]["dynamodb"]["SequenceNumber"],
                "endSequenceNumber": records[-1]["dynamodb"]["SequenceNumber"],
                "batchSize": len(records),
                "streamArn": consumer.stream_arn,
            },
        }
        self._sqs.send_message(QueueUrl=consumer.on_failure_queue, MessageBody=json.dumps(bericht))
