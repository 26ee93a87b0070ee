"""Request bodies of the HTTP contract. Each validates and normalises what it can without a clock."""

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, StrictInt, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from warmdoor.models.common import (
    Bedrag,
    Email,
    Gemeentecode,
    Huisnummertoevoeging,
    Identificatie,
    Kort,
    Naam,
    Postcode,
    Reden,
    Referentie,
    StrictModel,
    Telefoonnummer,
    Tijdstip,
    Toelichting,
    Voorletters,
)
from warmdoor.models.enums import (
    Contactsoort,
    Eindresultaat,
    IntrekkingReden,
    Rol,
    Signaalpartner,
    Toestemmingskanaal,
)


class Toestemming(StrictModel):
    verleend: StrictBool = Field(description="The customer consented to the referral and wants help")
    tijdstip: Tijdstip = Field(
        description="Wanneer de klant toestemming gaf: niet in de toekomst en hoogstens ToestemmingMaxDagen "
        "(standaard 14) dagen geleden"
    )
    kanaal: Toestemmingskanaal
    smsBevestiging: StrictBool = False

    @field_validator("verleend")
    @classmethod
    def _verleend(cls, value: bool) -> bool:
        if not value:
            raise PydanticCustomError(
                "consent_required", "Zonder toestemming van de klant is er geen warme doorverwijzing"
            )
        return value


class Client(StrictModel):
    voorletters: Voorletters
    voornaam: Naam | None = None
    voorvoegsel: Kort | None = None
    achternaam: Naam
    geboortedatum: date
    telefoonnummer: Telefoonnummer
    email: Email | None = None


class Adres(StrictModel):
    straatnaam: Naam
    huisnummer: Annotated[StrictInt, Field(ge=1, le=99999)]
    huisnummertoevoeging: Huisnummertoevoeging | None = None
    postcode: Postcode
    plaatsnaam: Naam


class Achterstand(StrictModel):
    bedrag: Bedrag
    ontstaansdatum: date


class DoorverwijzingVerzoek(StrictModel):
    """A creditor's warm referral: the customer consented and wants financial help."""

    schuldeiserReferentie: Referentie
    toestemming: Toestemming
    client: Client
    adres: Adres
    achterstand: Achterstand
    gemeentecode: Gemeentecode | None = Field(
        default=None,
        description="De gemeente van het adres, nodig als de postcode in meer gemeenten ligt; ligt de postcode in "
        "het gebied van een andere gemeente, dan is het 422",
    )
    toelichting: Toelichting | None = None


class ContactpogingVerzoek(StrictModel):
    soort: Contactsoort
    bereikt: StrictBool = Field(
        description="De klant is bereikt: alleen mogelijk in een gesprek of een antwoord (niet met brief, kaartje "
        "of administratief)"
    )
    tijdstip: Tijdstip = Field(description="Niet voor de aanmelding en niet in de toekomst")
    toelichting: Toelichting | None = None


class EindresultaatVerzoek(StrictModel):
    code: Eindresultaat
    toelichting: Toelichting | None = None


class VerlengingVerzoek(StrictModel):
    dagen: Annotated[StrictInt, Field(ge=1, le=180)]
    reden: Reden


class IntrekkingVerzoek(StrictModel):
    reden: IntrekkingReden
    toelichting: Toelichting | None = None


def _postcodegebied(value: str) -> str:
    start, _, end = value.partition("-")
    if end and int(end) < int(start):
        raise PydanticCustomError("range", "Het eind van het postcodegebied ligt voor het begin")
    return value


Postcodegebied = Annotated[
    str,
    StringConstraints(pattern=r"^[1-9][0-9]{3}(-[1-9][0-9]{3})?$"),
    Field(examples=["4330-4339", "4340"], description="A PC4 postcode or an inclusive PC4 range"),
]


class GemeenteVerzoek(StrictModel):
    code: Gemeentecode
    naam: Naam
    postcodegebieden: Annotated[list[Postcodegebied], Field(max_length=200)] = []

    @field_validator("postcodegebieden")
    @classmethod
    def _gebieden(cls, value: list[str]) -> list[str]:
        return [_postcodegebied(gebied) for gebied in value]


class OrganisatieVerzoek(StrictModel):
    naam: Naam
    email: Email
    escalatieEmail: Email | None = None
    smsNummers: Annotated[list[Telefoonnummer], Field(max_length=10)] = []
    emailZonderPersoonsgegevens: StrictBool = Field(
        default=False, description="E-mails noemen alleen de doorverwijzing en een link, geen persoonsgegevens"
    )
    sluitingsdagen: Annotated[
        list[date],
        Field(
            max_length=366,
            description="Dagen waarop de organisatie dicht is (bijvoorbeeld tussen Kerst en Oud en Nieuw): geen "
            "werkdag voor een contacttermijn in werkdagen, naast weekenden en de feestdagen van de Algemene "
            "termijnenwet",
        ),
        AfterValidator(lambda dagen: sorted(set(dagen))),
    ] = []
    gemeenten: Annotated[list[GemeenteVerzoek], Field(min_length=1, max_length=60)]


class SchuldeiserVerzoek(StrictModel):
    naam: Naam
    type: Signaalpartner
    email: Email


class ApiSleutelVerzoek(StrictModel):
    rol: Rol
    schuldeiserId: Identificatie | None = None
    organisatieId: Identificatie | None = None
    omschrijving: Naam | None = None
