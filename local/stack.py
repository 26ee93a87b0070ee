"""The whole system on one machine: emulated AWS, the template's functions, streams, timers and clock,
behind one HTTP port. Used by `make run`, the end-to-end tests and the benchmark."""

import json
import logging
import os
import threading
import time
from dataclasses import asdict
from datetime import datetime, timedelta
from http import HTTPStatus
from typing import Any

from werkzeug.serving import BaseWSGIServer, make_server

from local import aws, bewaren, demo, outbox, replay
from local.clock import MAX_VOORSPRONG, MovableClock, parse_duration
from local.gateway import Gateway, HttpResponse
from local.lambdas import Runtime
from local.ontvanger import PAD, Ontvanger
from local.page import outbox_page
from local.pumps import Pumps
from local.queues import QueuePump
from local.streams import StreamPump
from local.timers import TimerPump
from local.wsgi import application
from warmdoor.domain import sleutels
from warmdoor.domain.webhooks import geldige_geheimen
from warmdoor.store.repository import DynamoRepository
from warmdoor.store.webhooks import DynamoWebhooks


def _json(status: int, body: Any) -> HttpResponse:
    return HttpResponse(status, {"Content-Type": "application/json"}, json.dumps(body, default=str).encode())


def _problem(status: HTTPStatus, detail: str) -> HttpResponse:
    body = {"type": "about:blank", "title": status.phrase, "status": status.value, "detail": detail}
    return HttpResponse(status.value, {"Content-Type": "application/problem+json"}, json.dumps(body).encode())


