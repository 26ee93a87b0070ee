"""Notifications: what an event means for whom, sent once per event, channel and recipient."""

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from aws_lambda_powertools import Logger

from warmdoor.domain import bewaartermijn
from warmdoor.domain.levensloop import bezorgprobleem_opgelost, bezorgprobleem_vastleggen
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.weergave import uitkomst
from warmdoor.messages import catalogus, render
from warmdoor.messages.catalogus import Bericht, Ontvanger
from warmdoor.models.common import is_mobiel
from warmdoor.models.entities import Doorverwijzing, Organisatie, Schuldeiser
from warmdoor.models.enums import OPEN_STATUSSEN
from warmdoor.models.events import Gebeurtenis
from warmdoor.ports import (
    BezorgingNietIngericht,
    Eenmalig,
    Email,
    EmailVerzender,
    PermanenteBezorgfout,
    Sms,
    SmsVerzender,
)

logger = Logger(child=True)

_UITKOMSTEN = {
    "niet_opgepakt_herhaalde_melding": "niet opgepakt: dezelfde achterstand is kort geleden al gemeld",
    "niet_opgepakt_onterecht_signaal": "niet opgepakt: het signaal voldeed niet aan de voorwaarden",
    "overleden": "de klant is overleden",
    "geen_inwoner": "de klant woont (niet meer) in de gemeente",
    "niet_opgepakt": "niet opgepakt",
    "hulp_loopt_al": "de klant krijgt al hulp",
    "geen_contact": "er kon geen contact worden gelegd",
    "geen_hulp_gewenst": "de klant wil geen hulp",
    "opgelost": "de achterstand is opgelost of er is een regeling",
    "vervolghulp": "de klant krijgt vervolghulp",
}

_REDENEN = {"betaald": "de klant heeft betaald", "onterecht": "de doorverwijzing was onterecht", "overig": "overig"}

# How often a notifier's queue hands it an event before moving it to the failure queue (maxReceiveCount in
# template.yaml). A message that failed this often waits for a replay.
POGINGEN = 6


class BezorgingMislukt(Exception):
    """One or more messages of an event could not be sent now; the event must be tried again."""


