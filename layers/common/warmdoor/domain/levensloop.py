"""Changing a referral after intake, for a person (the creditor, the organisation) or for the system (a
timer, a notifier). Each change is: read, ask the aggregate (domain/doorverwijzing.py), write the new state
and its events in one conditional write, retried on a race."""

from collections.abc import Callable
from typing import Literal

from warmdoor.domain import audit, doorverwijzing
from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, NietGevonden
from warmdoor.domain.toegang import Handeling, vereis, vereis_toewijzing, zichtbare
from warmdoor.models.entities import Bezorgprobleem, Doorverwijzing, Medewerker, Principal
from warmdoor.models.enums import Rol
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.requests import ContactpogingVerzoek, EindresultaatVerzoek, IntrekkingVerzoek, VerlengingVerzoek
from warmdoor.ports import VersieConflict

_POGINGEN = 5
_VERWIJDERD = "persoonsgegevens_verwijderd"

# The system itself (stream consumers, timers) acts with the operator's sight.
SYSTEEM = Principal(sleutelId="systeem", rol=Rol.BEHEER)

Wijziging = Callable[[Doorverwijzing], doorverwijzing.Overgang]
# The audit line's action: fixed, or named after the state it changed (a first result or a correction).
Actie = str | Callable[[Doorverwijzing], str]


def _wijzig(
    ctx: Context, principal: Principal, doorverwijzing_id: str, actie: Actie, wijziging: Wijziging
) -> Doorverwijzing:
    """Applies the change and writes it with its events and audit lines; nothing is written when it
    changed nothing (a timer that fired twice, a problem already listed, the same result again)."""
    for _ in range(_POGINGEN):
        nu = ctx.klok.now()
        huidig = zichtbare(principal, ctx.repo.doorverwijzing(doorverwijzing_id))
        nieuw, soorten = wijziging(huidig)
        nieuw, gewist = doorverwijzing.bewaartermijn_bijwerken(nieuw, ctx.beleid, nu)
        if nieuw == huidig:
            return huidig
        regels = [audit.regel(ctx, principal, doorverwijzing_id, actie if isinstance(actie, str) else actie(huidig))]
        if gewist:
            # Came due before its own timer fired: this change deletes the personal data as well.
            regels.append(audit.regel(ctx, SYSTEEM, doorverwijzing_id, _VERWIJDERD))
        soorten = [*soorten, *gewist]
        nieuw = nieuw.model_copy(update={"versie": huidig.versie + 1})
        gebeurtenissen = [Gebeurtenis.van(soort, nieuw, nu) for soort in soorten]
        try:
            ctx.repo.doorverwijzing_bijwerken(nieuw, doorverwijzing.volgende_timer(nieuw), gebeurtenissen, regels)
        except VersieConflict:
            continue
        _tel(ctx, nieuw, soorten)
        return nieuw
    raise Conflict("De doorverwijzing werd tegelijk door een ander gewijzigd; probeer het opnieuw")


def _tel(ctx: Context, d: Doorverwijzing, soorten: list[Gebeurtenissoort]) -> None:
    """One metric per event written, named after it; and whether a contact came within the deadline."""
    for soort in soorten:
        ctx.metingen.tel(soort.value)
        if soort == Gebeurtenissoort.CONTACT_GELEGD and doorverwijzing.contact_binnen_termijn(d):
            ctx.metingen.tel("ContactBinnenTermijn")


def intrekken(ctx: Context, principal: Principal, doorverwijzing_id: str, verzoek: IntrekkingVerzoek) -> Doorverwijzing:
    """The creditor withdraws: the organisation is told, the timers stop, the collection stop ends now."""
    vereis(principal, Handeling.INTREKKEN)
    nu = ctx.klok.now()
    return _wijzig(ctx, principal, doorverwijzing_id, "intrekking", lambda d: doorverwijzing.intrekken(d, verzoek, nu))


def contact_vastleggen(
    ctx: Context, principal: Principal, doorverwijzing_id: str, verzoek: ContactpogingVerzoek
) -> Doorverwijzing:
    vereis(principal, Handeling.CONTACT_VASTLEGGEN)
    nu = ctx.klok.now()
    return _wijzig(
        ctx, principal, doorverwijzing_id, "contactpoging", lambda d: doorverwijzing.contactpoging(d, verzoek, nu)
    )


