"""Stream records -> domain events (the outbox items the state changes wrote)."""

from aws_lambda_powertools.utilities.data_classes.dynamo_db_stream_event import DynamoDBRecord

from warmdoor.models.events import Gebeurtenis


def gebeurtenis_uit(record: DynamoDBRecord) -> Gebeurtenis:
    beeld = record.dynamodb.new_image if record.dynamodb else None
    if not beeld:
        raise ValueError("a stream record without a new image is not an event")
    return Gebeurtenis.model_validate({k: v for k, v in beeld.items() if k in Gebeurtenis.model_fields})
