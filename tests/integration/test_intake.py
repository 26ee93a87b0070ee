"""A creditor submits a warm referral and follows it; handlers on emulated AWS behind the local gateway."""

import json
import threading
from collections.abc import Sequence
from typing import Any

import boto3

from tests.conftest import aanmelding
from warmdoor.domain import intake
from warmdoor.models.requests import DoorverwijzingVerzoek
from warmdoor.ports import Claimsoort

PERSOONSGEGEVENS = ("client", "adres", "achterstand", "toestemming", "toelichting", "contactpogingen")


def test_submission_is_registered_routed_and_timed(pilot):
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding())
    assert antwoord.status == 201
    d = antwoord.body
    assert antwoord.headers["location"] == f"/v1/doorverwijzingen/{d['id']}"
    assert antwoord.headers["api-version"] == "1.0.0"
    assert d["status"] == "aangemeld"
    assert d["organisatie"] == {"id": "walcheren", "naam": "Schuldhulp Walcheren"}
    assert d["gemeentecode"] == "GM0687"
    assert d["aangemeldOp"].startswith("2026-11-27T10:00")
    assert d["aangemeldOp"].endswith("+01:00")
    assert d["contactUiterlijk"].startswith("2026-11-30T10:00")
    assert d["incassostop"]["tot"].startswith("2026-12-27T10:00")
    assert d["incassostop"]["actief"] is True
    assert d["contactTermijnVerlopen"] is False


def test_creditor_view_holds_no_personal_data(pilot):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body
    for veld in PERSOONSGEGEVENS:
        assert veld not in d
    gelezen = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body
    assert "Dijk" not in str(gelezen) and "4331" not in str(gelezen) and "+316" not in str(gelezen)


def test_organisation_sees_the_referral_in_full_and_normalised(pilot):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body
    volledig = pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d['id']}").body
    assert volledig["client"]["telefoonnummer"] == "+31612345678"
    assert volledig["adres"]["postcode"] == "4331AB"
    assert volledig["achterstand"] == {"bedrag": "123.45", "ontstaansdatum": "2026-09-01"}
    assert volledig["schuldeiser"] == {"id": "evides", "naam": "Evides Waterbedrijf"}
    assert volledig["toelichting"] == "Liefst 's ochtends bellen"
    assert volledig["toestemming"]["smsBevestiging"] is True


def test_municipality_code_routes_when_postcode_is_ambiguous(pilot):
    body = aanmelding(gemeentecode="GM0599")
    body["adres"]["postcode"] = "9999 AA"
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", body).body
    assert d["organisatie"]["id"] == "rotterdam"


def test_a_municipality_code_the_postcode_contradicts_is_a_422_naming_both(pilot):
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(gemeentecode="GM0599"))
    assert antwoord.status == 422
    assert antwoord.body["type"].endswith("/gemeente-en-postcode-tegenstrijdig")
    assert {p["name"]: p["reason"] for p in antwoord.body["invalidParams"]} == {
        "gemeentecode": "De postcode 4331AB ligt niet in GM0599",
        "adres.postcode": "De postcode 4331AB ligt in GM0687",
    }
    assert pilot.callers["evides"].get("/v1/doorverwijzingen").body["items"] == []


def test_no_participating_organisation_is_a_422_problem(pilot):
    body = aanmelding()
    body["adres"]["postcode"] = "9999 AA"
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", body)
    assert antwoord.status == 422
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.body["type"].endswith("/geen-deelnemende-organisatie")


def test_the_same_submission_again_returns_the_same_referral(pilot):
    evides = pilot.callers["evides"]
    eerste = evides.post("/v1/doorverwijzingen", aanmelding())
    anders_gespeld = aanmelding()
    anders_gespeld["adres"]["postcode"] = "4331ab"
    anders_gespeld["client"]["telefoonnummer"] = "+31612345678"
    anders_gespeld["client"]["email"] = "jan@EXAMPLE.nl"
    anders_gespeld["adres"]["huisnummertoevoeging"] = "a"
    anders_gespeld["toestemming"]["tijdstip"] = "2026-11-27T08:30:00Z"
    tweede = evides.post("/v1/doorverwijzingen", anders_gespeld)
    assert (eerste.status, tweede.status) == (201, 200)
    assert tweede.body["id"] == eerste.body["id"]
    assert len(evides.get("/v1/doorverwijzingen").body["items"]) == 1


