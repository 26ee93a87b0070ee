"""The Dutch texts of every message, from the event's facts and the referral (the domain's Teksten port)."""

from typing import Any

from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.messages import render
from warmdoor.models.entities import Doorverwijzing, Organisatie
from warmdoor.models.events import Gebeurtenis

_UITKOMSTEN = {
    "niet_opgepakt_herhaalde_melding": "niet opgepakt: dezelfde achterstand is kort geleden al gemeld",
    "niet_opgepakt_onterecht_signaal": "niet opgepakt: het signaal voldeed niet aan de voorwaarden",
    "overleden": "de klant is overleden",
    "geen_inwoner": "de klant woont (niet meer) in de gemeente",
    "niet_opgepakt": "niet opgepakt",
    "hulp_loopt_al": "de klant krijgt al hulp",
    "geen_contact": "er kon geen contact worden gelegd",
    "geen_reactie": "de klant reageerde niet meer na het eerste contact",
    "geen_hulp_gewenst": "de klant wil geen hulp",
    "opgelost": "de achterstand is opgelost of er is een regeling",
    "vervolghulp": "de klant krijgt vervolghulp",
}

_REDENEN = {"betaald": "de klant heeft betaald", "onterecht": "de doorverwijzing was onterecht", "overig": "overig"}


class JinjaTeksten:
    def __init__(self, basis_url: str | None) -> None:
        """`basis_url`: the caseworkers' pages (WebBaseUrl); the e-mails link to the referral's page there."""
        self._basis_url = basis_url

    def _context(self, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> dict[str, Any]:
        """What a template may use: `g`, the facts of this event; `d`, the referral for who it is about and
        the personal data (while they are kept)."""
        gemeente = next((gm.naam for gm in organisatie.gemeenten if gm.code == d.gemeentecode), d.gemeentecode)
        client, adres = d.client, d.adres
        naam = [client.voornaam or client.voorletters, client.voorvoegsel, client.achternaam] if client else []
        return {
            "g": g,
            "d": d,
            "organisatie": organisatie,
            "gemeente": gemeente,
            "naam": " ".join(filter(None, naam)),
            "adres": f"{adres.straatnaam} {adres.huisnummer}{adres.huisnummertoevoeging or ''}, "
            f"{adres.postcode[:4]} {adres.postcode[4:]} {adres.plaatsnaam}"
            if adres
            else "",
            "link": f"{self._basis_url}/doorverwijzingen/{d.id}" if self._basis_url else None,
            # A message sent after the retention period (a replayed event) has no personal data to give.
            "zonder_persoonsgegevens": organisatie.emailZonderPersoonsgegevens or client is None,
            "reden": _REDENEN.get(g.intrekkingReden, "") if g.intrekkingReden else "",
            "terugkoppeling": _UITKOMSTEN[uitkomst(g.eindresultaat)] if g.eindresultaat else "",
        }

    def email(self, template: str, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> tuple[str, str, str]:
        return render.email(template, self._context(g, d, organisatie))

    def sms(self, template: str, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> str:
        return render.sms(template, self._context(g, d, organisatie))
