"""The operator onboards organisations and creditors and manages API keys."""

import boto3

from tests.conftest import ORGANISATIE_WALCHEREN


def test_organisation_is_created_then_replaced(pilot):
    beheer = pilot.callers["beheer"]
    nieuw = {
        **ORGANISATIE_WALCHEREN,
        "naam": "Walcheren Schuldhulp",
        "gemeenten": ORGANISATIE_WALCHEREN["gemeenten"][:1],
    }
    antwoord = beheer.put("/v1/organisaties/walcheren", nieuw)
    assert antwoord.status == 200
    assert antwoord.body["naam"] == "Walcheren Schuldhulp"
    assert antwoord.body["smsNummers"] == ["+31611111111"]
    assert [g["code"] for g in beheer.get("/v1/organisaties/walcheren").body["gemeenten"]] == ["GM0687"]
    assert [o["id"] for o in beheer.get("/v1/organisaties").body["items"]] == ["rotterdam", "walcheren"]


def test_a_municipality_of_another_organisation_is_a_conflict_naming_the_holder(pilot):
    body = {"naam": "X", "email": "x@example.nl", "gemeenten": [{"code": "GM0687", "naam": "Middelburg"}]}
    antwoord = pilot.callers["beheer"].put("/v1/organisaties/nieuw", body)
    assert antwoord.status == 409
    assert "walcheren" in antwoord.body["detail"]
    assert pilot.callers["beheer"].get("/v1/organisaties/nieuw").status == 404


def test_an_overlapping_postcode_area_is_a_conflict(pilot):
    body = {
        "naam": "X",
        "email": "x@example.nl",
        "gemeenten": [{"code": "GM0664", "naam": "Goes", "postcodegebieden": ["4339-4465"]}],
    }
    antwoord = pilot.callers["beheer"].put("/v1/organisaties/goes", body)
    assert antwoord.status == 409
    assert "GM0687" in antwoord.body["detail"]


def test_a_municipality_twice_in_one_request_is_bad_input(pilot):
    gemeente = {"code": "GM0664", "naam": "Goes"}
    antwoord = pilot.callers["beheer"].put(
        "/v1/organisaties/goes", {"naam": "X", "email": "x@example.nl", "gemeenten": [gemeente, gemeente]}
    )
    assert antwoord.status == 400
    assert antwoord.body["invalidParams"][0]["name"] == "gemeenten[1].code"


def test_creditors_are_created_read_and_listed(pilot):
    beheer = pilot.callers["beheer"]
    assert beheer.get("/v1/schuldeisers/evides").body == {
        "id": "evides",
        "naam": "Evides Waterbedrijf",
        "type": "water",
        "email": "incasso@evides.example",
    }
    assert [s["id"] for s in beheer.get("/v1/schuldeisers").body["items"]] == ["evides", "oasen"]
    assert beheer.put("/v1/schuldeisers/x", {"naam": "X", "type": "kolen", "email": "a@b.nl"}).status == 400


def test_a_key_is_shown_once_stored_as_a_hash_and_revoked_at_once(pilot):
    beheer = pilot.callers["beheer"]
    antwoord = beheer.post("/v1/api-sleutels", {"rol": "schuldeiser", "schuldeiserId": "evides", "omschrijving": "CRM"})
    assert antwoord.status == 201
    geheim, sleutel_id = antwoord.body["sleutel"], antwoord.body["id"]
    assert geheim.startswith("wd_") and len(geheim) > 40

    opgeslagen = str(boto3.client("dynamodb").scan(TableName=pilot.table)["Items"])
    assert geheim not in opgeslagen
    gelijst = beheer.get("/v1/api-sleutels").body["items"]
    assert all("sleutel" not in k for k in gelijst)
    assert sleutel_id in [k["id"] for k in gelijst]

    crm = pilot.caller(geheim)
    assert crm.get("/v1/doorverwijzingen").status == 200
    assert beheer.delete(f"/v1/api-sleutels/{sleutel_id}").status == 204
    assert crm.get("/v1/doorverwijzingen").status == 401
    assert beheer.delete(f"/v1/api-sleutels/{sleutel_id}").status == 204
    ingetrokken = next(k for k in beheer.get("/v1/api-sleutels").body["items"] if k["id"] == sleutel_id)
    assert ingetrokken["ingetrokkenOp"] is not None


def test_a_key_must_be_bound_to_an_existing_subject_of_its_role(pilot):
    beheer = pilot.callers["beheer"]
    fout = beheer.post("/v1/api-sleutels", {"rol": "schuldeiser"})
    assert fout.status == 400 and fout.body["invalidParams"][0]["name"] == "schuldeiserId"
    fout = beheer.post("/v1/api-sleutels", {"rol": "organisatie", "organisatieId": "bestaat-niet"})
    assert fout.status == 400 and fout.body["invalidParams"][0]["code"] == "unknown"
    fout = beheer.post("/v1/api-sleutels", {"rol": "beheer", "schuldeiserId": "evides"})
    assert fout.status == 400 and fout.body["invalidParams"][0]["code"] == "not_allowed"
