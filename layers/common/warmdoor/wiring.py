"""Builds the real adapters from settings, once, lazily. The only module that knows them all."""

from typing import Any

from warmdoor.adapters.clock import SystemClock
from warmdoor.domain.omgeving import Omgeving
from warmdoor.models.settings import settings
from warmdoor.ports import Clock

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
    settings.cache_clear()
