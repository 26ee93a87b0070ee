"""The pages' accounts in the Cognito user pool (boto3 `cognito-idp`), behind the Gebruikers port.

Accounts are found by their id (`sub`) with ListUsers' filter, and changed by their username; who belongs
where is the groups (`organisatie-<id>`, `coordinator`, `schuldeiser-<id>`, `beheer`)."""

from collections.abc import Iterator, Sequence
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.models.gebruikers import (
    BEHEERGROEP,
    COORDINATORGROEP,
    ORGANISATIEGROEP,
    SCHULDEISERGROEP,
    Gebruiker,
    organisatiegroep,
)
from warmdoor.ports import GebruikerBestaat, GebruikerOnbekend, OngeldigeCursor, Pagina

# What the pool answers to a pagination token it never gave (moto: InvalidToken).
_ONGELDIGE_CURSOR = {"InvalidParameterException", "InvalidToken"}
_PAGINA = 60  # the most ListUsers and ListUsersInGroup give at once


def _code(fout: ClientError) -> str:
    return str(fout.response.get("Error", {}).get("Code", ""))


def _attributen(gebruiker: dict[str, Any]) -> dict[str, str]:
    # ListUsers and AdminCreateUser say "Attributes", AdminGetUser "UserAttributes".
    lijst = gebruiker.get("Attributes", gebruiker.get("UserAttributes", []))
    return {a["Name"]: a.get("Value", "") for a in lijst}


def _lid_van(groepen: list[str], voorvoegsel: str) -> str | None:
    """The organisation (or creditor) of an account, from its group `<voorvoegsel><id>`."""
    ids = sorted(g.removeprefix(voorvoegsel) for g in groepen if g.startswith(voorvoegsel))
    return ids[0] if ids else None


