"""Webhooks: the subscriptions of creditors' and organisations' systems, the messages sent to them with each
attempt, the API's requests and views of both, and the payloads as the receivers get them."""

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StringConstraints

from warmdoor.models.common import Identificatie, Naam, StrictModel, Tijdstip
from warmdoor.models.entities import Entity
from warmdoor.models.enums import IntrekkingReden, Rol, Terugkoppelingsuitkomst


class Webhooksoort(StrEnum):
    INCASSOSTOP_GESTART = "incassostop.gestart"
    INCASSOSTOP_VERLENGD = "incassostop.verlengd"
    INCASSOSTOP_BEEINDIGD = "incassostop.beeindigd"
    DOORVERWIJZING_AFGEROND = "doorverwijzing.afgerond"
    DOORVERWIJZING_INGETROKKEN = "doorverwijzing.ingetrokken"
    DOORVERWIJZING_AANGEMELD = "doorverwijzing.aangemeld"
    CONTACTTERMIJN_VERLOPEN = "contacttermijn.verlopen"


# Which kinds each owner may subscribe to: a creditor hears of its stops and results, an organisation of
# what arrives and what it must act on.
SOORTEN: dict[Rol, frozenset[Webhooksoort]] = {
    Rol.SCHULDEISER: frozenset(
        {
            Webhooksoort.INCASSOSTOP_GESTART,
            Webhooksoort.INCASSOSTOP_VERLENGD,
            Webhooksoort.INCASSOSTOP_BEEINDIGD,
            Webhooksoort.DOORVERWIJZING_AFGEROND,
            Webhooksoort.DOORVERWIJZING_INGETROKKEN,
        }
    ),
    Rol.ORGANISATIE: frozenset(
        {
            Webhooksoort.DOORVERWIJZING_AANGEMELD,
            Webhooksoort.DOORVERWIJZING_INGETROKKEN,
            Webhooksoort.CONTACTTERMIJN_VERLOPEN,
        }
    ),
}

Eigenaarrol = Literal[Rol.SCHULDEISER, Rol.ORGANISATIE]


class Geheim(Entity):
    waarde: str
    geldigTot: datetime | None = None  # a rotated secret signs along until then


class Webhook(Entity):
    """A subscription: where one creditor's or organisation's system wants which events."""

    id: str
    eigenaarRol: Eigenaarrol
    eigenaarId: str
    url: str
    soorten: list[Webhooksoort]
    actief: bool
    omschrijving: str | None = None
    geheimen: list[Geheim]  # the newest first
    aangemaaktOp: datetime
    # Since when every attempt failed (cleared by a success): after WebhookUitschakelenNaDagen it is disabled.
    storingSinds: datetime | None = None
    uitgeschakeldOp: datetime | None = None
    uitschakelreden: str | None = None


class Berichtstatus(StrEnum):
    WACHTRIJ = "wachtrij"  # to be sent now
    WACHT = "wacht"  # waits for an earlier message about the same referral to this endpoint
    OPNIEUW = "opnieuw"  # failed; the next attempt is planned (volgendePoging)
    BEZORGD = "bezorgd"
    OPGEGEVEN = "opgegeven"  # failed for the whole retry schedule; can be redelivered


OPENSTAAND = frozenset({Berichtstatus.WACHTRIJ, Berichtstatus.WACHT, Berichtstatus.OPNIEUW})


class Poging(Entity):
    tijdstip: datetime
    status: int | None  # the receiver's HTTP status; none when it gave no answer
    duurMs: int
    fout: str | None = None
    fragment: str = ""  # the start of the receiver's answer, nothing more


class Bericht(Entity):
    """One event for one endpoint: the body is made once and sent as it is on every attempt."""

    id: str  # webhook-id: the same on every attempt and every endpoint the event goes to
    webhookId: str
    soort: Webhooksoort
    doorverwijzingId: str
    tijdstip: datetime  # the event's moment: messages about one referral go in this order
    inhoud: str
    status: Berichtstatus
    pogingen: list[Poging] = []
    ronde: int = 1  # a redelivery starts a new round of attempts
    rondePogingen: int = 0
    volgendePoging: datetime | None = None


