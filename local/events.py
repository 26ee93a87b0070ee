"""`make events`: writes events/, an event for each function in exactly the shape Lambda delivers it,
about the demo data that `make run` creates (ids, keys), for `make invoke` and `sam local invoke -e`.

The events are made on a local stack whose clock starts at `--op` (default: now): the stream records are
the ones that stack's table wrote, the queue messages carry the facts of its demo referrals. Times in the
events are from that moment, so a submission's consent is as old as the time since (the API refuses
consent older than ToestemmingMaxDagen): run `make events` again to bring them up to date.
"""

import argparse
import hashlib
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from local import aws, demo, template
from local.gateway import ACCOUNT, API_ID, REGION, WEB_API_ID, authorized, proxy_event, request_authorizer_event
from local.stack import LocalStack
from warmdoor.domain import doorverwijzing, timers, webhookberichten
from warmdoor.domain.doorverwijzing import Beleid, Timer
from warmdoor.models.entities import Doorverwijzing
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.webhooks import Webhooksoort
from warmdoor.ops.filters import any_filter
from warmdoor.ops.replay import lambda_record
from warmdoor.web import csrf

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "events"
HOST = f"{API_ID}.execute-api.{REGION}.amazonaws.com"
# The demo data are made this long before the events, so that a contact attempt at the events' moment is
# after its referral's registration.
VOORSPRONG = timedelta(minutes=10)
# Ids of our own making are fixed (uuid5); those the emulated table and stream give differ per run.
_NAMESPACE = uuid.UUID("6f1c2a0e-8d7b-4c55-9a43-0e5b7d2c9f10")


def _id(naam: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, naam))


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


# --- API Gateway ------------------------------------------------------------------------------------


def _principal(sleutel: demo.DemoKey) -> dict[str, Any]:
    """The authorizer's answer for a demo key (see functions/authorizer), with the key for the header."""
    return {
        "principalId": sleutel.id,
        "context": {
            "sleutelId": sleutel.id,
            "rol": sleutel.rol,
            "schuldeiserId": sleutel.subject if sleutel.rol == "schuldeiser" else "",
            "organisatieId": sleutel.subject if sleutel.rol == "organisatie" else "",
        },
        "geheim": sleutel.secret,
    }


def _demo_sleutel(subject: str) -> demo.DemoKey:
    return next(k for k in demo.sleutels() if k.subject == subject)


BEHEER = _principal(demo.DemoKey("beheer", "beheer", None, demo.BEHEER_SLEUTEL, demo.BEHEER_SLEUTEL_ID))
EVIDES = _principal(_demo_sleutel(demo.SCHULDEISER_ID))
ENERGIE = _principal(_demo_sleutel(demo.ENERGIE_ID))
ZEEUWS_VLAANDEREN = _principal(_demo_sleutel("zeeuws-vlaanderen"))
WALCHEREN = _principal(_demo_sleutel("walcheren"))
ROTTERDAM = _principal(_demo_sleutel("rotterdam"))