class CognitoGebruikers:
    def __init__(self, client: Any, pool_id: str) -> None:
        self._client = client
        self._pool = pool_id

    # --- reading ---------------------------------------------------------------------------------

    def _gebruiker(self, gebruiker: dict[str, Any], groepen: list[str]) -> Gebruiker:
        attributen = _attributen(gebruiker)
        return Gebruiker(
            sub=attributen.get("sub", ""),
            gebruikersnaam=gebruiker["Username"],
            email=attributen.get("email") or None,
            naam=attributen.get("name") or None,
            organisatieId=_lid_van(groepen, ORGANISATIEGROEP),
            schuldeiserId=_lid_van(groepen, SCHULDEISERGROEP),
            beheer=BEHEERGROEP in groepen,
            coordinator=COORDINATORGROEP in groepen,
            ingeschakeld=bool(gebruiker.get("Enabled", True)),
            cognitoStatus=str(gebruiker.get("UserStatus", "")),
            aangemaaktOp=gebruiker.get("UserCreateDate"),
        )

    def _groepen(self, gebruikersnaam: str) -> list[str]:
        groepen: list[str] = []
        verder: dict[str, str] = {}
        while True:
            antwoord = self._client.admin_list_groups_for_user(
                UserPoolId=self._pool, Username=gebruikersnaam, Limit=_PAGINA, **verder
            )
            groepen += [g["GroupName"] for g in antwoord.get("Groups", [])]
            if not antwoord.get("NextToken"):
                return groepen
            verder = {"NextToken": antwoord["NextToken"]}

    def _ruw(self, sub: str) -> dict[str, Any] | None:
        if not sub or any(teken in sub for teken in '"\\'):  # never part of a sub; would break the filter
            return None
        gevonden = self._client.list_users(UserPoolId=self._pool, Filter=f'sub = "{sub}"', Limit=1)["Users"]
        return gevonden[0] if gevonden else None

    def gebruiker(self, sub: str) -> Gebruiker | None:
        ruw = self._ruw(sub)
        return None if ruw is None else self._gebruiker(ruw, self._groepen(ruw["Username"]))

    def gebruikers(self, groep: str | None, volgende: str | None, limiet: int) -> Pagina[Gebruiker]:
        limiet = min(limiet, _PAGINA)
        try:
            if groep is None:
                verder = {"PaginationToken": volgende} if volgende else {}
                antwoord = self._client.list_users(UserPoolId=self._pool, Limit=limiet, **verder)
                token = antwoord.get("PaginationToken")
            else:
                verder = {"NextToken": volgende} if volgende else {}
                antwoord = self._client.list_users_in_group(
                    UserPoolId=self._pool, GroupName=groep, Limit=limiet, **verder
                )
                token = antwoord.get("NextToken")
        except ClientError as fout:
            if _code(fout) == "ResourceNotFoundException" and groep is not None:
                return Pagina([], None)  # nobody of this organisation (or creditor) was invited yet: no group
            if volgende and _code(fout) in _ONGELDIGE_CURSOR:
                raise OngeldigeCursor(volgende) from fout
            raise
        items = [self._gebruiker(g, self._groepen(g["Username"])) for g in antwoord.get("Users", [])]
        return Pagina(items, token or None)

    def _leden(self, groep: str) -> Iterator[dict[str, Any]]:
        verder: dict[str, str] = {}
        while True:
            try:
                antwoord = self._client.list_users_in_group(
                    UserPoolId=self._pool, GroupName=groep, Limit=_PAGINA, **verder
                )
            except ClientError as fout:
                if _code(fout) == "ResourceNotFoundException":
                    return
                raise
            yield from antwoord.get("Users", [])
            if not antwoord.get("NextToken"):
                return
            verder = {"NextToken": antwoord["NextToken"]}

    def medewerkers(self, organisatie_id: str) -> list[Gebruiker]:
        # Two lists, not a call per person: the organisation's group and the coordinators'.
        coordinatoren = {g["Username"] for g in self._leden(COORDINATORGROEP)}
        groep = organisatiegroep(organisatie_id)
        gevonden = [
            self._gebruiker(g, [groep, *([COORDINATORGROEP] if g["Username"] in coordinatoren else [])])
            for g in self._leden(groep)
            if g.get("Enabled", True)
        ]
        return sorted(gevonden, key=lambda g: ((g.naam or g.gebruikersnaam).lower(), g.gebruikersnaam))

    # --- changing --------------------------------------------------------------------------------

    def _groep_aanwezig(self, groep: str) -> None:
        try:
            self._client.get_group(UserPoolId=self._pool, GroupName=groep)
            return
        except ClientError as fout:
            if _code(fout) != "ResourceNotFoundException":
                raise
        try:
            self._client.create_group(
                UserPoolId=self._pool,
                GroupName=groep,
                Description=f"Accounts van {groep}",
            )
        except ClientError as fout:
            if _code(fout) != "GroupExistsException":  # made at the same moment by another invitation
                raise

    def uitnodigen(self, email: str, naam: str, groepen: Sequence[str]) -> Gebruiker:
        for groep in groepen:  # first: an account is never left without its role for want of a group
            self._groep_aanwezig(groep)
        try:
            ruw = self._client.admin_create_user(
                UserPoolId=self._pool,
                Username=email,
                UserAttributes=[
                    {"Name": "email", "Value": email},
                    {"Name": "email_verified", "Value": "true"},  # the invitation proves it: it is how they get in
                    {"Name": "name", "Value": naam},
                ],
                DesiredDeliveryMediums=["EMAIL"],
            )["User"]
        except ClientError as fout:
            if _code(fout) == "UsernameExistsException":
                raise GebruikerBestaat(email) from fout
            raise
        try:
            for groep in groepen:
                self._client.admin_add_user_to_group(UserPoolId=self._pool, Username=ruw["Username"], GroupName=groep)
        except Exception:
            # An account without its role could sign in to nothing; the operator invites again.
            self._client.admin_delete_user(UserPoolId=self._pool, Username=ruw["Username"])
            raise
        return self._gebruiker(ruw, list(groepen))

    def _zetten(self, sub: str, ingeschakeld: bool) -> Gebruiker:
        gebruiker = self.gebruiker(sub)
        if gebruiker is None:
            raise GebruikerOnbekend(sub)
        actie = self._client.admin_enable_user if ingeschakeld else self._client.admin_disable_user
        try:
            actie(UserPoolId=self._pool, Username=gebruiker.gebruikersnaam)
        except ClientError as fout:
            if _code(fout) == "UserNotFoundException":  # removed in the meantime
                raise GebruikerOnbekend(sub) from fout
            raise
        return gebruiker.model_copy(update={"ingeschakeld": ingeschakeld})

    def uitschakelen(self, sub: str) -> Gebruiker:
        return self._zetten(sub, False)

    def inschakelen(self, sub: str) -> Gebruiker:
        return self._zetten(sub, True)
