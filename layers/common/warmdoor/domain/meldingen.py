"""Notifications: which event means which message for whom, sent once per event, channel and recipient.
The texts are the messages package's (through the Teksten port); whether a message may go, to which
address, and what happens when it cannot, is decided here."""

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import Any, Literal

from aws_lambda_powertools import Logger

from warmdoor.domain import doorverwijzing
from warmdoor.domain.context import Context
from warmdoor.domain.levensloop import bezorgprobleem_opgelost, bezorgprobleem_vastleggen
from warmdoor.models.common import is_mobiel
from warmdoor.models.entities import Doorverwijzing, Organisatie, Schuldeiser
from warmdoor.models.enums import OPEN_STATUSSEN
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.ports import (
    BezorgingNietIngericht,
    Eenmalig,
    Email,
    EmailVerzender,
    PermanenteBezorgfout,
    Sms,
    SmsVerzender,
    Teksten,
)

logger = Logger(child=True)


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


# Which event sends which message to whom. Adding a message is a template and a line here.
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
    Gebeurtenissoort.TERUGKOPPELING_GEWIJZIGD: (Bericht("terugkoppeling_gewijzigd", Ontvanger.SCHULDEISER),),
    Gebeurtenissoort.BEWAARTERMIJN_HERINNERING: (
        Bericht("bewaartermijn_herinnering", Ontvanger.ORGANISATIE, alleen_open=True),
    ),
}

SMS: dict[Gebeurtenissoort, tuple[Bericht, ...]] = {
    Gebeurtenissoort.DOORVERWIJZING_AANGEMELD: (
        Bericht("nieuwe_doorverwijzing", Ontvanger.ORGANISATIE),
        Bericht("bevestiging_client", Ontvanger.CLIENT),
    ),
    Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN: (Bericht("escalatie", Ontvanger.COORDINATOR),),
}

# How often a notifier's queue hands it an event before moving it to the failure queue (maxReceiveCount in
# template.yaml). A message that failed this often waits for a replay.
POGINGEN = 6


class BezorgingMislukt(Exception):
    """One or more messages of an event could not be sent now; the event must be tried again."""


def _lezen(ctx: Context, g: Gebeurtenis) -> tuple[Doorverwijzing, Organisatie, Schuldeiser | None] | None:
    """The referral as anyone may read it now, its organisation and its creditor: one request, or three for an
    event written before events named their parties."""
    if g.organisatieId is not None and g.schuldeiserId is not None:
        d, organisatie, schuldeiser = ctx.repo.doorverwijzing_met_partijen(
            g.doorverwijzingId, g.organisatieId, g.schuldeiserId
        )
    else:
        d = ctx.repo.doorverwijzing(g.doorverwijzingId)
        organisatie = ctx.repo.organisatie(d.organisatieId) if d else None
        schuldeiser = ctx.repo.schuldeiser(d.schuldeiserId) if d else None
    if d is None:
        logger.warning("referral of event is gone", extra={"doorverwijzing_id": g.doorverwijzingId})
        return None
    if organisatie is None:
        raise LookupError(f"organisation {d.organisatieId} of referral {d.id} is gone")
    return doorverwijzing.zoals_nu(d, ctx.klok.now()), organisatie, schuldeiser


def _email_adressen(bericht: Bericht, organisatie: Organisatie, schuldeiser: Schuldeiser | None) -> list[str]:
    match bericht.ontvanger:
        case Ontvanger.ORGANISATIE:
            return [organisatie.email]
        case Ontvanger.COORDINATOR:
            return [organisatie.escalatieEmail or organisatie.email]
        case Ontvanger.SCHULDEISER:
            return [schuldeiser.email] if schuldeiser else []
    return []


def _sms_nummers(bericht: Bericht, d: Doorverwijzing, organisatie: Organisatie) -> list[str]:
    match bericht.ontvanger:
        case Ontvanger.ORGANISATIE | Ontvanger.COORDINATOR:
            return list(organisatie.smsNummers)
        case Ontvanger.CLIENT:
            # Only with the person's consent to this SMS, and only to a number that can receive one.
            if d.toestemming is None or d.client is None:
                return []
            gewenst = d.toestemming.smsBevestiging and is_mobiel(d.client.telefoonnummer)
            return [d.client.telefoonnummer] if gewenst else []
    return []


