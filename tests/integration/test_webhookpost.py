"""The signed webhook POST against real receivers on 127.0.0.1, each an HTTP server in a thread."""

import json
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from warmdoor.adapters.webhookpost import WebhookPost
from warmdoor.domain.webhookadres import controleer

OUD = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
NIEUW = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
ANDER = "whsec_3Yp3MdXqBTb4NrjN0gd4NRJO4fqoKMQF"
PUBLIEK = "93.184.215.14"
BODY = json.dumps({"type": "incassostop.gestart", "data": {"einddatum": "2027-02-27", "toelichting": "Café"}})

Gedrag = Callable[[BaseHTTPRequestHandler, threading.Event], None]


@dataclass
class Ontvangen:
    pad: str
    headers: dict[str, str]
    body: str


@dataclass
class Ontvanger:
    server: ThreadingHTTPServer
    schema: str
    ontvangen: list[Ontvangen] = field(default_factory=list)
    verbindingen: int = 0

    @property
    def port(self) -> int:
        return self.server.server_address[1]

    @property
    def oorsprong(self) -> str:
        return f"{self.schema}://127.0.0.1:{self.port}"


def antwoord(status: int, body: bytes = b"", **headers: str) -> Gedrag:
    def gedrag(handler: BaseHTTPRequestHandler, _: threading.Event) -> None:
        handler.send_response(status)
        for naam, waarde in headers.items():
            handler.send_header(naam, waarde)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return gedrag


@pytest.fixture
def ontvanger() -> Iterator[Callable[..., Ontvanger]]:
    """Starts receivers; at the end releases whatever still waits and stops them."""
    stop = threading.Event()
    servers: list[ThreadingHTTPServer] = []

    def start(gedrag: Gedrag, tls: ssl.SSLContext | None = None) -> Ontvanger:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
                ontv.ontvangen.append(Ontvangen(self.path, dict(self.headers), body))
                with suppress(OSError):  # the client gave up: that is what some tests are about
                    gedrag(self, stop)

            def log_message(self, *_: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, *_: object) -> bool:
                ontv.verbindingen += 1
                return True

        server = Server(("127.0.0.1", 0), Handler)
        if tls is not None:
            server.socket = tls.wrap_socket(server.socket, server_side=True)
        ontv = Ontvanger(server, "https" if tls else "http")
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return ontv

    yield start
    stop.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def versturen(post: WebhookPost, url: str, geheimen: tuple[str, ...] = (NIEUW,)):
    return post.post(url, "msg_2Kx7Yd4", BODY, geheimen)


def lokaal(*ontvangers: Ontvanger, resolver=None) -> WebhookPost:
    """A sender that may reach these receivers as the local stack may reach its own."""
    toegestaan = frozenset(o.oorsprong for o in ontvangers)
    if resolver is None:
        return WebhookPost(partial(controleer, lokaal=toegestaan))
    return WebhookPost(partial(controleer, resolver=resolver, lokaal=toegestaan))


