"""Domain events: written in the same transaction as the state change they describe (the outbox).

An event carries the facts of the referral right after the change it describes (dates, status, codes),
so that every message states what *this* event did, whatever happened to the referral since. It never
carries personal data: a consumer that needs them reads the referral's own item.
"""

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from warmdoor.models.entities import Doorverwijzing
from warmdoor.models.enums import Eindresultaat, IntrekkingReden, Status


class Gebeurtenissoort(StrEnum):
    DOORVERWIJZING_AANGEMELD = "DoorverwijzingAangemeld"
    DOORVERWIJZING_INGETROKKEN = "DoorverwijzingIngetrokken"
    CONTACT_GELEGD = "ContactGelegd"
    DOORVERWIJZING_AFGEROND = "DoorverwijzingAfgerond"
    INCASSOSTOP_VERLENGD = "IncassostopVerlengd"
    CONTACTTERMIJN_VERLOPEN = "ContacttermijnVerlopen"
    INCASSOSTOP_BEEINDIGD = "IncassostopBeeindigd"
    TERUGKOPPELING_GEWIJZIGD = "TerugkoppelingGewijzigd"
    BEWAARTERMIJN_HERINNERING = "BewaartermijnHerinnering"
    PERSOONSGEGEVENS_VERWIJDERD = "PersoonsgegevensVerwijderd"


class Gebeurtenis(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: str
    soort: Gebeurtenissoort
    doorverwijzingId: str
    tijdstip: datetime
    # Whose referral it is, so that a consumer reads it and its parties in one request. None in an event
    # written before these were added (a replay of an old failure): the consumer then reads the referral first.
    schuldeiserId: str | None = None
    organisatieId: str | None = None
    # The referral's facts right after this event.
    status: Status
    contactUiterlijk: datetime
    incassostopTot: datetime
    contactpogingen: int
    eindresultaat: Eindresultaat | None
    intrekkingReden: IntrekkingReden | None
    persoonsgegevensVerwijderenOp: datetime | None

    @classmethod
    def van(cls, soort: Gebeurtenissoort, d: Doorverwijzing, tijdstip: datetime) -> "Gebeurtenis":
        """The event `soort` that made the referral `d`, with `d`'s facts."""
        return cls(
            id=str(uuid.uuid4()),
            soort=soort,
            doorverwijzingId=d.id,
            tijdstip=tijdstip,
            schuldeiserId=d.schuldeiserId,
            organisatieId=d.organisatieId,
            status=d.status,
            contactUiterlijk=d.contactUiterlijk,
            incassostopTot=d.incassostopTot,
            contactpogingen=len(d.contactpogingen),
            eindresultaat=d.eindresultaat.code if d.eindresultaat else None,
            intrekkingReden=d.intrekking.reden if d.intrekking else None,
            persoonsgegevensVerwijderenOp=d.persoonsgegevensVerwijderenOp,
        )

    @classmethod
    def uit_beeld(cls, beeld: Mapping[str, Any] | None) -> "Gebeurtenis":
        """From the event item as the table's stream shows it (its new image, deserialised)."""
        if not beeld:
            raise ValueError("a stream record without a new image is not an event")
        return cls.model_validate({k: v for k, v in beeld.items() if k in cls.model_fields})

    @classmethod
    def uit_bericht(cls, body: str) -> "Gebeurtenis":
        """From a consumer's queue message: the event bus's envelope, whose detail is the event."""
        return cls.model_validate(json.loads(body)["detail"])