def eindresultaat_vastleggen(
    ctx: Context, principal: Principal, doorverwijzing_id: str, verzoek: EindresultaatVerzoek
) -> Doorverwijzing:
    vereis(principal, Handeling.AFRONDEN)
    nu = ctx.klok.now()
    return _wijzig(
        ctx,
        principal,
        doorverwijzing_id,
        lambda d: "eindresultaat_correctie" if d.eindresultaat else "eindresultaat",
        lambda d: doorverwijzing.afronden(d, verzoek, nu),
    )


def verlengen(ctx: Context, principal: Principal, doorverwijzing_id: str, verzoek: VerlengingVerzoek) -> Doorverwijzing:
    vereis(principal, Handeling.VERLENGEN)
    nu = ctx.klok.now()
    return _wijzig(
        ctx, principal, doorverwijzing_id, "verlenging", lambda d: doorverwijzing.verlengen(d, verzoek, ctx.beleid, nu)
    )


def toewijzen(ctx: Context, principal: Principal, doorverwijzing_id: str, aan: Medewerker) -> Doorverwijzing:
    vereis_toewijzing(principal, aan)
    nu = ctx.klok.now()
    return _wijzig(ctx, principal, doorverwijzing_id, "toewijzing", lambda d: doorverwijzing.toewijzen(d, aan, nu))


def bezorgprobleem_vastleggen(
    ctx: Context,
    gebeurtenis: Gebeurtenis,
    kanaal: Literal["email", "sms"],
    ontvanger: str,
    bericht: str,
    reden: Literal["geweigerd", "mislukt"],
) -> None:
    """Records on the referral that a message about it was not delivered (no address kept)."""
    probleem = Bezorgprobleem(
        kanaal=kanaal,
        ontvanger=ontvanger,
        gebeurtenis=gebeurtenis.soort.value,
        tijdstip=ctx.klok.now(),
        reden=reden,
        bericht=bericht,
    )
    _systeem(
        ctx,
        gebeurtenis.doorverwijzingId,
        "bezorgprobleem",
        lambda d: doorverwijzing.bezorgprobleem_vastleggen(d, probleem),
    )


def bezorgprobleem_opgelost(ctx: Context, doorverwijzing_id: str, bericht: str) -> None:
    """A message that had failed was sent after all (a replay of the failure queue)."""
    nu = ctx.klok.now()
    _systeem(
        ctx,
        doorverwijzing_id,
        "bezorgprobleem_opgelost",
        lambda d: doorverwijzing.bezorgprobleem_opgelost(d, bericht, nu),
    )


def contacttermijn_bewaken(ctx: Context, doorverwijzing_id: str) -> None:
    """The contact deadline's timer."""
    nu = ctx.klok.now()
    _systeem(ctx, doorverwijzing_id, "contacttermijn", lambda d: doorverwijzing.contacttermijn_bewaken(d, nu))


def incassostop_bewaken(ctx: Context, doorverwijzing_id: str) -> None:
    """The collection stop's timer."""
    nu = ctx.klok.now()
    _systeem(ctx, doorverwijzing_id, "incassostop", lambda d: doorverwijzing.incassostop_bewaken(d, nu))


def herinnering_bewaken(ctx: Context, doorverwijzing_id: str) -> None:
    """The reminder's timer: an open case whose personal data go in HERINNERING_VOORAF."""
    nu = ctx.klok.now()
    _systeem(ctx, doorverwijzing_id, "herinnering", lambda d: doorverwijzing.herinneren(d, nu))


def persoonsgegevens_bewaken(ctx: Context, doorverwijzing_id: str) -> None:
    """The retention timer."""
    nu = ctx.klok.now()
    _systeem(ctx, doorverwijzing_id, _VERWIJDERD, lambda d: doorverwijzing.persoonsgegevens_bewaken(d, nu))


def _systeem(ctx: Context, doorverwijzing_id: str, actie: str, wijziging: Wijziging) -> None:
    """A change by the system; a referral that is gone (an event or timer outlived it) has nothing to do."""
    try:
        _wijzig(ctx, SYSTEEM, doorverwijzing_id, actie, wijziging)
    except NietGevonden:
        return
