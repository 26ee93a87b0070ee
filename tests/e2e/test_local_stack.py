"""The contract played over HTTP on the local stack by each role, with the clock moved forward."""

import time
import uuid
from typing import Any

from local import demo
from tests.e2e.conftest import ADMIN_KEY, aanmelding_nu

EVIDES = "demo-schuldeiser-evides"
WALCHEREN = "demo-organisatie-walcheren"


def test_demo_data_is_seeded_and_printed_keys_work(http):
    status, headers, body = http(ADMIN_KEY).get("/v1/organisaties?limiet=100")
    assert status == 200
    assert headers["API-Version"] == "1.0.0"
    assert {o["id"] for o in body["items"]} == set(demo.ORGANISATIES)
    gemeenten = {g["code"] for o in body["items"] for g in o["gemeenten"]}
    assert {"GM0687", "GM0599", "GM0664", "GM0715"} <= gemeenten
    for key in demo.sleutels():
        assert http(key.secret).get("/v1/doorverwijzingen")[0] == 200, key.label


def test_operator_onboards_and_a_new_creditor_submits(http):
    beheer = http(ADMIN_KEY)
    assert (
        beheer.put("/v1/schuldeisers/oasen", {"naam": "Oasen", "type": "water", "email": "i@oasen.example"})[0] == 201
    )
    status, _, sleutel = beheer.post("/v1/api-sleutels", {"rol": "schuldeiser", "schuldeiserId": "oasen"})
    assert status == 201
    oasen = http(sleutel["sleutel"])
    body = aanmelding_nu(beheer, f"OAS-{uuid.uuid4()}")
    body["adres"]["postcode"] = "3011 AB"
    status, headers, d = oasen.post("/v1/doorverwijzingen", body)
    assert status == 201
    assert d["organisatie"]["id"] == "rotterdam"
    assert headers["Location"] == f"/v1/doorverwijzingen/{d['id']}"
    assert (
        http("demo-organisatie-rotterdam").get(f"/v1/doorverwijzingen/{d['id']}")[2]["client"]["achternaam"] == "Dijk"
    )
    assert http(WALCHEREN).get(f"/v1/doorverwijzingen/{d['id']}")[0] == 404
    assert beheer.request("DELETE", f"/v1/api-sleutels/{sleutel['id']}")[0] == 204
    assert oasen.get("/v1/doorverwijzingen")[0] == 401


def test_retries_and_bad_input_over_http(http):
    evides = http(EVIDES)
    body = aanmelding_nu(evides, f"EVD-{uuid.uuid4()}")
    eerste = evides.post("/v1/doorverwijzingen", body, headers={"Idempotency-Key": "e2e-1"})
    tweede = evides.post("/v1/doorverwijzingen", body, headers={"Idempotency-Key": "e2e-1"})
    assert (eerste[0], tweede[0]) == (201, 200)
    assert eerste[2]["id"] == tweede[2]["id"]
    slecht = aanmelding_nu(evides, f"EVD-{uuid.uuid4()}")
    slecht["adres"]["postcode"] = "99"
    status, headers, problem = evides.post("/v1/doorverwijzingen", slecht)
    assert status == 400
    assert headers["Content-Type"] == "application/problem+json"
    assert problem["invalidParams"][0]["name"] == "adres.postcode"
    assert http(None).get("/v1/doorverwijzingen")[0] == 401
    assert http(WALCHEREN).post("/v1/doorverwijzingen", body)[0] == 403


def test_the_clock_moves_and_the_deadline_shows(http, local_stack):
    evides = http(EVIDES)
    d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"EVD-{uuid.uuid4()}"))[2]
    voor = http(None).get("/_local/clock")[2]["now"]
    status, _, klok = http(None).post("/_local/clock", {"advance": "P1D"})
    assert status == 200 and klok["now"] > voor
    assert evides.get(f"/v1/doorverwijzingen/{d['id']}")[2]["contactTermijnVerlopen"] is False
    http(None).post("/_local/clock", {"advance": "P2DT1H"})
    assert evides.get(f"/v1/doorverwijzingen/{d['id']}")[2]["contactTermijnVerlopen"] is True
    assert http(None).post("/_local/clock", {"advance": "drie dagen"})[0] == 400


