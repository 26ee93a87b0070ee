"""What the domain needs from the outside world, as Protocols. Only wiring.py picks the implementations."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from warmdoor.models.entities import ApiSleutel, Auditregel, Doorverwijzing, Organisatie, Routering, Schuldeiser
from warmdoor.models.enums import Status
from warmdoor.models.events import Gebeurtenis

if TYPE_CHECKING:
    # Only the user and webhook ports name them: most functions (timers, notifiers, the authorizer) load neither.
    from warmdoor.models.gebruikers import Gebruiker
    from warmdoor.models.webhooks import Bericht, Webhook


class Metingen(Protocol):
    def tel(self, naam: str, aantal: int = 1) -> None:
        """Counts a business metric (EMF in AWS), flushed when the invocation ends."""
        ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware."""
        ...


class Claimsoort(StrEnum):
    REFERENTIE = "REFERENTIE"
    IDEMPOTENTIESLEUTEL = "IDEMPOTENTIESLEUTEL"


@dataclass(frozen=True)
class Claim:
    """A creditor-scoped unique name (its reference, or an Idempotency-Key) bound to one referral, for
    good (None) or until `verlooptOp`."""

    soort: Claimsoort
    schuldeiserId: str
    waarde: str
    hash: str
    doorverwijzingId: str
    verlooptOp: datetime | None = None


class ClaimBestaat(Exception):
    def __init__(self, bestaande: Claim) -> None:
        super().__init__(bestaande.soort)
        self.bestaande = bestaande


class VersieConflict(Exception):
    """Somebody else changed the item between our read and our write."""


class OngeldigeCursor(Exception):
    pass


T = TypeVar("T")


@dataclass(frozen=True)
class Pagina(Generic[T]):
    items: Sequence[T]
    volgende: str | None


@dataclass(frozen=True)
class DoorverwijzingFilter:
    schuldeiserId: str | None = None
    organisatieId: str | None = None
    status: Status | None = None


