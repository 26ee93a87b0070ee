"""No request, however malformed, gets a 5xx: bad input is a problem+json naming what is wrong."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local.doseerder import Doseerder
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


@pytest.mark.parametrize(
    ("raw", "naam", "code"),
    [
        (b"[" * 1000 + b"]" * 1000, "body", "max_depth"),
        (
            b'{"client": ' * 12 + b"{}" + b"}" * 12,
            "client.client.client.client.client.client.client.client.client.client",
            "max_depth",
        ),
        (b'{"adres": {"huisnummer": ' + b"9" * 5000 + b"}}", "adres.huisnummer", "invalid_number"),
        (b'{"adres": {"huisnummer": 1e999}}', "adres.huisnummer", "invalid_number"),
        (b'{"adres": {"huisnummer": NaN}}', "adres.huisnummer", "invalid_number"),
        (b'{"toestemming": {"verleend": false, "verleend": true}}', "toestemming.verleend", "duplicate_key"),
        (b'{"toelichting": "\\ud800"}', "toelichting", "character"),
        (b'{"toelichting": "' + b"x" * 10_001 + b'"}', "toelichting", "max_length"),
        (b'{"x": [' + b"1," * 1000 + b"1]}", "x", "max_items"),
    ],
)
def test_bodies_beyond_the_json_limits_are_400_naming_where(pilot, raw, naam, code):
    antwoord = pilot.callers["evides"].request("POST", "/v1/doorverwijzingen", raw=raw)
    assert_problem(antwoord, 400)
    assert (naam, code) in {(p["name"], p["code"]) for p in antwoord.body["invalidParams"]}


@pytest.mark.parametrize(
    "content_type",
    [
        "Application/JSON; charset=UTF-8",
        "APPLICATION/JSON",
        'application/json; Charset="utf-8"',
        "application/json ;charset=utf8",
    ],
)
def test_media_types_are_matched_case_insensitively(pilot, content_type):
    antwoord = pilot.callers["evides"].request(
        "POST", "/v1/doorverwijzingen", raw=json.dumps(aanmelding()).encode(), headers={"Content-Type": content_type}
    )
    assert antwoord.status == 201, antwoord.body


def test_a_charset_other_than_utf8_is_415(pilot):
    antwoord = pilot.callers["evides"].request(
        "POST",
        "/v1/doorverwijzingen",
        raw=json.dumps(aanmelding()).encode(),
        headers={"Content-Type": "application/json; charset=ISO-8859-1"},
    )
    assert_problem(antwoord, 415)


def test_answers_are_not_kept_by_caches(pilot):
    evides, walcheren = pilot.callers["evides"], pilot.callers["walcheren"]
    aangemeld = evides.post("/v1/doorverwijzingen", aanmelding())
    volledig = walcheren.get(f"/v1/doorverwijzingen/{aangemeld.body['id']}")
    assert volledig.body["client"]["achternaam"] == "Dijk"
    for antwoord in (aangemeld, volledig, walcheren.get("/v1/doorverwijzingen"), evides.get("/v1/onbekend")):
        assert antwoord.headers["cache-control"] == "no-store"
    assert pilot.callers["anoniem"].get("/v1/openapi.json").headers["cache-control"].startswith("public")


def json_waarden():
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
        lambda kinderen: st.lists(kinderen, max_size=4) | st.dictionaries(st.text(max_size=8), kinderen, max_size=4),
        max_leaves=12,
    )


def verminkt(geldig):
    """A valid body with one value somewhere replaced by anything JSON can hold."""
    return st.tuples(st.just(geldig), json_waarden(), st.randoms()).map(_vervang)


def _vervang(args):
    body, waarde, toeval = args
    body = json.loads(json.dumps(body))
    doel = body
    while True:
        sleutel = toeval.choice(list(doel))
        if isinstance(doel[sleutel], dict) and toeval.random() < 0.6:
            doel = doel[sleutel]
            continue
        doel[sleutel] = waarde
        return body


SCHRIJF_ROUTES = [
    ("evides", "POST", "/v1/doorverwijzingen", aanmelding("FUZZ-1")),
    ("evides", "POST", "/v1/doorverwijzingen/{id}/intrekkingen", {"reden": "overig", "toelichting": "x"}),
    (
        "walcheren",
        "POST",
        "/v1/doorverwijzingen/{id}/contactpogingen",
        {"soort": "telefoon", "bereikt": False, "tijdstip": "2026-11-27T10:00:00+01:00"},
    ),
    ("walcheren", "PUT", "/v1/doorverwijzingen/{id}/eindresultaat", {"code": "overleden", "toelichting": "x"}),
    ("walcheren", "POST", "/v1/doorverwijzingen/{id}/verlengingen", {"dagen": 5, "reden": "x"}),
    (
        "beheer",
        "PUT",
        "/v1/organisaties/fuzz",
        {"naam": "F", "email": "f@f.example", "gemeenten": [{"code": "GM0001", "naam": "F"}]},
    ),
    ("beheer", "PUT", "/v1/schuldeisers/fuzz", {"naam": "F", "type": "water", "email": "f@f.example"}),
    ("beheer", "POST", "/v1/api-sleutels", {"rol": "schuldeiser", "schuldeiserId": "evides"}),
]


@pytest.mark.parametrize(
    ("rol", "methode", "pad", "geldig"), SCHRIJF_ROUTES, ids=[f"{m} {p}" for _, m, p, _ in SCHRIJF_ROUTES]
)
def test_no_generated_body_gets_a_5xx(pilot, rol, methode, pad, geldig):
    pilot.gateway.doseerder = Doseerder(rate=1e6, burst=10**6)
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("FUZZ-0")).body
    pad = pad.replace("{id}", d["id"])
    caller = pilot.callers[rol]

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        body=st.one_of(
            verminkt(geldig).map(lambda b: json.dumps(b).encode()),
            json_waarden().map(lambda w: json.dumps(w).encode()),
            st.binary(max_size=64),
            st.text(max_size=64).map(str.encode),
        ),
        content_type=st.sampled_from(["application/json", "Application/Json; charset=UTF-8", "text/plain", ""]),
        # What can travel in an HTTP header: visible latin-1 characters.
        kop=st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="\x7f"), max_size=300),
    )
    def probeer(body, content_type, kop):
        headers = {"Content-Type": content_type, "Idempotency-Key": kop, "Accept": kop}
        antwoord = caller.request(methode, pad, raw=body, headers=headers)
        assert antwoord.status < 500, (body, antwoord.body)
        if antwoord.status >= 400:
            assert antwoord.headers["content-type"] == "application/problem+json", antwoord.body

    probeer()


@pytest.mark.parametrize(
    "teken", ["\u2028", "\u2029", "\u0085", "\u000b", "\u001b", "\u200b", "\u202e", "\u2066", "\ufeff"]
)
def test_a_reference_with_invisible_line_breaks_or_overrides_is_refused(pilot, teken):
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(f"LS{teken}X"))
    assert_problem(antwoord, 400)
    assert namen(antwoord) == {"schuldeiserReferentie"}
    assert f"U+{ord(teken):04X}" in antwoord.body["invalidParams"][0]["reason"]