def _api(
    naam: str,
    moment: datetime,
    method: str,
    resource: str,
    principal: dict[str, Any] | None,
    params: dict[str, str] | None = None,
    body: Any = None,
    query: str = "",
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    path = resource
    for sleutel, waarde in (params or {}).items():
        path = path.replace("{" + sleutel + "}", waarde)
    alle = {
        "Accept": "application/json",
        "Host": HOST,
        "User-Agent": "crm-koppeling/4.2",
        "X-Forwarded-For": "203.0.113.10",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
        **({"Authorization": f"Bearer {principal['geheim']}"} if principal is not None else {}),
        **({"Content-Type": "application/json"} if body is not None else {}),
        **(headers or {}),
    }
    data = json.dumps(body, ensure_ascii=False).encode() if body is not None else b""
    event = proxy_event(resource, params or {}, method, path, query, alle, data, HOST, _ms(moment))
    event["requestContext"]["requestId"] = _id(naam)
    event["requestContext"]["identity"] = {"sourceIp": "203.0.113.10", "userAgent": alle["User-Agent"]}
    return authorized(event, principal) if principal is not None else event


def _aanmelding(moment: datetime, **anders: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "schuldeiserReferentie": "EVD-2026-004711",
        "toestemming": {
            "verleend": True,
            "tijdstip": (moment - timedelta(minutes=20)).isoformat(),
            "kanaal": "telefoon",
            "smsBevestiging": True,
        },
        "client": {
            "voorletters": "A.",
            "voornaam": "Anouk",
            "achternaam": "Meijer",
            "geboortedatum": "1990-09-09",
            "telefoonnummer": "06 55555555",
            "email": "anouk.meijer@example.nl",
        },
        "adres": {"straatnaam": "Markt", "huisnummer": 51, "postcode": "4331 LK", "plaatsnaam": "Middelburg"},
        "achterstand": {"bedrag": "245.10", "ontstaansdatum": "2026-07-15"},
        "toelichting": "Liever niet voor 10 uur bellen",
    }
    body.update(anders)
    return body


# A webhook to a public address given as an IP (no DNS lookup needed, wherever the event is fed).
WEBHOOK_URL = "https://93.184.215.14/warmdoor"


def webhook_api_events(moment: datetime) -> dict[str, dict[str, Any]]:
    w = "/v1/webhooks/{webhook_id}"
    evides = {"webhook_id": demo.WEBHOOKS[demo.SCHULDEISER_ID]}
    stop = ["incassostop.gestart", "incassostop.verlengd", "incassostop.beeindigd"]
    verlengd = _feiten_id(Gebeurtenissoort.INCASSOSTOP_VERLENGD, demo.AFGEROND)
    bericht = {
        "webhook_id": demo.WEBHOOKS[demo.ENERGIE_ID],
        "bericht_id": webhookberichten.bericht_id(verlengd, Webhooksoort.INCASSOSTOP_VERLENGD),
    }
    return {
        "webhooks-lijst.json": _api("webhooks", moment, "GET", "/v1/webhooks", EVIDES),
        "webhook-aanmaken.json": _api(
            "webhook-aanmaken", moment, "POST", "/v1/webhooks", EVIDES, body={"url": WEBHOOK_URL, "soorten": stop}
        ),
        "webhook-lezen.json": _api("webhook-lezen", moment, "GET", w, EVIDES, evides),
        "webhook-wijzigen.json": _api(
            "webhook-wijzigen", moment, "PUT", w, EVIDES, evides, {"url": WEBHOOK_URL, "soorten": stop, "actief": True}
        ),
        "webhook-geheim-roteren.json": _api("webhook-geheim", moment, "POST", f"{w}/geheimen", EVIDES, evides),
        "webhook-berichten.json": _api("webhook-berichten", moment, "GET", f"{w}/berichten", EVIDES, evides),
        "webhook-herbezorgen-vanaf.json": _api(
            "webhook-herbezorgen-vanaf",
            moment,
            "POST",
            f"{w}/herbezorgingen",
            EVIDES,
            evides,
            {"vanaf": (moment - timedelta(days=1)).isoformat()},
        ),
        # The message the WebhookVerdelerFunction's event of an extension makes for Zeeuwse Energie.
        "webhook-bericht-herbezorgen.json": _api(
            "webhook-bericht-herbezorgen",
            moment,
            "POST",
            f"{w}/berichten/{{bericht_id}}/herbezorgingen",
            ENERGIE,
            bericht,
        ),
        "webhook-verwijderen.json": _api(
            "webhook-verwijderen", moment, "DELETE", w, WALCHEREN, {"webhook_id": demo.WEBHOOKS["walcheren"]}
        ),
        "webhook-aanmaken-intern-adres.json": _api(
            "webhook-intern",
            moment,
            "POST",
            "/v1/webhooks",
            EVIDES,
            body={"url": "https://169.254.169.254/latest/meta-data", "soorten": stop},
        ),
    }


def api_events(moment: datetime) -> dict[str, dict[str, Any]]:
    d = "/v1/doorverwijzingen/{doorverwijzing_id}"
    g = "/v1/gebruikers/{gebruiker_id}"
    rotterdam = demo.medewerker("rotterdam").sub
    walcheren = demo.organisatie_body("walcheren", demo.ORGANISATIES["walcheren"])
    return {
        "openapi.json": _api("openapi", moment, "GET", "/v1/openapi.json", None),
        "organisaties-lijst.json": _api("org-lijst", moment, "GET", "/v1/organisaties", BEHEER),
        "organisatie-lezen.json": _api(
            "org-lezen", moment, "GET", "/v1/organisaties/{organisatie_id}", BEHEER, {"organisatie_id": "walcheren"}
        ),
        "organisatie-opslaan.json": _api(
            "org-opslaan",
            moment,
            "PUT",
            "/v1/organisaties/{organisatie_id}",
            BEHEER,
            {"organisatie_id": "walcheren"},
            walcheren,
        ),
        "schuldeisers-lijst.json": _api("se-lijst", moment, "GET", "/v1/schuldeisers", BEHEER),
        "schuldeiser-lezen.json": _api(
            "se-lezen",
            moment,
            "GET",
            "/v1/schuldeisers/{schuldeiser_id}",
            BEHEER,
            {"schuldeiser_id": demo.SCHULDEISER_ID},
        ),
        "schuldeiser-opslaan.json": _api(
            "se-opslaan",
            moment,
            "PUT",
            "/v1/schuldeisers/{schuldeiser_id}",
            BEHEER,
            {"schuldeiser_id": demo.SCHULDEISER_ID},
            demo.SCHULDEISER,
        ),
        "api-sleutel-aanmaken.json": _api(
            "sleutel-aanmaken",
            moment,
            "POST",
            "/v1/api-sleutels",
            BEHEER,
            body={"rol": "organisatie", "organisatieId": "walcheren", "omschrijving": "koppeling zaaksysteem"},
        ),
        "api-sleutels-lijst.json": _api("sleutels", moment, "GET", "/v1/api-sleutels", BEHEER, query="limiet=20"),
        "api-sleutel-intrekken.json": _api(
            "sleutel-intrekken",
            moment,
            "DELETE",
            "/v1/api-sleutels/{sleutel_id}",
            BEHEER,
            {"sleutel_id": demo.INGETROKKEN_SLEUTEL.id},
        ),
        "doorverwijzing-aanmelden.json": _api(
            "aanmelden",
            moment,
            "POST",
            "/v1/doorverwijzingen",
            EVIDES,
            body=_aanmelding(moment),
            headers={"Idempotency-Key": _id("aanmelden")},
        ),
        "doorverwijzingen-lijst.json": _api("lijst", moment, "GET", "/v1/doorverwijzingen", ZEEUWS_VLAANDEREN),
        "doorverwijzing-lezen.json": _api(
            "lezen", moment, "GET", d, ZEEUWS_VLAANDEREN, {"doorverwijzing_id": demo.OPEN}
        ),
        "doorverwijzing-intrekken.json": _api(
            "intrekken",
            moment,
            "POST",
            f"{d}/intrekkingen",
            ENERGIE,
            {"doorverwijzing_id": demo.SCHIEDAM},
            {"reden": "betaald", "toelichting": "De achterstand is in één keer betaald"},
        ),
        "auditregels.json": _api(
            "audit", moment, "GET", f"{d}/auditregels", BEHEER, {"doorverwijzing_id": demo.AFGEROND}
        ),
        "rapportage.json": _api(
            "rapportage",
            moment,
            "GET",
            "/v1/rapportages/doorverwijzingen",
            BEHEER,
            query=f"vanaf={(moment - timedelta(days=30)).date()}&tot={moment.date()}",
        ),
        "contactpoging.json": _api(
            "contactpoging",
            moment,
            "POST",
            f"{d}/contactpogingen",
            ZEEUWS_VLAANDEREN,
            {"doorverwijzing_id": demo.OPEN},
            {"soort": "telefoon", "bereikt": False, "tijdstip": moment.isoformat(), "toelichting": "voicemail"},
        ),
        "eindresultaat.json": _api(
            "eindresultaat",
            moment,
            "PUT",
            f"{d}/eindresultaat",
            ZEEUWS_VLAANDEREN,
            {"doorverwijzing_id": demo.AFGEROND},
            {"code": "vervolghulp_financieel"},
        ),
        "verlenging.json": _api(
            "verlenging",
            moment,
            "POST",
            f"{d}/verlengingen",
            ZEEUWS_VLAANDEREN,
            {"doorverwijzing_id": demo.AFGEROND},
            {"dagen": 14, "reden": "Wacht op het besluit over de schuldregeling"},
        ),
        "gebruiker-uitnodigen.json": _api(
            "gebruiker-uitnodigen",
            moment,
            "POST",
            "/v1/gebruikers",
            BEHEER,
            body={"email": "noor.bakker@walcheren.example", "naam": "Noor Bakker", "organisatieId": "walcheren"},
        ),
        "gebruikers-lijst.json": _api(
            "gebruikers", moment, "GET", "/v1/gebruikers", BEHEER, query="organisatieId=walcheren&limiet=20"
        ),
        "gebruiker-lezen.json": _api(
            "gebruiker-lezen", moment, "GET", g, BEHEER, {"gebruiker_id": demo.medewerker("walcheren").sub}
        ),
        # An account of another organisation than the newcomer's Walcheren, which `make invoke` would lock out.
        "gebruiker-uitschakelen.json": _api(
            "gebruiker-uit", moment, "POST", f"{g}/uitschakeling", BEHEER, {"gebruiker_id": rotterdam}
        ),
        "gebruiker-inschakelen.json": _api(
            "gebruiker-aan", moment, "POST", f"{g}/inschakeling", BEHEER, {"gebruiker_id": rotterdam}
        ),
        # Bad input, and callers that may not do or see this.
        "gebruiker-uitnodigen-ongeldig.json": _api(
            "gebruiker-ongeldig",
            moment,
            "POST",
            "/v1/gebruikers",
            BEHEER,
            body={"email": "noor.bakker@", "naam": "Noor Bakker", "organisatieId": "walcheren"},
        ),
        "doorverwijzing-aanmelden-ongeldig.json": _api(
            "aanmelden-ongeldig",
            moment,
            "POST",
            "/v1/doorverwijzingen",
            EVIDES,
            body=_aanmelding(
                moment,
                schuldeiserReferentie="EVD-2026-004712",
                adres={"straatnaam": "Markt", "huisnummer": 51, "postcode": "4331", "plaatsnaam": "Middelburg"},
            ),
        ),
        "contactpoging-bereikt-per-brief.json": _api(
            "contactpoging-brief",
            moment,
            "POST",
            f"{d}/contactpogingen",
            ZEEUWS_VLAANDEREN,
            {"doorverwijzing_id": demo.OPEN},
            {"soort": "brief", "bereikt": True, "tijdstip": moment.isoformat()},
        ),
        "organisatie-lezen-onbekend.json": _api(
            "org-onbekend",
            moment,
            "GET",
            "/v1/organisaties/{organisatie_id}",
            BEHEER,
            {"organisatie_id": "bestaat-niet"},
        ),
        "organisaties-lijst-als-schuldeiser.json": _api(
            "org-lijst-schuldeiser", moment, "GET", "/v1/organisaties", EVIDES
        ),
        "doorverwijzing-lezen-andere-organisatie.json": _api(
            "lezen-andere-org", moment, "GET", d, ROTTERDAM, {"doorverwijzing_id": demo.OPEN}
        ),
        **webhook_api_events(moment),
    }


WEB_HOST = f"{WEB_API_ID}.execute-api.{REGION}.amazonaws.com"
# A browser's CSRF secret, fixed so that the sign-in form's token in the event stays valid.
WEB_CSRF_GEHEIM = "demo-csrf-geheim"


def _pagina(
    naam: str, moment: datetime, method: str, resource: str, formulier: dict[str, str] | None = None
) -> dict[str, Any]:
    """A browser's request to the pages (no authorizer: the function checks the session cookie)."""
    alle = {
        "Accept": "text/html",
        "Host": WEB_HOST,
        "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0",
        "X-Forwarded-For": "203.0.113.20",
        "X-Forwarded-Port": "443",
        "X-Forwarded-Proto": "https",
        "Cookie": f"wd_csrf={WEB_CSRF_GEHEIM}",
        **({"Content-Type": "application/x-www-form-urlencoded"} if formulier is not None else {}),
    }
    data = urlencode(formulier).encode() if formulier is not None else b""
    pad, _, query = resource.partition("?")
    event = proxy_event(pad, {}, method, pad, query, alle, data, WEB_HOST, _ms(moment))
    event["requestContext"]["requestId"] = _id(naam)
    event["requestContext"]["apiId"] = WEB_API_ID
    return event


def web_events(moment: datetime) -> dict[str, dict[str, Any]]:
    token = csrf.token(WEB_CSRF_GEHEIM, csrf.ZONDER_SESSIE)
    mila = demo.medewerker("walcheren").email
    inloggen = {"csrf": token, "terug": "/werkvoorraad", "email": mila}
    return {
        "inloggen-pagina.json": _pagina("web-inloggen", moment, "GET", "/inloggen?terug=/werkvoorraad"),
        "werkvoorraad-zonder-sessie.json": _pagina("web-werkvoorraad", moment, "GET", "/werkvoorraad"),
        "inloggen-demo-medewerker.json": _pagina(
            "web-inloggen-post", moment, "POST", "/inloggen", {**inloggen, "wachtwoord": demo.WACHTWOORD}
        ),
        "inloggen-zonder-formulier-token.json": _pagina(
            "web-inloggen-zonder-token", moment, "POST", "/inloggen", {"email": mila}
        ),
    }


def authorizer_events(moment: datetime) -> dict[str, dict[str, Any]]:
    def met_sleutel(naam: str, method: str, resource: str, authorization: str) -> dict[str, Any]:
        event = _api(naam, moment, method, resource, None, headers={"Authorization": authorization})
        return request_authorizer_event(event)

    evides = demo.sleutels()[0].secret
    return {
        "geldige-sleutel.json": met_sleutel("auth-geldig", "GET", "/v1/doorverwijzingen", f"Bearer {evides}"),
        "ingetrokken-sleutel.json": met_sleutel(
            "auth-ingetrokken", "GET", "/v1/doorverwijzingen", f"Bearer {demo.INGETROKKEN_SLEUTEL.secret}"
        ),
        "misvormde-sleutel.json": met_sleutel("auth-misvormd", "GET", "/v1/doorverwijzingen", f"Basic {evides}"),
        "andere-rol.json": met_sleutel("auth-andere-rol", "GET", "/v1/organisaties", f"Bearer {evides}"),
    }


# --- the consumers' queues ----------------------------------------------------------------------------


def _sqs_record(naam: str, queue: str, body: str, moment: datetime) -> dict[str, Any]:
    """One message as Lambda's SQS event source hands it over."""
    return {
        "messageId": _id(naam),
        "receiptHandle": hashlib.sha256(naam.encode()).hexdigest(),
        "body": body,
        "attributes": {
            "ApproximateReceiveCount": "1",
            "SentTimestamp": str(_ms(moment)),
            "SenderId": "AIDAIOZTUSJWYMCQ2PWXE",
            "ApproximateFirstReceiveTimestamp": str(_ms(moment) + 40),
        },
        "messageAttributes": {},
        "md5OfBody": hashlib.md5(body.encode()).hexdigest(),  # noqa: S324 - what SQS puts there
        "eventSource": "aws:sqs",
        "eventSourceARN": f"arn:aws:sqs:{REGION}:{ACCOUNT}:{queue}",
        "awsRegion": REGION,
    }


def _envelope(gebeurtenis: Gebeurtenis) -> str:
    """The event bus's envelope around an event, as its rule delivers it to a queue."""
    return json.dumps(
        {
            "version": "0",
            "id": _id(f"bus-{gebeurtenis.id}"),
            "detail-type": gebeurtenis.soort.value,
            "source": "warmdoor",
            "account": ACCOUNT,
            "time": gebeurtenis.tijdstip.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "region": REGION,
            "resources": [],
            "detail": json.loads(gebeurtenis.model_dump_json()),
        },
        ensure_ascii=False,
    )


def _feiten(soort: Gebeurtenissoort, d: Doorverwijzing, beleid: Beleid, moment: datetime) -> Gebeurtenis:
    """The event `soort` with the facts it would have for demo referral `d` (for the kinds that come later
    in a referral's life, the aggregate's own transitions bring it there)."""
    tijdstip = moment
    if soort == Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN:
        tijdstip = d.contactUiterlijk
        d, _ = doorverwijzing.contacttermijn_bewaken(d, tijdstip)
    elif soort in (Gebeurtenissoort.INCASSOSTOP_BEEINDIGD, Gebeurtenissoort.BEWAARTERMIJN_HERINNERING):
        tijdstip = d.incassostopTot
        d, _ = doorverwijzing.incassostop_bewaken(d, tijdstip)
        d, _ = doorverwijzing.bewaartermijn_bijwerken(d, beleid, tijdstip)
        if soort == Gebeurtenissoort.BEWAARTERMIJN_HERINNERING:
            herinnering = doorverwijzing.timers(d)[Timer.HERINNERING]
            assert herinnering is not None
            tijdstip = herinnering
            d, _ = doorverwijzing.herinneren(d, tijdstip)
    return Gebeurtenis.van(soort, d, tijdstip).model_copy(update={"id": _feiten_id(soort, d.id)})


def _feiten_id(soort: Gebeurtenissoort, doorverwijzing_id: str) -> str:
    return _id(f"{soort}-{doorverwijzing_id}")


# Which demo referral each kind of event is about.
_OVER: dict[Gebeurtenissoort, str] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: demo.OPEN,
    Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN: demo.INGETROKKEN,
    Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN: demo.OPEN,
    Gebeurtenissoort.INCASSOSTOP_BEEINDIGD: demo.AFGEROND,
    Gebeurtenissoort.INCASSOSTOP_VERLENGD: demo.AFGEROND,
    Gebeurtenissoort.DOORVERWIJZING_AFGEROND: demo.AFGEROND,
    Gebeurtenissoort.TERUGKOPPELING_GEWIJZIGD: demo.AFGEROND,
    Gebeurtenissoort.BEWAARTERMIJN_HERINNERING: demo.OPEN,
}


