"""Builds the real adapters from settings, once, lazily. The only module that knows them all."""

from functools import cache
from typing import TYPE_CHECKING, Any

from warmdoor.adapters.clock import SystemClock
from warmdoor.domain.omgeving import Omgeving
from warmdoor.models.settings import settings
from warmdoor.ports import Clock, EmailVerzender, Gebruiksplan, SmsVerzender, TimerPlanner

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


_clients: dict[str, Any] = {}


def client(service: str) -> Any:
    """One boto3 client per service for the life of the process, as a warm Lambda keeps it."""
    if service not in _clients:
        import boto3  # imported when first needed: it is the largest part of a cold start

        _clients[service] = boto3.client(service)
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
    for gebouwd in (settings, email_verzender, sms_verzender, eenmalig, timer_planner, gebruiksplan):
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
def gebruiksplan() -> Gebruiksplan:
    from warmdoor.adapters.gebruiksplan import ApiGatewayGebruiksplan

    return ApiGatewayGebruiksplan(client("apigateway"), settings().gebruiksplan)
