"""Every role against every operation, including another creditor's and another organisation's referral."""

import pytest

from local.doseerder import Doseerder
from tests.conftest import ORGANISATIE_ROTTERDAM, aanmelding
from warmdoor.api import rechten
from warmdoor.models.enums import Rol

ROLLEN = ["beheer", "evides", "oasen", "walcheren", "rotterdam", "anoniem"]
ONBEKEND = "00000000-0000-4000-8000-000000000000"  # an account id (sub) no account has


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
        (
            "gebruiker uitnodigen",
            "POST",
            "/v1/gebruikers",
            {"email": "nieuw@walcheren.example", "naam": "Nieuw", "organisatieId": "walcheren"},
        ),
        ("gebruikers", "GET", "/v1/gebruikers", None),
        ("gebruiker", "GET", f"/v1/gebruikers/{ONBEKEND}", None),
        ("gebruiker uitschakelen", "POST", f"/v1/gebruikers/{ONBEKEND}/uitschakeling", None),
        ("gebruiker inschakelen", "POST", f"/v1/gebruikers/{ONBEKEND}/inschakeling", None),
        ("aanmelden", "POST", "/v1/doorverwijzingen", aanmelding("AUTH-NIEUW")),
        ("lijst", "GET", "/v1/doorverwijzingen", None),
        ("lezen", "GET", f"/v1/doorverwijzingen/{eigen_id}", None),
        ("intrekken", "POST", f"/v1/doorverwijzingen/{eigen_id}/intrekkingen", {"reden": "overig"}),
        ("auditregels", "GET", f"/v1/doorverwijzingen/{eigen_id}/auditregels", None),
        ("rapportage", "GET", "/v1/rapportages/doorverwijzingen?vanaf=2026-11-01&tot=2026-11-30", None),
        (
            "contactpoging",
            "POST",
            f"/v1/doorverwijzingen/{eigen_id}/contactpogingen",
            {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:00:00+01:00"},
        ),
        ("eindresultaat", "PUT", f"/v1/doorverwijzingen/{eigen_id}/eindresultaat", {"code": "overleden"}),
        ("verlenging", "POST", f"/v1/doorverwijzingen/{eigen_id}/verlengingen", {"dagen": 5, "reden": "Regeling"}),
    ]