class Repository(Protocol):
    def routering(self) -> Routering: ...

    def organisatie(self, organisatie_id: str) -> Organisatie | None: ...

    def organisaties(self, volgende: str | None, limiet: int) -> Pagina[Organisatie]: ...

    def organisatie_opslaan(self, organisatie: Organisatie, routering: Routering, vorige_versie: int) -> None:
        """Writes both at once; VersieConflict when the routing changed since it was read."""
        ...

    def schuldeiser(self, schuldeiser_id: str) -> Schuldeiser | None: ...

    def schuldeisers(self, volgende: str | None, limiet: int) -> Pagina[Schuldeiser]: ...

    def schuldeiser_opslaan(self, schuldeiser: Schuldeiser) -> None: ...

    def sleutel(self, sleutel_id: str) -> ApiSleutel | None: ...

    def sleutel_met_hash(self, sleutel_hash: str) -> ApiSleutel | None: ...

    def sleutels(self, volgende: str | None, limiet: int) -> Pagina[ApiSleutel]: ...

    def sleutel_opslaan(self, sleutel: ApiSleutel) -> None: ...

    def sleutel_intrekken(self, sleutel: ApiSleutel) -> None:
        """Stores the revoked key and makes its hash unusable at once."""
        ...

    def intake_gegevens(
        self, schuldeiser_id: str, claims: Sequence[tuple[Claimsoort, str]]
    ) -> tuple[Schuldeiser | None, Routering, list[Claim | None]]:
        """What intake reads before it decides, in one request: the creditor, the routing, and the creditor's
        claims of these kinds and values, as stored (in the order asked)."""
        ...

    def doorverwijzing_aanmelden(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        claims: Sequence[Claim],
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Auditregel,
    ) -> None:
        """Writes the referral, its claims and its events in one transaction; `timer` is when its first
        timer is due (the daily sweep finds it by that).

        Raises ClaimBestaat if a claim is taken: stored and not expired at the referral's `aangemeldOp`.
        """
        ...

    def doorverwijzing(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        """The referral, with its personal data as long as they are stored."""
        ...

    def doorverwijzing_zonder_persoonsgegevens(self, doorverwijzing_id: str) -> Doorverwijzing | None: ...

    def doorverwijzing_met_partijen(
        self, doorverwijzing_id: str, organisatie_id: str, schuldeiser_id: str
    ) -> tuple[Doorverwijzing | None, Organisatie | None, Schuldeiser | None]:
        """The referral (with its personal data as long as they are stored), its organisation and its creditor,
        in one request."""
        ...

    def doorverwijzingen(
        self, filter: DoorverwijzingFilter, volgende: str | None, limiet: int, met_persoonsgegevens: bool
    ) -> Pagina[Doorverwijzing]: ...

    def open_doorverwijzingen(self, organisatie_id: str) -> list[Doorverwijzing]:
        """All of the organisation's referrals that are neither closed nor withdrawn (its work queue), in no
        particular order, without personal data."""
        ...

    def met_persoonsgegevens(self, doorverwijzingen: Sequence[Doorverwijzing]) -> list[Doorverwijzing]:
        """The same referrals, in the same order, with their personal data where these still exist."""
        ...

    def pogingen_tellen(self, sleutel: str, venster_einde: datetime) -> int:
        """Counts one more attempt of `sleutel` (e.g. signing in as one user) in the window that ends at
        `venster_einde`, and returns how many there were in that window, this one included."""
        ...

    def aangemeld_tussen(
        self, filter: DoorverwijzingFilter, begin: datetime, einde: datetime
    ) -> Iterator[Doorverwijzing]:
        """Referrals registered at or after `begin` and before `einde` (the filter's status is ignored),
        without personal data."""
        ...

    def met_verlopen_timer(self, nu: datetime) -> Iterator[str]:
        """Ids of referrals with a timer due at or before `nu` that has not done its work."""
        ...

    def audit_vastleggen(self, regels: Sequence[Auditregel]) -> None: ...

    def auditregels(self, doorverwijzing_id: str, volgende: str | None, limiet: int) -> Pagina[Auditregel]: ...

    def doorverwijzing_bijwerken(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Sequence[Auditregel],
    ) -> None:
        """Writes the new state, its first timer and its events at once, if the stored version is the one
        before it.

        Raises VersieConflict otherwise.
        """
        ...


@dataclass(frozen=True)
class Email:
    aan: tuple[str, ...]
    onderwerp: str
    tekst: str
    html: str


@dataclass(frozen=True)
class Sms:
    aan: str
    tekst: str


class PermanenteBezorgfout(Exception):
    """The provider refused this message for good (a bad address or number): retrying will not help."""


class BezorgingNietIngericht(Exception):
    """The provider cannot send yet: identity not verified, a sandbox recipient, sending paused. The message
    is retried (and replayable) like any failure, and an operator is alarmed: this one needs a person."""


class EmailVerzender(Protocol):
    def verstuur(self, email: Email) -> None:
        """Sends; PermanenteBezorgfout for a refusal, BezorgingNietIngericht while SES is not set up,
        any other exception for what a retry may fix."""
        ...


class SmsVerzender(Protocol):
    def verstuur(self, sms: Sms) -> None:
        """Sends; PermanenteBezorgfout for a refusal, any other exception for what a retry may fix."""
        ...


class Teksten(Protocol):
    """The texts of a message: from this event's facts, about this referral, for this organisation."""

    def email(self, template: str, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> tuple[str, str, str]:
        """(subject, plain text, HTML)."""
        ...

    def sms(self, template: str, g: Gebeurtenis, d: Doorverwijzing, organisatie: Organisatie) -> str: ...


class EenmaligBezig(Exception):
    """Another invocation is sending this event's messages right now."""


class Eenmalig(Protocol):
    """Each message once, ever, with one record per event and channel that lists the messages sent."""

    def beginnen(self, sleutel: str) -> frozenset[str]:
        """Takes the record `sleutel` for this invocation (until it is freed, or for longer than a function
        may run); returns the messages it lists as sent. Raises EenmaligBezig while another holds it."""
        ...

    def verstuurd(self, sleutel: str, bericht: str, laatste: bool) -> None:
        """Lists `bericht` as sent; `laatste`: this invocation is done with the record and frees it."""
        ...

    def vrijgeven(self, sleutel: str) -> None:
        """Frees the record without listing anything (a message failed, or none was left to send)."""
        ...


class Gebruiksplan(Protocol):
    """Gives each API key its own request allowance (per-client throttling)."""

    def toevoegen(self, sleutel_id: str) -> None: ...

    def verwijderen(self, sleutel_id: str) -> None: ...


class TimerPlanner(Protocol):
    def plan(self, naam: str, moment: datetime, invoer: dict[str, str]) -> None:
        """Creates or moves the one-time schedule `naam`."""
        ...

    def verwijder(self, naam: str) -> None:
        """Removes the schedule if it exists."""
        ...


class GebruikerBestaat(Exception):
    """The user pool already has an account with this username (e-mail address)."""


class GebruikerOnbekend(Exception):
    """No account has this id."""


class Gebruikers(Protocol):
    """The accounts of the people who sign in to the pages (the user pool), addressed by their id (`sub`)."""

    def uitnodigen(self, email: str, naam: str, groepen: Sequence[str]) -> "Gebruiker":
        """Creates the account (username: the e-mail address) in these groups (`rolgroepen`), each made when
        it is missing; the pool e-mails the invitation with a temporary password. GebruikerBestaat when the
        address has an account already."""
        ...

    def gebruiker(self, sub: str) -> "Gebruiker | None": ...

    def gebruikers(self, groep: str | None, volgende: str | None, limiet: int) -> "Pagina[Gebruiker]":
        """One page of the accounts (of one group, such as an organisation's, or all); OngeldigeCursor for a
        cursor it never gave."""
        ...

    def medewerkers(self, organisatie_id: str) -> "list[Gebruiker]":
        """Every account of the organisation that may sign in (for assigning a referral), by name."""
        ...

    def uitschakelen(self, sub: str) -> "Gebruiker":
        """The account can no longer sign in (its refresh tokens stop working); GebruikerOnbekend."""
        ...

    def inschakelen(self, sub: str) -> "Gebruiker":
        """The account may sign in again; GebruikerOnbekend."""
        ...


class WebhookOpslag(Protocol):
    """The subscriptions and their messages (in the table, like everything else)."""

    def webhook(self, webhook_id: str) -> "Webhook | None": ...

    def webhooks_van(self, rol: str, eigenaar_id: str) -> "list[Webhook]":
        """Every subscription of one creditor or organisation."""
        ...

    def webhooks(self, volgende: str | None, limiet: int) -> "Pagina[Webhook]":
        """One page of all subscriptions (the operator's list)."""
        ...

    def webhook_opslaan(self, webhook: "Webhook", nieuw: bool) -> None:
        """Creates (nieuw: it must not exist yet) or replaces the subscription."""
        ...

    def webhook_storing(self, webhook_id: str, sinds: datetime | None) -> None:
        """Since when every attempt failed (None: one succeeded); nothing else of the webhook changes."""
        ...

    def webhook_uitschakelen(self, webhook_id: str, moment: datetime, reden: str) -> None:
        """Switched off by WarmDoor; nothing else of the webhook changes."""
        ...

    def doorverwijzing_zonder_persoonsgegevens(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        """The referral as its item without personal data holds it (all a webhook message may tell)."""
        ...

    def webhook_verwijderen(self, webhook_id: str) -> None: ...

    def bericht(self, webhook_id: str, bericht_id: str) -> "Bericht | None": ...

    def bericht_toevoegen(self, bericht: "Bericht") -> bool:
        """Stores a new message; False when it was stored already (the event came twice)."""
        ...

    def bericht_bijwerken(self, bericht: "Bericht", vorig: "Bericht") -> bool:
        """Replaces `vorig` by `bericht`; False when it changed meanwhile (another attempt got there first)."""
        ...

    def berichten(
        self, webhook_id: str, vanaf: datetime | None, volgende: str | None, limiet: int, nieuwste_eerst: bool = True
    ) -> "Pagina[Bericht]":
        """The delivery log: the endpoint's messages by event time (since `vanaf`), newest first unless not."""
        ...

    def openstaande_berichten(self, webhook_id: str, doorverwijzing_id: str) -> "list[Bericht]":
        """The messages about one referral to one endpoint that are not yet delivered or given up, oldest first."""
        ...


class Berichtwachtrij(Protocol):
    def plaats(self, berichten: Sequence[tuple[str, str]]) -> None:
        """Queues (webhook id, message id) pairs for sending now."""
        ...


@dataclass(frozen=True)
class Antwoord:
    """What one attempt got from the receiver."""

    status: int | None  # none without a whole HTTP answer in time (timeout, refused, cut off, address not allowed)
    duur_ms: int
    fout: str | None
    fragment: str  # the start of the receiver's answer, never more

    @property
    def geslaagd(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class WebhookPoster(Protocol):
    def post(self, url: str, bericht_id: str, inhoud: str, geheimen: Sequence[str]) -> Antwoord:
        """Checks the address again (DNS may have changed), then sends the message signed with each secret and
        stamped with the wall-clock moment of sending; what the receiver or the network does is the Antwoord
        (an address not allowed too), never an exception."""
        ...
