"""Retention: personal data go 183 days after a referral ended; the anonymous facts stay for the report."""

import json
from datetime import timedelta

import boto3

from tests.conftest import aanmelding
from tests.integration.test_casework_and_timers import schedules

DAG = timedelta(days=1)
BEWAARTERMIJN = timedelta(days=183)
PERSOONSGEGEVENS = ("client", "adres", "achterstand", "toestemming", "toelichting")
RAPPORT = "/v1/rapportages/doorverwijzingen?vanaf=2026-11-27&tot=2026-11-27"


def nieuw(pilot, referentie):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(referentie)).body
    pilot.settle()
    return d["id"]


def lees(pilot, rol, d_id):
    antwoord = pilot.callers[rol].get(f"/v1/doorverwijzingen/{d_id}")
    assert antwoord.status == 200, antwoord.body
    return antwoord.body


def opgeslagen(pilot, d_id):
    """Every stored item of the referral, by kind (DOORVERWIJZING, PERSOONSGEGEVENS, AUDIT, ...)."""
    items = boto3.client("dynamodb").query(
        TableName=pilot.table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": f"DOORVERWIJZING#{d_id}"}},
    )["Items"]
    return [(i["SK"]["S"].split("#")[0], json.dumps(i)) for i in items]


def met_persoonsgegevens(pilot, d_id):
    """The kinds of stored item that still hold the person's name, phone number or notes."""
    sporen = ("Dijk", "612345678", "Liefst", "Zoon belt terug", "Schuldregeling loopt")
    return sorted({soort for soort, tekst in opgeslagen(pilot, d_id) if any(s in tekst for s in sporen)})


def test_withdrawn_closed_and_expired_referrals_lose_their_personal_data_after_the_period(pilot):
    walcheren, evides = pilot.callers["walcheren"], pilot.callers["evides"]
    ingetrokken, gesloten, verlopen, lopend = (nieuw(pilot, f"B-{n}") for n in range(4))
    pilot.clock.advance(timedelta(hours=1))
    for d_id in (gesloten, verlopen):
        poging = {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:30:00+01:00"}
        assert (
            walcheren.post(
                f"/v1/doorverwijzingen/{d_id}/contactpogingen", poging | {"toelichting": "Zoon belt terug"}
            ).status
            == 201
        )
    verlenging = {"dagen": 30, "reden": "Schuldregeling loopt"}
    assert walcheren.post(f"/v1/doorverwijzingen/{verlopen}/verlengingen", verlenging).status == 201
    assert evides.post(f"/v1/doorverwijzingen/{ingetrokken}/intrekkingen", {"reden": "betaald"}).status == 201
    assert walcheren.put(f"/v1/doorverwijzingen/{gesloten}/eindresultaat", {"code": "quick_fix"}).status == 200
    pilot.settle()

    # Until a referral ends its retention is open; once ended, the organisation sees until when.
    assert lees(pilot, "walcheren", lopend)["persoonsgegevensBewaardTot"] is None
    assert lees(pilot, "walcheren", ingetrokken)["persoonsgegevensBewaardTot"].startswith("2027-05-29T11:0")
    assert lees(pilot, "walcheren", verlopen)["persoonsgegevensBewaardTot"] is None  # its stop runs 60 days

    # Just before the period has passed for the withdrawn and closed ones, everything is still there.
    # (It ends at the same Dutch wall-clock time, in summer time: an hour earlier in UTC.)
    pilot.advance(BEWAARTERMIJN - timedelta(hours=1, minutes=5))
    assert lees(pilot, "walcheren", ingetrokken)["client"]["achternaam"] == "Dijk"
    assert met_persoonsgegevens(pilot, gesloten) == ["PERSOONSGEGEVENS"]

    pilot.advance(timedelta(minutes=10))
    for d_id in (ingetrokken, gesloten):
        d = lees(pilot, "walcheren", d_id)
        assert all(d[veld] is None for veld in PERSOONSGEGEVENS), d
        assert d["persoonsgegevensVerwijderdOp"] is not None
        assert met_persoonsgegevens(pilot, d_id) == []
        assert "PERSOONSGEGEVENS" not in [soort for soort, _ in opgeslagen(pilot, d_id)]
    gesloten_nu = lees(pilot, "walcheren", gesloten)
    assert gesloten_nu["contactpogingen"][0]["toelichting"] is None
    assert gesloten_nu["contactpogingen"][0]["soort"] == "telefoon"
    assert gesloten_nu["eindresultaat"]["code"] == "quick_fix"
    assert lees(pilot, "evides", gesloten)["terugkoppeling"]["uitkomst"] == "opgelost"
    assert lees(pilot, "evides", ingetrokken)["persoonsgegevensVerwijderdOp"] is not None

    # The one whose stop expired (extended to 60 days) still has its data: its period began at the expiry.
    d = lees(pilot, "walcheren", verlopen)
    assert d["client"]["achternaam"] == "Dijk"
    assert d["persoonsgegevensBewaardTot"].startswith("2027-07-28")
    # A referral nobody closed ends when its stop expires, and keeps its data 183 days from then.
    assert lees(pilot, "walcheren", lopend)["persoonsgegevensBewaardTot"].startswith("2027-06-28T10:0")
    pilot.advance(timedelta(days=60))
    for d_id in (verlopen, lopend):
        d = lees(pilot, "walcheren", d_id)
        assert d["client"] is None
        assert met_persoonsgegevens(pilot, d_id) == []
    assert lees(pilot, "walcheren", verlopen)["verlengingen"][0]["reden"] is None
    assert lees(pilot, "walcheren", verlopen)["verlengingen"][0]["dagen"] == 30

    # The anonymous facts still make the report.
    r = pilot.callers["beheer"].get(RAPPORT).body
    assert r["aantal"] == 4
    assert r["ingetrokken"] == 1
    assert r["verlengd"] == 1
    assert r["gecontacteerdBinnenTermijn"] == 2
    assert r["perEindresultaat"] == {"quick_fix": 1}
    assert r["contactTermijnVerlopen"] == 1  # lopend: never reached, escalated


def test_the_organisation_is_told_when_an_open_referrals_data_will_go(pilot):
    d_id = nieuw(pilot, "B-MAIL")
    pilot.advance(timedelta(days=30, hours=1))
    mails = [m for m in pilot.outbox()["emails"] if "Incassostop afgelopen" in m["subject"] and d_id in m["text"]]
    assert len(mails) == 1
    assert "verwijderd op maandag 28 juni 2027" in mails[0]["text"].replace("\n", " ")
    pilot.advance(timedelta(days=152))  # 29 May 2027: 30 days before the erasure
    herinnering = [m for m in pilot.outbox()["emails"] if m["subject"].startswith("Leg een eindresultaat vast")]
    assert herinnering == []
    pilot.advance(DAG)
    [herinnering] = [m for m in pilot.outbox()["emails"] if m["subject"].startswith("Leg een eindresultaat vast")]
    assert herinnering["to"] == ["intake@walcheren.example"] and d_id in herinnering["text"]
    assert herinnering["subject"] == "Leg een eindresultaat vast vóór maandag 28 juni 2027 (Middelburg)"
    pilot.advance(DAG)
    assert len([m for m in pilot.outbox()["emails"] if m["subject"].startswith("Leg een eindresultaat")]) == 1


def test_personal_data_past_their_time_are_never_shown_even_before_they_are_deleted(pilot):
    d_id = nieuw(pilot, "B-TTL")
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d_id}/intrekkingen", {"reden": "onterecht"})
    pilot.settle()
    # The retention timer is lost, DynamoDB's TTL has not come round yet: the item is still there.
    scheduler = boto3.client("scheduler")
    scheduler.delete_schedule(Name=f"bewaartermijn-{d_id}", GroupName=pilot.refs["TimerGroep"])
    pilot.clock.advance(BEWAARTERMIJN + timedelta(minutes=1))  # no timer fires
    assert met_persoonsgegevens(pilot, d_id) == ["PERSOONSGEGEVENS"]

    d = lees(pilot, "walcheren", d_id)
    assert all(d[veld] is None for veld in PERSOONSGEGEVENS)
    assert d["persoonsgegevensVerwijderdOp"] is not None
    lijst = pilot.callers["walcheren"].get("/v1/doorverwijzingen").body["items"]
    assert [x["client"] for x in lijst if x["id"] == d_id] == [None]

    # The daily sweep deletes it, without waiting for TTL.
    pilot.advance(DAG)
    assert met_persoonsgegevens(pilot, d_id) == []
    assert f"bewaartermijn-{d_id}" not in schedules(pilot)