def _soorten(regel: str) -> list[Gebeurtenissoort]:
    patroon = template.resources("AWS::Events::Rule")[regel]["Properties"]["EventPattern"]
    patroon = json.loads(patroon) if isinstance(patroon, str) else patroon
    return [Gebeurtenissoort(s) for s in patroon["detail-type"]]


def _regel_en_queue(functie: str) -> tuple[str, str]:
    """The rule that feeds this function's queue, and the queue's name in the local stack."""
    queue = next(
        e["Properties"]["Queue"]["Fn::GetAtt"][0]
        for e in template.functions()[functie].events.values()
        if e["Type"] == "SQS"
    )
    regel = next(
        naam
        for naam, res in template.resources("AWS::Events::Rule").items()
        if any(doel["Arn"].get("Fn::GetAtt", [None])[0] == queue for doel in res["Properties"]["Targets"])
    )
    return regel, f"{aws.PREFIX}-{queue}"


def queue_events(
    stack: LocalStack, functie: str, moment: datetime, soorten: list[Gebeurtenissoort] | None = None
) -> dict[str, dict[str, Any]]:
    """One batch per kind of event (by default: every kind the function's rule passes)."""
    regel, queue = _regel_en_queue(functie)
    diensten = stack.runtime.diensten(functie)
    batches: dict[str, dict[str, Any]] = {}
    for soort in soorten or _soorten(regel):
        d = diensten.context.repo.doorverwijzing(_OVER[soort])
        assert d is not None, f"demo referral {_OVER[soort]} is missing"
        gebeurtenis = _feiten(soort, d, diensten.context.beleid, moment)
        naam = _kebab(soort.value)
        body = _envelope(gebeurtenis)
        batches[f"{naam}.json"] = {"Records": [_sqs_record(f"{functie}-{naam}", queue, body, gebeurtenis.tijdstip)]}
    return batches