def test_the_clock_refuses_to_leave_its_range_and_keeps_working(http):
    for te_ver in ("P99999999D", "P99999999999999999999999D", "PT9999999999999999999999H"):
        status, headers, _ = http(None).post("/_local/clock", {"advance": te_ver})
        assert status == 400, te_ver
        assert headers["Content-Type"] == "application/problem+json"
    assert http(None).get("/_local/clock")[0] == 200
    evides = http(EVIDES)
    assert evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"EVD-{uuid.uuid4()}"))[0] == 201


def test_a_referral_reaches_the_outbox_within_a_second_or_so(http):
    evides = http(EVIDES)
    d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"EVD-{uuid.uuid4()}"))[2]
    for _ in range(50):
        outbox = http(None).get("/_local/outbox")[2]
        mails = [m for m in outbox["emails"] if d["id"] in (m["text"] or "")]
        sms = [s for s in outbox["sms"] if d["id"][:8] in s["text"]]
        if mails and sms:
            break
        time.sleep(0.1)
    assert [m["to"] for m in mails] == [["intake@walcheren.example"]]
    assert mails[0]["subject"].startswith("Warme doorverwijzing Middelburg")
    assert [s["to"] for s in sms] == ["+31612000001"]
    status, _headers, pagina = http(None).get("/_local/")
    assert status == 200 and "Warme doorverwijzing Middelburg" in str(pagina)


def _webhooks(http, doorverwijzing_id: str) -> list[dict[str, Any]]:
    return [
        w for w in http(None).get("/_local/webhooks")[2] if w["inhoud"]["data"]["doorverwijzingId"] == doorverwijzing_id
    ]


def test_the_demo_webhooks_arrive_signed_at_the_local_receiver_and_retries_follow_the_clock(http):
    evides, walcheren = http(EVIDES), http(WALCHEREN)
    d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"EVD-{uuid.uuid4()}"))[2]
    for _ in range(50):
        ontvangen = _webhooks(http, d["id"])
        if len(ontvangen) == 2:
            break
        time.sleep(0.1)
    assert {(w["ontvanger"], w["inhoud"]["type"]) for w in ontvangen} == {
        (demo.SCHULDEISER_ID, "incassostop.gestart"),
        ("walcheren", "doorverwijzing.aangemeld"),
    }
    assert all(w["handtekeningKlopt"] for w in ontvangen)
    assert "incassostop.gestart" in str(http(None).get("/_local/")[2])

    # Evides's system is down (503): the message is retried when the clock has moved past the next attempt.
    webhook = demo.WEBHOOKS[demo.SCHULDEISER_ID]
    instelling = evides.get(f"/v1/webhooks/{webhook}")[2]
    url = instelling["url"] + "?status=503"
    assert evides.put(f"/v1/webhooks/{webhook}", {"url": url, "soorten": instelling["soorten"]})[0] == 200
    verlenging = {"dagen": 7, "reden": "Regeling"}
    assert walcheren.post(f"/v1/doorverwijzingen/{d['id']}/verlengingen", verlenging)[0] == 201

    def verlengd() -> list[dict[str, Any]]:
        for _ in range(50):
            gevonden = [w for w in _webhooks(http, d["id"]) if w["inhoud"]["type"] == "incassostop.verlengd"]
            if gevonden:
                return gevonden
            time.sleep(0.1)
        return []

    assert [w["antwoord"] for w in verlengd()] == [503]
    http(None).post("/_local/clock", {"advance": "PT2M"})  # the first retry comes after about a minute
    assert [w["antwoord"] for w in verlengd()] == [503, 503]
    assert len({w["webhook-id"] for w in verlengd()}) == 1
    log = evides.get(f"/v1/webhooks/{webhook}/berichten")[2]["items"]
    assert [p["status"] for p in log[0]["pogingen"]] == [503, 503]
    assert evides.put(f"/v1/webhooks/{webhook}", {"url": instelling["url"], "soorten": instelling["soorten"]})[0] == 200