# --- the payloads ----------------------------------------------------------------------------------


class Inhoud(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class Incassostopperiode(Inhoud):
    vanaf: datetime
    tot: datetime = Field(description="Tot wanneer de incasso gepauzeerd is, zoals deze gebeurtenis het zette")


class TerugkoppelingInhoud(Inhoud):
    uitkomst: Terugkoppelingsuitkomst
    afgerondOp: datetime


class SchuldeiserGegevens(Inhoud):
    """What a creditor's system learns of its referral: never personal data."""

    doorverwijzingId: str
    schuldeiserReferentie: str
    incassostop: Incassostopperiode | None = Field(
        default=None, description="Bij incassostop.gestart, .verlengd en .beeindigd"
    )
    beeindigdOp: datetime | None = Field(default=None, description="Bij incassostop.beeindigd")
    terugkoppeling: TerugkoppelingInhoud | None = Field(default=None, description="Bij doorverwijzing.afgerond")
    ingetrokkenOp: datetime | None = Field(default=None, description="Bij doorverwijzing.ingetrokken")
    intrekkingReden: IntrekkingReden | None = Field(default=None, description="Bij doorverwijzing.ingetrokken")


class OrganisatieGegevens(Inhoud):
    """Thin: the organisation's system fetches the referral with its own key at `link`."""

    doorverwijzingId: str
    link: str
    aangemeldOp: datetime | None = Field(default=None, description="Bij doorverwijzing.aangemeld")
    contactUiterlijk: datetime | None = Field(
        default=None, description="Bij doorverwijzing.aangemeld en contacttermijn.verlopen"
    )
    ingetrokkenOp: datetime | None = Field(default=None, description="Bij doorverwijzing.ingetrokken")


class WebhookBericht(Inhoud):
    """The body of every delivery (Standard Webhooks' type, timestamp, data)."""

    type: Webhooksoort
    timestamp: datetime = Field(description="Wanneer de gebeurtenis plaatsvond")
    data: SchuldeiserGegevens | OrganisatieGegevens


# --- the API -----------------------------------------------------------------------------------------

WebhookUrl = Annotated[str, StringConstraints(strip_whitespace=True, min_length=9, max_length=2000)]


class WebhookVerzoek(StrictModel):
    url: WebhookUrl
    soorten: Annotated[list[Webhooksoort], Field(min_length=1, max_length=len(Webhooksoort))]
    actief: StrictBool = True
    omschrijving: Naam | None = None
    # Only the operator names whose endpoint it is; a creditor's or organisation's key makes its own.
    schuldeiserId: Identificatie | None = None
    organisatieId: Identificatie | None = None


class HerbezorgingVerzoek(StrictModel):
    vanaf: Tijdstip = Field(description="Alle berichten van dit endpoint vanaf dit moment opnieuw versturen")


class Eigenaar(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    rol: Eigenaarrol
    id: str


class WebhookWeergave(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    url: str
    soorten: list[Webhooksoort]
    actief: bool
    omschrijving: str | None
    eigenaar: Eigenaar = Field(description="De schuldeiser of organisatie van wie de webhook is")
    aangemaaktOp: datetime
    storingSinds: datetime | None
    uitgeschakeldOp: datetime | None
    uitschakelreden: str | None
    geheimWisseltTot: datetime | None = Field(description="Tot wanneer ook het vorige geheim nog tekent")


class NieuwGeheim(WebhookWeergave):
    geheim: str = Field(description="Het ondertekengeheim (whsec_...): wordt alleen nu getoond")


class WebhookLijst(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    items: list[WebhookWeergave]
    volgende: str | None = None


class PogingWeergave(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    tijdstip: datetime
    status: int | None
    duurMs: int
    fout: str | None
    fragment: str


class BerichtWeergave(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    soort: Webhooksoort
    doorverwijzingId: str
    tijdstip: datetime
    status: Berichtstatus
    volgendePoging: datetime | None
    pogingen: list[PogingWeergave]


class BerichtLijst(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    items: list[BerichtWeergave]
    volgende: str | None = None


class Herbezorging(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    aantal: int = Field(description="Hoeveel berichten opnieuw worden verstuurd")
