"""events/: every file, fed to its function's handler on emulated AWS with `make run`'s demo data, does
what a developer invoking it would look for; every route has an event; each event has its source's shape."""

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import boto3
import pytest
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEvent, DynamoDBStreamEvent, SQSEvent
from aws_lambda_powertools.utilities.data_classes.api_gateway_authorizer_event import (
    APIGatewayAuthorizerRequestEvent,
)
from aws_lambda_powertools.utilities.parser.models import (
    APIGatewayProxyEventModel,
    DynamoDBStreamModel,
    EventBridgeModel,
    SqsModel,
)

from local import aws, demo, events, outbox, template
from local.gateway import _toegestaan, request_authorizer_event
from local.ontvanger import PAD
from tests.support.stack import Stack, build_stack
from warmdoor.domain import webhookberichten
from warmdoor.domain.doorverwijzing import Timer, timers
from warmdoor.domain.timers import invoer, schedule_naam
from warmdoor.models.enums import Rol
from warmdoor.models.events import Gebeurtenissoort

ROOT = Path(__file__).resolve().parents[2]
EVENTS = ROOT / "events"


def _laad(pad: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVENTS / pad).read_text())
    return data


# The moment the events were made (`make events`): the demo data are made just before it.
MOMENT = datetime.fromtimestamp(
    _laad("ApiFunction/doorverwijzing-aanmelden.json")["requestContext"]["requestTimeEpoch"] / 1000, UTC
)


ONTVANGEN: list[dict[str, str]] = []  # the webhook-id headers the demo's receiver got


@pytest.fixture(scope="module")
def demo_stack() -> Iterator[Stack]:
    from moto import mock_aws

    class Ontvanger(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            ONTVANGEN.append({"pad": self.path, "webhook-id": self.headers["webhook-id"]})
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Ontvanger)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{server.server_address[1]}"
    with mock_aws(), pytest.MonkeyPatch.context() as omgeving:
        # The demo's webhooks go to a local receiver, as in `make run`.
        omgeving.setenv("WEBHOOK_LOKALE_ONTVANGERS", host)
        stack = build_stack(MOMENT - events.VOORSPRONG)
        plan = aws.gebruiksplan(stack.refs)
        demo.seed(stack.gateway, stack.runtime, plan, demo.BEHEER_SLEUTEL, stack.clock, host + PAD)
        stack.pumps.drain()
        stack.clock.advance(MOMENT - stack.clock.now())
        yield stack
    server.shutdown()


@dataclass
class Afloop:
    """An invocation: its event, what it returned or raised, and the messages sent before it."""

    stack: Stack
    event: dict[str, Any]
    voor: set[str]
    resultaat: Any = None
    fout: Exception | None = None

    def mails(self, aan: str) -> list[dict[str, Any]]:
        return [m for m in outbox.emails() if aan in m["to"]]

    @property
    def json(self) -> Any:
        return json.loads(self.resultaat["body"])


def _http(status: int, probleem: str | None = None, veld: str | None = None) -> Callable[[Afloop], None]:
    def controle(a: Afloop) -> None:
        assert a.fout is None
        assert a.resultaat["statusCode"] == status, a.resultaat["body"]
        if probleem is not None:
            meervoudig = {k: ", ".join(v) for k, v in (a.resultaat.get("multiValueHeaders") or {}).items()}
            headers = {k.lower(): v for k, v in {**a.resultaat["headers"], **meervoudig}.items()}
            assert headers["content-type"] == "application/problem+json"
            assert a.json["type"].endswith(probleem), a.json
        if veld is not None:
            assert veld in {p["name"] for p in a.json["invalidParams"]}, a.json

    return controle


def _naar(locatie: str, cookies: frozenset[str] | set[str] = frozenset()) -> Callable[[Afloop], None]:
    """A page that sends the browser on (303), with these cookies set."""

    def controle(a: Afloop) -> None:
        assert a.fout is None and a.resultaat["statusCode"] == 303, a.resultaat["body"]
        koppen = a.resultaat["multiValueHeaders"]
        assert koppen["Location"] == [locatie]
        assert cookies <= {c.split("=", 1)[0] for c in koppen.get("Set-Cookie", [])}

    return controle


