"""In-memory stand-ins for the ports (ports.py), so that the domain's rules run in tests without AWS.

They keep the promises the domain relies on: conditional writes on a version, claims that are taken once,
pages with cursors that belong to their list, events and audit lines written with the change.
"""

import base64
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from warmdoor.models.entities import ApiSleutel, Auditregel, Doorverwijzing, Organisatie, Routering, Schuldeiser
from warmdoor.models.enums import OPEN_STATUSSEN
from warmdoor.models.events import Gebeurtenis
from warmdoor.ports import (
    Claim,
    ClaimBestaat,
    Claimsoort,
    DoorverwijzingFilter,
    EenmaligBezig,
    Email,
    OngeldigeCursor,
    Pagina,
    PermanenteBezorgfout,
    Sms,
    VersieConflict,
)

T = TypeVar("T")


def _pagina(lijst: str, items: Sequence[T], volgende: str | None, limiet: int) -> Pagina[T]:
    """A page of a list; the cursor names the list, so a cursor of another list is refused."""
    begin = 0
    if volgende is not None:
        try:
            naam, positie = json.loads(base64.urlsafe_b64decode(volgende.encode()))
        except ValueError as fout:
            raise OngeldigeCursor from fout
        if naam != lijst or not isinstance(positie, int):
            raise OngeldigeCursor
        begin = positie
    einde = begin + limiet
    cursor = base64.urlsafe_b64encode(json.dumps([lijst, einde]).encode()).decode() if einde < len(items) else None
    return Pagina(list(items[begin:einde]), cursor)


@dataclass
class Klok:
    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def verder(self, tijd: timedelta) -> None:
        self.moment += tijd


@dataclass
class Metingen:
    geteld: Counter[str] = field(default_factory=Counter)

    def tel(self, naam: str, aantal: int = 1) -> None:
        self.geteld[naam] += aantal


