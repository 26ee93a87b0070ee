"""Webhooks as a creditor's billing system and an organisation's case system receive them: signed (verified
with the standardwebhooks library), retried with the same id when the receiver is down, in order per
referral, a slow receiver holding up no other, rotation, switching off after failing, redelivery."""

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import boto3
import pytest
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from tests.conftest import START, aanmelding

SCHULDEISER_SOORTEN = [
    "incassostop.gestart",
    "incassostop.verlengd",
    "incassostop.beeindigd",
    "doorverwijzing.afgerond",
    "doorverwijzing.ingetrokken",
]


@dataclass
class Ontvangen:
    pad: str
    headers: dict[str, str]
    body: bytes
    op: float  # time.monotonic() when it arrived

    @property
    def inhoud(self) -> Any:
        return json.loads(self.body)


@dataclass
class Ontvangers:
    """A receiver per path: each answers the statuses queued for it (then 204), after its delay."""

    poort: int = 0
    ontvangen: list[Ontvangen] = field(default_factory=list)
    antwoorden: dict[str, list[int]] = field(default_factory=dict)
    vertraging: dict[str, float] = field(default_factory=dict)
    doorsturen: dict[str, str] = field(default_factory=dict)

    def url(self, pad: str) -> str:
        return f"http://127.0.0.1:{self.poort}{pad}"

    def op(self, pad: str) -> list[Ontvangen]:
        return [o for o in self.ontvangen if o.pad == pad]


@pytest.fixture
def ontvangers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Ontvangers]:
    staat = Ontvangers()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            staat.ontvangen.append(Ontvangen(self.path, dict(self.headers.items()), body, time.monotonic()))
            time.sleep(staat.vertraging.get(self.path, 0))
            wachtrij = staat.antwoorden.get(self.path) or []
            status = wachtrij.pop(0) if wachtrij else 204
            self.send_response(status)
            if self.path in staat.doorsturen:
                self.send_header("Location", staat.url(staat.doorsturen[self.path]))
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    staat.poort = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # The one origin webhooks may reach over http on this machine (as the local stack allows its own receiver).
    monkeypatch.setenv("WEBHOOK_LOKALE_ONTVANGERS", f"http://127.0.0.1:{staat.poort}")
    yield staat
    server.shutdown()


@pytest.fixture
def stack(aws: None, ontvangers: Ontvangers) -> Any:
    from tests.support.stack import build_stack

    return build_stack(START)


def _abonneren(pilot: Any, wie: str, url: str, soorten: list[str] | None = None) -> dict[str, Any]:
    antwoord = pilot.callers[wie].post("/v1/webhooks", {"url": url, "soorten": soorten or SCHULDEISER_SOORTEN})
    assert antwoord.status == 201, antwoord.body
    return dict(antwoord.body)


def _aanmelden(pilot: Any, referentie: str = "EVD-2026-000123") -> str:
    antwoord = pilot.callers["evides"].post(
        "/v1/doorverwijzingen", aanmelding(referentie), headers={"Idempotency-Key": referentie}
    )
    assert antwoord.status == 201, antwoord.body
    pilot.settle()
    return str(antwoord.body["id"])


def _klopt(geheim: str, o: Ontvangen) -> bool:
    try:
        Webhook(geheim).verify(o.body, o.headers)
    except WebhookVerificationError:
        return False
    return True


def _log(pilot: Any, wie: str, webhook_id: str) -> list[dict[str, Any]]:
    antwoord = pilot.callers[wie].get(f"/v1/webhooks/{webhook_id}/berichten")
    assert antwoord.status == 200, antwoord.body
    return list(antwoord.body["items"])


