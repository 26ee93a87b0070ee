"""The local stack's webhook receiver at /_local/webhooks/<name>: keeps what arrives and checks its signature
with the secrets the subscription for that URL has (as a creditor's or organisation's system would).

`?status=503` in a subscription's URL makes the receiver answer that status, to see retries at work."""

import json
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import parse_qs, urlsplit

from standardwebhooks import Webhook as Handtekening
from standardwebhooks.webhooks import WebhookVerificationError

PAD = "/_local/webhooks"
_KOPREGELS = ("webhook-id", "webhook-timestamp", "webhook-signature")
_STATUSSEN = {s.value for s in HTTPStatus}


class Ontvanger:
    def __init__(self, geheimen: Callable[[str], list[str]]) -> None:
        """`geheimen`: the secrets of the subscription(s) whose URL is this one."""
        self._geheimen = geheimen
        self._lock = threading.Lock()
        self._ontvangen: list[dict[str, Any]] = []

    def ontvangen(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._ontvangen)

    def _klopt(self, url: str, body: bytes, headers: Mapping[str, str]) -> bool:
        for geheim in self._geheimen(url):
            try:
                Handtekening(geheim).verify(body, dict(headers))
            except WebhookVerificationError:
                continue
            return True
        return False

    def post(self, url: str, headers: Mapping[str, str], body: bytes) -> int:
        """Keeps the delivery; returns the status to answer."""
        kop = {naam.lower(): waarde for naam, waarde in headers.items()}
        delen = urlsplit(url)
        try:
            inhoud: Any = json.loads(body)
        except ValueError:
            inhoud = body.decode(errors="replace")
        gevraagd = (parse_qs(delen.query).get("status") or ["204"])[0]
        status = int(gevraagd) if gevraagd.isdigit() and int(gevraagd) in _STATUSSEN else 204
        with self._lock:
            self._ontvangen.append(
                {
                    "ontvanger": delen.path.removeprefix(PAD).strip("/"),
                    "ontvangenOp": datetime.now(UTC).isoformat(),
                    **{naam: kop.get(naam) for naam in _KOPREGELS},
                    "handtekeningKlopt": self._klopt(url, body, kop),
                    "antwoord": status,
                    "inhoud": inhoud,
                }
            )
        return status