def met_onbekende_gebeurtenis(batches: dict[str, dict[str, Any]], functie: str) -> dict[str, Any]:
    """A batch whose second message is an event of a kind a newer version writes and this one does not
    know: it is reported as failed (and retried, then kept in the failure queue until replayed)."""
    eerste = next(iter(batches.values()))["Records"][0]
    onbekend = json.loads(eerste["body"])
    onbekend["detail-type"] = onbekend["detail"]["soort"] = "DoorverwijzingVerplaatst"
    onbekend["id"], onbekend["detail"]["id"] = _id(f"{functie}-onbekend-bus"), _id(f"{functie}-onbekend-gebeurtenis")
    body = json.dumps(onbekend, ensure_ascii=False)
    tweede = {
        **eerste,
        "messageId": _id(f"{functie}-onbekend"),
        "receiptHandle": hashlib.sha256(f"{functie}-onbekend".encode()).hexdigest(),
        "body": body,
        "md5OfBody": hashlib.md5(body.encode()).hexdigest(),  # noqa: S324 - what SQS puts there
    }
    return {"Records": [eerste, tweede]}


def notifier_events(stack: LocalStack, functie: str, moment: datetime) -> dict[str, dict[str, Any]]:
    batches = queue_events(stack, functie, moment)
    return {**batches, "met-onbekende-gebeurtenis.json": met_onbekende_gebeurtenis(batches, functie)}


