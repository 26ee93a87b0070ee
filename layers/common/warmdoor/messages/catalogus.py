"""Which event sends which message to whom. Adding a message is a template and a line here."""

from dataclasses import dataclass
from enum import StrEnum

from warmdoor.models.events import Gebeurtenissoort


class Ontvanger(StrEnum):
    ORGANISATIE = "organisatie"
    COORDINATOR = "coordinator"
    SCHULDEISER = "schuldeiser"
    CLIENT = "client"


@dataclass(frozen=True)
class Bericht:
    template: str
    ontvanger: Ontvanger


EMAILS: dict[Gebeurtenissoort, tuple[Bericht, ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (Bericht("nieuwe_doorverwijzing", Ontvanger.ORGANISATIE),),
    Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN: (Bericht("ingetrokken", Ontvanger.ORGANISATIE),),
}

SMS: dict[Gebeurtenissoort, tuple[Bericht, ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (
        Bericht("nieuwe_doorverwijzing", Ontvanger.ORGANISATIE),
        Bericht("bevestiging_client", Ontvanger.CLIENT),
    ),
}