def test_creditor_and_organisation_receive_signed_messages_the_organisation_a_thin_one(pilot, ontvangers):
    evides = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    walcheren = _abonneren(pilot, "walcheren", ontvangers.url("/walcheren"), ["doorverwijzing.aangemeld"])
    doorverwijzing_id = _aanmelden(pilot)

    [stop] = ontvangers.op("/evides")
    assert _klopt(evides["geheim"], stop) and not _klopt(walcheren["geheim"], stop)
    assert stop.inhoud["type"] == "incassostop.gestart"
    data = stop.inhoud["data"]
    assert set(data) == {"doorverwijzingId", "schuldeiserReferentie", "incassostop"}
    assert (data["doorverwijzingId"], data["schuldeiserReferentie"]) == (doorverwijzing_id, "EVD-2026-000123")
    # To the minute: the emulated clock runs on while a busy machine works.
    assert data["incassostop"]["vanaf"].startswith("2026-11-27T10:00:")
    assert data["incassostop"]["tot"].startswith("2026-12-27T10:00:")
    # The creditor's system learns nothing of the person.
    tekst = stop.body.decode()
    for persoonsgegeven in ("Jan", "Dijk", "1980-05-01", "12345678", "jan@example.nl", "Lange Delft", "4331"):
        assert persoonsgegeven not in tekst

    [aangemeld] = ontvangers.op("/walcheren")
    assert _klopt(walcheren["geheim"], aangemeld)
    data = aangemeld.inhoud["data"]
    assert set(data) == {"doorverwijzingId", "link", "aangemeldOp", "contactUiterlijk"}
    assert data["link"] == f"https://api.warmdoor.test/v1/doorverwijzingen/{doorverwijzing_id}"
    # Its system fetches the details with its own key.
    assert pilot.callers["walcheren"].get(data["link"].removeprefix("https://api.warmdoor.test")).status == 200
    assert aangemeld.headers["webhook-id"] != stop.headers["webhook-id"]


def test_a_receiver_down_for_three_attempts_gets_the_message_once_more_with_the_same_id_then_the_next(
    pilot, ontvangers
):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    ontvangers.antwoorden["/evides"] = [503, 503, 503]
    doorverwijzing_id = _aanmelden(pilot)
    # While the first message waits for its retry, the stop is extended: that message waits its turn.
    verlenging = {"dagen": 14, "reden": "Betalingsregeling"}
    pad = f"/v1/doorverwijzingen/{doorverwijzing_id}/verlengingen"
    assert pilot.callers["walcheren"].post(pad, verlenging).status == 201
    pilot.settle()
    assert len(ontvangers.op("/evides")) == 1

    # Each retry comes when the clock has passed it: after about 1, 5 and 30 minutes (give or take 20%).
    for stap, pogingen in ((timedelta(minutes=2), 2), (timedelta(minutes=7), 3), (timedelta(minutes=40), 5)):
        pilot.advance(stap)
        assert len(ontvangers.op("/evides")) == pogingen

    ontvangen = ontvangers.op("/evides")
    assert [o.inhoud["type"] for o in ontvangen] == ["incassostop.gestart"] * 4 + ["incassostop.verlengd"]
    assert len({o.headers["webhook-id"] for o in ontvangen[:4]}) == 1
    assert all(_klopt(webhook["geheim"], o) for o in ontvangen)
    # To the minute: the emulated clock runs on while a busy machine works.
    assert ontvangen[4].inhoud["data"]["incassostop"]["tot"].startswith("2027-01-10T10:00:")

    log = {b["soort"]: b for b in _log(pilot, "evides", webhook["id"])}
    assert log["incassostop.gestart"]["status"] == "bezorgd"
    assert [p["status"] for p in log["incassostop.gestart"]["pogingen"]] == [503, 503, 503, 204]
    assert log["incassostop.verlengd"]["status"] == "bezorgd"
    pilot.advance(timedelta(days=2))
    assert len(ontvangers.op("/evides")) == 5  # delivered is done: no more attempts


def test_a_slow_receiver_does_not_delay_a_fast_one(pilot, ontvangers):
    langzaam = _abonneren(pilot, "evides", ontvangers.url("/langzaam"))
    _abonneren(pilot, "evides", ontvangers.url("/snel"))
    ontvangers.vertraging["/langzaam"] = 10
    begin = time.monotonic()
    _aanmelden(pilot)

    [snel] = ontvangers.op("/snel")
    assert snel.op - begin < 3
    # The slow one was cut off after the sender's 5 s and will be tried again.
    [poging] = _log(pilot, "evides", langzaam["id"])[0]["pogingen"]
    assert poging["status"] is None and "5" in poging["fout"]
    assert poging["duurMs"] < 7000


