"""The pages' accounts across a `make run ARGS=--keep` restart: the emulated user pool is made anew, its
accounts come back as they were (same id, password, groups, status)."""

from typing import Any

import boto3
import pytest

from local import demo
from tests.e2e.conftest import Http
from tests.e2e.test_restart import lokaal, stop_met_sigterm

pytestmark = pytest.mark.e2e


def _cognito(http: Http) -> tuple[Any, dict[str, str]]:
    aws = http.get("/_local/aws")[2]
    client = boto3.client(
        "cognito-idp",
        endpoint_url=aws["endpoint"],
        region_name=aws["region"],
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    return client, aws["refs"]


def _sub_na_inloggen(http: Http, gebruikersnaam: str, wachtwoord: str) -> str:
    cognito, refs = _cognito(http)
    antwoord = cognito.initiate_auth(
        ClientId=refs["WebClient"],
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": gebruikersnaam, "PASSWORD": wachtwoord},
    )
    gebruiker = cognito.get_user(AccessToken=antwoord["AuthenticationResult"]["AccessToken"])
    return str(next(a["Value"] for a in gebruiker["UserAttributes"] if a["Name"] == "sub"))


def test_accounts_survive_a_restart_with_keep(tmp_path):
    walcheren = demo.medewerker("walcheren")
    with lokaal(tmp_path, "--keep") as (http, proces):
        beheer = Http(http.base, "local-admin-key")
        assert _sub_na_inloggen(http, walcheren.email, demo.WACHTWOORD) == walcheren.sub
        nieuw = {"email": "noor@walcheren.example", "naam": "Noor", "organisatieId": "walcheren", "coordinator": True}
        status, _, noor = beheer.post("/v1/gebruikers", nieuw)
        assert status == 201, noor
        rotterdam = demo.medewerker("rotterdam")
        assert beheer.post(f"/v1/gebruikers/{rotterdam.sub}/uitschakeling")[0] == 200
        stop_met_sigterm(proces)

    with lokaal(tmp_path, "--keep") as (http, proces):
        beheer = Http(http.base, "local-admin-key")
        assert _sub_na_inloggen(http, walcheren.email, demo.WACHTWOORD) == walcheren.sub
        status, _, terug = beheer.get(f"/v1/gebruikers/{noor['id']}")
        assert status == 200
        assert (terug["gebruikersnaam"], terug["coordinator"], terug["status"]) == (
            noor["gebruikersnaam"],
            True,
            "uitgenodigd",
        )
        assert beheer.get(f"/v1/gebruikers/{demo.medewerker('rotterdam').sub}")[2]["status"] == "uitgeschakeld"
        stop_met_sigterm(proces)
