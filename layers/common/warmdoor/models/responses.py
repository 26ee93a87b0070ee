"""Response bodies of the HTTP contract (the API's views of the entities)."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from warmdoor.models.enums import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    IntrekkingReden,
    Rol,
    Signaalpartner,
    Status,
    Terugkoppelingsuitkomst,
)
from warmdoor.models.requests import Achterstand, Adres, Client, GemeenteVerzoek, Toestemming


class View(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Verwijzing(View):
    id: str
    naam: str


class Incassostop(View):
    vanaf: datetime
    tot: datetime
    actief: bool


class BezorgprobleemWeergave(View):
    kanaal: str
    ontvanger: str
    gebeurtenis: str
    tijdstip: datetime
    reden: str = Field(
        description="geweigerd: de provider weigerde het bericht (een onjuist adres); "
        "mislukt: elke poging mislukte, het bericht gaat alsnog uit zodra de storing is verholpen"
    )
    opgelostOp: datetime | None = Field(description="Wanneer het bericht alsnog is verstuurd")


class Terugkoppeling(View):
    """What the creditor may learn of the final result: never the reason of 'not taken up', never notes."""

    uitkomst: Terugkoppelingsuitkomst
    afgerondOp: datetime


class ContactpogingWeergave(View):
    soort: Contactsoort
    bereikt: bool
    tijdstip: datetime
    dagdeel: Dagdeel
    toelichting: str | None


class EindresultaatWeergave(View):
    code: Eindresultaat
    toelichting: str | None
    tijdstip: datetime


class VerlengingWeergave(View):
    dagen: int
    reden: str | None
    tijdstip: datetime
    tot: datetime


class DoorverwijzingVoorSchuldeiser(View):
    """What a creditor (and the operator) sees: no personal data beyond the creditor's own reference."""

    id: str
    schuldeiserReferentie: str
    status: Status
    aangemeldOp: datetime
    contactUiterlijk: datetime
    contactGelegdOp: datetime | None
    contactTermijnVerlopen: bool
    organisatie: Verwijzing
    gemeentecode: str
    incassostop: Incassostop
    terugkoppeling: Terugkoppeling | None
    ingetrokkenOp: datetime | None
    bezorgproblemen: list[BezorgprobleemWeergave] = Field(
        default=[], description="Berichten over deze doorverwijzing die niet konden worden bezorgd"
    )
    persoonsgegevensVerwijderdOp: datetime | None = Field(
        default=None,
        description="Wanneer de persoonsgegevens na afloop van de bewaartermijn zijn verwijderd; "
        "daarna zijn alleen de anonieme gegevens er nog",
    )


class IntrekkingWeergave(View):
    reden: IntrekkingReden
    toelichting: str | None
    tijdstip: datetime


class MedewerkerWeergave(View):
    """A person of the organisation, signed in to the pages (their account, not the person referred)."""

    sub: str = Field(description="Id van het account in de gebruikerspool")
    gebruikersnaam: str
    naam: str | None = None


class DoorverwijzingVolledig(DoorverwijzingVoorSchuldeiser):
    """What the organisation the referral is routed to sees: everything needed to reach the person
    (until the retention period is over: then the personal data and every note are null)."""

    schuldeiser: Verwijzing
    persoonsgegevensBewaardTot: datetime | None = Field(
        description="Tot wanneer de persoonsgegevens worden bewaard; bekend zodra de doorverwijzing is afgerond, "
        "ingetrokken of de incassostop is afgelopen"
    )
    toestemming: Toestemming | None
    client: Client | None
    adres: Adres | None
    achterstand: Achterstand | None
    toelichting: str | None
    intrekking: IntrekkingWeergave | None
    contactpogingen: list[ContactpogingWeergave]
    eindresultaat: EindresultaatWeergave | None
    verlengingen: list[VerlengingWeergave]
    toegewezenAan: MedewerkerWeergave | None = Field(
        default=None, description="De medewerker die de doorverwijzing heeft opgepakt (in de webpagina's)"
    )