def ongeldige_operaties(eigen_id):
    """(name, method, path, body or raw bytes) of every operation with invalid parameters or body."""
    return [
        ("organisatie opslaan", "PUT", "/v1/organisaties/Hoofd%20Letters", {"naam": 5}),
        ("organisaties", "GET", "/v1/organisaties?limiet=abc", None),
        ("organisatie", "GET", "/v1/organisaties/Niet_Geldig", None),
        ("schuldeiser opslaan", "PUT", "/v1/schuldeisers/oasen", b"{"),
        ("schuldeisers", "GET", "/v1/schuldeisers?volgende=%25%25%25", None),
        ("schuldeiser", "GET", "/v1/schuldeisers/X", None),
        ("sleutel aanmaken", "POST", "/v1/api-sleutels", {"rol": "koning"}),
        ("sleutels", "GET", "/v1/api-sleutels?limiet=abc", None),
        ("sleutel intrekken", "DELETE", "/v1/api-sleutels/geen-hex", None),
        ("gebruiker uitnodigen", "POST", "/v1/gebruikers", {"email": 5}),
        ("gebruikers", "GET", "/v1/gebruikers?limiet=0", None),
        ("gebruiker", "GET", "/v1/gebruikers/geen-uuid", None),
        ("gebruiker uitschakelen", "POST", "/v1/gebruikers/geen-uuid/uitschakeling", None),
        ("gebruiker inschakelen", "POST", "/v1/gebruikers/geen-uuid/inschakeling", None),
        ("aanmelden", "POST", "/v1/doorverwijzingen", {"x": 1}),
        ("lijst", "GET", "/v1/doorverwijzingen?status=weg", None),
        ("lezen", "GET", "/v1/doorverwijzingen/geen-uuid", None),
        ("intrekken", "POST", f"/v1/doorverwijzingen/{eigen_id}/intrekkingen", {"reden": 5}),
        ("auditregels", "GET", f"/v1/doorverwijzingen/{eigen_id}/auditregels?limiet=0", None),
        ("rapportage", "GET", "/v1/rapportages/doorverwijzingen?vanaf=gisteren", None),
        ("contactpoging", "POST", f"/v1/doorverwijzingen/{eigen_id}/contactpogingen", b"[" * 100),
        ("eindresultaat", "PUT", f"/v1/doorverwijzingen/{eigen_id}/eindresultaat", b'{"code": "overleden", "code": 1}'),
        ("verlenging", "POST", f"/v1/doorverwijzingen/{eigen_id}/verlengingen", {"dagen": "veel"}),
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
    "gebruiker uitnodigen": {"beheer": 201, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "gebruikers": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "gebruiker": {"beheer": 404, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "gebruiker uitschakelen": {"beheer": 404, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "gebruiker inschakelen": {"beheer": 404, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "aanmelden": {"beheer": 403, "evides": 201, "oasen": 201, "walcheren": 403, "rotterdam": 403},
    "lijst": {"beheer": 200, "evides": 200, "oasen": 200, "walcheren": 200, "rotterdam": 200},
    "lezen": {"beheer": 200, "evides": 200, "oasen": 404, "walcheren": 200, "rotterdam": 404},
    "intrekken": {"beheer": 403, "evides": 201, "oasen": 404, "walcheren": 403, "rotterdam": 403},
    "auditregels": {"beheer": 200, "evides": 403, "oasen": 403, "walcheren": 403, "rotterdam": 403},
    "rapportage": {"beheer": 200, "evides": 200, "oasen": 200, "walcheren": 200, "rotterdam": 200},
    "contactpoging": {"beheer": 403, "evides": 403, "oasen": 403, "walcheren": 201, "rotterdam": 404},
    "eindresultaat": {"beheer": 403, "evides": 403, "oasen": 403, "walcheren": 200, "rotterdam": 404},
    "verlenging": {"beheer": 403, "evides": 403, "oasen": 403, "walcheren": 201, "rotterdam": 404},
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


@pytest.mark.parametrize("rol", ROLLEN)
@pytest.mark.parametrize("operatie", list(VERWACHT))
def test_authorization_is_decided_before_validation(pilot, rol, operatie):
    """A role that may not call an operation gets 403 whatever it sends; one that may gets 400."""
    eigen = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("AUTH-1")).body["id"]
    naam, method, pad, body = next(o for o in ongeldige_operaties(eigen) if o[0] == operatie)
    raw = body if isinstance(body, bytes) else None
    antwoord = pilot.callers[rol].request(method, pad, None if raw else body, raw=raw)
    if rol == "anoniem":
        assert antwoord.status == 401
    elif VERWACHT[naam][rol] == 403:
        assert antwoord.status == 403, (rol, naam, antwoord.body)
    else:
        assert antwoord.status == 400, (rol, naam, antwoord.body)
    assert antwoord.headers["content-type"] == "application/problem+json"


ROL = {"beheer": Rol.BEHEER, "evides": Rol.SCHULDEISER, "walcheren": Rol.ORGANISATIE}


def voorbeeldpad(pad):
    return pad.replace("{doorverwijzing_id}", "00000000-0000-4000-8000-000000000000").replace("{", "").replace("}", "")


@pytest.mark.parametrize("rol", ["beheer", "evides", "walcheren"])
def test_the_authorizer_allows_a_role_exactly_its_own_routes(pilot, monkeypatch, rol):
    """API Gateway refuses every other route without invoking the API function: the policy names them."""
    pilot.gateway.doseerder = Doseerder(rate=1e6, burst=10**6)  # every route once, beyond a key's burst
    aangeroepen = []
    echt = pilot.runtime.invoke

    def invoke(functie, event):
        aangeroepen.append(functie)
        return echt(functie, event)

    monkeypatch.setattr(pilot.runtime, "invoke", invoke)
    sleutel = {"Authorization": f"Bearer {pilot.callers[rol].key}", "Content-Type": "application/json"}
    for methode, pad in rechten.ROUTES:
        aangeroepen.clear()
        pilot.gateway.handle(methode, voorbeeldpad(pad), sleutel, b"{")
        verwacht = (
            ["AuthorizerFunction", "ApiFunction"]
            if rechten.toegestaan(ROL[rol], methode, pad)
            else ["AuthorizerFunction"]
        )
        assert aangeroepen == verwacht, (rol, methode, pad)


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
