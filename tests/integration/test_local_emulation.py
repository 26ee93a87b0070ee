"""The local emulation keeps DynamoDB's promises that the outbox pattern relies on."""

import boto3
import pytest
from botocore.exceptions import ClientError

from local import aws


def test_a_failed_transaction_leaves_no_stream_record_and_later_writes_still_arrive(stack):
    dynamodb = boto3.client("dynamodb")
    streams = aws.client("dynamodbstreams")
    arn = dynamodb.describe_table(TableName=stack.table)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="LATEST")["ShardIterator"]
    dynamodb.put_item(TableName=stack.table, Item={"PK": {"S": "a"}, "SK": {"S": "x"}})
    with pytest.raises(ClientError):
        dynamodb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": stack.table, "Item": {"PK": {"S": "b"}, "SK": {"S": "x"}}}},
                {
                    "Put": {
                        "TableName": stack.table,
                        "Item": {"PK": {"S": "a"}, "SK": {"S": "x"}},
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                },
            ]
        )
    dynamodb.put_item(TableName=stack.table, Item={"PK": {"S": "c"}, "SK": {"S": "x"}})
    records = streams.get_records(ShardIterator=iterator)["Records"]
    assert [r["dynamodb"]["Keys"]["PK"]["S"] for r in records] == ["a", "c"]
    assert "Item" not in dynamodb.get_item(TableName=stack.table, Key={"PK": {"S": "b"}, "SK": {"S": "x"}})