class DoorverwijzingLijst(View):
    items: list[DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser]
    volgende: str | None


class OrganisatieWeergave(View):
    id: str
    naam: str
    email: str
    escalatieEmail: str | None
    smsNummers: list[str]
    emailZonderPersoonsgegevens: bool
    sluitingsdagen: list[date]
    gemeenten: list[GemeenteVerzoek]


class OrganisatieLijst(View):
    items: list[OrganisatieWeergave]
    volgende: str | None


class SchuldeiserWeergave(View):
    id: str
    naam: str
    type: Signaalpartner
    email: str


class SchuldeiserLijst(View):
    items: list[SchuldeiserWeergave]
    volgende: str | None


class ApiSleutelWeergave(View):
    id: str
    rol: Rol
    schuldeiserId: str | None
    organisatieId: str | None
    omschrijving: str | None
    aangemaaktOp: datetime
    ingetrokkenOp: datetime | None


class NieuweApiSleutel(ApiSleutelWeergave):
    sleutel: str = Field(description="The secret key; shown only in this response")


class ApiSleutelLijst(View):
    items: list[ApiSleutelWeergave]
    volgende: str | None


class InvalidParamWeergave(View):
    name: str
    code: str
    reason: str


class Problem(View):
    """RFC 9457 problem details."""

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    invalidParams: list[InvalidParamWeergave] | None = None


class Cijfers(View):
    aantal: int = Field(description="Doorverwijzingen aangemeld in de periode")
    gecontacteerdBinnenTermijn: int = Field(
        description="Waarvan de persoon binnen de contacttermijn is bereikt (het eerste contact is de vroegste "
        "contactpoging waarin de persoon is bereikt)"
    )
    nogBinnenTermijn: int = Field(
        description="Waarvan de persoon nog niet is bereikt en de contacttermijn nog loopt: te vroeg om te zeggen"
    )
    percentageBinnenTermijn: float | None = Field(
        description="gecontacteerdBinnenTermijn / (aantal - nogBinnenTermijn) x 100, op één decimaal, half naar "
        "boven afgerond; leeg als er nog niets te beoordelen is"
    )
    medianeUrenTotContact: float | None = Field(
        description="Mediaan van de uren van aanmelding tot het eerste contact, op één decimaal, half naar boven"
    )
    contactTermijnVerlopen: int = Field(
        description="Escalaties: waarvan de coördinator is gewaarschuwd dat de termijn verstreek zonder contact"
    )
    ingetrokken: int
    verlengd: int = Field(description="Waarvan de incassostop minstens eenmaal is verlengd")
    perEindresultaat: dict[str, int] = Field(
        description="Aantal per eindresultaat (voor een schuldeiser: per terugkoppeling)"
    )


class Uitsplitsing(Cijfers):
    id: str
    naam: str


class Weekcijfers(Cijfers):
    week: str = Field(description="ISO-week van aanmelding, zoals 2026-W48 (weken beginnen op maandag)")
    vanaf: date = Field(description="Eerste dag van de week die in de periode valt")
    tot: date = Field(description="Laatste dag van de week die in de periode valt")


class Rapport(Cijfers):
    vanaf: date
    tot: date
    perOrganisatie: list[Uitsplitsing]
    perSchuldeiser: list[Uitsplitsing]
    perWeek: list[Weekcijfers] = Field(
        default_factory=list,
        description="Elke week van de periode, ook weken zonder doorverwijzingen, naar de datum van aanmelding",
    )


class AuditregelWeergave(View):
    sleutelId: str
    rol: Rol
    actie: str = Field(
        description="aanmelding, gelezen, intrekking, contactpoging, eindresultaat, eindresultaat_correctie, "
        "verlenging, toewijzing, herinnering, persoonsgegevens_verwijderd, ..."
    )
    tijdstip: datetime
    medewerker: MedewerkerWeergave | None = Field(
        default=None, description="Wie het deed, als het in de webpagina's gebeurde (anders de API-sleutel)"
    )


class AuditregelLijst(View):
    items: list[AuditregelWeergave]
    volgende: str | None