def webhook_verzender_events(moment: datetime) -> dict[str, dict[str, Any]]:
    """The message the WebhookVerdelerFunction's event of an extension makes for Zeeuwse Energie's webhook
    (feed that one first), as the sender's queue hands it over."""
    verlengd = _feiten_id(Gebeurtenissoort.INCASSOSTOP_VERLENGD, demo.AFGEROND)
    body = {
        "webhookId": demo.WEBHOOKS[demo.ENERGIE_ID],
        "berichtId": webhookberichten.bericht_id(verlengd, Webhooksoort.INCASSOSTOP_VERLENGD),
    }
    queue = f"{aws.PREFIX}-WebhookVerzendWachtrij"
    return {"versturen.json": {"Records": [_sqs_record("webhook-versturen", queue, json.dumps(body), moment)]}}


def timer_keeper_events(stack: LocalStack, moment: datetime) -> dict[str, dict[str, Any]]:
    """A new referral's event (its schedules are made) and a withdrawal's (its deadline's are deleted)."""
    functie = "TimerKeeperFunction"
    batches = queue_events(
        stack,
        functie,
        moment,
        [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD, Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN],
    )
    return {
        "plannen.json": batches["doorverwijzing-aangemeld.json"],
        "verwijderen.json": batches["doorverwijzing-ingetrokken.json"],
    }


