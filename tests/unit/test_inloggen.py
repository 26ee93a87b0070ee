"""Signing in against the user pool, step by step, on a fake Cognito: moto does not enforce MFA, so the
authenticator app's set-up and its code at every sign-in are tested here."""

from typing import Any

import pytest
from botocore.exceptions import ClientError

from warmdoor.web.inloggen import MFA_CODE, MFA_INSTELLEN, NIEUW_WACHTWOORD, Geweigerd, Inloggen, Tokens, Uitdaging

TOKENS = {"AuthenticationResult": {"IdToken": "id", "AccessToken": "toegang", "RefreshToken": "ververs"}}


def fout(code: str) -> ClientError:
    return ClientError({"Error": {"Code": code, "Message": "geheim detail"}}, "Operatie")


class NepCognito:
    """Answers as Cognito does for a pool with MFA required (TOTP) and a user's first sign-in."""

    def __init__(self, app_gekoppeld: bool = False) -> None:
        self.app_gekoppeld = app_gekoppeld
        self.aanroepen: list[tuple[str, dict[str, Any]]] = []

    def initiate_auth(self, **kw: Any) -> dict[str, Any]:
        self.aanroepen.append(("initiate_auth", kw))
        if kw["AuthFlow"] == "REFRESH_TOKEN_AUTH":
            return {"AuthenticationResult": {"IdToken": "id2", "AccessToken": "toegang2"}}
        if kw["AuthParameters"]["PASSWORD"] != "Tijdelijk-12345!":
            raise fout("NotAuthorizedException")
        return {"ChallengeName": NIEUW_WACHTWOORD, "Session": "s1"}

    def respond_to_auth_challenge(self, **kw: Any) -> dict[str, Any]:
        self.aanroepen.append(("respond_to_auth_challenge", kw))
        match kw["ChallengeName"]:
            case "NEW_PASSWORD_REQUIRED":
                if len(kw["ChallengeResponses"]["NEW_PASSWORD"]) < 12:
                    raise fout("InvalidPasswordException")
                if self.app_gekoppeld:
                    return {"ChallengeName": MFA_CODE, "Session": "s2"}
                return {"ChallengeName": MFA_INSTELLEN, "Session": "s2"}
            case "MFA_SETUP":
                assert kw["Session"] == "s4"  # the session verify_software_token returned
                return TOKENS
            case "SOFTWARE_TOKEN_MFA":
                if kw["ChallengeResponses"]["SOFTWARE_TOKEN_MFA_CODE"] != "123456":
                    raise fout("CodeMismatchException")
                return TOKENS
        raise AssertionError(kw)

    def associate_software_token(self, **kw: Any) -> dict[str, Any]:
        self.aanroepen.append(("associate_software_token", kw))
        return {"SecretCode": "JBSWY3DPEHPK3PXP", "Session": "s3"}

    def verify_software_token(self, **kw: Any) -> dict[str, Any]:
        self.aanroepen.append(("verify_software_token", kw))
        if kw["UserCode"] != "654321":
            raise fout("EnableSoftwareTokenMFAException")
        assert kw["Session"] == "s3"
        return {"Status": "SUCCESS", "Session": "s4"}

    def global_sign_out(self, **kw: Any) -> dict[str, Any]:
        self.aanroepen.append(("global_sign_out", kw))
        raise fout("NotAuthorizedException")


def test_a_first_sign_in_asks_a_new_password_then_links_the_app_then_signs_in():
    cognito = NepCognito()
    inloggen = Inloggen(cognito, "client")
    stap = inloggen.wachtwoord("anna@walcheren.example", "Tijdelijk-12345!")
    assert stap == Uitdaging(NIEUW_WACHTWOORD, "anna@walcheren.example", "s1")
    with pytest.raises(Geweigerd, match="niet sterk genoeg") as zwak:
        inloggen.nieuw_wachtwoord(stap, "kort")
    assert zwak.value.veld == "wachtwoord"
    stap = inloggen.nieuw_wachtwoord(stap, "Een-lang-wachtwoord-1")
    assert isinstance(stap, Uitdaging) and stap.soort == MFA_INSTELLEN
    geheim, stap = inloggen.mfa_koppelen(stap)
    assert (geheim, stap.sessie) == ("JBSWY3DPEHPK3PXP", "s3")
    with pytest.raises(Geweigerd, match="code klopt niet"):
        inloggen.mfa_bevestigen(stap, "000000")
    assert inloggen.mfa_bevestigen(stap, "654321") == Tokens("id", "toegang", "ververs")


