"""Which domain event becomes which webhook message for whom, and what it says. Each message states the facts
of its own event (the end date it set, the result it recorded), whatever happened to the referral since.
A creditor's message carries the creditor's view (never personal data); an organisation's is thin: its
system fetches the referral with its own key."""

import uuid
from dataclasses import dataclass

from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.models.entities import Doorverwijzing
from warmdoor.models.enums import Rol
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.webhooks import (
    Incassostopperiode,
    OrganisatieGegevens,
    SchuldeiserGegevens,
    TerugkoppelingInhoud,
    WebhookBericht,
    Webhooksoort,
)
from warmdoor.tijd import lokaal

_S, _O = Rol.SCHULDEISER, Rol.ORGANISATIE
# Per domain event: the webhook kinds it makes, for whom. A withdrawal ends the stop as well: a billing system
# that follows only the stop's kinds resumes collection on the right day.
SOORTEN: dict[Gebeurtenissoort, tuple[tuple[Rol, Webhooksoort], ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (
        (_S, Webhooksoort.INCASSOSTOP_GESTART),
        (_O, Webhooksoort.DOORVERWIJZING_AANGEMELD),
    ),
    Gebeurtenissoort.INCASSOSTOP_VERLENGD: ((_S, Webhooksoort.INCASSOSTOP_VERLENGD),),
    Gebeurtenissoort.INCASSOSTOP_BEEINDIGD: ((_S, Webhooksoort.INCASSOSTOP_BEEINDIGD),),
    Gebeurtenissoort.DOORVERWIJZING_AFGEROND: ((_S, Webhooksoort.DOORVERWIJZING_AFGEROND),),
    # A corrected result the creditor may learn of: a new message of the same kind, with the new outcome.
    Gebeurtenissoort.TERUGKOPPELING_GEWIJZIGD: ((_S, Webhooksoort.DOORVERWIJZING_AFGEROND),),
    Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN: (
        (_S, Webhooksoort.DOORVERWIJZING_INGETROKKEN),
        (_S, Webhooksoort.INCASSOSTOP_BEEINDIGD),
        (_O, Webhooksoort.DOORVERWIJZING_INGETROKKEN),
    ),
    Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN: ((_O, Webhooksoort.CONTACTTERMIJN_VERLOPEN),),
}


@dataclass(frozen=True)
class Uitgaand:
    """One message of an event, for the creditor's or the organisation's endpoints."""

    rol: Rol
    eigenaar_id: str
    soort: Webhooksoort
    id: str  # the webhook-id: one per event and kind, the same to every endpoint and on every attempt
    inhoud: str  # the body, exactly as signed and sent


def bericht_id(gebeurtenis_id: str, soort: Webhooksoort) -> str:
    """The webhook-id of the message of kind `soort` that an event makes."""
    return f"msg_{uuid.uuid5(uuid.UUID(gebeurtenis_id), soort.value).hex}"


def _voor_schuldeiser(soort: Webhooksoort, g: Gebeurtenis, d: Doorverwijzing) -> SchuldeiserGegevens:
    basis = {"doorverwijzingId": d.id, "schuldeiserReferentie": d.schuldeiserReferentie}
    stop = Incassostopperiode(vanaf=lokaal(d.aangemeldOp), tot=lokaal(g.incassostopTot))
    match soort:
        case Webhooksoort.INCASSOSTOP_GESTART | Webhooksoort.INCASSOSTOP_VERLENGD:
            return SchuldeiserGegevens(**basis, incassostop=stop)
        case Webhooksoort.INCASSOSTOP_BEEINDIGD:
            return SchuldeiserGegevens(**basis, incassostop=stop, beeindigdOp=lokaal(g.tijdstip))
        case Webhooksoort.DOORVERWIJZING_AFGEROND:
            if g.eindresultaat is None:
                raise ValueError(f"event {g.id} closes referral {d.id} without a result")
            terugkoppeling = TerugkoppelingInhoud(uitkomst=uitkomst(g.eindresultaat), afgerondOp=lokaal(g.tijdstip))
            return SchuldeiserGegevens(**basis, terugkoppeling=terugkoppeling)
        case Webhooksoort.DOORVERWIJZING_INGETROKKEN:
            return SchuldeiserGegevens(**basis, ingetrokkenOp=lokaal(g.tijdstip), intrekkingReden=g.intrekkingReden)
    raise ValueError(f"{soort} is no creditor's kind")


def _voor_organisatie(soort: Webhooksoort, g: Gebeurtenis, d: Doorverwijzing, api_url: str) -> OrganisatieGegevens:
    basis = {"doorverwijzingId": d.id, "link": f"{api_url.rstrip('/')}/doorverwijzingen/{d.id}"}
    match soort:
        case Webhooksoort.DOORVERWIJZING_AANGEMELD:
            return OrganisatieGegevens(
                **basis, aangemeldOp=lokaal(g.tijdstip), contactUiterlijk=lokaal(g.contactUiterlijk)
            )
        case Webhooksoort.DOORVERWIJZING_INGETROKKEN:
            return OrganisatieGegevens(**basis, ingetrokkenOp=lokaal(g.tijdstip))
        case Webhooksoort.CONTACTTERMIJN_VERLOPEN:
            return OrganisatieGegevens(**basis, contactUiterlijk=lokaal(g.contactUiterlijk))
    raise ValueError(f"{soort} is no organisation's kind")


def uitgaand(g: Gebeurtenis, d: Doorverwijzing, api_url: str) -> list[Uitgaand]:
    """The messages this event makes (none for events no one subscribes to)."""
    berichten = []
    for rol, soort in SOORTEN.get(g.soort, ()):
        if rol == Rol.SCHULDEISER:
            data: SchuldeiserGegevens | OrganisatieGegevens = _voor_schuldeiser(soort, g, d)
            eigenaar = d.schuldeiserId
        else:
            data, eigenaar = _voor_organisatie(soort, g, d, api_url), d.organisatieId
        body = WebhookBericht(type=soort, timestamp=lokaal(g.tijdstip), data=data)
        berichten.append(
            Uitgaand(rol, eigenaar, soort, bericht_id(g.id, soort), body.model_dump_json(exclude_none=True))
        )
    return berichten
