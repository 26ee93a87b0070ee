"""One-time EventBridge Scheduler schedules in the stack's group, deleted after they fire."""

import json
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import ClientError


class SchedulerPlanner:
    def __init__(self, client: Any, groep: str, doel_arn: str, rol_arn: str, dlq_arn: str) -> None:
        self._client = client
        self._groep = groep
        self._doel_arn = doel_arn
        self._rol_arn = rol_arn
        self._dlq_arn = dlq_arn

    def plan(self, naam: str, moment: datetime, invoer: dict[str, str]) -> None:
        instellingen = {
            "Name": naam,
            "GroupName": self._groep,
            "ScheduleExpression": f"at({moment.astimezone(UTC):%Y-%m-%dT%H:%M:%S})",
            "ScheduleExpressionTimezone": "UTC",
            "FlexibleTimeWindow": {"Mode": "OFF"},
            "ActionAfterCompletion": "DELETE",
            "Target": {
                "Arn": self._doel_arn,
                "RoleArn": self._rol_arn,
                "Input": json.dumps(invoer),
                "RetryPolicy": {"MaximumRetryAttempts": 10, "MaximumEventAgeInSeconds": 86400},
                "DeadLetterConfig": {"Arn": self._dlq_arn},
            },
        }
        try:
            self._client.create_schedule(**instellingen)
        except ClientError as fout:
            if fout.response["Error"]["Code"] != "ConflictException":
                raise
            self._client.update_schedule(**instellingen)

    def verwijder(self, naam: str) -> None:
        try:
            self._client.delete_schedule(Name=naam, GroupName=self._groep)
        except ClientError as fout:
            if fout.response["Error"]["Code"] != "ResourceNotFoundException":
                raise