def test_after_failing_for_days_the_endpoint_is_switched_off_and_its_owner_emailed(pilot, ontvangers):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    ontvangers.antwoorden["/evides"] = [500] * 100
    doorverwijzing_id = _aanmelden(pilot)
    # The retry that comes after four days fails too: the endpoint stays on (the limit is 5 days).
    pilot.advance(timedelta(days=4))
    assert len(ontvangers.op("/evides")) == 2
    assert pilot.callers["evides"].get(f"/v1/webhooks/{webhook['id']}").body["actief"] is True
    assert pilot.outbox()["emails"] == [m for m in pilot.outbox()["emails"] if "Webhook" not in m["subject"]]

    # The next one, six days after the first failure, switches it off.
    pilot.advance(timedelta(days=2))
    assert len(ontvangers.op("/evides")) == 3
    uit = pilot.callers["evides"].get(f"/v1/webhooks/{webhook['id']}").body
    assert uit["actief"] is False and uit["uitgeschakeldOp"] and "2026-11-27" in uit["uitschakelreden"]
    [mail] = [m for m in pilot.outbox()["emails"] if m["subject"].startswith("Webhook uitgeschakeld")]
    assert mail["to"] == ["incasso@evides.example"]
    assert webhook["id"] in (mail["text"] or mail["body"])

    pad = f"/v1/doorverwijzingen/{doorverwijzing_id}/verlengingen"
    assert pilot.callers["walcheren"].post(pad, {"dagen": 7, "reden": "Regeling"}).status == 201
    pilot.advance(timedelta(hours=12))
    assert len(ontvangers.op("/evides")) == 3  # nothing goes to a switched-off endpoint, no retry either


def test_rotation_signs_with_both_secrets_for_a_day_then_with_the_new_one(pilot, ontvangers):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    gedraaid = pilot.callers["evides"].post(f"/v1/webhooks/{webhook['id']}/geheimen")
    assert gedraaid.status == 201
    oud, nieuw = webhook["geheim"], gedraaid.body["geheim"]
    assert nieuw != oud
    doorverwijzing_id = _aanmelden(pilot)
    [eerste] = ontvangers.op("/evides")
    assert len(eerste.headers["webhook-signature"].split(" ")) == 2
    assert _klopt(oud, eerste) and _klopt(nieuw, eerste)

    pilot.advance(timedelta(hours=25))
    pad = f"/v1/doorverwijzingen/{doorverwijzing_id}/verlengingen"
    assert pilot.callers["walcheren"].post(pad, {"dagen": 7, "reden": "Regeling"}).status == 201
    pilot.settle()
    laatste = ontvangers.op("/evides")[-1]
    assert laatste.inhoud["type"] == "incassostop.verlengd"
    assert _klopt(nieuw, laatste) and not _klopt(oud, laatste)


def test_redelivery_of_one_message_and_of_everything_since_a_time(pilot, ontvangers):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    doorverwijzing_id = _aanmelden(pilot)
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{doorverwijzing_id}/intrekkingen", {"reden": "betaald"})
    pilot.settle()
    eerst = ontvangers.op("/evides")
    assert sorted(o.inhoud["type"] for o in eerst) == [
        "doorverwijzing.ingetrokken",
        "incassostop.beeindigd",
        "incassostop.gestart",
    ]
    bericht_id = eerst[0].headers["webhook-id"]
    basis = f"/v1/webhooks/{webhook['id']}"

    antwoord = pilot.callers["evides"].post(f"{basis}/berichten/{bericht_id}/herbezorgingen")
    assert antwoord.status == 202 and antwoord.body["aantal"] == 1
    pilot.settle()
    opnieuw = ontvangers.op("/evides")[3]
    assert opnieuw.headers["webhook-id"] == bericht_id and opnieuw.body == eerst[0].body

    antwoord = pilot.callers["evides"].post(f"{basis}/herbezorgingen", {"vanaf": START.isoformat()})
    assert antwoord.status == 202 and antwoord.body["aantal"] == 3
    pilot.settle()
    assert len(ontvangers.op("/evides")) == 7
    assert pilot.callers["oasen"].post(f"{basis}/herbezorgingen", {"vanaf": START.isoformat()}).status == 404


