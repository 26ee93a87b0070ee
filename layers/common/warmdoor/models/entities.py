"""Domain entities: what the rules work on. Stored items and API views are mapped from these."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from warmdoor.models.enums import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    IntrekkingReden,
    Rol,
    Signaalpartner,
    Status,
)
from warmdoor.models.requests import Achterstand, Adres, Client, Toestemming


class Entity(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Medewerker(Entity):
    """A person who signed in to the pages (a user of the pool): named in the audit trail and on a referral
    they were assigned. Their own account, not the person referred."""

    sub: str
    gebruikersnaam: str
    naam: str | None = None


class Principal(Entity):
    """Who calls: the holder of one API key, bound to one role (and one creditor or organisation), or a
    person signed in to the pages (then `medewerker` says who)."""

    sleutelId: str
    rol: Rol
    schuldeiserId: str | None = None
    organisatieId: str | None = None
    medewerker: Medewerker | None = None
    coordinator: bool = False


class Gemeente(Entity):
    code: str
    naam: str
    postcodegebieden: list[str] = []


class Organisatie(Entity):
    id: str
    naam: str
    email: str
    escalatieEmail: str | None = None
    smsNummers: list[str] = []
    emailZonderPersoonsgegevens: bool = False
    sluitingsdagen: list[date] = []  # no working days for its deadlines (besides weekends and holidays)
    gemeenten: list[Gemeente]


class Schuldeiser(Entity):
    id: str
    naam: str
    type: Signaalpartner
    email: str


class ApiSleutel(Entity):
    id: str
    rol: Rol
    schuldeiserId: str | None = None
    organisatieId: str | None = None
    omschrijving: str | None = None
    hash: str
    aangemaaktOp: datetime
    ingetrokkenOp: datetime | None = None


class RouteringGemeente(Entity):
    organisatieId: str
    naam: str
    postcodegebieden: list[str] = []


class RouteringOrganisatie(Entity):
    """What a referral takes from the organisation it goes to, kept in the routing (written with the
    organisation) so that the intake reads the routing and nothing more."""

    id: str
    naam: str
    sluitingsdagen: list[date] = []


class Routering(Entity):
    """Which organisation serves which municipality, and which postcode areas lie in which municipality."""

    gemeenten: dict[str, RouteringGemeente] = {}
    # By organisation id; a routing item saved before the organisations were kept here has none.
    organisaties: dict[str, RouteringOrganisatie] = {}
    versie: int = 0


class Bezorgprobleem(Entity):
    """A message that was not delivered (no address: that is personal data).

    `geweigerd`: the provider refused it for good (a bad address), it is not retried. `mislukt`: every
    attempt failed (the provider was unreachable or not set up); replaying the failure queue sends it,
    and then `opgelostOp` says when.
    """

    kanaal: Literal["email", "sms"]
    ontvanger: str
    gebeurtenis: str
    tijdstip: datetime
    reden: Literal["geweigerd", "mislukt"] = "geweigerd"
    bericht: str | None = None  # which message of which event, to find it again when it is sent after all
    opgelostOp: datetime | None = None


class Intrekking(Entity):
    reden: IntrekkingReden
    toelichting: str | None = None
    tijdstip: datetime


class Contactpoging(Entity):
    soort: Contactsoort
    bereikt: bool
    tijdstip: datetime
    dagdeel: Dagdeel
    toelichting: str | None = None
    vastgelegdOp: datetime


class EindresultaatVastgelegd(Entity):
    code: Eindresultaat
    toelichting: str | None = None
    tijdstip: datetime  # when the referral was closed; a correction keeps it
    gecorrigeerdOp: datetime | None = None


class Verlenging(Entity):
    dagen: int
    reden: str | None  # None once the personal data are gone: a reason may say something about the person
    tijdstip: datetime
    tot: datetime


class Doorverwijzing(Entity):
    id: str
    schuldeiserId: str
    schuldeiserNaam: str
    schuldeiserReferentie: str
    inhoudHash: str
    organisatieId: str
    organisatieNaam: str
    gemeentecode: str
    status: Status
    aangemeldOp: datetime
    contactUiterlijk: datetime
    contactGelegdOp: datetime | None = None
    incassostopTot: datetime
    # The personal data (these, and every free-text note below) are None once the retention period is over.
    toestemming: Toestemming | None
    client: Client | None
    adres: Adres | None
    achterstand: Achterstand | None
    toelichting: str | None = None
    intrekking: Intrekking | None = None
    contactpogingen: list[Contactpoging] = []
    eindresultaat: EindresultaatVastgelegd | None = None
    verlengingen: list[Verlenging] = []
    contactTermijnVerlopenOp: datetime | None = None
    toegewezenAan: Medewerker | None = None  # the caseworker who takes it on
    incassostopBeeindigdOp: datetime | None = None
    herinnerdOp: datetime | None = None  # the organisation was reminded to close before the erasure
    bezorgproblemen: list[Bezorgprobleem] = []
    persoonsgegevensVerwijderenOp: datetime | None = None
    persoonsgegevensVerwijderdOp: datetime | None = None
    versie: int = 1

    def zonder_persoonsgegevens(self) -> "Doorverwijzing":
        """The referral without anything about the person: who they are, where they live, what they owe,
        every note. The one place that says which of its fields are personal data."""
        return self.model_copy(
            update={
                "toestemming": None,
                "client": None,
                "adres": None,
                "achterstand": None,
                "toelichting": None,
                "intrekking": self.intrekking and self.intrekking.model_copy(update={"toelichting": None}),
                "contactpogingen": [p.model_copy(update={"toelichting": None}) for p in self.contactpogingen],
                "eindresultaat": self.eindresultaat and self.eindresultaat.model_copy(update={"toelichting": None}),
                "verlengingen": [v.model_copy(update={"reden": None}) for v in self.verlengingen],
            }
        )


class Auditregel(Entity):
    """Who did what with a referral, and when; never a copy of the personal data itself."""

    id: str
    doorverwijzingId: str
    sleutelId: str
    rol: Rol
    actie: str
    tijdstip: datetime
    medewerker: Medewerker | None = None  # who, when it was done through the pages
