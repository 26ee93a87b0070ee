"""The timer pump: EventBridge Scheduler on the emulated clock (moto stores schedules, never fires them).

One-time `at(...)` schedules fire once the clock has passed their time; `rate(...)` schedules fire every
period. The target function gets the schedule's Input (an SQS target gets it as a message), and
ActionAfterCompletion DELETE is honoured.
"""

import json
import re
import threading
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from local.aws import client
from local.clock import MovableClock
from local.lambdas import Runtime

_AT = re.compile(r"^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$")
_RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")


def due_time(expression: str, timezone: str | None) -> datetime | None:
    match = _AT.match(expression)
    if not match:
        return None
    return datetime.fromisoformat(match.group(1)).replace(tzinfo=ZoneInfo(timezone or "UTC")).astimezone(UTC)


def rate_period(expression: str) -> timedelta | None:
    match = _RATE.match(expression)
    if not match:
        return None
    eenheid = match.group(2).rstrip("s") + "s"
    return timedelta(**{eenheid: int(match.group(1))})


class TimerPump:
    def __init__(self, runtime: Runtime, refs: dict[str, str], clock: MovableClock) -> None:
        self._runtime = runtime
        self._clock = clock
        self._scheduler = client("scheduler")
        self._functions = {arn: naam.removesuffix(".Arn") for naam, arn in refs.items() if ":function:" in arn}
        self._queues = {arn for arn in refs.values() if arn.startswith("arn:aws:sqs:")}
        self._lock = threading.RLock()
        self._last_rate_fire: dict[str, datetime] = {}

    def _schedules(self) -> list[dict[str, Any]]:
        gevonden = []
        for groep in self._scheduler.list_schedule_groups()["ScheduleGroups"]:
            for s in self._scheduler.list_schedules(GroupName=groep["Name"])["Schedules"]:
                gevonden.append(self._scheduler.get_schedule(Name=s["Name"], GroupName=groep["Name"]))
        return gevonden

    def fire_due(self) -> int:
        """Fires every schedule that has come due by the emulated clock; returns how many fired."""
        with self._lock:
            nu = self._clock.now()
            gevuurd = 0
            for schedule in sorted(self._schedules(), key=lambda s: s["ScheduleExpression"]):
                if schedule.get("State", "ENABLED") != "ENABLED":
                    continue
                expressie = schedule["ScheduleExpression"]
                moment = due_time(expressie, schedule.get("ScheduleExpressionTimezone"))
                periode = rate_period(expressie)
                if moment is not None and moment <= nu:
                    self._fire(schedule)
                    gevuurd += 1
                    if schedule.get("ActionAfterCompletion") == "DELETE":
                        self._scheduler.delete_schedule(Name=schedule["Name"], GroupName=schedule["GroupName"])
                elif periode is not None:
                    vorige = self._last_rate_fire.setdefault(schedule["Arn"], nu)
                    while vorige + periode <= nu:
                        vorige += periode
                        self._fire(schedule)
                        gevuurd += 1
                    self._last_rate_fire[schedule["Arn"]] = vorige
            return gevuurd

    def _fire(self, schedule: dict[str, Any]) -> None:
        target = schedule["Target"]
        if target["Arn"] in self._queues:
            # An SQS target: the schedule's Input becomes the message body (the queue pump takes it from there).
            naam = target["Arn"].rsplit(":", 1)[1]
            sqs = client("sqs")
            sqs.send_message(QueueUrl=sqs.get_queue_url(QueueName=naam)["QueueUrl"], MessageBody=target["Input"])
            return
        functie = self._functions.get(target["Arn"])
        if functie is None:
            raise LookupError(f"schedule {schedule['Name']} targets {target['Arn']}, which the template lacks")
        self._runtime.invoke(functie, json.loads(target.get("Input") or "{}"))