def _toegang(toegestaan: bool) -> Callable[[Afloop], None]:
    def controle(a: Afloop) -> None:
        assert a.fout is None
        beleid = a.resultaat["policyDocument"]["Statement"]
        assert _toegestaan(beleid, a.event["methodArn"]) is toegestaan
        # Evides's key, with its own allowance in the usage plan.
        assert a.resultaat["context"]["schuldeiserId"] == demo.SCHULDEISER_ID
        assert a.resultaat["usageIdentifierKey"]

    return controle


def _geweigerd(a: Afloop) -> None:
    assert a.resultaat is None and str(a.fout) == "Unauthorized"


def _geen_fouten(a: Afloop) -> None:
    assert a.fout is None and a.resultaat == {"batchItemFailures": []}


def _faalt_alleen_het_tweede(id_van: Callable[[dict[str, Any]], str]) -> Callable[[Afloop], None]:
    def controle(a: Afloop) -> None:
        assert a.fout is None
        assert a.resultaat["batchItemFailures"] == [{"itemIdentifier": id_van(a.event["Records"][1])}]

    return controle


def _nieuwe_mail(aan: str, onderwerp: str) -> Callable[[Afloop], None]:
    def controle(a: Afloop) -> None:
        assert a.fout is None and not (a.resultaat or {}).get("batchItemFailures")
        nieuw = [m for m in a.mails(aan) if m["id"] not in a.voor]
        assert [m["subject"] for m in nieuw if onderwerp.lower() in m["subject"].lower()], [m["subject"] for m in nieuw]

    return controle


def _nieuwe_sms(aan: str, tekst: str) -> Callable[[Afloop], None]:
    def controle(a: Afloop) -> None:
        _geen_fouten(a)
        nieuw = [s for s in outbox.sms() if s["id"] not in a.voor and s["to"] == aan]
        assert any(tekst in s["text"] for s in nieuw), nieuw

    return controle


def _schedules(stack: Stack, doorverwijzing_id: str) -> set[str]:
    scheduler = boto3.client("scheduler")
    namen = {s["Name"] for s in scheduler.list_schedules(GroupName=stack.refs["TimerGroep"])["Schedules"]}
    return {n for n in namen if n.endswith(doorverwijzing_id)}


def _gepland(a: Afloop) -> None:
    _geen_fouten(a)
    assert schedule_naam(Timer.CONTACTTERMIJN, demo.OPEN) in _schedules(a.stack, demo.OPEN)


def _verwijderd(a: Afloop) -> None:
    _geen_fouten(a)
    assert schedule_naam(Timer.CONTACTTERMIJN, demo.INGETROKKEN) not in _schedules(a.stack, demo.INGETROKKEN)


def _gewist(a: Afloop) -> None:
    assert a.fout is None
    d = a.stack.repo.doorverwijzing(demo.INGETROKKEN)
    assert d is not None and d.persoonsgegevensVerwijderdOp is not None and d.client is None


def _aangemeld(a: Afloop) -> None:
    _http(201)(a)
    assert [m for m in a.mails("intake@walcheren.example") if m["id"] not in a.voor]


def _geveegd(a: Afloop) -> None:
    # By now the referral the API's event registered is past its deadline and stop, and nothing fired its
    # timers: the sweep does their work, and the coordinator and the creditor hear of it.
    assert a.fout is None and a.resultaat["bekeken"] >= 1
    nieuw = [m for m in outbox.emails() if m["id"] not in a.voor]
    assert {"coordinator@walcheren.example", "incasso@evides.example"} <= {aan for m in nieuw for aan in m["to"]}