@dataclass(frozen=True)
class _Verzending:
    """One message of one event to one address."""

    gebeurtenis: Gebeurtenis
    kanaal: Literal["email", "sms"]
    bericht: Bericht
    volgnummer: int  # which of the recipient's addresses (an organisation may have several SMS numbers)
    adres: str

    @property
    def id(self) -> str:
        """Names the message without its address (the address is personal data)."""
        g, b = self.gebeurtenis, self.bericht
        return f"{g.id}#{self.kanaal}#{b.template}#{b.ontvanger}#{self.volgnummer}"

    @property
    def idempotentiesleutel(self) -> str:
        """Names the message in its event's record (one per event and channel). The address is hashed: the
        idempotency records must hold no personal data."""
        adres_hash = hashlib.sha256(self.adres.encode()).hexdigest()[:16]
        return f"{self.bericht.template}#{self.bericht.ontvanger}#{adres_hash}"

    def log(self) -> dict[str, Any]:
        """What a log line may say of it: ids and kinds, never an address or a name."""
        return {
            "kanaal": self.kanaal,
            "ontvanger": self.bericht.ontvanger.value,
            "template": self.bericht.template,
            "gebeurtenis": self.gebeurtenis.soort.value,
            "gebeurtenis_id": self.gebeurtenis.id,
            "doorverwijzing_id": self.gebeurtenis.doorverwijzingId,
        }


@dataclass(frozen=True)
class Poging:
    """Which delivery of the event this is (its queue counts them), and whether there is still time for
    another send before the function's own timeout."""

    nummer: int
    tijd_over: Callable[[], bool] = lambda: True

    @property
    def laatste(self) -> bool:
        # >=: after a replay the queue counts from 1 again, and a delivery may be counted that never ran.
        return self.nummer >= POGINGEN


def _niet_verstuurd(ctx: Context, v: _Verzending, poging: Poging, fout: str, code: str | None = None) -> None:
    """A message that did not go out now: logged with ids and the error's type only (an error's text may
    quote the message), and on the last delivery counted, logged as such and listed on the referral."""
    logger.warning("message not sent", extra={**v.log(), "fout": fout, "code": code, "poging": poging.nummer})
    if poging.laatste:
        ctx.metingen.tel("MeldingenMislukt")
        logger.error("message failed for good; replay the failure queue once the cause is fixed", extra=v.log())
        bezorgprobleem_vastleggen(ctx, v.gebeurtenis, v.kanaal, v.bericht.ontvanger.value, v.id, "mislukt")


def _verstuur(ctx: Context, d: Doorverwijzing, v: _Verzending, verstuur: Callable[[], None], poging: Poging) -> bool:
    """Sends one message; False when it did not go out now and the event must come again."""
    ctx.metingen.tel(f"{v.kanaal.capitalize()}Verwerkt")
    if not poging.tijd_over():
        _niet_verstuurd(ctx, v, poging, "GeenTijdMeer")
        return False
    try:
        verstuur()
    except PermanenteBezorgfout:
        # Recorded and reported, not retried: a wrong address will not become right.
        ctx.metingen.tel("MeldingenGeweigerd")
        logger.warning("message refused for good", extra=v.log())
        bezorgprobleem_vastleggen(ctx, v.gebeurtenis, v.kanaal, v.bericht.ontvanger.value, v.id, "geweigerd")
    except BezorgingNietIngericht as fout:
        ctx.metingen.tel("BezorgingNietIngericht")  # its own alarm: the provider is not set up yet
        _niet_verstuurd(ctx, v, poging, type(fout).__name__, code=str(fout))
        return False
    except Exception as fout:
        _niet_verstuurd(ctx, v, poging, type(fout).__name__)
        return False
    if doorverwijzing.heeft_open_bezorgprobleem(d, v.id):
        bezorgprobleem_opgelost(ctx, d.id, v.id)
    return True


