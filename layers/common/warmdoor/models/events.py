"""Domain events: written in the same transaction as the state change they describe (the outbox).

An event carries identifiers only; a consumer reads what it needs, so no personal data travels
through the stream beyond the referral item itself.
"""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Gebeurtenissoort(StrEnum):
    DOORVERWIJZING_AANGEMELD = "DoorverwijzingAangemeld"
    DOORVERWIJZING_INGETROKKEN = "DoorverwijzingIngetrokken"
    CONTACT_GELEGD = "ContactGelegd"
    DOORVERWIJZING_AFGEROND = "DoorverwijzingAfgerond"
    INCASSOSTOP_VERLENGD = "IncassostopVerlengd"
    CONTACTTERMIJN_VERLOPEN = "ContacttermijnVerlopen"
    INCASSOSTOP_BEEINDIGD = "IncassostopBeeindigd"
    PERSOONSGEGEVENS_VERWIJDERD = "PersoonsgegevensVerwijderd"


class Gebeurtenis(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    soort: Gebeurtenissoort
    doorverwijzingId: str
    tijdstip: datetime