def _webhookbericht(a: Afloop) -> None:
    """The event made a message for each demo webhook that wants it (the demo referrals are Zeeuwse Energie's,
    in Zeeuws-Vlaanderen)."""
    _geen_fouten(a)
    gebeurtenis = json.loads(a.event["Records"][0]["body"])["detail"]
    opslag = a.stack.runtime.diensten("WebhookVerdelerFunction").webhooks
    uitgaand = webhookberichten.SOORTEN[Gebeurtenissoort(gebeurtenis["soort"])]
    assert uitgaand
    for rol, soort in uitgaand:
        eigenaar = demo.ENERGIE_ID if rol == Rol.SCHULDEISER else "zeeuws-vlaanderen"
        bericht = opslag.bericht(demo.WEBHOOKS[eigenaar], webhookberichten.bericht_id(gebeurtenis["id"], soort))
        assert bericht is not None and bericht.doorverwijzingId == gebeurtenis["doorverwijzingId"], soort


def _webhook_eenmaal(a: Afloop) -> None:
    """The message went out right after the fan-out made it; the same message from the queue again (at
    least once) finds it delivered and sends nothing twice."""
    _geen_fouten(a)
    body = json.loads(a.event["Records"][0]["body"])
    bericht = a.stack.runtime.diensten("WebhookVerzenderFunction").webhooks.bericht(
        body["webhookId"], body["berichtId"]
    )
    assert bericht is not None and bericht.status == "bezorgd"
    assert [p.status for p in bericht.pogingen] == [204]
    assert [o["pad"] for o in ONTVANGEN if o["webhook-id"] == body["berichtId"]] == [f"{PAD}/{demo.ENERGIE_ID}"]


def _opnieuw_bezorgd(a: Afloop) -> None:
    """The delivered message goes once more, with the same id."""
    _http(202)(a)
    assert a.json == {"aantal": 1}
    bericht_id = a.event["pathParameters"]["bericht_id"]
    assert len([o for o in ONTVANGEN if o["webhook-id"] == bericht_id]) == 2


