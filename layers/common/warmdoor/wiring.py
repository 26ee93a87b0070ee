"""Builds the real adapters from settings, once, lazily. The only module that knows them all."""

import logging
from functools import cache
from typing import TYPE_CHECKING, Any

from warmdoor.adapters.clock import SystemClock
from warmdoor.domain.omgeving import Omgeving
from warmdoor.models.settings import settings
from warmdoor.ports import Clock, EmailVerzender, Gebruiksplan, SmsVerzender, TimerPlanner

if TYPE_CHECKING:
    from warmdoor.adapters.eenmalig import PowertoolsEenmalig
    from warmdoor.adapters.gebeurtenisbus import EventBridgeBus

_clock: Clock = SystemClock()
_omgeving: Omgeving | None = None


def gebruik_klok(clock: Clock) -> None:
    """Local mode and tests move time; everything reads it from here."""
    global _clock, _omgeving
    _clock = clock
    _omgeving = None


def klok() -> Clock:
    return _clock


_clients: dict[str, Any] = {}

# The AWS libraries and Powertools' resolver log whole requests, responses and parsed bodies at DEBUG,
# personal data included: LogLevel=DEBUG (Lambda's ApplicationLogLevel) is for WarmDoor's own lines only.
for _bibliotheek in ("boto3", "botocore", "urllib3", "s3transfer", "aws_lambda_powertools"):
    logging.getLogger(_bibliotheek).setLevel(logging.WARNING)

# Retries and timeouts that fit inside what the caller can wait (template: 10 s for the API and the
# authorizer, 30 s for the stream consumers). boto3's own defaults (10 attempts for DynamoDB, 60 s
# timeouts) outlast the API's 10 s, so a throttled call would end in a timeout instead of a clear 503.
# Worst case per call: attempts x (connect + read) + backoff; tests/infra checks it against the template.
SNEL: dict[str, Any] = {
    "connect_timeout": 0.5,
    "read_timeout": 1.5,
    "retries": {"mode": "standard", "total_max_attempts": 3},
}
# Sending a message or setting a timer may take seconds; a send that timed out may still have gone out,
# so it gets time rather than an early retry.
GEDULDIG: dict[str, Any] = {
    "connect_timeout": 1,
    "read_timeout": 5,
    "retries": {"mode": "standard", "total_max_attempts": 3},
}
# The operator's replay waits for whole function runs, and never invokes one twice by itself.
AANROEP: dict[str, Any] = {
    "connect_timeout": 2,
    "read_timeout": 90,
    "retries": {"mode": "standard", "total_max_attempts": 1},
}
PROFIELEN: dict[str, dict[str, Any]] = {"sesv2": GEDULDIG, "sns": GEDULDIG, "scheduler": GEDULDIG, "lambda": AANROEP}


def client(service: str) -> Any:
    """One boto3 client per service for the life of the process, as a warm Lambda keeps it."""
    if service not in _clients:
        import boto3  # imported when first needed: it is the largest part of a cold start
        from botocore.config import Config

        _clients[service] = boto3.client(service, config=Config(**PROFIELEN.get(service, SNEL)))
    return _clients[service]


def vergeet_clients() -> None:
    """For a process that moves to another (emulated) AWS, such as each test."""
    _clients.clear()


def omgeving() -> Omgeving:
    global _omgeving
    if _omgeving is None:
        from warmdoor.store.repository import DynamoRepository

        instellingen = settings()
        from warmdoor.adapters.metingen import PowertoolsMetingen

        _omgeving = Omgeving(
            repo=DynamoRepository(client("dynamodb"), instellingen.table_name),
            clock=_clock,
            settings=instellingen,
            metingen=PowertoolsMetingen(),
        )
    return _omgeving


def reset() -> None:
    """Forget built adapters and settings, so the next use reads the environment again (clients stay)."""
    global _omgeving
    _omgeving = None
    for gebouwd in (settings, email_verzender, sms_verzender, eenmalig, timer_planner, gebruiksplan, gebeurtenisbus):
        gebouwd.cache_clear()


@cache
def email_verzender() -> EmailVerzender:
    from warmdoor.adapters.ses import SesEmailVerzender

    instellingen = settings()
    return SesEmailVerzender(client("sesv2"), instellingen.mail_afzender, instellingen.mail_antwoordadres)


@cache
def sms_verzender() -> SmsVerzender:
    from warmdoor.adapters.sns import SnsSmsVerzender

    return SnsSmsVerzender(client("sns"), settings().sms_afzender)


@cache
def eenmalig() -> "PowertoolsEenmalig":
    from aws_lambda_powertools.utilities.idempotency import DynamoDBPersistenceLayer

    from warmdoor.adapters.eenmalig import PowertoolsEenmalig

    return PowertoolsEenmalig(
        DynamoDBPersistenceLayer(table_name=settings().idempotentie_tabel, boto3_client=client("dynamodb"))
    )


@cache
def timer_planner() -> TimerPlanner:
    from warmdoor.adapters.scheduler import SchedulerPlanner

    s = settings()
    return SchedulerPlanner(client("scheduler"), s.timer_groep, s.timer_functie_arn, s.timer_rol_arn, s.timer_dlq_arn)


@cache
def gebeurtenisbus() -> "EventBridgeBus":
    from warmdoor.adapters.gebeurtenisbus import EventBridgeBus

    return EventBridgeBus(client("events"), settings().gebeurtenisbus)


@cache
def gebruiksplan() -> Gebruiksplan:
    from warmdoor.adapters.gebruiksplan import ApiGatewayGebruiksplan

    return ApiGatewayGebruiksplan(client("apigateway"), settings().gebruiksplan)