@dataclass
class GeheugenRepository:
    routering_: Routering = field(default_factory=Routering)
    organisaties_: dict[str, Organisatie] = field(default_factory=dict)
    schuldeisers_: dict[str, Schuldeiser] = field(default_factory=dict)
    sleutels_: dict[str, ApiSleutel] = field(default_factory=dict)
    hashes: dict[str, ApiSleutel] = field(default_factory=dict)
    claims: dict[tuple[Claimsoort, str, str], Claim] = field(default_factory=dict)
    doorverwijzingen_: dict[str, Doorverwijzing] = field(default_factory=dict)
    timers: dict[str, datetime | None] = field(default_factory=dict)
    pogingen: dict[tuple[str, datetime], int] = field(default_factory=dict)
    gebeurtenissen: list[Gebeurtenis] = field(default_factory=list)
    audit: list[Auditregel] = field(default_factory=list)
    # Called before a write of a referral: a test makes another writer win the race there.
    voor_schrijven: Callable[[], None] = lambda: None

    def routering(self) -> Routering:
        return self.routering_

    def organisatie(self, organisatie_id: str) -> Organisatie | None:
        return self.organisaties_.get(organisatie_id)

    def organisaties(self, volgende: str | None, limiet: int) -> Pagina[Organisatie]:
        return _pagina("organisaties", sorted(self.organisaties_.values(), key=lambda o: o.id), volgende, limiet)

    def organisatie_opslaan(self, organisatie: Organisatie, routering: Routering, vorige_versie: int) -> None:
        if self.routering_.versie != vorige_versie:
            raise VersieConflict
        self.organisaties_[organisatie.id] = organisatie
        self.routering_ = routering

    def schuldeiser(self, schuldeiser_id: str) -> Schuldeiser | None:
        return self.schuldeisers_.get(schuldeiser_id)

    def schuldeisers(self, volgende: str | None, limiet: int) -> Pagina[Schuldeiser]:
        return _pagina("schuldeisers", sorted(self.schuldeisers_.values(), key=lambda s: s.id), volgende, limiet)

    def schuldeiser_opslaan(self, schuldeiser: Schuldeiser) -> None:
        self.schuldeisers_[schuldeiser.id] = schuldeiser

    def sleutel(self, sleutel_id: str) -> ApiSleutel | None:
        return self.sleutels_.get(sleutel_id)

    def sleutel_met_hash(self, sleutel_hash: str) -> ApiSleutel | None:
        return self.hashes.get(sleutel_hash)

    def sleutels(self, volgende: str | None, limiet: int) -> Pagina[ApiSleutel]:
        alle = sorted(self.sleutels_.values(), key=lambda k: (k.aangemaaktOp, k.id))
        return _pagina("sleutels", alle, volgende, limiet)

    def sleutel_opslaan(self, sleutel: ApiSleutel) -> None:
        self.sleutels_[sleutel.id] = sleutel
        self.hashes[sleutel.hash] = sleutel

    def sleutel_intrekken(self, sleutel: ApiSleutel) -> None:
        self.sleutels_[sleutel.id] = sleutel
        self.hashes.pop(sleutel.hash, None)

    def intake_gegevens(
        self, schuldeiser_id: str, claims: Sequence[tuple[Claimsoort, str]]
    ) -> tuple[Schuldeiser | None, Routering, list[Claim | None]]:
        gevonden = [self.claims.get((soort, schuldeiser_id, waarde)) for soort, waarde in claims]
        return self.schuldeiser(schuldeiser_id), self.routering(), gevonden

    def doorverwijzing_aanmelden(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        claims: Sequence[Claim],
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Auditregel,
    ) -> None:
        for claim in claims:
            bestaande = self.claims.get((claim.soort, claim.schuldeiserId, claim.waarde))
            if bestaande and (bestaande.verlooptOp is None or bestaande.verlooptOp > doorverwijzing.aangemeldOp):
                raise ClaimBestaat(bestaande)
        for claim in claims:
            self.claims[(claim.soort, claim.schuldeiserId, claim.waarde)] = claim
        self.doorverwijzingen_[doorverwijzing.id] = doorverwijzing
        self.timers[doorverwijzing.id] = timer
        self.gebeurtenissen += gebeurtenissen
        self.audit.append(audit)

    def doorverwijzing(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        return self.doorverwijzingen_.get(doorverwijzing_id)

    def doorverwijzing_zonder_persoonsgegevens(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        d = self.doorverwijzing(doorverwijzing_id)
        return d.zonder_persoonsgegevens() if d else None

    def doorverwijzing_met_partijen(
        self, doorverwijzing_id: str, organisatie_id: str, schuldeiser_id: str
    ) -> tuple[Doorverwijzing | None, Organisatie | None, Schuldeiser | None]:
        return (
            self.doorverwijzing(doorverwijzing_id),
            self.organisatie(organisatie_id),
            self.schuldeiser(schuldeiser_id),
        )

    def _gefilterd(self, filter: DoorverwijzingFilter) -> list[Doorverwijzing]:
        return [
            d
            for d in self.doorverwijzingen_.values()
            if filter.schuldeiserId in (None, d.schuldeiserId) and filter.organisatieId in (None, d.organisatieId)
        ]

    def open_doorverwijzingen(self, organisatie_id: str) -> list[Doorverwijzing]:
        gefilterd = self._gefilterd(DoorverwijzingFilter(organisatieId=organisatie_id))
        return [d.zonder_persoonsgegevens() for d in gefilterd if d.status in OPEN_STATUSSEN]

    def met_persoonsgegevens(self, doorverwijzingen: Sequence[Doorverwijzing]) -> list[Doorverwijzing]:
        return [self.doorverwijzingen_.get(d.id, d) for d in doorverwijzingen]

    def pogingen_tellen(self, sleutel: str, venster_einde: datetime) -> int:
        self.pogingen[sleutel, venster_einde] = self.pogingen.get((sleutel, venster_einde), 0) + 1
        return self.pogingen[sleutel, venster_einde]

    def doorverwijzingen(
        self, filter: DoorverwijzingFilter, volgende: str | None, limiet: int, met_persoonsgegevens: bool
    ) -> Pagina[Doorverwijzing]:
        alle = sorted(self._gefilterd(filter), key=lambda d: (d.aangemeldOp, d.id), reverse=True)
        alle = [d for d in alle if filter.status in (None, d.status)]
        pagina = _pagina(f"doorverwijzingen{filter}", alle, volgende, limiet)
        items = pagina.items if met_persoonsgegevens else [d.zonder_persoonsgegevens() for d in pagina.items]
        return Pagina(items, pagina.volgende)

    def aangemeld_tussen(
        self, filter: DoorverwijzingFilter, begin: datetime, einde: datetime
    ) -> Iterator[Doorverwijzing]:
        for d in self._gefilterd(filter):
            if begin <= d.aangemeldOp < einde:
                yield d.zonder_persoonsgegevens()

    def met_verlopen_timer(self, nu: datetime) -> Iterator[str]:
        return iter([d_id for d_id, moment in self.timers.items() if moment is not None and moment <= nu])

    def audit_vastleggen(self, regels: Sequence[Auditregel]) -> None:
        self.audit += regels

    def auditregels(self, doorverwijzing_id: str, volgende: str | None, limiet: int) -> Pagina[Auditregel]:
        regels = [r for r in self.audit if r.doorverwijzingId == doorverwijzing_id]
        return _pagina(f"audit{doorverwijzing_id}", regels, volgende, limiet)

    def doorverwijzing_bijwerken(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Sequence[Auditregel],
    ) -> None:
        self.voor_schrijven()
        huidig = self.doorverwijzingen_.get(doorverwijzing.id)
        if huidig is None or huidig.versie != doorverwijzing.versie - 1:
            raise VersieConflict
        self.doorverwijzingen_[doorverwijzing.id] = doorverwijzing
        self.timers[doorverwijzing.id] = timer
        self.gebeurtenissen += gebeurtenissen
        self.audit += audit


@dataclass
class Verzender:
    """Sends e-mail or SMS into a list; `fout` is raised instead, for as many sends as `fouten` says."""

    verzonden: list[Email | Sms] = field(default_factory=list)
    fout: Exception | None = None
    fouten: int = 0

    def verstuur(self, bericht: Email | Sms) -> None:
        if self.fout is not None and self.fouten:
            self.fouten -= 1
            raise self.fout
        self.verzonden.append(bericht)


def geweigerd() -> PermanenteBezorgfout:
    return PermanenteBezorgfout("BadRequestException")


@dataclass
class Eenmalig:
    """The records in memory: per key, the messages sent, and whether an invocation holds it."""

    verstuurd_: dict[str, set[str]] = field(default_factory=dict)
    bezig: set[str] = field(default_factory=set)

    def beginnen(self, sleutel: str) -> frozenset[str]:
        if sleutel in self.bezig:
            raise EenmaligBezig(sleutel)
        self.bezig.add(sleutel)
        return frozenset(self.verstuurd_.get(sleutel, set()))

    def verstuurd(self, sleutel: str, bericht: str, laatste: bool) -> None:
        self.verstuurd_.setdefault(sleutel, set()).add(bericht)
        if laatste:
            self.bezig.discard(sleutel)

    def vrijgeven(self, sleutel: str) -> None:
        self.bezig.discard(sleutel)


@dataclass
class Planner:
    schedules: dict[str, tuple[datetime, dict[str, str]]] = field(default_factory=dict)

    def plan(self, naam: str, moment: datetime, invoer: dict[str, str]) -> None:
        self.schedules[naam] = (moment, invoer)

    def verwijder(self, naam: str) -> None:
        self.schedules.pop(naam, None)


@dataclass
class Gebruiksplan:
    sleutels: set[str] = field(default_factory=set)

    def toevoegen(self, sleutel_id: str) -> None:
        self.sleutels.add(sleutel_id)

    def verwijderen(self, sleutel_id: str) -> None:
        self.sleutels.discard(sleutel_id)