# What each file is for, in the order they are fed (the clock only moves forward: timers last).
VERWACHT: dict[str, Callable[[Afloop], None]] = {
    "AuthorizerFunction/geldige-sleutel.json": _toegang(True),
    "AuthorizerFunction/andere-rol.json": _toegang(False),
    "AuthorizerFunction/ingetrokken-sleutel.json": _geweigerd,
    "AuthorizerFunction/misvormde-sleutel.json": _geweigerd,
    "ApiFunction/openapi.json": _http(200),
    "ApiFunction/organisaties-lijst.json": _http(200),
    "ApiFunction/organisatie-lezen.json": _http(200),
    "ApiFunction/organisatie-opslaan.json": _http(200),
    "ApiFunction/schuldeisers-lijst.json": _http(200),
    "ApiFunction/schuldeiser-lezen.json": _http(200),
    "ApiFunction/schuldeiser-opslaan.json": _http(200),
    "ApiFunction/api-sleutel-aanmaken.json": _http(201),
    "ApiFunction/api-sleutels-lijst.json": _http(200),
    "ApiFunction/api-sleutel-intrekken.json": _http(204),
    "ApiFunction/doorverwijzing-aanmelden.json": _aangemeld,
    "ApiFunction/doorverwijzingen-lijst.json": _http(200),
    "ApiFunction/doorverwijzing-lezen.json": _http(200),
    "ApiFunction/contactpoging.json": _http(201),
    "ApiFunction/eindresultaat.json": _http(200),
    "ApiFunction/verlenging.json": _http(201),
    "ApiFunction/doorverwijzing-intrekken.json": _http(201),
    "ApiFunction/auditregels.json": _http(200),
    "ApiFunction/rapportage.json": _http(200),
    "ApiFunction/gebruiker-uitnodigen.json": _http(201),
    "ApiFunction/gebruikers-lijst.json": _http(200),
    "ApiFunction/gebruiker-lezen.json": _http(200),
    "ApiFunction/gebruiker-uitschakelen.json": _http(200),
    "ApiFunction/gebruiker-inschakelen.json": _http(200),
    "ApiFunction/gebruiker-uitnodigen-ongeldig.json": _http(400, "ongeldige-invoer", "email"),
    "ApiFunction/doorverwijzing-aanmelden-ongeldig.json": _http(400, "ongeldige-invoer", "adres.postcode"),
    "ApiFunction/contactpoging-bereikt-per-brief.json": _http(400, "ongeldige-invoer", "bereikt"),
    "ApiFunction/organisatie-lezen-onbekend.json": _http(404, "niet-gevonden"),
    "ApiFunction/organisaties-lijst-als-schuldeiser.json": _http(403, "verboden"),
    "ApiFunction/doorverwijzing-lezen-andere-organisatie.json": _http(404, "niet-gevonden"),
    "ApiFunction/webhooks-lijst.json": _http(200),
    "ApiFunction/webhook-aanmaken.json": _http(201),
    "ApiFunction/webhook-lezen.json": _http(200),
    "ApiFunction/webhook-wijzigen.json": _http(200),
    "ApiFunction/webhook-geheim-roteren.json": _http(201),
    "ApiFunction/webhook-berichten.json": _http(200),
    "ApiFunction/webhook-herbezorgen-vanaf.json": _http(202),
    "ApiFunction/webhook-verwijderen.json": _http(204),
    "ApiFunction/webhook-aanmaken-intern-adres.json": _http(400, "ongeldige-invoer", "url"),
    "WebFunction/inloggen-pagina.json": _http(200),
    "WebFunction/werkvoorraad-zonder-sessie.json": _naar("/inloggen?terug=/werkvoorraad"),
    "WebFunction/inloggen-demo-medewerker.json": _naar("/werkvoorraad", cookies={"wd_id", "wd_toegang", "wd_ververs"}),
    "WebFunction/inloggen-zonder-formulier-token.json": _http(403),
    "VerdelerFunction/gebeurtenissen.json": _geen_fouten,
    "VerdelerFunction/met-onbekende-gebeurtenis.json": _faalt_alleen_het_tweede(
        lambda r: r["dynamodb"]["SequenceNumber"]
    ),
    "EmailNotifierFunction/doorverwijzing-aangemeld.json": _nieuwe_mail(
        "intake@zeeuws-vlaanderen.example", "Warme doorverwijzing Terneuzen"
    ),
    "EmailNotifierFunction/doorverwijzing-ingetrokken.json": _nieuwe_mail(
        "intake@zeeuws-vlaanderen.example", "Doorverwijzing ingetrokken"
    ),
    "EmailNotifierFunction/contacttermijn-verlopen.json": _nieuwe_mail(
        "coordinator@zeeuws-vlaanderen.example", "Contacttermijn verstreken"
    ),
    "EmailNotifierFunction/incassostop-beeindigd.json": _nieuwe_mail(
        "incasso@energie.example", "Incassostop beëindigd"
    ),
    "EmailNotifierFunction/incassostop-verlengd.json": _nieuwe_mail("incasso@energie.example", "Incassostop verlengd"),
    "EmailNotifierFunction/doorverwijzing-afgerond.json": _nieuwe_mail(
        "incasso@energie.example", "Doorverwijzing afgerond"
    ),
    "EmailNotifierFunction/terugkoppeling-gewijzigd.json": _nieuwe_mail(
        "incasso@energie.example", "Uitkomst gecorrigeerd"
    ),
    "EmailNotifierFunction/bewaartermijn-herinnering.json": _nieuwe_mail(
        "intake@zeeuws-vlaanderen.example", "Leg een eindresultaat vast"
    ),
    "EmailNotifierFunction/met-onbekende-gebeurtenis.json": _faalt_alleen_het_tweede(lambda r: r["messageId"]),
    "SmsNotifierFunction/doorverwijzing-aangemeld.json": _nieuwe_sms("+31611111111", "Schuldhulp Zeeuws-Vlaanderen"),
    "SmsNotifierFunction/contacttermijn-verlopen.json": _nieuwe_sms("+31612000001", "contacttermijn verstreken"),
    "SmsNotifierFunction/met-onbekende-gebeurtenis.json": _faalt_alleen_het_tweede(lambda r: r["messageId"]),
    **{
        f"WebhookVerdelerFunction/{naam}.json": _webhookbericht
        for naam in (
            "doorverwijzing-aangemeld",
            "doorverwijzing-ingetrokken",
            "contacttermijn-verlopen",
            "incassostop-beeindigd",
            "incassostop-verlengd",
            "doorverwijzing-afgerond",
            "terugkoppeling-gewijzigd",
        )
    },
    "WebhookVerdelerFunction/met-onbekende-gebeurtenis.json": _faalt_alleen_het_tweede(lambda r: r["messageId"]),
    "WebhookVerzenderFunction/versturen.json": _webhook_eenmaal,
    "ApiFunction/webhook-bericht-herbezorgen.json": _opnieuw_bezorgd,
    "TimerKeeperFunction/plannen.json": _gepland,
    "TimerKeeperFunction/verwijderen.json": _verwijderd,
    "TimerFunction/contacttermijn.json": _nieuwe_mail(
        "coordinator@zeeuws-vlaanderen.example", "Contacttermijn verstreken"
    ),
    "TimerFunction/incassostop.json": _nieuwe_mail("incasso@energie.example", "Incassostop beëindigd"),
    "TimerFunction/herinnering.json": _nieuwe_mail("intake@zeeuws-vlaanderen.example", "Leg een eindresultaat vast"),
    "TimerFunction/bewaartermijn.json": _gewist,
    "TimerFunction/vegen.json": _geveegd,
}


