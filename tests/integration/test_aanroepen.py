"""What a referral costs in AWS calls: each call is paid for (DynamoDB request units, Scheduler, SES, SNS), and
the budget is what the capacity model in the README counts with."""

from collections import Counter
from typing import Any

from botocore.client import BaseClient

from tests.conftest import aanmelding

# What Lambda's event source mappings, the scheduler and API Gateway do in AWS, and the local stack's pumps
# and gateway do here: not the functions' own calls.
_PLATFORM = {"dynamodbstreams", "apigateway", "sqs"}
_POMPEN = {"ListSchedules", "ListScheduleGroups", "GetSchedule"}


def test_one_referral_costs_at_most_19_aws_calls_from_intake_to_its_alerts_and_timers(pilot, monkeypatch):
    pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("WARM-UP"))
    pilot.settle()
    aanroepen: Counter[str] = Counter()
    echt = BaseClient._make_api_call

    def tel(client: BaseClient, operatie: str, parameters: dict[str, Any]) -> Any:
        dienst = client.meta.service_model.service_name
        if dienst not in _PLATFORM and operatie not in _POMPEN:
            aanroepen[f"{dienst}.{operatie}"] += 1
        return echt(client, operatie, parameters)

    monkeypatch.setattr(BaseClient, "_make_api_call", tel)
    pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding())
    pilot.settle()

    # The e-mail, the organisation's SMS, the person's confirmation SMS, the two timers: each exactly once.
    assert (aanroepen["sesv2.SendEmail"], aanroepen["sns.Publish"], aanroepen["scheduler.CreateSchedule"]) == (1, 2, 2)
    assert sum(aanroepen.values()) <= 19, aanroepen