def test_the_same_reference_with_other_content_is_a_conflict(pilot):
    evides = pilot.callers["evides"]
    evides.post("/v1/doorverwijzingen", aanmelding())
    ander = aanmelding()
    ander["achterstand"]["bedrag"] = "999.00"
    antwoord = evides.post("/v1/doorverwijzingen", ander)
    assert antwoord.status == 409
    assert "EVD-2026-000123" in antwoord.body["detail"]


def test_references_are_per_creditor(pilot):
    a = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("GEDEELD-1"))
    b = pilot.callers["oasen"].post("/v1/doorverwijzingen", aanmelding("GEDEELD-1"))
    assert (a.status, b.status) == (201, 201)
    assert a.body["id"] != b.body["id"]


def test_idempotency_key_returns_the_same_referral_and_guards_the_body(pilot):
    evides = pilot.callers["evides"]
    sleutel = {"Idempotency-Key": "f1c7c2a4-retry-1"}
    eerste = evides.post("/v1/doorverwijzingen", aanmelding("A-1"), headers=sleutel)
    opnieuw = evides.post("/v1/doorverwijzingen", aanmelding("A-1"), headers=sleutel)
    ander = evides.post("/v1/doorverwijzingen", aanmelding("A-2"), headers=sleutel)
    assert (eerste.status, opnieuw.status, ander.status) == (201, 200, 409)
    assert opnieuw.body["id"] == eerste.body["id"]
    assert "Idempotency-Key" in ander.body["detail"]


def test_an_idempotency_key_is_free_again_after_30_days(pilot):
    evides = pilot.callers["evides"]
    sleutel = {"Idempotency-Key": "f1c7c2a4-retry-2"}
    eerste = evides.post("/v1/doorverwijzingen", aanmelding("B-1"), headers=sleutel)
    pilot.clock.advance(intake.SLEUTEL_GELDIG)
    later = aanmelding("B-2")
    later["toestemming"]["tijdstip"] = pilot.clock.now().isoformat()
    tweede = evides.post("/v1/doorverwijzingen", later, headers=sleutel)
    assert (eerste.status, tweede.status) == (201, 201)
    assert tweede.body["id"] != eerste.body["id"]
    assert evides.post("/v1/doorverwijzingen", later, headers=sleutel).body["id"] == tweede.body["id"]


def test_concurrent_retries_create_one_referral(pilot):
    evides = pilot.callers["evides"]
    antwoorden = []

    def stuur():
        antwoorden.append(evides.post("/v1/doorverwijzingen", aanmelding("RACE-1")))

    threads = [threading.Thread(target=stuur) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(a.status for a in antwoorden) == [200] * 5 + [201]
    assert len({a.body["id"] for a in antwoorden}) == 1


def test_a_retry_that_loses_the_race_at_the_write_returns_the_winner(pilot):
    """Both requests read 'no claim yet'; the second one's transaction meets the first one's claim."""
    from warmdoor.domain.context import Context
    from warmdoor.models.entities import Principal
    from warmdoor.models.enums import Rol

    winnaar = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("RACE-2")).body

    class TeLaatGelezen:
        def __init__(self, repo):
            self._repo = repo

        def intake_gegevens(self, schuldeiser_id: str, claims: Sequence[tuple[Claimsoort, str]]) -> Any:
            schuldeiser, routering, _ = self._repo.intake_gegevens(schuldeiser_id, claims)
            return schuldeiser, routering, [None] * len(claims)  # read before the winner committed

        def __getattr__(self, naam):
            return getattr(self._repo, naam)

    ctx = Context(TeLaatGelezen(pilot.repo), pilot.clock)
    principal = Principal(sleutelId="x", rol=Rol.SCHULDEISER, schuldeiserId="evides")
    d, nieuw = intake.aanmelden(ctx, principal, DoorverwijzingVerzoek.model_validate(aanmelding("RACE-2")), None)
    assert (d.id, nieuw) == (winnaar["id"], False)


def test_a_referral_carries_the_organisations_name_as_it_is_now(pilot):
    beheer = pilot.callers["beheer"]
    org = beheer.get("/v1/organisaties/walcheren").body
    org.pop("id")
    assert beheer.put("/v1/organisaties/walcheren", {**org, "naam": "Geldzorgen Walcheren"}).status == 200
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("NAAM-1")).body
    assert d["organisatie"] == {"id": "walcheren", "naam": "Geldzorgen Walcheren"}


