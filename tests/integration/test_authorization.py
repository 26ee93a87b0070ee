"""Every role against every operation, including another creditor's and another organisation's referral."""

import pytest

from tests.conftest import ORGANISATIE_ROTTERDAM, aanmelding

ROLLEN = ["beheer", "evides", "oasen", "walcheren", "rotterdam", "anoniem"]


def operaties(eigen_id):
    """(name, method, path, body) of every operation; eigen_id is a referral of evides routed to walcheren."""
    return [
        ("organisatie opslaan", "PUT", "/v1/organisaties/rotterdam", ORGANISATIE_ROTTERDAM),
        ("organisaties", "GET", "/v1/organisaties", None),
        ("organisatie", "GET", "/v1/organisaties/walcheren", None),
        (
            "schuldeiser opslaan",
            "PUT",
            "/v1/schuldeisers/oasen",
            {"naam": "Oasen", "type": "water", "email": "a@oasen.example"},
        ),
        ("schuldeisers", "GET", "/v1/schuldeisers", None),
        ("schuldeiser", "GET", "/v1/schuldeisers/evides", None),
        ("sleutel aanmaken", "POST", "/v1/api-sleutels", {"rol": "beheer"}),
        ("sleutels", "GET", "/v1/api-sleutels", None),
        ("sleutel intrekken", "DELETE", "/v1/api-sleutels/0000000000000000", None),
        ("aanmelden", "POST", "/v1/doorverwijzingen", aanmelding("AUTH-NIEUW")),
        ("lijst", "GET", "/v1/doorverwijzingen", None),
        ("lezen", "GET", f"/v1/doorverwijzingen/{eigen_id}", None),
        ("intrekken", "POST", f"/v1/doorverwijzingen/{eigen_id}/intrekkingen", {"reden": "overig"}),
        ("auditregels", "GET", f"/v1/doorverwijzingen/{eigen_id}/auditregels", None),
        ("rapportage", "GET", "/v1/rapportages/doorverwijzingen?vanaf=2026-11-01&tot=2026-11-30", None),
    ]


# Expected status per operation and role. 404 for a referral that exists but is not the caller's.
VERWACHT = {
    "organisatie opslaan": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "organisaties": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "organisatie": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "schuldeiser opslaan": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "schuldeisers": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "schuldeiser": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "sleutel aanmaken": {"beheer": 201, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "sleutels": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "sleutel intrekken": {"beheer": 404, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "aanmelden": {"beheer": 403, "evides": 201, "oasen": 201, "walcheren": 403, "rotterdam": 403},
    "lijst": {"beheer": 200, "evides": 200, "oasen": 200, "walcheren": 200, "rotterdam": 200},
    "lezen": {"beheer": 200, "evides": 200, "oasen": 404, "walcheren": 200, "rotterdam": 404},
    "intrekken": {"beheer": 403, "evides": 201, "oasen": 404, "walcheren": 403, "rotterdam": 403},
    "auditregels": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "rapportage": {"beheer": 200, "evides": 200, "oasen": 200, "walcheren": 200, "rotterdam": 200},
}


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("operatie", list(VERWACHT))
def test_authorization_matrix(pilot, rol, operatie):
    eigen = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("AUTH-1")).body["id"]
    naam, method, pad, body = next(o for o in operaties(eigen) if o[0] == operatie)
    antwoord = pilot.callers[rol].request(method, pad, body)
    verwacht = 401 if rol == "anoniem" else VERWACHT[naam][rol]
    assert antwoord.status == verwacht, (rol, naam, antwoord.body)
    if verwacht >= 400:
        assert antwoord.headers["content-type"] == "application/problem+json"


def test_an_unknown_or_malformed_key_is_401(pilot):
    for header in ("Bearer wd_onbekend", "Basic abc", "Bearer ", "wd_zonder_schema"):
        antwoord = pilot.gateway.handle("GET", "/v1/doorverwijzingen", {"Authorization": header}, b"")
        assert antwoord.status == 401, header


def test_a_missing_referral_and_someone_elses_look_the_same(pilot):
    eigen = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("AUTH-2")).body["id"]
    niet_van_mij = pilot.callers["oasen"].get(f"/v1/doorverwijzingen/{eigen}")
    bestaat_niet = pilot.callers["oasen"].get("/v1/doorverwijzingen/00000000-0000-4000-8000-000000000000")
    assert niet_van_mij.status == bestaat_niet.status == 404
    assert niet_van_mij.body == bestaat_niet.body


def test_openapi_document_needs_no_key(pilot):
    antwoord = pilot.callers["anoniem"].get("/v1/openapi.json")
    assert antwoord.status == 200
    assert antwoord.body["servers"] == [{"url": "https://api.warmdoor.test/v1"}]
