"""Delivering webhooks: from a domain event to a message per subscribed endpoint (the fan-out), and each
message's attempts: signed, at least once with the same id, retried with backoff and jitter for more than a
day, in order per referral and endpoint, and an endpoint that keeps failing switched off with its owner told.

Order: a message waits while an earlier message (by event time) about the same referral to the same endpoint
is not yet delivered or given up, and goes as soon as that one is. Messages about different referrals, and
to different endpoints, never wait for each other.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from aws_lambda_powertools import Logger

from warmdoor.domain import webhookberichten
from warmdoor.domain.context import Context
from warmdoor.domain.webhooks import geldige_geheimen
from warmdoor.models.entities import Doorverwijzing
from warmdoor.models.enums import Rol
from warmdoor.models.events import Gebeurtenis
from warmdoor.models.webhooks import Bericht, Berichtstatus, Poging, Webhook, Webhooksoort
from warmdoor.ports import Antwoord, Berichtwachtrij, TimerPlanner, WebhookOpslag, WebhookPoster

logger = Logger(child=True)

# The wait after each failed attempt of a round (Standard Webhooks' usual schedule, from a minute on: a
# one-time schedule fires within a minute). 8 attempts over about 27.5 hours.
WACHTTIJDEN = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=5),
    timedelta(hours=10),
    timedelta(hours=10),
)
# Each wait is up to 20% longer, so failed endpoints' retries do not come in waves (never shorter: the round
# lasts at least the 27.6 hours of the waits, more than the day the issue asks for).
JITTER = 0.2
# An attempt keeps this many attempts in its log (a message redelivered many times must not outgrow its item).
MAX_POGINGEN = 20


@dataclass(frozen=True)
class Bezorging:
    """What sending needs besides the store: the sender, the retry planner, the queue."""

    poster: WebhookPoster
    planner: TimerPlanner
    wachtrij: Berichtwachtrij
    uitschakelen_na: timedelta
    # Tells the owner that its endpoint was switched off (an e-mail).
    melden: Callable[[Webhook], None]
    willekeur: Callable[[float, float], float] = random.uniform


def verdelen(ctx: Context, opslag: WebhookOpslag, wachtrij: Berichtwachtrij, g: Gebeurtenis, api_url: str) -> int:
    """Stores a message for every active endpoint that wants this event and queues it; returns how many.
    An event that comes twice makes no second message (the id is the event's and the kind's). The referral
    is read only when someone subscribes (most events go to no endpoint)."""
    soorten = webhookberichten.SOORTEN.get(g.soort)
    if not soorten:
        return 0
    d: Doorverwijzing | None = None
    if g.schuldeiserId is None or g.organisatieId is None:
        d = _doorverwijzing(opslag, g)  # an event from before it named its parties
        if d is None:
            return 0
    eigenaren = {
        Rol.SCHULDEISER: g.schuldeiserId or (d.schuldeiserId if d else ""),
        Rol.ORGANISATIE: g.organisatieId or (d.organisatieId if d else ""),
    }
    abonnees = {rol: opslag.webhooks_van(rol, eigenaren[rol]) for rol in {rol for rol, _ in soorten}}
    if not any(_wil(w, soort) for rol, soort in soorten for w in abonnees[rol]):
        return 0
    d = d or _doorverwijzing(opslag, g)
    if d is None:
        return 0
    te_versturen: list[tuple[str, str]] = []
    for u in webhookberichten.uitgaand(g, d, api_url):
        for w in abonnees[u.rol]:
            if not _wil(w, u.soort):
                continue
            # While WarmDoor switched the endpoint off, its messages are kept (given up) for redelivery.
            status = Berichtstatus.WACHTRIJ if w.actief else Berichtstatus.OPGEGEVEN
            bericht = Bericht(
                id=u.id,
                webhookId=w.id,
                soort=u.soort,
                doorverwijzingId=d.id,
                tijdstip=g.tijdstip,
                inhoud=u.inhoud,
                status=status,
            )
            if status == Berichtstatus.OPGEGEVEN:
                opslag.bericht_toevoegen(bericht)
                continue
            if not opslag.bericht_toevoegen(bericht):
                bestaand = opslag.bericht(w.id, u.id)
                if bestaand is None or bestaand.status != Berichtstatus.WACHTRIJ:
                    continue  # sent or planned already
            te_versturen.append((w.id, u.id))
    wachtrij.plaats(te_versturen)
    return len(te_versturen)


def _wil(w: Webhook, soort: Webhooksoort) -> bool:
    """Whether the endpoint gets a message of this kind: switched on, or switched off by WarmDoor (kept)."""
    return soort in w.soorten and bool(w.actief or w.uitgeschakeldOp)


def _doorverwijzing(opslag: WebhookOpslag, g: Gebeurtenis) -> Doorverwijzing | None:
    d = opslag.doorverwijzing_zonder_persoonsgegevens(g.doorverwijzingId)
    if d is None:
        logger.warning("referral of event is gone", extra={"doorverwijzing_id": g.doorverwijzingId})
    return d


def wachttijd(poging: int, willekeur: Callable[[float, float], float] = random.uniform) -> timedelta | None:
    """How long after the `poging`-th failed attempt of a round the next one goes; None: the round is over."""
    if poging > len(WACHTTIJDEN):
        return None
    return WACHTTIJDEN[poging - 1] * willekeur(1, 1 + JITTER)


def _log(b: Bericht) -> dict[str, object]:
    return {"webhook_id": b.webhookId, "bericht_id": b.id, "soort": b.soort.value, "ronde": b.ronde}


def _volgende_in_reeks(opslag: WebhookOpslag, wachtrij: Berichtwachtrij, b: Bericht, opnieuw: bool = False) -> None:
    """After `b` is done: the earliest open message about the same referral goes now if it waited for it.
    `opnieuw`: `b` came again after it was done, perhaps because this release failed halfway: then a message
    left to go (but never queued) is queued as well (should it be on its way after all, it goes twice)."""
    openstaand = opslag.openstaande_berichten(b.webhookId, b.doorverwijzingId)
    eerste = min(openstaand, key=lambda o: (o.tijdstip, o.id), default=None)
    if eerste is None:
        return
    if eerste.status == Berichtstatus.WACHT:
        if not opslag.bericht_bijwerken(eerste.model_copy(update={"status": Berichtstatus.WACHTRIJ}), eerste):
            return  # another release got there first
    elif eerste.status != Berichtstatus.WACHTRIJ or not opnieuw:
        return
    wachtrij.plaats([(eerste.webhookId, eerste.id)])


def _eerder_open(opslag: WebhookOpslag, b: Bericht) -> bool:
    return any(
        (o.tijdstip, o.id) < (b.tijdstip, b.id) for o in opslag.openstaande_berichten(b.webhookId, b.doorverwijzingId)
    )


def _storing(ctx: Context, opslag: WebhookOpslag, bezorging: Bezorging, w: Webhook, nu: datetime) -> None:
    """Every attempt failed since `storingSinds`; after `uitschakelen_na` the endpoint is switched off."""
    if w.storingSinds is None:
        opslag.webhook_storing(w.id, nu)
        return
    if not w.actief or nu - w.storingSinds < bezorging.uitschakelen_na:
        return
    dagen = bezorging.uitschakelen_na.days
    reden = f"Elke poging mislukte sinds {w.storingSinds:%Y-%m-%d %H:%M} UTC ({dagen} dagen)"
    uit = w.model_copy(update={"actief": False, "uitgeschakeldOp": nu, "uitschakelreden": reden})
    # The owner is told first: should that fail, the next failed attempt switches it off and tells again.
    bezorging.melden(uit)
    opslag.webhook_uitschakelen(w.id, nu, reden)
    ctx.metingen.tel("WebhooksUitgeschakeld")
    logger.warning("webhook switched off after failing", extra={"webhook_id": w.id})


def versturen(ctx: Context, opslag: WebhookOpslag, bezorging: Bezorging, webhook_id: str, bericht_id: str) -> None:
    """One attempt of a message that is due (a duplicate or early call changes nothing)."""
    nu = ctx.klok.now()
    b = opslag.bericht(webhook_id, bericht_id)
    if b is None:
        return
    if b.status in (Berichtstatus.BEZORGD, Berichtstatus.OPGEGEVEN):
        # Again from the queue: the release that followed it may have failed halfway.
        _volgende_in_reeks(opslag, bezorging.wachtrij, b, opnieuw=True)
        return
    if b.status == Berichtstatus.WACHT:
        return
    if b.status == Berichtstatus.OPNIEUW and b.volgendePoging is not None and b.volgendePoging > nu:
        # Early (a duplicate, or a schedule that fired a moment before its time): planned again, never dropped.
        _plannen(bezorging, b, b.volgendePoging)
        return
    w = opslag.webhook(webhook_id)
    if w is None or not w.actief:
        if opslag.bericht_bijwerken(b.model_copy(update={"status": Berichtstatus.OPGEGEVEN}), b):
            _volgende_in_reeks(opslag, bezorging.wachtrij, b)
        return
    if _eerder_open(opslag, b):
        wacht = b.model_copy(update={"status": Berichtstatus.WACHT, "volgendePoging": None})
        # The earlier one may have finished between the look and the write: then nothing would wake this one.
        if opslag.bericht_bijwerken(wacht, b) and not _eerder_open(opslag, wacht):
            _volgende_in_reeks(opslag, bezorging.wachtrij, wacht)
        return
    antwoord = bezorging.poster.post(w.url, b.id, b.inhoud, geldige_geheimen(w, nu))
    _vastleggen(ctx, opslag, bezorging, w, b, antwoord, nu)


def _vastleggen(
    ctx: Context, opslag: WebhookOpslag, bezorging: Bezorging, w: Webhook, b: Bericht, antwoord: Antwoord, nu: datetime
) -> None:
    poging = Poging(
        tijdstip=nu, status=antwoord.status, duurMs=antwoord.duur_ms, fout=antwoord.fout, fragment=antwoord.fragment
    )
    aantal = b.rondePogingen + 1
    wijziging: dict[str, object] = {"pogingen": [*b.pogingen, poging][-MAX_POGINGEN:], "rondePogingen": aantal}
    wacht = None if antwoord.geslaagd else wachttijd(aantal, bezorging.willekeur)
    if antwoord.geslaagd:
        wijziging.update(status=Berichtstatus.BEZORGD, volgendePoging=None)
    elif wacht is None:
        wijziging.update(status=Berichtstatus.OPGEGEVEN, volgendePoging=None)
    else:
        # Whole seconds, as the schedule's at() has them: the retry is never due after its schedule fired.
        volgende = (nu + wacht).replace(microsecond=0) + timedelta(seconds=1)
        wijziging.update(status=Berichtstatus.OPNIEUW, volgendePoging=volgende)
        # Planned before it is recorded: should recording fail, the message comes again and is planned again.
        _plannen(bezorging, b.model_copy(update={"rondePogingen": aantal}), volgende)
    nieuw = b.model_copy(update=wijziging)
    if not opslag.bericht_bijwerken(nieuw, b):
        return  # another attempt of the same message recorded itself first
    ctx.metingen.tel("WebhooksBezorgd" if antwoord.geslaagd else "WebhookPogingenMislukt")
    logger.info(
        "webhook attempt",
        extra={**_log(b), "status": antwoord.status, "duur_ms": antwoord.duur_ms, "poging": aantal},
    )
    if nieuw.status != Berichtstatus.OPNIEUW:
        if nieuw.status == Berichtstatus.OPGEGEVEN:
            ctx.metingen.tel("WebhooksOpgegeven")
        _volgende_in_reeks(opslag, bezorging.wachtrij, nieuw)
    if antwoord.geslaagd:
        if w.storingSinds is not None:
            opslag.webhook_storing(w.id, None)
    else:
        _storing(ctx, opslag, bezorging, w, nu)


def _plannen(bezorging: Bezorging, b: Bericht, moment: datetime) -> None:
    """The one-time schedule of a message's next attempt (its name is the attempt's: planning twice is once)."""
    naam = f"webhook-{b.id}-{b.webhookId[:8]}-{b.ronde}-{b.rondePogingen}"
    bezorging.planner.plan(naam, moment, {"webhookId": b.webhookId, "berichtId": b.id})
