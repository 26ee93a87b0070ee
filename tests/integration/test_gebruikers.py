"""The operator invites caseworkers to the pages (accounts in the emulated user pool), lists, disables and
enables them; the same through the command line."""

import sys
from typing import Any

import boto3
import pytest

from tests.support.cognito import NIEUW
from warmdoor.models.gebruikers import GebruikerVerzoek

ANNA = {"email": "Anna.de.Vries@Walcheren.example", "naam": "Anna de Vries", "organisatieId": "walcheren"}


def cognito() -> Any:
    return boto3.client("cognito-idp")


def _groepen(pilot: Any, gebruikersnaam: str) -> set[str]:
    antwoord = cognito().admin_list_groups_for_user(UserPoolId=pilot.refs["Gebruikerspool"], Username=gebruikersnaam)
    return {g["GroupName"] for g in antwoord["Groups"]}


def _inloggen(pilot: Any, gebruikersnaam: str, wachtwoord: str) -> dict[str, Any]:
    antwoord: dict[str, Any] = cognito().initiate_auth(
        ClientId=pilot.refs["WebClient"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": gebruikersnaam, "PASSWORD": wachtwoord},
    )
    return antwoord


def _wachtwoord_kiezen(pilot: Any, gebruikersnaam: str) -> None:
    cognito().admin_set_user_password(
        UserPoolId=pilot.refs["Gebruikerspool"], Username=gebruikersnaam, Password=NIEUW, Permanent=True
    )


def test_an_invitation_makes_an_account_in_the_organisations_group_that_must_choose_a_password(pilot):
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", ANNA)

    assert antwoord.status == 201, antwoord.body
    anna = antwoord.body
    assert antwoord.headers["location"] == f"/v1/gebruikers/{anna['id']}"
    assert anna["gebruikersnaam"] == anna["email"] == "anna.de.vries@walcheren.example"
    assert (anna["naam"], anna["organisatieId"], anna["coordinator"]) == ("Anna de Vries", "walcheren", False)
    assert anna["status"] == "uitgenodigd"
    # No personal data in the URL: the account's id in the pool.
    assert "@" not in antwoord.headers["location"]

    pool = cognito().admin_get_user(UserPoolId=pilot.refs["Gebruikerspool"], Username=anna["gebruikersnaam"])
    assert pool["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert {"Name": "sub", "Value": anna["id"]} in pool["UserAttributes"]
    assert {"Name": "email_verified", "Value": "true"} in pool["UserAttributes"]
    assert _groepen(pilot, anna["gebruikersnaam"]) == {"organisatie-walcheren"}
    assert pilot.callers["beheer"].get(f"/v1/gebruikers/{anna['id']}").body == anna


def test_a_coordinator_is_also_in_the_coordinators_group_and_a_new_organisation_gets_its_group(pilot):
    body = {"email": "kees@rotterdam.example", "naam": "Kees", "organisatieId": "rotterdam", "coordinator": True}
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", body)

    assert antwoord.status == 201, antwoord.body
    assert antwoord.body["coordinator"] is True
    assert _groepen(pilot, "kees@rotterdam.example") == {"organisatie-rotterdam", "coordinator"}


def test_a_creditors_staff_member_and_an_operator_are_invited_in_their_groups(pilot):
    beheer = pilot.callers["beheer"]
    eva = beheer.post("/v1/gebruikers", {"email": "eva@evides.example", "naam": "Eva", "schuldeiserId": "evides"})
    bas = beheer.post("/v1/gebruikers", {"email": "bas@warmdoor.example", "naam": "Bas", "beheer": True})

    assert (eva.status, bas.status) == (201, 201), (eva.body, bas.body)
    assert (eva.body["rol"], eva.body["schuldeiserId"], eva.body["organisatieId"]) == ("schuldeiser", "evides", None)
    assert (bas.body["rol"], bas.body["schuldeiserId"], bas.body["organisatieId"]) == ("beheer", None, None)
    assert _groepen(pilot, "eva@evides.example") == {"schuldeiser-evides"}
    assert _groepen(pilot, "bas@warmdoor.example") == {"beheer"}
    assert beheer.get(f"/v1/gebruikers/{eva.body['id']}").body == eva.body
    assert beheer.post("/v1/gebruikers", ANNA).body["rol"] == "organisatie"
    van_evides = beheer.get("/v1/gebruikers?schuldeiserId=evides").body["items"]
    assert [g["gebruikersnaam"] for g in van_evides] == ["eva@evides.example"]
    assert beheer.get("/v1/gebruikers?schuldeiserId=oasen").body == {"items": [], "volgende": None}
    beide = beheer.get("/v1/gebruikers?schuldeiserId=evides&organisatieId=walcheren")
    assert beide.status == 400 and [p["name"] for p in beide.body["invalidParams"]] == ["schuldeiserId"]


@pytest.mark.parametrize(
    ("body", "velden"),
    [
        ({"email": "x@example.org", "naam": "X"}, ["organisatieId"]),
        ({**ANNA, "schuldeiserId": "evides"}, ["schuldeiserId"]),
        ({**ANNA, "beheer": True}, ["beheer"]),
        ({"email": "x@example.org", "naam": "X", "schuldeiserId": "evides", "beheer": True}, ["beheer"]),
        ({"email": "x@example.org", "naam": "X", "schuldeiserId": "evides", "coordinator": True}, ["coordinator"]),
        ({"email": "x@example.org", "naam": "X", "schuldeiserId": "bestaat-niet"}, ["schuldeiserId"]),
        ({"email": "x@example.org", "naam": "X", "beheer": "ja"}, ["beheer"]),
    ],
)
def test_an_account_has_exactly_one_role_of_something_that_exists(pilot, body, velden):
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", body)

    assert antwoord.status == 400
    assert [p["name"] for p in antwoord.body["invalidParams"]] == velden
    assert cognito().list_users(UserPoolId=pilot.refs["Gebruikerspool"])["Users"] == []


def test_an_address_with_an_account_is_a_conflict_whatever_its_case(pilot):
    assert pilot.callers["beheer"].post("/v1/gebruikers", ANNA).status == 201
    weer = pilot.callers["beheer"].post("/v1/gebruikers", {**ANNA, "email": "anna.de.vries@walcheren.example"})
    assert weer.status == 409
    assert weer.headers["content-type"] == "application/problem+json"
    assert "al een account" in weer.body["detail"]


def test_an_unknown_organisation_is_refused_and_no_account_is_made(pilot):
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", {**ANNA, "organisatieId": "bestaat-niet"})

    assert antwoord.status == 400
    assert antwoord.body["invalidParams"] == [
        {"name": "organisatieId", "code": "unknown", "reason": "Organisatie bestaat-niet bestaat niet"}
    ]
    assert cognito().list_users(UserPoolId=pilot.refs["Gebruikerspool"])["Users"] == []


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("email", "geen-adres"),
        ("email", "a" * 120 + "@walcheren.example"),  # longer than a username may be
        ("naam", ""),
        ("organisatieId", "Niet Geldig"),
        ("coordinator", "ja"),
        ("rol", "beheer"),  # unknown fields are invalid input
    ],
)
def test_bad_input_is_400_naming_the_field(pilot, veld, waarde):
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", {**ANNA, veld: waarde})
    assert antwoord.status == 400
    assert veld in {p["name"] for p in antwoord.body["invalidParams"]}


