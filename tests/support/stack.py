"""The system under test on in-process emulated AWS: tables from template.yaml, handlers behind the
local API Gateway, a movable clock, and a small HTTP-like client per role."""

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import boto3

from local import aws, outbox
from local.aws import create_resources, physical_refs
from local.clock import MovableClock
from local.gateway import Gateway, HttpResponse
from local.lambdas import Runtime
from local.pumps import Pumps
from local.queues import QueuePump
from local.streams import StreamPump
from local.timers import TimerPump
from warmdoor.domain import sleutels
from warmdoor.models.enums import Rol
from warmdoor.store.repository import DynamoRepository


@dataclass
class Antwoord:
    status: int
    headers: dict[str, str]
    body: Any

    @classmethod
    def van(cls, response: HttpResponse) -> "Antwoord":
        tekst = response.body.decode()
        try:
            body = json.loads(tekst) if tekst else None
        except ValueError:
            body = tekst
        return cls(response.status, {k.lower(): v for k, v in response.headers.items()}, body)


@dataclass
class Caller:
    gateway: Gateway
    key: str | None

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Antwoord:
        alle = {"Content-Type": "application/json", **(headers or {})}
        if self.key is not None:
            alle["Authorization"] = f"Bearer {self.key}"
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else b"")
        return Antwoord.van(self.gateway.handle(method, path, alle, data))

    def get(self, path: str, **kw: Any) -> Antwoord:
        return self.request("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Antwoord:
        return self.request("POST", path, body, **kw)

    def put(self, path: str, body: Any = None, **kw: Any) -> Antwoord:
        return self.request("PUT", path, body, **kw)

    def delete(self, path: str, **kw: Any) -> Antwoord:
        return self.request("DELETE", path, **kw)


@dataclass
class Stack:
    gateway: Gateway
    clock: MovableClock
    repo: DynamoRepository
    table: str
    runtime: Runtime
    pumps: Pumps
    refs: dict[str, str]
    callers: dict[str, "Caller"] = field(default_factory=dict)

    timers: TimerPump | None = None

    def outbox(self) -> dict[str, Any]:
        return outbox.outbox()

    def settle(self) -> None:
        """Fires due timers and drains the streams until nothing is left, as POST /_local/clock does."""
        assert self.timers is not None
        for _ in range(20):
            self.pumps.drain()
            if not self.timers.fire_due():
                return

    def advance(self, delta: timedelta) -> None:
        self.clock.advance(delta)
        self.settle()

    def caller(self, key: str | None) -> Caller:
        return Caller(self.gateway, key)

    def register_key(self, rol: Rol, schuldeiser_id: str | None = None, organisatie_id: str | None = None) -> str:
        geheim = sleutels.nieuw_geheim()
        plan = aws.gebruiksplan(self.refs)
        sleutels.registreren(self.repo, plan, geheim, self.clock.now(), rol, schuldeiser_id, organisatie_id)
        return geheim


def build_stack(start: datetime | None = None) -> Stack:
    refs = physical_refs()
    create_resources(refs)
    clock = MovableClock(start)
    refs["PublicBaseUrl"] = "https://api.warmdoor.test/v1"
    refs["WebBaseUrl"] = "https://web.warmdoor.test"
    runtime = Runtime(refs, dict(os.environ), clock)
    gateway = Gateway(runtime, "api.warmdoor.test")
    repo = DynamoRepository(boto3.client("dynamodb"), refs["Tabel"])
    pumps = Pumps(StreamPump(runtime, refs), QueuePump(runtime, refs))
    stack = Stack(gateway, clock, repo, refs["Tabel"], runtime, pumps, refs)
    stack.timers = TimerPump(runtime, refs, clock)
    return stack
