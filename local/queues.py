"""The queue pump: Lambda's SQS event source mappings, as the template declares them.

Each consumer receives up to its batch size, invokes its function with the messages in Lambda's shape,
deletes what went through and makes the reported failures visible again at once (a visibility timeout
need not be waited out locally). SQS itself moves a message to the failure queue once it was received
maxReceiveCount times, as in AWS (moto does so too).
"""

from dataclasses import dataclass
from typing import Any

from local import template
from local.aws import REGION, client
from local.lambdas import Runtime


@dataclass(frozen=True)
class QueueConsumer:
    function: str
    queue_url: str
    queue_arn: str
    batch_size: int
    report_failures: bool


def consumers(refs: dict[str, str]) -> list[QueueConsumer]:
    result = []
    for functie in template.functions().values():
        for event in functie.events.values():
            if event["Type"] != "SQS":
                continue
            props = event["Properties"]
            arn = template.resolve(props["Queue"], refs)
            url = client("sqs").get_queue_url(QueueName=arn.rsplit(":", 1)[1])["QueueUrl"]
            result.append(
                QueueConsumer(
                    function=functie.name,
                    queue_url=url,
                    queue_arn=arn,
                    batch_size=int(props.get("BatchSize", 10)),
                    report_failures="ReportBatchItemFailures" in props.get("FunctionResponseTypes", []),
                )
            )
    return result


def _record(consumer: QueueConsumer, bericht: dict[str, Any]) -> dict[str, Any]:
    """A received message in the shape Lambda hands to a function."""
    return {
        "messageId": bericht["MessageId"],
        "receiptHandle": bericht["ReceiptHandle"],
        "body": bericht["Body"],
        "attributes": bericht.get("Attributes", {}),
        "messageAttributes": bericht.get("MessageAttributes", {}),
        "md5OfBody": bericht["MD5OfBody"],
        "eventSource": "aws:sqs",
        "eventSourceARN": consumer.queue_arn,
        "awsRegion": REGION,
    }


class QueuePump:
    def __init__(self, runtime: Runtime, refs: dict[str, str]) -> None:
        self._runtime = runtime
        self._consumers = consumers(refs)
        self._sqs = client("sqs")

    def step(self) -> bool:
        """One receive per consumer; True if any message was handled."""
        gedaan = False
        for consumer in self._consumers:
            gedaan |= self._stap(consumer)
        return gedaan

    def _stap(self, consumer: QueueConsumer) -> bool:
        berichten = self._sqs.receive_message(
            QueueUrl=consumer.queue_url,
            MaxNumberOfMessages=consumer.batch_size,
            AttributeNames=["All"],
            MessageAttributeNames=["All"],
        ).get("Messages", [])
        if not berichten:
            return False
        alle = {b["MessageId"] for b in berichten}
        try:
            antwoord = self._runtime.invoke(consumer.function, {"Records": [_record(consumer, b) for b in berichten]})
        except Exception:
            fouten = alle
        else:
            # As Lambda reads the answer: without ReportBatchItemFailures any answer is success; an
            # identifier that names no message of the batch fails the whole batch.
            gemeld = (antwoord or {}).get("batchItemFailures") or [] if consumer.report_failures else []
            fouten = {f.get("itemIdentifier") for f in gemeld}
            if not fouten <= alle:
                fouten = alle
        for bericht in berichten:
            if bericht["MessageId"] in fouten:
                self._sqs.change_message_visibility(
                    QueueUrl=consumer.queue_url, ReceiptHandle=bericht["ReceiptHandle"], VisibilityTimeout=0
                )
            else:
                self._sqs.delete_message(QueueUrl=consumer.queue_url, ReceiptHandle=bericht["ReceiptHandle"])
        return True