@pytest.mark.parametrize("rol", ["evides", "walcheren"])
def test_only_the_operator_manages_accounts(pilot, rol):
    anna = pilot.callers["beheer"].post("/v1/gebruikers", ANNA).body["id"]
    caller = pilot.callers[rol]
    for antwoord in (
        caller.post("/v1/gebruikers", {**ANNA, "email": "x@walcheren.example"}),
        caller.get("/v1/gebruikers"),
        caller.get(f"/v1/gebruikers/{anna}"),
        caller.post(f"/v1/gebruikers/{anna}/uitschakeling"),
        caller.post(f"/v1/gebruikers/{anna}/inschakeling"),
    ):
        assert antwoord.status == 403
    assert pilot.callers["anoniem"].get("/v1/gebruikers").status == 401
    assert len(cognito().list_users(UserPoolId=pilot.refs["Gebruikerspool"])["Users"]) == 1


def test_accounts_are_listed_per_organisation_a_page_at_a_time(pilot):
    beheer = pilot.callers["beheer"]
    for naam in ("anna", "bram", "carla"):
        assert beheer.post("/v1/gebruikers", {**ANNA, "email": f"{naam}@walcheren.example", "naam": naam}).status == 201
    kees = {"email": "kees@rotterdam.example", "naam": "Kees", "organisatieId": "rotterdam", "coordinator": True}
    assert beheer.post("/v1/gebruikers", kees).status == 201

    alle = beheer.get("/v1/gebruikers?limiet=60").body
    assert {g["gebruikersnaam"] for g in alle["items"]} == {
        "anna@walcheren.example",
        "bram@walcheren.example",
        "carla@walcheren.example",
        "kees@rotterdam.example",
    }
    assert alle["volgende"] is None
    assert {g["organisatieId"] for g in alle["items"]} == {"walcheren", "rotterdam"}

    gezien, volgende = [], None
    while True:
        pad = "/v1/gebruikers?organisatieId=walcheren&limiet=2" + (f"&volgende={volgende}" if volgende else "")
        pagina = beheer.get(pad).body
        gezien += [g["gebruikersnaam"] for g in pagina["items"]]
        if not (volgende := pagina["volgende"]):
            break
    assert sorted(gezien) == ["anna@walcheren.example", "bram@walcheren.example", "carla@walcheren.example"]
    # An organisation nobody was invited for yet has no group, and no accounts.
    assert beheer.get("/v1/gebruikers?organisatieId=nieuw").body == {"items": [], "volgende": None}


