"""The composition root: builds, from a function's environment, the one object its handler works with.
The only module that knows the concrete adapters. Built once per function instance (a warm Lambda keeps
it); the local stack builds its own through the same function, with its movable clock."""

import logging
import os
from collections.abc import Callable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Imported where they are used: a handler module imports this one, and the domain and its pydantic
    # models are most of a cold start (a page like the sign-in form needs none of them).
    from warmdoor.adapters.eenmalig import DynamoEenmalig
    from warmdoor.adapters.gebeurtenisbus import EventBridgeBus
    from warmdoor.domain.context import Context
    from warmdoor.domain.webhookbezorging import Bezorging
    from warmdoor.domain.webhooks import Adrescontrole
    from warmdoor.models.settings import Settings
    from warmdoor.models.webhooks import Webhook
    from warmdoor.ports import (
        Berichtwachtrij,
        Clock,
        EmailVerzender,
        Gebruikers,
        Gebruiksplan,
        SmsVerzender,
        Teksten,
        TimerPlanner,
    )
    from warmdoor.store.webhooks import DynamoWebhooks

# The AWS libraries and Powertools' resolver log whole requests, responses and parsed bodies at DEBUG,
# personal data included: LogLevel=DEBUG (Lambda's ApplicationLogLevel) is for WarmDoor's own lines only.
for _bibliotheek in ("boto3", "botocore", "urllib3", "s3transfer", "aws_lambda_powertools"):
    logging.getLogger(_bibliotheek).setLevel(logging.WARNING)

# Retries and timeouts that fit inside what the caller can wait (template: 10 s for the API and the
# authorizer, 30-60 s for the consumers). boto3's own defaults (10 attempts for DynamoDB, 60 s timeouts)
# outlast the API's 10 s, so a throttled call would end in a timeout instead of a clear 503.
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
# The user pool sends an invitation e-mail while it answers AdminCreateUser, and a retried creation that had
# gone through is a 409: time for one call, one retry (throttling), within the API's 10 s.
GEBRUIKERSPOOL: dict[str, Any] = {
    "connect_timeout": 0.5,
    "read_timeout": 4,
    "retries": {"mode": "standard", "total_max_attempts": 2},
}
PROFIELEN: dict[str, dict[str, Any]] = {
    "sesv2": GEDULDIG,
    "sns": GEDULDIG,
    "scheduler": GEDULDIG,
    "lambda": AANROEP,
    "cognito-idp": GEBRUIKERSPOOL,
}


class Clients:
    """One boto3 client per service, made at first use (boto3 is the largest part of a cold start)."""

    def __init__(self) -> None:
        self._clients: dict[str, Any] = {}

    def __call__(self, service: str) -> Any:
        if service not in self._clients:
            import boto3
            from botocore.config import Config

            self._clients[service] = boto3.client(service, config=Config(**PROFIELEN.get(service, SNEL)))
        return self._clients[service]