def test_with_the_app_linked_every_sign_in_asks_its_code():
    inloggen = Inloggen(NepCognito(app_gekoppeld=True), "client")
    stap = inloggen.nieuw_wachtwoord(
        Uitdaging(NIEUW_WACHTWOORD, "anna@walcheren.example", "s1"), "Een-lang-wachtwoord-1"
    )
    assert isinstance(stap, Uitdaging) and stap.soort == MFA_CODE
    with pytest.raises(Geweigerd) as fout_code:
        inloggen.mfa_code(stap, "999999")
    assert fout_code.value.veld == "code"
    assert inloggen.mfa_code(stap, "123456") == Tokens("id", "toegang", "ververs")


def test_a_wrong_password_says_nothing_about_whether_the_account_exists():
    with pytest.raises(Geweigerd) as geweigerd:
        Inloggen(NepCognito(), "client").wachtwoord("niemand@example.nl", "fout")
    assert "kennen we niet" in geweigerd.value.melding and "geheim detail" not in geweigerd.value.melding


def test_a_refresh_keeps_the_refresh_token_and_sign_out_survives_a_token_already_gone():
    cognito = NepCognito()
    inloggen = Inloggen(cognito, "client")
    assert inloggen.verversen("ververs") == Tokens("id2", "toegang2", "ververs")
    inloggen.uitloggen("toegang")
    assert cognito.aanroepen[-1] == ("global_sign_out", {"AccessToken": "toegang"})


def test_a_typed_time_stands_for_its_minute_up_to_now():
    from datetime import UTC, datetime

    from warmdoor.web.formulier import tijdstip

    nu = datetime(2026, 11, 27, 9, 41, 23, tzinfo=UTC)  # 10:41:23 in Amsterdam
    assert tijdstip("2026-11-27", "10:41", nu) == "2026-11-27T10:41:23+01:00"
    assert tijdstip("2026-11-27", "10:15", nu) == "2026-11-27T10:15:59+01:00"
    assert tijdstip("2026-11-27", "11:00", nu) == "2026-11-27T11:00:00+01:00"  # the future stays future
    assert tijdstip("27-11-2026", "10:15", nu) is None


def test_federation_exchanges_the_code_at_the_pools_token_endpoint():
    """The OAuth 2.0 code flow's second step, against a token endpoint on this machine."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer
    from urllib.parse import parse_qs

    gezien: dict[str, list[str]] = {}

    class Tokenpunt(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            gezien.update(parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()))
            goed = gezien.get("code") == ["goede-code"]
            body = {"id_token": "id", "access_token": "toegang", "refresh_token": "ververs"} if goed else {}
            self.send_response(200 if goed else 400)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(body).encode())

        def log_message(self, *args: Any) -> None:
            return

    server = HTTPServer(("127.0.0.1", 0), Tokenpunt)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    domein = f"http://127.0.0.1:{server.server_port}"
    try:
        inloggen = Inloggen(NepCognito(), "client")
        tokens = inloggen.code_inwisselen(domein, "goede-code", "https://web.example/inloggen/federatie")
        assert tokens == Tokens("id", "toegang", "ververs")
        assert gezien["grant_type"] == ["authorization_code"] and gezien["client_id"] == ["client"]
        assert gezien["redirect_uri"] == ["https://web.example/inloggen/federatie"]
        with pytest.raises(Geweigerd, match="organisatie"):
            inloggen.code_inwisselen(domein, "oude-code", "https://web.example/inloggen/federatie")
    finally:
        server.shutdown()
