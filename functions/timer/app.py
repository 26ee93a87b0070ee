"""Invoked by EventBridge Scheduler: a referral's contact deadline, stop expiry or end of retention,
or the daily sweep."""

from typing import Any, Literal

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import BaseModel, ConfigDict, model_validator

from warmdoor.domain import timers
from warmdoor.domain.doorverwijzing import Timer
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-timer")
metrics = Metrics(service="warmdoor-timer")
diensten = PerFunctie()


class TimerInvoer(BaseModel):
    """A schedule's input: a referral's timer, or the daily sweep."""

    model_config = ConfigDict(extra="forbid")

    taak: Timer | Literal["vegen"]
    doorverwijzingId: str | None = None

    @model_validator(mode="after")
    def _referral(self) -> "TimerInvoer":
        if self.taak != timers.VEGEN and not self.doorverwijzingId:
            raise ValueError(f"a {self.taak} timer names its referral (doorverwijzingId)")
        return self


@metrics.log_metrics
@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    invoer = TimerInvoer.model_validate(event)
    logger.append_keys(taak=invoer.taak, doorverwijzing_id=invoer.doorverwijzingId)
    ctx = diensten().context
    if invoer.taak == timers.VEGEN:
        bekeken = timers.vegen(ctx)
    else:
        timers.uitvoeren(ctx, Timer(invoer.taak), str(invoer.doorverwijzingId))
        bekeken = 1
    metrics.add_metric(name=f"Timer{invoer.taak.capitalize()}", unit=MetricUnit.Count, value=1)
    logger.info("timer done", extra={"bekeken": bekeken})
    return {"bekeken": bekeken}