class Diensten:
    """Everything a handler works with; each adapter is made at its first use."""

    def __init__(self, settings: "Settings", klok: "Clock") -> None:
        self.settings = settings
        self.klok = klok
        self.clients = Clients()

    @cached_property
    def context(self) -> "Context":
        from warmdoor.adapters.metingen import PowertoolsMetingen
        from warmdoor.domain.context import Context
        from warmdoor.domain.doorverwijzing import Beleid
        from warmdoor.store.repository import DynamoRepository

        s = self.settings
        beleid = Beleid(
            contact_termijn_dagen=s.contact_termijn_dagen,
            contact_termijn_werkdagen=s.contact_termijn_soort == "werkdagen",
            incassostop_dagen=s.incassostop_dagen,
            incassostop_max_dagen=s.incassostop_max_dagen,
            bewaartermijn_dagen=s.bewaartermijn_dagen,
            toestemming_max_dagen=s.toestemming_max_dagen,
        )
        repo = DynamoRepository(self.clients("dynamodb"), s.table_name)
        return Context(repo=repo, klok=self.klok, beleid=beleid, metingen=PowertoolsMetingen())

    @cached_property
    def teksten(self) -> "Teksten":
        from warmdoor.messages.teksten import JinjaTeksten

        return JinjaTeksten(self.settings.web_base_url or None)

    @cached_property
    def email_verzender(self) -> "EmailVerzender":
        from warmdoor.adapters.ses import SesEmailVerzender

        s = self.settings
        return SesEmailVerzender(self.clients("sesv2"), s.mail_afzender, s.mail_antwoordadres or None)

    @cached_property
    def sms_verzender(self) -> "SmsVerzender":
        from warmdoor.adapters.sns import SnsSmsVerzender

        return SnsSmsVerzender(self.clients("sns"), self.settings.sms_afzender)

    @cached_property
    def eenmalig(self) -> "DynamoEenmalig":
        from warmdoor.adapters.eenmalig import DynamoEenmalig

        return DynamoEenmalig(self.clients("dynamodb"), self.settings.idempotentie_tabel)

    @cached_property
    def timer_planner(self) -> "TimerPlanner":
        from warmdoor.adapters.scheduler import SchedulerPlanner

        s = self.settings
        return SchedulerPlanner(
            self.clients("scheduler"), s.timer_groep, s.timer_functie_arn, s.timer_rol_arn, s.timer_dlq_arn
        )

    @cached_property
    def gebruiksplan(self) -> "Gebruiksplan":
        from warmdoor.adapters.gebruiksplan import ApiGatewayGebruiksplan

        return ApiGatewayGebruiksplan(self.clients("apigateway"), self.settings.gebruiksplan)

    @cached_property
    def gebruikers(self) -> "Gebruikers":
        """The pages' accounts, in the user pool GEBRUIKERSPOOL_ID."""
        from warmdoor.adapters.cognito import CognitoGebruikers

        return CognitoGebruikers(self.clients("cognito-idp"), self.settings.gebruikerspool_id)

    def gebruikssleutel(self, sleutel_id: str) -> str:
        """The value of a WarmDoor key's allowance in the usage plan (what the authorizer names)."""
        from warmdoor.adapters.gebruiksplan import gebruikssleutel

        return gebruikssleutel(self.settings.gebruiksplan, sleutel_id)

    @cached_property
    def gebeurtenisbus(self) -> "EventBridgeBus":
        from warmdoor.adapters.gebeurtenisbus import EventBridgeBus

        return EventBridgeBus(self.clients("events"), self.settings.gebeurtenisbus)

    @cached_property
    def webhooks(self) -> "DynamoWebhooks":
        from warmdoor.store.webhooks import DynamoWebhooks

        return DynamoWebhooks(self.clients("dynamodb"), self.settings.table_name)

    @cached_property
    def berichtwachtrij(self) -> "Berichtwachtrij":
        from warmdoor.adapters.berichtwachtrij import SqsBerichtwachtrij

        return SqsBerichtwachtrij(self.clients("sqs"), self.settings.webhook_wachtrij_url)

    @cached_property
    def webhookadres(self) -> "Adrescontrole":
        """The address rules of a webhook URL, with DNS (and the local stack's own receiver, if it is one)."""
        from functools import partial

        from warmdoor.domain.webhookadres import controleer, dns

        lokaal = frozenset(o.strip().lower() for o in self.settings.webhook_lokale_ontvangers.split(",") if o.strip())
        return partial(controleer, resolver=dns, lokaal=lokaal)

    @cached_property
    def bezorging(self) -> "Bezorging":
        from datetime import timedelta

        from warmdoor.adapters.scheduler import SchedulerPlanner
        from warmdoor.adapters.webhookpost import WebhookPost
        from warmdoor.domain.webhookbezorging import Bezorging

        s = self.settings
        planner = SchedulerPlanner(
            self.clients("scheduler"), s.webhook_groep, s.webhook_wachtrij_arn, s.webhook_rol_arn, s.webhook_dlq_arn
        )
        return Bezorging(
            poster=WebhookPost(self.webhookadres),
            planner=planner,
            wachtrij=self.berichtwachtrij,
            uitschakelen_na=timedelta(days=s.webhook_uitschakelen_na_dagen),
            melden=self._webhook_uitgeschakeld,
        )

    def _webhook_uitgeschakeld(self, webhook: "Webhook") -> None:
        """E-mails the owner that its endpoint was switched off."""
        from warmdoor.domain.webhooks import eigenaar_email
        from warmdoor.messages import render
        from warmdoor.ports import Email

        adres = eigenaar_email(self.context, webhook)
        if adres is None:
            return
        onderwerp, tekst, html = render.email("webhook_uitgeschakeld", {"webhook": webhook})
        self.email_verzender.verstuur(Email(aan=(adres,), onderwerp=onderwerp, tekst=tekst, html=html))


def bouw(omgeving: Mapping[str, str] | None = None, klok: "Clock | None" = None) -> Diensten:
    """From the function's environment (template.yaml) and the real clock, unless told otherwise."""
    from warmdoor.adapters.clock import SystemClock
    from warmdoor.models.settings import Settings

    return Diensten(Settings.uit(os.environ if omgeving is None else omgeving), klok or SystemClock())


class PerFunctie:
    """A handler's Diensten, built at its first invocation and kept (as a warm Lambda keeps it).
    The local stack hands each function instance its own (`zet`), as it builds its Lambda environment."""

    def __init__(self, maak: Callable[[], Diensten] = bouw) -> None:
        self._maak = maak
        self._diensten: Diensten | None = None

    def __call__(self) -> Diensten:
        if self._diensten is None:
            self._diensten = self._maak()
        return self._diensten

    def zet(self, diensten: Diensten) -> None:
        self._diensten = diensten
