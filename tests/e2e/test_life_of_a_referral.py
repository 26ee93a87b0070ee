"""The full life of referrals on the local stack, with the clock moved forward over HTTP:
registered, alerted, contacted or escalated, extended, closed or expired, nothing twice."""

import uuid

import boto3
from botocore.config import Config

from local import aws
from tests.e2e.conftest import aanmelding_nu

EVIDES = "demo-schuldeiser-evides"
WALCHEREN = "demo-organisatie-walcheren"


def outbox(http):
    return http(None).get("/_local/outbox")[2]


def escalaties(http, d_id):
    return [m for m in outbox(http)["emails"] if "Contacttermijn verstreken" in m["subject"] and d_id in m["text"]]


def test_contacted_escalated_extended_closed_and_expired(http):
    evides, walcheren, klok = http(EVIDES), http(WALCHEREN), http(None)
    ids = {}
    for naam in ("bereikt", "vergeten", "verlengd", "gesloten"):
        status, _, d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"LIFE-{naam}-{uuid.uuid4()}"))
        assert status == 201
        ids[naam] = d["id"]
    nu = klok.get("/_local/clock")[2]["now"]
    assert (
        walcheren.post(
            f"/v1/doorverwijzingen/{ids['bereikt']}/contactpogingen",
            {"soort": "telefoon", "bereikt": True, "tijdstip": nu},
        )[0]
        == 201
    )
    assert (
        walcheren.post(
            f"/v1/doorverwijzingen/{ids['verlengd']}/contactpogingen",
            {"soort": "huisbezoek", "bereikt": True, "tijdstip": nu},
        )[0]
        == 201
    )
    assert (
        walcheren.post(
            f"/v1/doorverwijzingen/{ids['verlengd']}/verlengingen", {"dagen": 30, "reden": "Schuldregeling"}
        )[0]
        == 201
    )
    bereikt = {"soort": "telefoon", "bereikt": True, "tijdstip": nu}
    assert walcheren.post(f"/v1/doorverwijzingen/{ids['gesloten']}/contactpogingen", bereikt)[0] == 201
    assert walcheren.put(f"/v1/doorverwijzingen/{ids['gesloten']}/eindresultaat", {"code": "zelf_opgelost"})[0] == 200

    klok.post("/_local/clock", {"advance": "P1D"})
    assert all(escalaties(http, d_id) == [] for d_id in ids.values())

    klok.post("/_local/clock", {"advance": "P2DT1H"})
    assert len(escalaties(http, ids["vergeten"])) == 1
    assert [d_id for d_id in ids.values() if escalaties(http, d_id)] == [ids["vergeten"]]
    assert evides.get(f"/v1/doorverwijzingen/{ids['vergeten']}")[2]["contactTermijnVerlopen"] is True

    klok.post("/_local/clock", {"advance": "P30D"})
    for naam in ("bereikt", "vergeten", "gesloten"):
        d = evides.get(f"/v1/doorverwijzingen/{ids[naam]}")[2]
        assert d["incassostop"]["actief"] is False, naam
    assert evides.get(f"/v1/doorverwijzingen/{ids['verlengd']}")[2]["incassostop"]["actief"] is True
    geeindigd = [m for m in outbox(http)["emails"] if m["subject"].startswith("Incassostop beëindigd")]
    for naam in ("bereikt", "vergeten", "gesloten"):
        assert len([m for m in geeindigd if ids[naam] in m["text"]]) == 1, naam
    assert not [m for m in geeindigd if ids["verlengd"] in m["text"]]
    assert [m["to"] for m in geeindigd if ids["vergeten"] in m["text"]] == [["incasso@evides.example"]]

    # Nothing twice: another jump changes nothing for these referrals.
    aantal = len(outbox(http)["emails"])
    klok.post("/_local/clock", {"advance": "P1D"})
    assert len(escalaties(http, ids["vergeten"])) == 1
    assert len([m for m in outbox(http)["emails"] if any(d in m["text"] for d in ids.values())]) <= aantal


def test_the_sweep_catches_a_deleted_schedule(http):
    evides, klok = http(EVIDES), http(None)
    d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"SWEEP-{uuid.uuid4()}"))[2]
    klok.post("/_local/clock", {"advance": "PT1S"})  # the timer keeper has planned its schedules
    # The schedule is lost (deleted behind WarmDoor's back); only the daily sweep can notice.
    scheduler = _scheduler(klok.get("/_local/aws")[2]["endpoint"])
    groep = next(g["Name"] for g in scheduler.list_schedule_groups()["ScheduleGroups"] if g["Name"] != "default")
    scheduler.delete_schedule(Name=f"contacttermijn-{d['id']}", GroupName=groep)
    klok.post("/_local/clock", {"advance": "P3DT1H"})
    assert len(escalaties(http, d["id"])) == 1


def test_personal_data_are_gone_once_the_retention_period_has_passed(http):
    evides, walcheren, klok = http(EVIDES), http(WALCHEREN), http(None)
    d = evides.post("/v1/doorverwijzingen", aanmelding_nu(evides, f"RETENTIE-{uuid.uuid4()}"))[2]
    assert evides.post(f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "betaald"})[0] == 201
    klok.post("/_local/clock", {"advance": "PT1S"})
    bewaard = walcheren.get(f"/v1/doorverwijzingen/{d['id']}")[2]
    assert bewaard["client"]["achternaam"] == "Dijk" and bewaard["persoonsgegevensBewaardTot"] is not None

    klok.post("/_local/clock", {"advance": "P184D"})
    na = walcheren.get(f"/v1/doorverwijzingen/{d['id']}")[2]
    assert [na[veld] for veld in ("client", "adres", "achterstand", "toestemming", "toelichting")] == [None] * 5
    assert na["persoonsgegevensVerwijderdOp"] is not None
    assert na["status"] == "ingetrokken" and na["schuldeiserReferentie"] == d["schuldeiserReferentie"]
    assert evides.get(f"/v1/doorverwijzingen/{d['id']}")[2]["persoonsgegevensVerwijderdOp"] is not None


def _scheduler(endpoint):
    """The local stack's emulated AWS, reached as an operator's boto3 would reach AWS."""
    return boto3.client(
        "scheduler",
        endpoint_url=endpoint,
        region_name=aws.REGION,
        aws_access_key_id="local",
        aws_secret_access_key="local",
        config=Config(retries={"max_attempts": 1}),
    )