def test_bad_list_parameters_are_400(pilot):
    beheer = pilot.callers["beheer"]
    for pad, veld in (
        ("/v1/gebruikers?volgende=verzonnen", "volgende"),
        ("/v1/gebruikers?organisatieId=walcheren&volgende=verzonnen", "volgende"),
        ("/v1/gebruikers?limiet=61", "limiet"),
        ("/v1/gebruikers?organisatieId=%22%20or%20x", "organisatieId"),
    ):
        antwoord = beheer.get(pad)
        assert antwoord.status == 400, (pad, antwoord.body)
        assert veld in {p["name"] for p in antwoord.body["invalidParams"]}, pad


def test_an_unknown_account_is_not_found(pilot):
    beheer = pilot.callers["beheer"]
    onbekend = "00000000-0000-4000-8000-000000000000"
    assert beheer.get(f"/v1/gebruikers/{onbekend}").status == 404
    assert beheer.post(f"/v1/gebruikers/{onbekend}/uitschakeling").status == 404
    assert beheer.get("/v1/gebruikers/anna@walcheren.example").status == 400  # an id, never an address


def test_a_disabled_account_cannot_sign_in_until_it_is_enabled_again(pilot):
    beheer = pilot.callers["beheer"]
    anna = beheer.post("/v1/gebruikers", ANNA).body
    gebruikersnaam = anna["gebruikersnaam"]
    _wachtwoord_kiezen(pilot, gebruikersnaam)
    assert "AuthenticationResult" in _inloggen(pilot, gebruikersnaam, NIEUW)

    # No body, no Content-Type: an action on the account in the path.
    uit = beheer.request("POST", f"/v1/gebruikers/{anna['id']}/uitschakeling", headers={"Content-Type": ""})
    assert uit.status == 200, uit.body
    assert uit.body["status"] == "uitgeschakeld"
    with pytest.raises(cognito().exceptions.NotAuthorizedException):
        _inloggen(pilot, gebruikersnaam, NIEUW)
    assert beheer.post(f"/v1/gebruikers/{anna['id']}/uitschakeling").body["status"] == "uitgeschakeld"  # again
    gelijst = beheer.get("/v1/gebruikers?organisatieId=walcheren").body["items"]
    assert [g["status"] for g in gelijst if g["id"] == anna["id"]] == ["uitgeschakeld"]
    # Disabled is not gone: inviting the address again is still a conflict.
    assert beheer.post("/v1/gebruikers", ANNA).status == 409

    aan = beheer.post(f"/v1/gebruikers/{anna['id']}/inschakeling")
    assert aan.status == 200
    assert aan.body["status"] == "actief"
    assert "AuthenticationResult" in _inloggen(pilot, gebruikersnaam, NIEUW)


def test_a_body_on_an_action_must_still_be_json(pilot):
    anna = pilot.callers["beheer"].post("/v1/gebruikers", ANNA).body["id"]
    antwoord = pilot.callers["beheer"].post(f"/v1/gebruikers/{anna}/uitschakeling", raw=b"{")
    assert antwoord.status == 400


