"""One signed webhook POST (Standard Webhooks), to an address checked just before, with a hard time limit.

Built on the standard library's http.client and ssl rather than a pool: we open the socket ourselves, so
the connection goes to the checked IP (pinned against DNS rebinding) while TLS checks the certificate
against the host name, and a watchdog can end the whole exchange, TLS handshake and trickled headers
included, when the time is up. Per-read socket timeouts alone let a receiver that sends a byte now and
then hold a delivery indefinitely.
"""

import http.client
import math
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from typing import Protocol

from standardwebhooks import Webhook

from warmdoor.ports import Antwoord

FRAGMENT_TEKENS = 200
_LEES_BYTES = 4 * FRAGMENT_TEKENS  # enough for 200 characters of UTF-8


class Bestemming(Protocol):
    """The checked target (warmdoor.domain.webhookadres.Doel)."""

    @property
    def host(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def pad(self) -> str: ...
    @property
    def https(self) -> bool: ...
    @property
    def adressen(self) -> tuple[str, ...]: ...


class _Mislukt(Exception):
    """No complete answer in time; the message says why, without anything of the receiver's."""


class WebhookPost:
    """`controleer` is the address rule with its resolver and local origins bound
    (warmdoor.domain.webhookadres.controleer): it raises ValueError for a URL that may not be called."""

    def __init__(
        self,
        controleer: Callable[[str], Bestemming],
        ssl_context: ssl.SSLContext | None = None,
        connect_timeout: float = 3.0,
        timeout: float = 5.0,
    ) -> None:
        self._controleer = controleer
        self._ssl = ssl_context or ssl.create_default_context()
        self._connect_timeout = connect_timeout
        self._timeout = timeout

    def post(self, url: str, bericht_id: str, inhoud: str, geheimen: Sequence[str]) -> Antwoord:
        """POSTs `inhoud` signed with every secret (during a rotation the receiver may know either) and stamped
        with the wall-clock moment of sending, which receivers compare with their own clock. Network trouble
        is an Antwoord, never an exception."""
        if not geheimen:
            raise ValueError("a webhook is never sent unsigned")
        begin = time.monotonic()
        # The check looks the name up; a subscriber's name server that does not answer must not hold the
        # sender (and the other endpoints in its batch) longer than a connection may take.
        opzoeken = ThreadPoolExecutor(max_workers=1)
        try:
            doel = opzoeken.submit(self._controleer, url).result(timeout=self._connect_timeout)
        except ValueError as fout:
            return Antwoord(None, _ms_sinds(begin), f"adres geweigerd: {fout}", "")
        except FutureTimeoutError:
            return Antwoord(None, _ms_sinds(begin), f"naam niet opgezocht binnen {self._connect_timeout:g} s", "")
        finally:
            opzoeken.shutdown(wait=False)
        nu = datetime.now(UTC)
        headers = {
            "Host": _host_header(doel),
            "Content-Type": "application/json",
            "User-Agent": "WarmDoor-Webhooks/1",
            "webhook-id": bericht_id,
            "webhook-timestamp": str(math.floor(nu.timestamp())),  # as the library floors it when signing
            "webhook-signature": " ".join(Webhook(geheim).sign(bericht_id, nu, inhoud) for geheim in geheimen),
        }
        try:
            status, fragment = self._wissel(doel, headers, inhoud.encode())
        except _Mislukt as fout:
            return Antwoord(None, _ms_sinds(begin), str(fout), "")
        fout_3xx = f"doorverwijzing ({status}) niet gevolgd" if 300 <= status < 400 else None
        return Antwoord(status, _ms_sinds(begin), fout_3xx, fragment)

    def _wissel(self, doel: Bestemming, headers: dict[str, str], data: bytes) -> tuple[int, str]:
        """The status and the start of the body; _Mislukt when there is no answer within the time."""
        einde = time.monotonic() + self._timeout
        try:
            ruw = socket.create_connection((doel.adressen[0], doel.port), min(self._connect_timeout, self._timeout))
        except ConnectionRefusedError as fout:
            raise _Mislukt("verbinding geweigerd") from fout
        except TimeoutError as fout:
            raise _Mislukt(f"geen verbinding binnen {self._connect_timeout:g} s") from fout
        except OSError as fout:
            raise _Mislukt(f"geen verbinding: {fout.strerror or type(fout).__name__}") from fout
        verlopen_melding = f"timeout na {self._timeout:g} s"
        with ruw:
            sock = (
                self._ssl.wrap_socket(ruw, server_hostname=doel.host, do_handshake_on_connect=False)
                if doel.https
                else ruw
            )
            verbinding = http.client.HTTPConnection(doel.host, doel.port)
            verbinding.sock = sock  # already connected: http.client does not look the host up
            with closing(verbinding), _uiterlijk(sock, einde - time.monotonic()) as verlopen:
                try:
                    sock.settimeout(self._timeout)
                    if isinstance(sock, ssl.SSLSocket):
                        sock.do_handshake()
                    verbinding.request("POST", doel.pad, body=data, headers=headers)
                    antwoord = verbinding.getresponse()
                    begin = antwoord.read(_LEES_BYTES)
                except TimeoutError as fout:
                    raise _Mislukt(verlopen_melding) from fout
                except (OSError, http.client.HTTPException) as fout:
                    raise _Mislukt(verlopen_melding if verlopen.is_set() else _reden(fout)) from fout
                if verlopen.is_set():
                    # A cut-off answer can look whole: http.client takes the end of the stream for the end of
                    # the headers or of a body without a length.
                    raise _Mislukt(verlopen_melding)
        return antwoord.status, begin.decode("utf-8", errors="replace")[:FRAGMENT_TEKENS]


def _reden(fout: OSError | http.client.HTTPException) -> str:
    match fout:
        case ssl.SSLCertVerificationError():
            return f"TLS: {fout.verify_message}"
        case ssl.SSLError():
            return f"TLS: {fout.reason or type(fout).__name__}"
        case ConnectionResetError():  # http.client's RemoteDisconnected too
            return "verbinding verbroken zonder antwoord"
        case http.client.HTTPException():
            return f"ongeldig HTTP-antwoord ({type(fout).__name__})"
    return f"netwerkfout: {fout.strerror or type(fout).__name__}"


@contextmanager
def _uiterlijk(sock: socket.socket, seconden: float) -> Iterator[threading.Event]:
    """Shuts the socket down when the time is up, which ends whatever read or write is waiting on it.
    The plain socket's shutdown: an SSLSocket's own would touch TLS state the other thread is using."""
    verlopen = threading.Event()

    def af() -> None:
        verlopen.set()
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    wekker = threading.Timer(max(seconden, 0.0), af)
    wekker.daemon = True
    wekker.start()
    try:
        yield verlopen
    finally:
        wekker.cancel()


def _host_header(doel: Bestemming) -> str:
    host = f"[{doel.host}]" if ":" in doel.host else doel.host
    return host if doel.port == (443 if doel.https else 80) else f"{host}:{doel.port}"


def _ms_sinds(begin: float) -> int:
    return round((time.monotonic() - begin) * 1000)