def test_after_the_period_an_open_case_can_only_be_closed_and_the_deletion_is_audited(pilot):
    d_id = nieuw(pilot, "B-409")
    pilot.advance(timedelta(days=30 + 184))
    walcheren, pad = pilot.callers["walcheren"], f"/v1/doorverwijzingen/{d_id}/eindresultaat"
    poging = {"soort": "telefoon", "bereikt": True, "tijdstip": "2027-06-29T10:00:00+02:00"}
    na = walcheren.post(f"/v1/doorverwijzingen/{d_id}/contactpogingen", poging)
    assert na.status == 409 and "bewaartermijn" in na.body["detail"]
    assert pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d_id}/intrekkingen", {"reden": "betaald"}).status == 409
    met_toelichting = walcheren.put(pad, {"code": "geen_contact", "toelichting": "Nooit opgenomen"})
    assert met_toelichting.status == 400 and met_toelichting.body["invalidParams"][0]["name"] == "toelichting"
    afgerond = walcheren.put(pad, {"code": "geen_contact"})
    assert afgerond.status == 200 and afgerond.body["status"] == "afgerond" and afgerond.body["client"] is None
    pilot.settle()
    assert lees(pilot, "evides", d_id)["terugkoppeling"]["uitkomst"] == "geen_contact"
    # A retried submission still finds its referral (without the personal data it no longer has).
    opnieuw = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("B-409"))
    assert opnieuw.status == 200 and opnieuw.body["id"] == d_id
    acties = [r["actie"] for r in pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").body["items"]]
    assert acties.count("persoonsgegevens_verwijderd") == 1
    assert acties.count("eindresultaat") == 1