def test_the_caseworkers_to_assign_to_are_the_organisations_enabled_accounts(pilot):
    beheer = pilot.callers["beheer"]
    ids = {}
    for naam, coordinator in (("bram", False), ("anna", True), ("carla", False)):
        body = {**ANNA, "email": f"{naam}@walcheren.example", "naam": naam.capitalize(), "coordinator": coordinator}
        ids[naam] = beheer.post("/v1/gebruikers", body).body["id"]
    beheer.post("/v1/gebruikers", {"email": "kees@rotterdam.example", "naam": "Kees", "organisatieId": "rotterdam"})
    beheer.post(f"/v1/gebruikers/{ids['carla']}/uitschakeling")

    medewerkers = pilot.runtime.diensten("ApiFunction").gebruikers.medewerkers("walcheren")

    assert [(m.naam, m.coordinator, m.sub) for m in medewerkers] == [
        ("Anna", True, ids["anna"]),
        ("Bram", False, ids["bram"]),
    ]
    assert pilot.runtime.diensten("ApiFunction").gebruikers.medewerkers("nieuw") == []


def test_the_command_line_invites_as_the_operator(pilot, monkeypatch, capsys):
    from warmdoor import __main__ as cli

    def uitnodigen(organisatie: str) -> None:
        monkeypatch.setattr(
            sys,
            "argv",
            [
                *("warmdoor", "gebruiker-uitnodigen", "--pool", pilot.refs["Gebruikerspool"], "--tabel", pilot.table),
                *("--email", "Bram@Walcheren.example", "--naam", "Bram Jansen", "--organisatie", organisatie),
                "--coordinator",
            ],
        )
        cli.main()

    uitnodigen("walcheren")

    assert "bram@walcheren.example" in capsys.readouterr().out
    pool = cognito().admin_get_user(UserPoolId=pilot.refs["Gebruikerspool"], Username="bram@walcheren.example")
    assert pool["UserStatus"] == "FORCE_CHANGE_PASSWORD"
    assert _groepen(pilot, "bram@walcheren.example") == {"organisatie-walcheren", "coordinator"}

    # A mistake is said in words, with the exit status of a failure.
    for organisatie, melding in (("bestaat-niet", "organisatieId"), ("walcheren", "al een account")):
        with pytest.raises(SystemExit) as fout:
            uitnodigen(organisatie)
        assert melding in str(fout.value.code)


def test_the_command_line_invites_a_creditors_staff_member_or_an_operator(pilot, monkeypatch, capsys):
    from warmdoor import __main__ as cli

    for email, rol, groep in (
        ("eva@evides.example", ["--schuldeiser", "evides"], "schuldeiser-evides"),
        ("bas@warmdoor.example", ["--beheer"], "beheer"),
    ):
        monkeypatch.setattr(
            sys,
            "argv",
            [
                *("warmdoor", "gebruiker-uitnodigen", "--pool", pilot.refs["Gebruikerspool"], "--tabel", pilot.table),
                *("--email", email, "--naam", "Iemand", *rol),
            ],
        )
        cli.main()
        assert groep in capsys.readouterr().out
        assert _groepen(pilot, email) == {groep}


def test_the_request_model_lowercases_the_address():
    verzoek = GebruikerVerzoek.model_validate({**ANNA, "email": " Anna@Walcheren.EXAMPLE "})
    assert verzoek.email == "anna@walcheren.example"


def test_an_account_whose_group_could_not_be_set_is_removed_again(pilot, monkeypatch):
    """Otherwise it could sign in to nothing, and inviting the address again would be a conflict."""
    gebruikers = pilot.runtime.diensten("ApiFunction").gebruikers
    client = gebruikers._client

    def weigeren(**_: Any) -> None:
        raise client.exceptions.TooManyRequestsException(
            {"Error": {"Code": "TooManyRequestsException", "Message": "te druk"}}, "AdminAddUserToGroup"
        )

    monkeypatch.setattr(client, "admin_add_user_to_group", weigeren)
    antwoord = pilot.callers["beheer"].post("/v1/gebruikers", ANNA)

    assert antwoord.status == 503  # throttled: try again shortly
    assert cognito().list_users(UserPoolId=pilot.refs["Gebruikerspool"])["Users"] == []
    monkeypatch.undo()
    assert pilot.callers["beheer"].post("/v1/gebruikers", ANNA).status == 201
