"""Builds the real adapters from settings, once, lazily. The only module that knows them all."""

from functools import cache
from typing import TYPE_CHECKING, Any

from warmdoor.adapters.clock import SystemClock
from warmdoor.domain.omgeving import Omgeving
from warmdoor.models.settings import settings
from warmdoor.ports import Clock, EmailVerzender, SmsVerzender, TimerPlanner

if TYPE_CHECKING:
    from warmdoor.adapters.eenmalig import PowertoolsEenmalig

_clock: Clock = SystemClock()
_omgeving: Omgeving | None = None


def gebruik_klok(clock: Clock) -> None:
    """Local mode and tests move time; everything reads it from here."""
    global _clock, _omgeving
    _clock = clock
    _omgeving = None


def klok() -> Clock:
    return _clock


def dynamodb_client() -> Any:
    import boto3  # imported when first needed: it is the largest part of a cold start

    return boto3.client("dynamodb")


def omgeving() -> Omgeving:
    global _omgeving
    if _omgeving is None:
        from warmdoor.store.repository import DynamoRepository

        instellingen = settings()
        _omgeving = Omgeving(
            repo=DynamoRepository(dynamodb_client(), instellingen.table_name),
            clock=_clock,
            settings=instellingen,
        )
    return _omgeving


def reset() -> None:
    """Forget built adapters and settings, so the next use reads the environment again."""
    global _omgeving
    _omgeving = None
    for gebouwd in (settings, email_verzender, sms_verzender, eenmalig, timer_planner):
        gebouwd.cache_clear()


@cache
def email_verzender() -> EmailVerzender:
    import boto3

    from warmdoor.adapters.ses import SesEmailVerzender

    instellingen = settings()
    return SesEmailVerzender(boto3.client("sesv2"), instellingen.mail_afzender, instellingen.mail_antwoordadres)


@cache
def sms_verzender() -> SmsVerzender:
    import boto3

    from warmdoor.adapters.sns import SnsSmsVerzender

    return SnsSmsVerzender(boto3.client("sns"), settings().sms_afzender)


@cache
def eenmalig() -> "PowertoolsEenmalig":
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    from warmdoor.adapters.eenmalig import PowertoolsEenmalig

    return PowertoolsEenmalig(
        DynamoDBPersistenceLayer(table_name=settings().idempotentie_tabel, boto3_client=dynamodb_client())
    )


@cache
def timer_planner() -> TimerPlanner:
    import boto3

    from warmdoor.adapters.scheduler import SchedulerPlanner

    s = settings()
    return SchedulerPlanner(
        boto3.client("scheduler"), s.timer_groep, s.timer_functie_arn, s.timer_rol_arn, s.timer_dlq_arn
    )
