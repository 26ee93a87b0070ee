"""Accounts of the people who sign in to the pages (users of the Cognito user pool, not the people referred):
the operator's invitation, the account as the domain knows it, and as the API shows it.

Who belongs where is said by the pool's groups: `organisatie-<id>` for every caseworker of an organisation,
`coordinator` as well for its coordinators; `schuldeiser-<id>` for a creditor's staff; `beheer` for the
operator. An account is addressed by its id in the pool (`sub`), never by its e-mail address: no personal
data in URLs or logs."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from warmdoor.models.common import Email, Identificatie, Naam, StrictModel
from warmdoor.models.enums import Rol

ORGANISATIEGROEP = "organisatie-"
COORDINATORGROEP = "coordinator"
SCHULDEISERGROEP = "schuldeiser-"
BEHEERGROEP = "beheer"
# A user pool's username is at most 128 characters (an e-mail address may be 254).
MAX_GEBRUIKERSNAAM = 128


def organisatiegroep(organisatie_id: str) -> str:
    return f"{ORGANISATIEGROEP}{organisatie_id}"


def schuldeisergroep(schuldeiser_id: str) -> str:
    return f"{SCHULDEISERGROEP}{schuldeiser_id}"


class Gebruiker(BaseModel):
    """An account in the pool. `cognitoStatus` is the pool's own (FORCE_CHANGE_PASSWORD until the person
    chose a password, CONFIRMED, EXTERNAL_PROVIDER for federated accounts, RESET_REQUIRED, ...)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    sub: str
    gebruikersnaam: str
    email: str | None = None
    naam: str | None = None
    organisatieId: str | None = None
    schuldeiserId: str | None = None
    beheer: bool = False
    coordinator: bool = False
    ingeschakeld: bool = True
    cognitoStatus: str = "CONFIRMED"
    aangemaaktOp: datetime | None = None

    @property
    def rol(self) -> Rol | None:
        """The role its groups give; None for an account in no role group (it can open no page)."""
        if self.organisatieId:
            return Rol.ORGANISATIE
        if self.schuldeiserId:
            return Rol.SCHULDEISER
        return Rol.BEHEER if self.beheer else None


def rolgroepen(
    organisatie_id: str | None = None,
    schuldeiser_id: str | None = None,
    beheer: bool = False,
    coordinator: bool = False,
) -> list[str]:
    """The groups that give an account its role (what reading an account's groups undoes)."""
    return [
        *([organisatiegroep(organisatie_id)] if organisatie_id else []),
        *([COORDINATORGROEP] if coordinator else []),
        *([schuldeisergroep(schuldeiser_id)] if schuldeiser_id else []),
        *([BEHEERGROEP] if beheer else []),
    ]


class GebruikerStatus(StrEnum):
    UITGENODIGD = "uitgenodigd"  # has not signed in yet (the temporary password of the invitation)
    ACTIEF = "actief"
    WACHTWOORD_HERSTELLEN = "wachtwoord_herstellen"  # must choose a new password (reset by the operator)
    UITGESCHAKELD = "uitgeschakeld"  # cannot sign in until the operator enables the account again


# The e-mail address is the username: lowercased, so that Jan@Gemeente.nl and jan@gemeente.nl are one person.
EmailGebruikersnaam = Annotated[
    Email, StringConstraints(max_length=MAX_GEBRUIKERSNAAM), AfterValidator(lambda adres: adres.lower())
]


class GebruikerVerzoek(StrictModel):
    """The operator invites a person to the pages, in exactly one role: a caseworker of an organisation
    (`organisatieId`, and `coordinator` if asked), a creditor's staff member (`schuldeiserId`) or an operator
    (`beheer`). Which one is given, and that it exists, the domain checks (400 naming the field)."""

    email: EmailGebruikersnaam = Field(
        description="E-mailadres van de medewerker: de gebruikersnaam (in kleine letters), en waar de uitnodiging "
        f"met het tijdelijke wachtwoord heen gaat; hoogstens {MAX_GEBRUIKERSNAAM} tekens"
    )
    naam: Naam = Field(description="Naam van de medewerker, zoals collega's hem of haar zien")
    organisatieId: Identificatie | None = Field(
        default=None,
        description="De schuldhulporganisatie waar de medewerker werkt (groep organisatie-<id>). Precies één van "
        "organisatieId, schuldeiserId en beheer.",
    )
    schuldeiserId: Identificatie | None = Field(
        default=None,
        description="De schuldeiser waar de medewerker werkt (groep schuldeiser-<id>): meldt aan via de pagina's",
    )
    beheer: StrictBool = Field(default=False, description="Beheerder van WarmDoor (groep beheer)")
    coordinator: StrictBool = Field(
        default=False,
        description="Coördinator: wijst doorverwijzingen toe aan medewerkers van de organisatie; alleen met "
        "organisatieId",
    )


class GebruikerWeergave(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str = Field(description="Id van het account in de gebruikerspool (sub); staat in de auditregels")
    gebruikersnaam: str = Field(description="Het e-mailadres waarmee de medewerker inlogt")
    email: str | None
    naam: str | None
    rol: Rol | None = Field(description="Wat het account mag, naar zijn groep; null als het in geen rolgroep zit")
    organisatieId: str | None = Field(description="De organisatie (groep organisatie-<id>); null als er geen is")
    schuldeiserId: str | None = Field(description="De schuldeiser (groep schuldeiser-<id>); null als er geen is")
    coordinator: bool
    status: GebruikerStatus = Field(
        description="uitgenodigd: nog niet ingelogd (het tijdelijke wachtwoord is 7 dagen geldig); actief; "
        "wachtwoord_herstellen: moet een nieuw wachtwoord kiezen; uitgeschakeld: kan niet inloggen"
    )
    aangemaaktOp: datetime | None


class GebruikerLijst(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    items: list[GebruikerWeergave]
    volgende: str | None