def test_a_routing_saved_before_it_kept_the_organisations_still_routes(pilot):
    """The routing item as a stack deployed before this version wrote it: municipalities only."""
    boto3.client("dynamodb").update_item(
        TableName=pilot.table,
        Key={"PK": {"S": "ROUTERING"}, "SK": {"S": "ROUTERING"}},
        UpdateExpression="REMOVE organisaties",
    )
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("OUD-1"))
    assert antwoord.status == 201
    assert antwoord.body["organisatie"] == {"id": "walcheren", "naam": "Schuldhulp Walcheren"}


def test_the_referral_and_its_event_are_written_together(pilot):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body
    items = boto3.client("dynamodb").query(
        TableName=pilot.table,
        KeyConditionExpression="PK = :pk",
        ExpressionAttributeValues={":pk": {"S": f"DOORVERWIJZING#{d['id']}"}},
    )["Items"]
    soorten = sorted(i["SK"]["S"].split("#")[0] for i in items)
    assert soorten == ["AUDIT", "DOORVERWIJZING", "GEBEURTENIS", "PERSOONSGEGEVENS"]
    gebeurtenis = next(i for i in items if i["SK"]["S"].startswith("GEBEURTENIS"))
    assert gebeurtenis["soort"]["S"] == "DoorverwijzingAangemeld"
    assert "client" not in gebeurtenis
    # Only one item holds the personal data: the one retention deletes. The indexed one has none.
    met_client = [i["SK"]["S"] for i in items if "Dijk" in json.dumps(i)]
    assert met_client == ["PERSOONSGEGEVENS"]


def test_lists_are_own_newest_first_paginated_and_filtered(pilot):
    evides, oasen = pilot.callers["evides"], pilot.callers["oasen"]
    ids = []
    for n in range(5):
        ids.append(evides.post("/v1/doorverwijzingen", aanmelding(f"L-{n}")).body["id"])
        pilot.clock.advance(__import__("datetime").timedelta(minutes=1))
    oasen.post("/v1/doorverwijzingen", aanmelding("O-1"))
    evides.post(f"/v1/doorverwijzingen/{ids[1]}/intrekkingen", {"reden": "betaald"})

    gezien, volgende = [], None
    while True:
        pad = "/v1/doorverwijzingen?limiet=2" + (f"&volgende={volgende}" if volgende else "")
        pagina = evides.get(pad).body
        gezien += [d["id"] for d in pagina["items"]]
        volgende = pagina["volgende"]
        if not volgende:
            break
    assert gezien == list(reversed(ids))

    ingetrokken = evides.get("/v1/doorverwijzingen?status=ingetrokken").body
    assert [d["id"] for d in ingetrokken["items"]] == [ids[1]]
    assert len(pilot.callers["walcheren"].get("/v1/doorverwijzingen").body["items"]) == 6
    assert len(pilot.callers["rotterdam"].get("/v1/doorverwijzingen").body["items"]) == 0
    assert len(pilot.callers["beheer"].get("/v1/doorverwijzingen").body["items"]) == 6


def test_a_forged_cursor_is_bad_input(pilot):
    antwoord = pilot.callers["evides"].get("/v1/doorverwijzingen?volgende=bm90LWEtY3Vyc29y")
    assert antwoord.status == 400
    assert antwoord.body["invalidParams"][0]["name"] == "volgende"


def test_withdrawal_ends_the_stop_and_can_happen_once(pilot):
    evides = pilot.callers["evides"]
    d = evides.post("/v1/doorverwijzingen", aanmelding()).body
    pilot.clock.advance(__import__("datetime").timedelta(days=2))
    antwoord = evides.post(
        f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "betaald", "toelichting": "Betaald"}
    )
    assert antwoord.status == 201
    assert antwoord.body["status"] == "ingetrokken"
    assert antwoord.body["ingetrokkenOp"].startswith("2026-11-29T10:00")  # the clock runs on: its minute
    assert antwoord.body["incassostop"]["actief"] is False
    assert antwoord.body["incassostop"]["tot"] == antwoord.body["ingetrokkenOp"]
    nogmaals = evides.post(f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "overig"})
    assert nogmaals.status == 409
    assert "ingetrokken" in nogmaals.body["detail"]
    volledig = pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d['id']}").body
    assert volledig["intrekking"]["reden"] == "betaald"


def test_the_deadline_passing_without_contact_shows(pilot):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding()).body
    pilot.clock.advance(__import__("datetime").timedelta(days=3, hours=1))
    gelezen = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body
    assert gelezen["contactTermijnVerlopen"] is True
    pilot.clock.advance(__import__("datetime").timedelta(days=27))
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["incassostop"]["actief"] is False