def test_every_event_file_has_an_expected_outcome_and_every_function_a_folder():
    op_schijf = {str(p.relative_to(EVENTS)) for p in EVENTS.glob("*/*.json")}
    assert op_schijf == set(VERWACHT)
    assert {p.split("/")[0] for p in op_schijf} == set(template.functions())


def test_every_route_of_the_api_has_an_event():
    gedekt = {
        (e["httpMethod"], e["resource"])
        for e in (_laad(str(p.relative_to(EVENTS))) for p in EVENTS.glob("ApiFunction/*.json"))
    }
    routes = {(r.method, r.path) for r in template.routes() if r.function == "ApiFunction"}
    assert routes - gedekt == set()
    assert gedekt - routes == set()


@pytest.mark.parametrize("pad", sorted(VERWACHT))
def test_the_event_has_the_shape_its_source_delivers(pad):
    event = _laad(pad)
    map_ = pad.split("/")[0]
    if map_ == "ApiFunction":
        APIGatewayProxyEventModel.model_validate(event)
        proxy = APIGatewayProxyEvent(event)
        assert proxy.http_method in {"GET", "POST", "PUT", "DELETE"} and proxy.request_context.stage
        if event["resource"] != "/v1/openapi.json":
            assert proxy.request_context.authorizer.raw_event["rol"] in {"beheer", "schuldeiser", "organisatie"}
    elif map_ == "WebFunction":
        APIGatewayProxyEventModel.model_validate(event)
        assert "authorizer" not in event["requestContext"]  # the pages check their session themselves
    elif map_ == "AuthorizerFunction":
        verzoek = APIGatewayAuthorizerRequestEvent(event)
        assert verzoek.get_type == "REQUEST" and verzoek.parsed_arn.api_id and verzoek.headers.get("Authorization")
    elif map_ == "VerdelerFunction":
        DynamoDBStreamModel.model_validate(event)
        assert all(r.dynamodb and r.dynamodb.new_image for r in DynamoDBStreamEvent(event).records)
    elif map_ == "WebhookVerzenderFunction":
        SqsModel.model_validate(event)
        assert {"webhookId", "berichtId"} == set(json.loads(event["Records"][0]["body"]))
    elif map_ == "TimerFunction":
        assert event["taak"] == "vegen" or {"taak", "doorverwijzingId"} == set(event)
    else:
        SqsModel.model_validate(event)
        for record in SQSEvent(event).records:
            envelope = EventBridgeModel.model_validate_json(record.body)
            assert envelope.source == "warmdoor" and json.loads(record.body)["detail"]["doorverwijzingId"]