def test_a_receiver_verifies_the_delivery_with_the_old_and_the_new_secret_during_a_rotation(ontvanger):
    ontv = ontvanger(antwoord(204))
    voor = int(time.time())

    resultaat = lokaal(ontv).post(f"{ontv.oorsprong}/_local/webhooks/evides?x=1", "msg_2Kx7Yd4", BODY, [OUD, NIEUW])

    assert (resultaat.status, resultaat.fout, resultaat.fragment, resultaat.geslaagd) == (204, None, "", True)
    [ontvangen] = ontv.ontvangen
    assert ontvangen.pad == "/_local/webhooks/evides?x=1"
    assert ontvangen.body == BODY
    assert ontvangen.headers["webhook-id"] == "msg_2Kx7Yd4"
    assert voor <= int(ontvangen.headers["webhook-timestamp"]) <= time.time()  # the moment of sending
    assert ontvangen.headers["Content-Type"] == "application/json"
    assert ontvangen.headers["User-Agent"] == "WarmDoor-Webhooks/1"
    assert len(ontvangen.headers["webhook-signature"].split(" ")) == 2
    for geheim in (OUD, NIEUW):
        assert Webhook(geheim).verify(ontvangen.body, ontvangen.headers) == json.loads(BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(ANDER).verify(ontvangen.body, ontvangen.headers)


def test_a_webhook_is_never_sent_unsigned(ontvanger):
    ontv = ontvanger(antwoord(204))
    with pytest.raises(ValueError, match="unsigned"):
        versturen(lokaal(ontv), f"{ontv.oorsprong}/", geheimen=())
    assert ontv.verbindingen == 0


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def tls_server(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("ontvanger.test").configure_cert(context)
    return context


def tls_client(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context()
    ca.configure_trust(context)
    return context


def test_https_goes_to_the_checked_address_with_the_host_name_in_host_header_and_certificate_check(ontvanger, ca):
    ontv = ontvanger(antwoord(200, b"ok"), tls=tls_server(ca))
    opgezocht: list[str] = []

    def resolver(host: str, port: int) -> list[str]:
        opgezocht.append(host)
        return ["127.0.0.1"]  # the system resolver does not know ontvanger.test: only the pinned address works

    post = WebhookPost(
        partial(controleer, resolver=resolver, lokaal={f"https://ontvanger.test:{ontv.port}"}),
        ssl_context=tls_client(ca),
    )
    resultaat = versturen(post, f"https://ontvanger.test:{ontv.port}/hook")

    assert (resultaat.status, resultaat.fout, resultaat.fragment) == (200, None, "ok")
    assert ontv.ontvangen[0].headers["Host"] == f"ontvanger.test:{ontv.port}"
    assert opgezocht == ["ontvanger.test"]


def test_a_certificate_for_another_name_is_refused(ontvanger, ca):
    ontv = ontvanger(antwoord(200), tls=tls_server(ca))
    post = WebhookPost(
        partial(controleer, resolver=lambda host, port: ["127.0.0.1"], lokaal={f"https://ander.test:{ontv.port}"}),
        ssl_context=tls_client(ca),
    )
    resultaat = versturen(post, f"https://ander.test:{ontv.port}/hook")
    assert resultaat.status is None
    assert resultaat.fout is not None
    assert resultaat.fout.startswith("TLS: ")
    assert "ander.test" in resultaat.fout
    assert ontv.ontvangen == []


def test_a_name_that_resolves_to_a_private_address_at_send_time_is_refused_without_connecting(ontvanger):
    """DNS rebinding: public when the subscription was made, 127.0.0.1 when the message goes out."""
    ontv = ontvanger(antwoord(200))
    antwoorden = iter([[PUBLIEK], ["127.0.0.1"]])
    regel = partial(controleer, resolver=lambda host, port: next(antwoorden))
    url = f"https://rebind.test:{ontv.port}/hook"
    regel(url)  # accepted when subscribing

    resultaat = versturen(WebhookPost(regel), url)

    assert resultaat.status is None
    assert resultaat.fout == "adres geweigerd: De URL verwijst naar een intern adres (127.0.0.1)"
    assert ontv.verbindingen == 0


@pytest.mark.parametrize("url", ["http://hooks.example.org/", "https://169.254.169.254/latest/meta-data/"])
def test_a_refused_url_is_a_failed_attempt_not_an_exception(url):
    resultaat = versturen(WebhookPost(controleer), url)
    assert resultaat.status is None
    assert resultaat.fout is not None
    assert resultaat.fout.startswith("adres geweigerd: ")
    assert not resultaat.geslaagd


def test_a_redirect_is_not_followed(ontvanger):
    doelwit = ontvanger(antwoord(200))
    ontv = ontvanger(antwoord(302, Location=f"{doelwit.oorsprong}/intern"))

    resultaat = versturen(lokaal(ontv, doelwit), f"{ontv.oorsprong}/hook")

    assert (resultaat.status, resultaat.fout, resultaat.geslaagd) == (302, "doorverwijzing (302) niet gevolgd", False)
    assert doelwit.verbindingen == 0


def test_a_receiver_that_takes_10_seconds_is_given_up_after_5(ontvanger):
    def traag(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        stop.wait(10)
        antwoord(200)(handler, stop)

    ontv = ontvanger(traag)
    begin = time.monotonic()
    resultaat = versturen(lokaal(ontv), f"{ontv.oorsprong}/hook")

    assert time.monotonic() - begin < 6
    assert (resultaat.status, resultaat.fout) == (None, "timeout na 5 s")
    assert resultaat.duur_ms >= 5000


def test_a_receiver_that_trickles_its_answer_cannot_hold_the_sender_beyond_the_timeout(ontvanger):
    def druppelt(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        handler.wfile.write(b"HTTP/1.1 200 OK\r\nX-Traag: ")
        while not stop.wait(0.1):  # a byte well within every read timeout, but never the end of the headers
            handler.wfile.write(b"x")

    ontv = ontvanger(druppelt)
    post = WebhookPost(partial(controleer, lokaal={ontv.oorsprong}), timeout=1.0)
    begin = time.monotonic()
    resultaat = versturen(post, f"{ontv.oorsprong}/hook")

    assert time.monotonic() - begin < 2
    assert (resultaat.status, resultaat.fout) == (None, "timeout na 1 s")


def test_only_the_first_200_characters_of_an_error_body_are_kept(ontvanger):
    tekst = "Interne fout: " + "é" * 5000
    ontv = ontvanger(antwoord(500, tekst.encode()))

    resultaat = versturen(lokaal(ontv), f"{ontv.oorsprong}/hook")

    assert (resultaat.status, resultaat.fout, resultaat.geslaagd) == (500, None, False)
    assert resultaat.fragment == tekst[:200]


def test_a_refused_connection_has_no_status():
    with socket.socket() as vrij:
        vrij.bind(("127.0.0.1", 0))
        port = vrij.getsockname()[1]
    oorsprong = f"http://127.0.0.1:{port}"

    resultaat = versturen(WebhookPost(partial(controleer, lokaal={oorsprong})), f"{oorsprong}/hook")

    assert (resultaat.status, resultaat.fout, resultaat.fragment) == (None, "verbinding geweigerd", "")
