"""Notifications: what an event means for whom, sent once per event, channel and recipient."""

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from aws_lambda_powertools import Logger

from warmdoor.domain import bewaartermijn
from warmdoor.domain.levensloop import bezorgprobleem_vastleggen
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.weergave import terugkoppeling
from warmdoor.messages import catalogus, render
from warmdoor.messages.catalogus import Bericht, Ontvanger
from warmdoor.models.common import is_mobiel
from warmdoor.models.entities import Doorverwijzing, Organisatie, Schuldeiser
from warmdoor.models.enums import OPEN_STATUSSEN
from warmdoor.models.events import Gebeurtenis
from warmdoor.ports import Eenmalig, Email, EmailVerzender, PermanenteBezorgfout, Sms, SmsVerzender

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


def _context(omg: Omgeving, d: Doorverwijzing, organisatie: Organisatie) -> dict[str, Any]:
    gemeente = next((g.naam for g in organisatie.gemeenten if g.code == d.gemeentecode), d.gemeentecode)
    client, adres = d.client, d.adres
    basis = omg.settings.public_base_url
    return {
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
        "reden": _REDENEN.get(d.intrekking.reden, "") if d.intrekking else "",
        "terugkoppeling": _UITKOMSTEN[uitkomst.uitkomst] if (uitkomst := terugkoppeling(d)) else "",
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


def _sleutel(gebeurtenis: Gebeurtenis, kanaal: str, bericht: Bericht, adres: str) -> str:
    # The address is hashed: the idempotency records must hold no personal data.
    adres_hash = hashlib.sha256(adres.encode()).hexdigest()[:16]
    return f"{gebeurtenis.id}#{kanaal}#{bericht.template}#{bericht.ontvanger}#{adres_hash}"


def _verstuur(
    omg: Omgeving,
    eenmalig: Eenmalig,
    gebeurtenis: Gebeurtenis,
    kanaal: Literal["email", "sms"],
    bericht: Bericht,
    sleutel: str,
    verstuur: Callable[[], None],
) -> bool:
    """True when the provider refused the message for good."""
    geweigerd = False

    def eenmaal() -> None:
        nonlocal geweigerd
        try:
            verstuur()
        except PermanenteBezorgfout:
            geweigerd = True
            # Recorded and reported, not retried: a wrong address will not become right.
            logger.warning(
                "message refused for good",
                extra={
                    "kanaal": kanaal,
                    "ontvanger": bericht.ontvanger.value,
                    "gebeurtenis": gebeurtenis.soort.value,
                    "doorverwijzing_id": gebeurtenis.doorverwijzingId,
                },
            )
            bezorgprobleem_vastleggen(omg, gebeurtenis, kanaal, bericht.ontvanger.value)

    eenmalig.uitvoeren(sleutel, eenmaal)
    return geweigerd


@dataclass
class Uitkomst:
    """How many messages the event called for, and how many of those the provider refused for good."""

    berichten: int = 0
    geweigerd: int = 0


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
        if not bericht.alleen_open or d.status in OPEN_STATUSSEN:
            yield bericht, d, organisatie, schuldeiser


def emails(omg: Omgeving, gebeurtenis: Gebeurtenis, verzender: EmailVerzender, eenmalig: Eenmalig) -> Uitkomst:
    """Sends the e-mails this event calls for, each once."""
    uitkomst = Uitkomst()
    for bericht, d, organisatie, schuldeiser in _berichten(omg, gebeurtenis, catalogus.EMAILS):
        onderwerp, tekst, html = render.email(bericht.template, _context(omg, d, organisatie))
        for adres in _email_adressen(bericht, organisatie, schuldeiser):
            email = Email(aan=(adres,), onderwerp=onderwerp, tekst=tekst, html=html)
            sleutel = _sleutel(gebeurtenis, "email", bericht, adres)
            verstuur = partial(verzender.verstuur, email)
            uitkomst.geweigerd += _verstuur(omg, eenmalig, gebeurtenis, "email", bericht, sleutel, verstuur)
            uitkomst.berichten += 1
    return uitkomst


def sms(omg: Omgeving, gebeurtenis: Gebeurtenis, verzender: SmsVerzender, eenmalig: Eenmalig) -> Uitkomst:
    """Sends the SMS messages this event calls for, each once."""
    uitkomst = Uitkomst()
    for bericht, d, organisatie, _ in _berichten(omg, gebeurtenis, catalogus.SMS):
        tekst = render.sms(bericht.template, _context(omg, d, organisatie))
        for nummer in _sms_nummers(bericht, d, organisatie):
            bericht_sms = Sms(aan=nummer, tekst=tekst)
            sleutel = _sleutel(gebeurtenis, "sms", bericht, nummer)
            verstuur = partial(verzender.verstuur, bericht_sms)
            uitkomst.geweigerd += _verstuur(omg, eenmalig, gebeurtenis, "sms", bericht, sleutel, verstuur)
            uitkomst.berichten += 1
    return uitkomst
