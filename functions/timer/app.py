"""Invoked by EventBridge Scheduler: a referral's contact deadline, stop expiry or end of retention,
or the daily sweep."""

from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, ConfigDict

from warmdoor import wiring
from warmdoor.domain import timers

logger = Logger(service="warmdoor-timer")
metrics = Metrics(service="warmdoor-timer")


class TimerInvoer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    taak: timers.Taak
    doorverwijzingId: str | None = None


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    invoer = TimerInvoer.model_validate(event)
    logger.append_keys(taak=invoer.taak.value, doorverwijzing_id=invoer.doorverwijzingId)
    bekeken = timers.uitvoeren(wiring.omgeving(), invoer.taak, invoer.doorverwijzingId)
    metrics.add_metric(name=f"Timer{invoer.taak.value.capitalize()}", unit=MetricUnit.Count, value=1)
    logger.info("timer done", extra={"bekeken": bekeken})
    return {"bekeken": bekeken}