def _context(omg: Omgeving, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> dict[str, Any]:
    """What a template may use: `g`, the facts of this event; `d`, the referral for who it is about and
    the personal data (while they are kept)."""
    gemeente = next((gm.naam for gm in organisatie.gemeenten if gm.code == d.gemeentecode), d.gemeentecode)
    client, adres = d.client, d.adres
    basis = omg.settings.public_base_url
    return {
        "g": g,
        "d": d,
        "organisatie": organisatie,
        "gemeente": gemeente,
        "naam": " ".join(filter(None, [client.voornaam or client.voorletters, client.voorvoegsel, client.achternaam]))
        if client
        else "",
        "adres": f"{adres.straatnaam} {adres.huisnummer}{adres.huisnummertoevoeging or ''}, "
        f"{adres.postcode[:4]} {adres.postcode[4:]} {adres.plaatsnaam}"
        if adres
        else "",
        "link": f"{basis}/doorverwijzingen/{d.id}" if basis else None,
        # A message sent after the retention period (a replayed event) has no personal data to give.
        "zonder_persoonsgegevens": organisatie.emailZonderPersoonsgegevens or client is None,
        "termijn_dagen": omg.settings.contact_termijn_dagen,
        "reden": _REDENEN.get(g.intrekkingReden, "") if g.intrekkingReden else "",
        "terugkoppeling": _UITKOMSTEN[uitkomst(g.eindresultaat)] if g.eindresultaat else "",
    }


def _partijen(omg: Omgeving, d: Doorverwijzing) -> tuple[Organisatie, Schuldeiser | None]:
    organisatie = omg.repo.organisatie(d.organisatieId)
    if organisatie is None:
        raise LookupError(f"organisation {d.organisatieId} of referral {d.id} is gone")
    return organisatie, omg.repo.schuldeiser(d.schuldeiserId)


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
    def sleutel(self) -> str:
        # The address is hashed: the idempotency records must hold no personal data.
        adres_hash = hashlib.sha256(self.adres.encode()).hexdigest()[:16]
        g, b = self.gebeurtenis, self.bericht
        return f"{g.id}#{self.kanaal}#{b.template}#{b.ontvanger}#{adres_hash}"

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


def _niet_verstuurd(omg: Omgeving, v: _Verzending, poging: Poging, fout: str, code: str | None = None) -> None:
    """A message that did not go out now: logged with ids and the error's type only (an error's text may
    quote the message), and on the last delivery counted, logged as such and listed on the referral."""
    logger.warning("message not sent", extra={**v.log(), "fout": fout, "code": code, "poging": poging.nummer})
    if poging.laatste:
        omg.metingen.tel("MeldingenMislukt")
        logger.error("message failed for good; replay the failure queue once the cause is fixed", extra=v.log())
        bezorgprobleem_vastleggen(omg, v.gebeurtenis, v.kanaal, v.bericht.ontvanger.value, v.id, "mislukt")


def _verstuur(
    omg: Omgeving,
    eenmalig: Eenmalig,
    d: Doorverwijzing,
    v: _Verzending,
    verstuur: Callable[[], None],
    poging: Poging,
) -> bool:
    """Sends once; False when it did not go out now and the event must come again."""
    omg.metingen.tel(f"{v.kanaal.capitalize()}Verwerkt")
    if not poging.tijd_over():
        _niet_verstuurd(omg, v, poging, "GeenTijdMeer")
        return False

    def eenmaal() -> None:
        try:
            verstuur()
        except PermanenteBezorgfout:
            # Recorded and reported, not retried: a wrong address will not become right.
            omg.metingen.tel("MeldingenGeweigerd")
            logger.warning("message refused for good", extra=v.log())
            bezorgprobleem_vastleggen(omg, v.gebeurtenis, v.kanaal, v.bericht.ontvanger.value, v.id, "geweigerd")

    try:
        eenmalig.uitvoeren(v.sleutel, eenmaal)
    except BezorgingNietIngericht as fout:
        omg.metingen.tel("BezorgingNietIngericht")  # its own alarm: the provider is not set up yet
        _niet_verstuurd(omg, v, poging, type(fout).__name__, code=str(fout))
        return False
    except Exception as fout:
        _niet_verstuurd(omg, v, poging, type(fout).__name__)
        return False
    if any(p.bericht == v.id and p.reden == "mislukt" and p.opgelostOp is None for p in d.bezorgproblemen):
        bezorgprobleem_opgelost(omg, d.id, v.id)
    return True


def _berichten(
    omg: Omgeving, gebeurtenis: Gebeurtenis, tabel: dict[Any, tuple[Bericht, ...]]
) -> Iterator[tuple[Bericht, Doorverwijzing, Organisatie, Schuldeiser | None]]:
    berichten = tabel.get(gebeurtenis.soort, ())
    if not berichten:
        return
    d = bewaartermijn.lees(omg, gebeurtenis.doorverwijzingId)
    if d is None:
        logger.warning("referral of event is gone", extra={"doorverwijzing_id": gebeurtenis.doorverwijzingId})
        return
    organisatie, schuldeiser = _partijen(omg, d)
    for bericht in berichten:
        if not bericht.alleen_open or gebeurtenis.status in OPEN_STATUSSEN:
            yield bericht, d, organisatie, schuldeiser


@contextmanager
def _gebeurtenis(omg: Omgeving, gebeurtenis: Gebeurtenis, kanaal: str, poging: Poging) -> Iterator[None]:
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
            omg.metingen.tel("MeldingenMislukt")
            logger.error("event failed for good; replay the failure queue once the cause is fixed", extra=ids)
        raise


def _afgerond(gebeurtenis: Gebeurtenis, mislukt: int) -> None:
    if mislukt:
        raise BezorgingMislukt(f"{mislukt} message(s) of event {gebeurtenis.id} not sent")


def emails(
    omg: Omgeving, gebeurtenis: Gebeurtenis, verzender: EmailVerzender, eenmalig: Eenmalig, poging: Poging
) -> None:
    """Sends the e-mails this event calls for, each once; every one is tried before a failure is raised."""
    with _gebeurtenis(omg, gebeurtenis, "email", poging):
        mislukt = 0
        for bericht, d, organisatie, schuldeiser in _berichten(omg, gebeurtenis, catalogus.EMAILS):
            onderwerp, tekst, html = render.email(bericht.template, _context(omg, gebeurtenis, d, organisatie))
            for volgnummer, adres in enumerate(_email_adressen(bericht, organisatie, schuldeiser)):
                email = Email(aan=(adres,), onderwerp=onderwerp, tekst=tekst, html=html)
                v = _Verzending(gebeurtenis, "email", bericht, volgnummer, adres)
                mislukt += not _verstuur(omg, eenmalig, d, v, partial(verzender.verstuur, email), poging)
        _afgerond(gebeurtenis, mislukt)


def sms(omg: Omgeving, gebeurtenis: Gebeurtenis, verzender: SmsVerzender, eenmalig: Eenmalig, poging: Poging) -> None:
    """Sends the SMS messages this event calls for, each once; every one is tried before a failure is raised."""
    with _gebeurtenis(omg, gebeurtenis, "sms", poging):
        mislukt = 0
        for bericht, d, organisatie, _ in _berichten(omg, gebeurtenis, catalogus.SMS):
            tekst = render.sms(bericht.template, _context(omg, gebeurtenis, d, organisatie))
            for volgnummer, nummer in enumerate(_sms_nummers(bericht, d, organisatie)):
                v = _Verzending(gebeurtenis, "sms", bericht, volgnummer, nummer)
                bericht_sms = Sms(aan=nummer, tekst=tekst)
                mislukt += not _verstuur(omg, eenmalig, d, v, partial(verzender.verstuur, bericht_sms), poging)
        _afgerond(gebeurtenis, mislukt)