def _versturen(
    ctx: Context,
    eenmalig: Eenmalig,
    gebeurtenis: Gebeurtenis,
    kanaal: str,
    verzendingen: Sequence[tuple[_Verzending, Doorverwijzing, Callable[[], None]]],
    poging: Poging,
) -> None:
    """Sends each message the event's record does not list as sent, listing it as it goes out (a retry sends
    only the rest); every one is tried before a failure is raised."""
    if not verzendingen:
        return
    sleutel = f"{gebeurtenis.id}#{kanaal}"
    al_verstuurd = eenmalig.beginnen(sleutel)
    te_doen = [(v, d, verstuur) for v, d, verstuur in verzendingen if v.idempotentiesleutel not in al_verstuurd]
    mislukt, vrij = 0, False
    for nummer, (v, d, verstuur) in enumerate(te_doen, 1):
        if _verstuur(ctx, d, v, verstuur, poging):
            vrij = nummer == len(te_doen)
            eenmalig.verstuurd(sleutel, v.idempotentiesleutel, laatste=vrij)
        else:
            mislukt += 1
    if not vrij:
        eenmalig.vrijgeven(sleutel)
    if mislukt:
        raise BezorgingMislukt(f"{mislukt} message(s) of event {gebeurtenis.id} not sent")


def _berichten(
    ctx: Context, gebeurtenis: Gebeurtenis, tabel: dict[Any, tuple[Bericht, ...]]
) -> Iterator[tuple[Bericht, Doorverwijzing, Organisatie, Schuldeiser | None]]:
    berichten = tabel.get(gebeurtenis.soort, ())
    if not berichten:
        return
    gelezen = _lezen(ctx, gebeurtenis)
    if gelezen is None:
        return
    d, organisatie, schuldeiser = gelezen
    for bericht in berichten:
        if not bericht.alleen_open or gebeurtenis.status in OPEN_STATUSSEN:
            yield bericht, d, organisatie, schuldeiser


@contextmanager
def _gebeurtenis(ctx: Context, gebeurtenis: Gebeurtenis, kanaal: str, poging: Poging) -> Iterator[None]:
    """Whatever fails before a message is sent (the referral or organisation cannot be read, a template
    fails) is logged with ids, and on the last delivery counted as failed for good as well."""
    try:
        yield
    except BezorgingMislukt:
        raise  # every message that failed is logged and counted on its own already
    except Exception as fout:
        ids = {"kanaal": kanaal, "gebeurtenis": gebeurtenis.soort.value, "gebeurtenis_id": gebeurtenis.id}
        logger.warning("event not handled", extra={**ids, "fout": type(fout).__name__, "poging": poging.nummer})
        if poging.laatste:
            ctx.metingen.tel("MeldingenMislukt")
            logger.error("event failed for good; replay the failure queue once the cause is fixed", extra=ids)
        raise


def emails(
    ctx: Context,
    gebeurtenis: Gebeurtenis,
    teksten: Teksten,
    verzender: EmailVerzender,
    eenmalig: Eenmalig,
    poging: Poging,
) -> None:
    """Sends the e-mails this event calls for, each once."""
    with _gebeurtenis(ctx, gebeurtenis, "email", poging):
        verzendingen = []
        for bericht, d, organisatie, schuldeiser in _berichten(ctx, gebeurtenis, EMAILS):
            onderwerp, tekst, html = teksten.email(bericht.template, gebeurtenis, d, organisatie)
            for volgnummer, adres in enumerate(_email_adressen(bericht, organisatie, schuldeiser)):
                email = Email(aan=(adres,), onderwerp=onderwerp, tekst=tekst, html=html)
                v = _Verzending(gebeurtenis, "email", bericht, volgnummer, adres)
                verzendingen.append((v, d, partial(verzender.verstuur, email)))
        _versturen(ctx, eenmalig, gebeurtenis, "email", verzendingen, poging)


def sms(
    ctx: Context,
    gebeurtenis: Gebeurtenis,
    teksten: Teksten,
    verzender: SmsVerzender,
    eenmalig: Eenmalig,
    poging: Poging,
) -> None:
    """Sends the SMS messages this event calls for, each once."""
    with _gebeurtenis(ctx, gebeurtenis, "sms", poging):
        verzendingen = []
        for bericht, d, organisatie, _ in _berichten(ctx, gebeurtenis, SMS):
            tekst = teksten.sms(bericht.template, gebeurtenis, d, organisatie)
            for volgnummer, nummer in enumerate(_sms_nummers(bericht, d, organisatie)):
                v = _Verzending(gebeurtenis, "sms", bericht, volgnummer, nummer)
                verzendingen.append((v, d, partial(verzender.verstuur, Sms(aan=nummer, tekst=tekst))))
        _versturen(ctx, eenmalig, gebeurtenis, "sms", verzendingen, poging)