def _kebab(naam: str) -> str:
    return "".join(f"-{c.lower()}" if c.isupper() else c for c in naam).lstrip("-")


# --- the table's stream -------------------------------------------------------------------------------


def _stream_records(stack: LocalStack) -> Iterator[dict[str, Any]]:
    streams = aws.client("dynamodbstreams")
    arn = aws.client("dynamodb").describe_table(TableName=stack.refs["Tabel"])["Table"]["LatestStreamArn"]
    for shard in streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]:
        iterator = streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        while iterator:
            antwoord = streams.get_records(ShardIterator=iterator)
            if not antwoord["Records"]:
                break
            yield from (lambda_record(r, arn) for r in antwoord["Records"])
            iterator = antwoord.get("NextShardIterator")


def verdeler_events(stack: LocalStack) -> dict[str, dict[str, Any]]:
    """The demo's domain events as the stream delivers them through the function's filter."""
    functie = template.functions()["VerdelerFunction"]
    filters = next(e["Properties"].get("FilterCriteria") for e in functie.events.values() if e["Type"] == "DynamoDB")
    # As Lambda delivers them (the emulation leaves its own region and version in the record).
    records = [
        {**r, "awsRegion": REGION, "eventVersion": "1.1"} for r in _stream_records(stack) if any_filter(filters, r)
    ]
    batch = records[:10]
    onbekend = json.loads(json.dumps(batch[0]))
    beeld, gebeurtenis_id = onbekend["dynamodb"]["NewImage"], _id("verdeler-onbekend")
    # An insert of its own: its own event id and sort key.
    sk = beeld["SK"]["S"].rsplit("#", 1)[0] + f"#{gebeurtenis_id}"
    beeld.update({"soort": {"S": "DoorverwijzingVerplaatst"}, "id": {"S": gebeurtenis_id}, "SK": {"S": sk}})
    onbekend["dynamodb"]["Keys"]["SK"] = {"S": sk}
    onbekend["dynamodb"]["SequenceNumber"] = str(int(batch[-1]["dynamodb"]["SequenceNumber"]) + 1)
    onbekend["eventID"] = _id("verdeler-onbekend").replace("-", "")
    return {
        "gebeurtenissen.json": {"Records": batch},
        "met-onbekende-gebeurtenis.json": {"Records": [batch[0], onbekend]},
    }


