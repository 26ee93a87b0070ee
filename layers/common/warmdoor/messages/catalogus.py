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
    alleen_open: bool = False  # only while the referral is still open (not closed or withdrawn)


EMAILS: dict[Gebeurtenissoort, tuple[Bericht, ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (Bericht("nieuwe_doorverwijzing", Ontvanger.ORGANISATIE),),
    Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN: (Bericht("ingetrokken", Ontvanger.ORGANISATIE),),
    Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN: (Bericht("escalatie", Ontvanger.COORDINATOR),),
    Gebeurtenissoort.INCASSOSTOP_BEEINDIGD: (
        Bericht("incassostop_beeindigd", Ontvanger.SCHULDEISER),
        Bericht("incassostop_beeindigd_organisatie", Ontvanger.ORGANISATIE, alleen_open=True),
    ),
    Gebeurtenissoort.INCASSOSTOP_VERLENGD: (Bericht("incassostop_verlengd", Ontvanger.SCHULDEISER),),
    Gebeurtenissoort.DOORVERWIJZING_AFGEROND: (Bericht("terugkoppeling", Ontvanger.SCHULDEISER),),
}

SMS: dict[Gebeurtenissoort, tuple[Bericht, ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (
        Bericht("nieuwe_doorverwijzing", Ontvanger.ORGANISATIE),
        Bericht("bevestiging_client", Ontvanger.CLIENT),
    ),
    Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN: (Bericht("escalatie", Ontvanger.COORDINATOR),),
}
