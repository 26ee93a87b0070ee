"""No request, however malformed, gets a 5xx: bad input is a problem+json naming what is wrong."""

import json

import pytest

from tests.conftest import aanmelding


def namen(antwoord):
    return {p["name"] for p in antwoord.body["invalidParams"]}


def assert_problem(antwoord, status):
    assert antwoord.status == status, antwoord.body
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert {"type", "title", "status", "detail"} <= set(antwoord.body)
    assert antwoord.body["status"] == status
    assert antwoord.headers["api-version"] == "1.0.0"


def test_invalid_fields_are_all_named(pilot):
    body = aanmelding()
    body["adres"]["postcode"] = "12"
    body["client"]["telefoonnummer"] = "bel me"
    body["achterstand"]["bedrag"] = 12.5
    body["toestemming"]["verleend"] = False
    body["onbekend"] = 1
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", body)
    assert_problem(antwoord, 400)
    assert namen(antwoord) == {
        "adres.postcode",
        "client.telefoonnummer",
        "achterstand.bedrag",
        "toestemming.verleend",
        "onbekend",
    }
    codes = {p["name"]: p["code"] for p in antwoord.body["invalidParams"]}
    assert codes["onbekend"] == "unknown"
    assert codes["adres.postcode"] == "pattern"


def test_dates_in_the_future_are_refused(pilot):
    body = aanmelding()
    body["client"]["geboortedatum"] = "2030-01-01"
    body["achterstand"]["ontstaansdatum"] = "2026-12-01"
    body["toestemming"]["tijdstip"] = "2026-11-28T09:00:00+01:00"
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", body)
    assert_problem(antwoord, 400)
    assert namen(antwoord) == {"client.geboortedatum", "achterstand.ontstaansdatum", "toestemming.tijdstip"}


def test_list_items_are_named_with_their_index(pilot):
    body = {"naam": "X", "email": "x@example.nl", "gemeenten": [{"code": "GM1", "naam": "M"}]}
    antwoord = pilot.callers["beheer"].put("/v1/organisaties/x", body)
    assert_problem(antwoord, 400)
    assert namen(antwoord) == {"gemeenten[0].code"}


@pytest.mark.parametrize(
    "raw",
    [b"{", b"null", b"[]", b'"text"', b"42", b'{"schuldeiserReferentie": "\x00"}', b"\xff\xfe", b""],
)
def test_malformed_bodies_are_400(pilot, raw):
    antwoord = pilot.callers["evides"].request("POST", "/v1/doorverwijzingen", raw=raw)
    assert_problem(antwoord, 400)


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data",
        "multipart/form-data; boundary=x",
        "application/x-www-form-urlencoded",
        "text/plain",
        "",
    ],
)
def test_bodies_that_are_not_json_are_415(pilot, content_type):
    antwoord = pilot.callers["evides"].request(
        "POST",
        "/v1/doorverwijzingen",
        raw=json.dumps(aanmelding()).encode(),
        headers={"Content-Type": content_type},
    )
    assert_problem(antwoord, 415)


def test_huge_bodies_are_413(pilot):
    body = aanmelding(toelichting="x" * 200_000)
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", body)
    assert_problem(antwoord, 413)


def test_wrong_types_in_query_and_path_are_400(pilot):
    assert_problem(pilot.callers["evides"].get("/v1/doorverwijzingen?limiet=veel"), 400)
    assert_problem(pilot.callers["evides"].get("/v1/doorverwijzingen?status=weg"), 400)
    assert_problem(pilot.callers["evides"].get("/v1/doorverwijzingen/niet-een-uuid"), 400)
    assert_problem(pilot.callers["beheer"].put("/v1/organisaties/Hoofd%20Letters", {}), 400)


def test_a_bad_idempotency_key_is_named(pilot):
    antwoord = pilot.callers["evides"].post(
        "/v1/doorverwijzingen", aanmelding(), headers={"Idempotency-Key": "x" * 300}
    )
    assert_problem(antwoord, 400)
    assert namen(antwoord) == {"idempotency-key"}


def test_unknown_urls_and_methods_are_404_problems(pilot):
    assert_problem(pilot.callers["evides"].get("/v1/onbekend"), 404)
    assert_problem(pilot.callers["evides"].delete("/v1/doorverwijzingen"), 404)
