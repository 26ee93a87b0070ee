"""`make replay` for the local stack: the same re-drive as in AWS, with what AWS would look up (the failure
queues among the template's outputs, each stream mapping's filter) read from the template instead."""

from typing import Any

from local import aws, streams, template
from local.lambdas import Runtime
from warmdoor.ops import replay


def failure_queues(refs: dict[str, str]) -> list[str]:
    outputs = template.load().get("Outputs", {})
    namen = [o["Value"]["Ref"] for sleutel, o in outputs.items() if sleutel.endswith("MisluktQueueUrl")]
    return [aws.client("sqs").get_queue_url(QueueName=refs[f"{naam}.QueueName"])["QueueUrl"] for naam in namen]


def opnieuw(runtime: Runtime, refs: dict[str, str]) -> replay.Resultaat:
    functies = {arn: naam.removesuffix(".Arn") for naam, arn in refs.items() if ":function:" in arn}
    criteria = {c.function_arn: c.filter_criteria for c in streams.consumers(refs)}

    def invoke(arn: str, event: dict[str, Any]) -> Any:
        return runtime.invoke(functies[arn], event)

    return replay.opnieuw(
        aws.client("sqs"),
        aws.client("dynamodbstreams"),
        failure_queues(refs),
        invoke,
        lambda function_arn, _stream_arn: criteria.get(function_arn),
    )


def nog_mislukt(refs: dict[str, str]) -> int:
    """Messages left on the failure queues (after a replay: what failed again)."""
    sqs = aws.client("sqs")
    namen = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    return sum(
        int(waarde)
        for url in failure_queues(refs)
        for waarde in sqs.get_queue_attributes(QueueUrl=url, AttributeNames=namen)["Attributes"].values()
    )