class LocalStack:
    def __init__(
        self,
        port: int,
        admin_key: str,
        keep: bool = False,
        log_level: str = "WARN",
        access_log: bool = False,
        start: datetime | None = None,
        aws_host: str = "127.0.0.1",
    ) -> None:
        """`start`: where the clock begins (now when not given); `aws_host`: where the emulated AWS listens
        (0.0.0.0 lets sam local's containers reach it on Linux)."""
        # The emulated AWS and the HTTP front both log every request through werkzeug; keep our own lines.
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self.port = port
        self.admin_key = admin_key
        self.url = f"http://127.0.0.1:{port}"
        self._keep = keep
        self._emulated = aws.start(host=aws_host)
        refs = self._emulated.refs
        refs["PublicBaseUrl"] = f"{self.url}/v1"
        refs["WebBaseUrl"] = self.url
        refs["LogLevel"] = log_level
        self.refs = refs
        aws.create_resources(refs)
        self.clock = MovableClock(start)
        self.gestart = self.clock.now()
        # The one place webhooks may go over http to this machine: the stack's own receiver.
        self.runtime = Runtime(refs, {**os.environ, "WEBHOOK_LOKALE_ONTVANGERS": self.url}, self.clock)
        self.ontvanger = Ontvanger(self._webhookgeheimen)
        self.gateway = Gateway(self.runtime, f"127.0.0.1:{port}")
        restored = keep and bewaren.restore(refs, self.clock)
        if restored:
            # The usage plan lives in the emulated API Gateway, which starts empty: give the keys back theirs.
            sleutels.gebruiksplan_herstellen(self._repo(), aws.gebruiksplan(refs))
        self.pumps = Pumps(
            StreamPump(self.runtime, refs, start="LATEST" if restored else "TRIM_HORIZON"),
            QueuePump(self.runtime, refs),
        )
        self.timers = TimerPump(self.runtime, refs, self.clock)
        if not restored:
            self._seed()
        self._server: BaseWSGIServer = make_server(
            "127.0.0.1", port, application(self.gateway, self._local, access_log=access_log), threaded=True
        )
        self._stop = threading.Event()
        self._serving = False
        self._ticker = threading.Thread(target=self._tick, name="timer-pump", daemon=True)

    # --- life cycle ---------------------------------------------------------------------------

    @property
    def aws_endpoint(self) -> str:
        return self._emulated.endpoint

    def _repo(self) -> DynamoRepository:
        return DynamoRepository(aws.client("dynamodb"), self.refs["Tabel"])

    def _seed(self) -> None:
        demo.seed(self.gateway, self.runtime, aws.gebruiksplan(self.refs), self.admin_key, self.clock, self.url + PAD)

    def _webhookgeheimen(self, url: str) -> list[str]:
        """The secrets that sign for subscriptions to this URL now."""
        opslag = DynamoWebhooks(aws.client("dynamodb"), self.refs["Tabel"])
        nu = self.clock.now()
        gevonden: list[str] = []
        volgende: str | None = None
        while True:
            pagina = opslag.webhooks(volgende, 100)
            gevonden += [g for w in pagina.items if w.url == url for g in geldige_geheimen(w, nu)]
            if (volgende := pagina.volgende) is None:
                return gevonden

    def serve_forever(self) -> None:
        self.pumps.start()
        self._ticker.start()
        self._serving = True
        self._server.serve_forever()

    def stop_serving(self) -> None:
        """Ends serve_forever(); call it from another thread."""
        self._server.shutdown()

    def start_in_background(self) -> None:
        threading.Thread(target=self.serve_forever, name="http", daemon=True).start()

    def shutdown(self) -> None:
        self._stop.set()
        if self._serving:  # shutdown() waits for a serve_forever() that never started otherwise
            self._server.shutdown()
        self._server.server_close()
        if self._ticker.is_alive():
            self._ticker.join()  # a timer being fired finishes before the state is saved
        self.pumps.stop()
        self.pumps.drain()  # what was started is finished, so that nothing is left half-way
        if self._keep:
            bewaren.save(self.refs, self.clock)
        self._emulated.stop()

    def _tick(self) -> None:
        # The clock runs with real time, so one-time schedules also come due without a jump.
        while not self._stop.wait(1.0):
            if self.timers.fire_due():
                self.pumps.drain()

    # --- /_local/ -----------------------------------------------------------------------------

    def advance(self, delta: timedelta) -> None:
        """Moves the clock, then fires what came due and drains the streams until all is quiet."""
        self.clock.advance(delta)
        self.settle()

    def settle(self) -> None:
        for _ in range(20):
            self.pumps.drain()
            if not self.timers.fire_due():
                self.pumps.drain()
                return

    def replay(self) -> dict[str, int]:
        """`make replay` for the local stack: every failure queue, through the same functions."""
        uitkomst = replay.opnieuw(self.runtime, self.refs)
        self.settle()
        return {**asdict(uitkomst), "nog_in_foutwachtrijen": replay.nog_mislukt(self.refs)}

    def _local(self, method: str, path: str, headers: dict[str, str], body: bytes) -> HttpResponse | None:
        pad = path.split("?")[0].rstrip("/")
        if not pad.startswith("/_local"):
            return None
        if pad == "/_local" and method == "GET":
            pagina = outbox_page(outbox.outbox(), self.ontvanger.ontvangen())
            return HttpResponse(200, {"Content-Type": "text/html; charset=utf-8"}, pagina.encode())
        if pad == "/_local/outbox" and method == "GET":
            return _json(200, outbox.outbox())
        if pad == PAD and method == "GET":
            return _json(200, self.ontvanger.ontvangen())
        if pad.startswith(PAD + "/") and method == "POST":
            return HttpResponse(self.ontvanger.post(self.url + path, headers, body), {}, b"")
        if pad == "/_local/aws" and method == "GET":
            # What `make invoke` needs to run a function against this stack as it runs its own.
            return _json(
                200,
                {
                    "endpoint": self._emulated.endpoint,
                    "region": aws.REGION,
                    "refs": self.refs,
                    "now": self.clock.now().isoformat(),
                    "started": self.gestart.isoformat(),
                },
            )
        if pad == "/_local/replay" and method == "POST":
            return _json(200, self.replay())
        if pad == "/_local/clock" and method == "GET":
            return _json(200, {"now": self.clock.now().isoformat()})
        if pad == "/_local/clock" and method == "POST":
            try:
                verzoek = json.loads(body or b"{}")
                delta = parse_duration(str(verzoek["advance"]))
            except (ValueError, KeyError, TypeError, RecursionError):
                return _problem(HTTPStatus.BAD_REQUEST, 'Stuur {"advance": "<ISO 8601-duur, zoals P3DT1H>"}')
            try:
                self.advance(delta)
            except ValueError:
                return _problem(
                    HTTPStatus.BAD_REQUEST,
                    f"De klok mag hoogstens {MAX_VOORSPRONG.days} dagen voorlopen op de echte tijd",
                )
            return _json(200, {"now": self.clock.now().isoformat()})
        return _problem(HTTPStatus.NOT_FOUND, "Onbekend pad onder /_local")


def wait_until_up(url: str, timeout: float = 60) -> None:
    import urllib.request

    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(f"{url}/_local/clock", timeout=2):  # noqa: S310 - local URL
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"the local stack did not answer at {url}")