def test_at_send_time_an_address_that_now_resolves_inside_or_redirects_is_refused(pilot, ontvangers, dns):
    webhook = _abonneren(pilot, "evides", "https://ontvanger.example.nl/hook")
    dns["ontvanger.example.nl"] = ["127.0.0.1"]  # DNS rebinding after the check at subscription time
    omleiding = _abonneren(pilot, "evides", ontvangers.url("/omleiding"))
    ontvangers.doorsturen["/omleiding"] = "/elders"
    ontvangers.antwoorden["/omleiding"] = [302]
    _aanmelden(pilot)

    [poging] = _log(pilot, "evides", webhook["id"])[0]["pogingen"]
    assert poging["status"] is None and "127.0.0.1" in poging["fout"]
    [poging] = _log(pilot, "evides", omleiding["id"])[0]["pogingen"]
    assert poging["status"] == 302 and "niet gevolgd" in poging["fout"]
    assert ontvangers.op("/elders") == []


def test_a_retry_that_comes_a_moment_early_is_planned_again_not_dropped(pilot, ontvangers):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    ontvangers.antwoorden["/evides"] = [503]
    _aanmelden(pilot)
    [bericht] = _log(pilot, "evides", webhook["id"])
    assert bericht["status"] == "opnieuw"
    volgende = datetime.fromisoformat(bericht["volgendePoging"])
    pilot.clock.advance(volgende - pilot.clock.now() - timedelta(seconds=1))

    # The message comes a second before its time (a schedule firing early, or the queue bringing it twice).
    sqs = boto3.client("sqs")
    body = json.dumps({"webhookId": webhook["id"], "berichtId": bericht["id"]})
    sqs.send_message(QueueUrl=pilot.refs["WebhookVerzendWachtrij"], MessageBody=body)
    pilot.pumps.drain()
    assert len(ontvangers.op("/evides")) == 1
    planning = boto3.client("scheduler").list_schedules(GroupName=pilot.refs["WebhookGroep"])["Schedules"]
    assert [s["Name"] for s in planning if bericht["id"] in s["Name"]]

    pilot.advance(timedelta(seconds=2))
    assert [o.headers["webhook-id"] for o in ontvangers.op("/evides")] == [bericht["id"]] * 2
    assert _log(pilot, "evides", webhook["id"])[0]["status"] == "bezorgd"


def test_the_log_pages_and_a_cursor_from_before_vanaf_is_bad_input(pilot, ontvangers):
    webhook = _abonneren(pilot, "evides", ontvangers.url("/evides"))
    doorverwijzing_id = _aanmelden(pilot)
    _aanmelden(pilot, "EVD-2026-000124")
    pilot.advance(timedelta(hours=2))
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{doorverwijzing_id}/intrekkingen", {"reden": "betaald"})
    pilot.settle()
    basis = f"/v1/webhooks/{webhook['id']}/berichten"
    eerste = pilot.callers["evides"].get(f"{basis}?limiet=3").body
    tweede = pilot.callers["evides"].get(f"{basis}?limiet=3&volgende={eerste['volgende']}").body
    soorten = [b["soort"] for b in eerste["items"] + tweede["items"]]
    assert sorted(soorten[:2]) == ["doorverwijzing.ingetrokken", "incassostop.beeindigd"]
    assert soorten[2:] == ["incassostop.gestart"] * 2 and tweede["volgende"] is None

    vanaf = (pilot.clock.now() - timedelta(hours=1)).astimezone(UTC).isoformat().replace("+00:00", "Z")
    recent = pilot.callers["evides"].get(f"{basis}?vanaf={vanaf}").body["items"]
    assert len(recent) == 2
    # A cursor from the first listing points at a message from before `vanaf`.
    te_vroeg = pilot.callers["evides"].get(f"{basis}?vanaf={vanaf}&limiet=1&volgende={eerste['volgende']}")
    assert te_vroeg.status == 400
    assert te_vroeg.body["invalidParams"][0]["name"] == "volgende"