def timer_events() -> dict[str, dict[str, Any]]:
    """What EventBridge Scheduler sends: each referral timer's input (see domain/timers.py) and the sweep's."""
    sweep = next(iter(template.resources("AWS::Scheduler::Schedule").values()))["Properties"]["Target"]["Input"]
    return {
        "contacttermijn.json": timers.invoer(Timer.CONTACTTERMIJN, demo.OPEN),
        "incassostop.json": timers.invoer(Timer.INCASSOSTOP, demo.OPEN),
        "herinnering.json": timers.invoer(Timer.HERINNERING, demo.OPEN),
        "bewaartermijn.json": timers.invoer(Timer.BEWAARTERMIJN, demo.INGETROKKEN),
        "vegen.json": json.loads(sweep),
    }


def alle(moment: datetime) -> dict[str, dict[str, dict[str, Any]]]:
    """Per folder of events/ (the function's logical id in template.yaml), its files."""
    stack = LocalStack(aws.free_port(), "events-admin-key", start=moment - VOORSPRONG)
    try:
        return {
            "ApiFunction": api_events(moment),
            "AuthorizerFunction": authorizer_events(moment),
            "WebFunction": web_events(moment),
            "VerdelerFunction": verdeler_events(stack),
            "EmailNotifierFunction": notifier_events(stack, "EmailNotifierFunction", moment),
            "SmsNotifierFunction": notifier_events(stack, "SmsNotifierFunction", moment),
            "TimerKeeperFunction": timer_keeper_events(stack, moment),
            "WebhookVerdelerFunction": notifier_events(stack, "WebhookVerdelerFunction", moment),
            "WebhookVerzenderFunction": webhook_verzender_events(moment),
            "TimerFunction": timer_events(),
        }
    finally:
        stack.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m local.events", description=__doc__)
    parser.add_argument("--op", help="the moment of the events (ISO 8601); default now")
    args = parser.parse_args()
    moment = datetime.fromisoformat(args.op) if args.op else datetime.now(UTC)
    moment = moment.astimezone(UTC).replace(second=0, microsecond=0)
    for map_, bestanden in alle(moment).items():
        doel = EVENTS / map_
        doel.mkdir(parents=True, exist_ok=True)
        for oud in doel.glob("*.json"):
            oud.unlink()
        for naam, event in bestanden.items():
            (doel / naam).write_text(json.dumps(event, indent=2, ensure_ascii=False) + "\n")
    print(f"events/ geschreven voor {moment.isoformat()}")


if __name__ == "__main__":
    main()