def test_the_committed_events_are_what_make_events_makes():
    """Hand edits of the files that need no stack to be made would drift from the generator."""
    gemaakt = {
        "ApiFunction": events.api_events(MOMENT),
        "AuthorizerFunction": events.authorizer_events(MOMENT),
        "WebFunction": events.web_events(MOMENT),
        "TimerFunction": events.timer_events(),
    }
    for map_, bestanden in gemaakt.items():
        for naam, event in bestanden.items():
            assert _laad(f"{map_}/{naam}") == event, f"{map_}/{naam}: run make events"


def test_the_api_events_carry_the_context_the_authorizer_gives_their_key(demo_stack):
    for pad in sorted(EVENTS.glob("ApiFunction/*.json")):
        event = _laad(str(pad.relative_to(EVENTS)))
        if "authorizer" not in event["requestContext"]:
            continue
        beleid = demo_stack.runtime.invoke("AuthorizerFunction", request_authorizer_event(event))
        verwacht = {**beleid["context"], "principalId": beleid["principalId"]}
        assert event["requestContext"]["authorizer"] == verwacht, pad.name


def _moment(stack: Stack, timer: Timer, doorverwijzing_id: str) -> datetime:
    d = stack.repo.doorverwijzing(doorverwijzing_id)
    assert d is not None
    moment = timers(d)[timer]
    assert moment is not None, f"{timer} of {doorverwijzing_id} is not set"
    return moment


# Before a timer fires, the clock moves past its moment (without firing the schedules themselves).
_KLOK: dict[str, tuple[Timer, str]] = {
    "TimerFunction/contacttermijn.json": (Timer.CONTACTTERMIJN, demo.OPEN),
    "TimerFunction/incassostop.json": (Timer.INCASSOSTOP, demo.OPEN),
    "TimerFunction/herinnering.json": (Timer.HERINNERING, demo.OPEN),
    "TimerFunction/bewaartermijn.json": (Timer.BEWAARTERMIJN, demo.INGETROKKEN),
}


@pytest.mark.parametrize("pad", list(VERWACHT))
def test_the_event_does_what_it_is_for(demo_stack, pad):
    stack = demo_stack
    event = _laad(pad)
    functie = pad.split("/")[0]
    if pad in _KLOK:
        moment = _moment(stack, *_KLOK[pad]) + timedelta(minutes=1)
        if moment > stack.clock.now():
            stack.clock.advance(moment - stack.clock.now())
    if pad == "TimerKeeperFunction/plannen.json":
        for naam in _schedules(stack, demo.OPEN):
            boto3.client("scheduler").delete_schedule(Name=naam, GroupName=stack.refs["TimerGroep"])
    if pad == "TimerKeeperFunction/verwijderen.json":
        # A deadline schedule left from before the withdrawal (as when an earlier event failed).
        stack.runtime.diensten("TimerKeeperFunction").timer_planner.plan(
            schedule_naam(Timer.CONTACTTERMIJN, demo.INGETROKKEN),
            stack.clock.now() + timedelta(days=1),
            invoer(Timer.CONTACTTERMIJN, demo.INGETROKKEN),
        )
    afloop = Afloop(stack, event, {m["id"] for m in outbox.emails()} | {s["id"] for s in outbox.sms()})
    try:
        afloop.resultaat = stack.runtime.invoke(functie, event)
    except Exception as fout:  # what the function raised is the outcome looked at
        afloop.fout = fout
    stack.pumps.drain()  # what the invocation set going (messages, events) arrives
    VERWACHT[pad](afloop)
