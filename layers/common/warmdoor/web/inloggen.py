"""Signing in against the user pool (USER_PASSWORD_AUTH) and its challenges: the first-time password,
setting up an authenticator app (TOTP) and its code at every sign-in; refreshing and ending a session."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from botocore.exceptions import ClientError

# What Cognito asks before it hands out tokens; each has a page of its own.
NIEUW_WACHTWOORD = "NEW_PASSWORD_REQUIRED"
MFA_INSTELLEN = "MFA_SETUP"
MFA_CODE = "SOFTWARE_TOKEN_MFA"
UITDAGINGEN = frozenset({NIEUW_WACHTWOORD, MFA_INSTELLEN, MFA_CODE})


@dataclass(frozen=True)
class Tokens:
    id: str
    toegang: str
    ververs: str | None


@dataclass(frozen=True)
class Uitdaging:
    soort: str
    gebruikersnaam: str
    sessie: str


class Geweigerd(Exception):
    """Cognito said no; `melding` is the Dutch text for the person (never whether the account exists)."""

    def __init__(self, melding: str, veld: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.veld = veld


def _fout(fout: "ClientError") -> Geweigerd:
    code = fout.response.get("Error", {}).get("Code", "")
    match code:
        case "NotAuthorizedException" | "UserNotFoundException":
            return Geweigerd(
                "Deze combinatie van e-mailadres en wachtwoord kennen we niet, of het account is uitgeschakeld.",
                "wachtwoord",
            )
        case "InvalidPasswordException":
            return Geweigerd(
                "Dit wachtwoord is niet sterk genoeg: gebruik minstens 12 tekens, met een hoofdletter, "
                "een kleine letter, een cijfer en een leesteken.",
                "wachtwoord",
            )
        case "CodeMismatchException" | "EnableSoftwareTokenMFAException":
            return Geweigerd("Deze code klopt niet. Typ de code die uw app nu laat zien.", "code")
        case "ExpiredCodeException":
            return Geweigerd("Deze stap duurde te lang. Log opnieuw in.", None)
        case "PasswordResetRequiredException":
            return Geweigerd("U moet eerst een nieuw wachtwoord instellen via 'Wachtwoord vergeten'.", None)
        case "TooManyRequestsException" | "LimitExceededException":
            return Geweigerd("Te veel pogingen. Wacht een kwartier en probeer het dan opnieuw.", None)
    raise fout


class Inloggen:
    def __init__(self, client: Any, client_id: str) -> None:
        self._client = client
        self._client_id = client_id

    def _uitkomst(
        self, antwoord: dict[str, Any], gebruikersnaam: str, ververs: str | None = None
    ) -> Tokens | Uitdaging:
        if "AuthenticationResult" in antwoord:
            r = antwoord["AuthenticationResult"]
            return Tokens(r["IdToken"], r["AccessToken"], r.get("RefreshToken", ververs))
        soort = antwoord.get("ChallengeName", "")
        if soort not in UITDAGINGEN:
            raise Geweigerd("Inloggen op deze manier kan hier niet. Neem contact op met uw beheerder.")
        return Uitdaging(soort, gebruikersnaam, antwoord["Session"])

    def _cognito(self, operatie: str, **argumenten: Any) -> dict[str, Any]:
        """One call of the pool's public API; its refusals as Geweigerd (botocore imported when first needed:
        the sign-in page itself makes no call)."""
        from botocore.exceptions import ClientError

        try:
            antwoord: dict[str, Any] = getattr(self._client, operatie)(**argumenten)
        except ClientError as fout:
            raise _fout(fout) from fout
        return antwoord

    def wachtwoord(self, gebruikersnaam: str, wachtwoord: str) -> Tokens | Uitdaging:
        antwoord = self._cognito(
            "initiate_auth",
            ClientId=self._client_id,
            AuthFlow="USER_PASSWORD_AUTH",
            AuthParameters={"USERNAME": gebruikersnaam, "PASSWORD": wachtwoord},
        )
        return self._uitkomst(antwoord, gebruikersnaam)

    def _beantwoord(
        self, uitdaging: Uitdaging, antwoorden: dict[str, str], sessie: str | None = None
    ) -> Tokens | Uitdaging:
        antwoord = self._cognito(
            "respond_to_auth_challenge",
            ClientId=self._client_id,
            ChallengeName=uitdaging.soort,
            Session=sessie or uitdaging.sessie,
            ChallengeResponses={"USERNAME": uitdaging.gebruikersnaam, **antwoorden},
        )
        return self._uitkomst(antwoord, uitdaging.gebruikersnaam)

    def nieuw_wachtwoord(self, uitdaging: Uitdaging, wachtwoord: str) -> Tokens | Uitdaging:
        return self._beantwoord(uitdaging, {"NEW_PASSWORD": wachtwoord})

    def mfa_koppelen(self, uitdaging: Uitdaging) -> tuple[str, Uitdaging]:
        """The secret for the authenticator app, and the challenge to answer with its first code."""
        antwoord = self._cognito("associate_software_token", Session=uitdaging.sessie)
        return antwoord["SecretCode"], Uitdaging(uitdaging.soort, uitdaging.gebruikersnaam, antwoord["Session"])

    def mfa_bevestigen(self, uitdaging: Uitdaging, code: str) -> Tokens | Uitdaging:
        """The app's first code proves it holds the secret; then the set-up challenge is answered."""
        antwoord = self._cognito("verify_software_token", Session=uitdaging.sessie, UserCode=code)
        if antwoord.get("Status") != "SUCCESS":
            raise Geweigerd("Deze code klopt niet. Typ de code die uw app nu laat zien.", "code")
        return self._beantwoord(uitdaging, {}, antwoord.get("Session"))

    def mfa_code(self, uitdaging: Uitdaging, code: str) -> Tokens | Uitdaging:
        return self._beantwoord(uitdaging, {"SOFTWARE_TOKEN_MFA_CODE": code})

    def code_inwisselen(self, domein: str, code: str, terug_url: str) -> Tokens:
        """Federation: the code the pool's sign-in domain sent back after the organisation's own identity
        provider signed the person in, exchanged for the pool's tokens (OAuth 2.0 code flow)."""
        import urllib.error
        import urllib.request

        gegevens = {"grant_type": "authorization_code", "client_id": self._client_id, "code": code}
        verzoek = urllib.request.Request(  # noqa: S310 - the pool's own https domain (template.yaml)
            f"{domein.rstrip('/')}/oauth2/token",
            data=urlencode({**gegevens, "redirect_uri": terug_url}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(verzoek, timeout=5) as antwoord:  # noqa: S310
                r = json.load(antwoord)
        except (urllib.error.URLError, ValueError) as fout:
            raise Geweigerd("Inloggen via uw organisatie is niet gelukt. Probeer het opnieuw.") from fout
        return Tokens(r["id_token"], r["access_token"], r.get("refresh_token"))

    def verversen(self, ververs: str) -> Tokens:
        antwoord = self._cognito(
            "initiate_auth",
            ClientId=self._client_id,
            AuthFlow="REFRESH_TOKEN_AUTH",
            AuthParameters={"REFRESH_TOKEN": ververs},
        )
        uitkomst = self._uitkomst(antwoord, "", ververs)
        if not isinstance(uitkomst, Tokens):
            raise Geweigerd("Log opnieuw in.")
        return uitkomst

    def uitloggen(self, toegang: str) -> None:
        """Signs the person out everywhere: Cognito revokes their refresh tokens, so no session of theirs
        can be renewed (GlobalSignOut, with the session's own access token; chosen over RevokeToken, which
        would end only this browser's, because the emulation implements only this one)."""
        try:
            self._cognito("global_sign_out", AccessToken=toegang)
        except Geweigerd:
            return  # already signed out or expired: signed out either way
