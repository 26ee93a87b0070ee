"""Intake: a creditor registers a warm referral, exactly once per submission."""

import hashlib
import json
from datetime import datetime, timedelta

from warmdoor.domain import audit, doorverwijzing, raadplegen
from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, NietGevonden, Verboden
from warmdoor.domain.routering import gemeente_voor, voor_intake
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Doorverwijzing, Organisatie, Principal, Routering, RouteringOrganisatie
from warmdoor.models.events import Gebeurtenis
from warmdoor.models.requests import DoorverwijzingVerzoek
from warmdoor.ports import Claim, ClaimBestaat, Claimsoort

# An Idempotency-Key binds one submission this long; the creditor's reference binds for good.
SLEUTEL_GELDIG = timedelta(days=30)


def inhoud_hash(verzoek: DoorverwijzingVerzoek) -> str:
    """The same submission, however it was spelled, has the same hash: the request models normalise what
    may differ (06 or +316, 4331ab or 4331 AB, 08:30Z or 09:30+01:00, Example.NL or example.nl, a or A)."""
    canoniek = json.dumps(verzoek.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode()).hexdigest()


def _geldig(claim: Claim | None, nu: datetime) -> Claim | None:
    return claim if claim is not None and (claim.verlooptOp is None or nu < claim.verlooptOp) else None


def _eerder(ctx: Context, claim: Claim, bestaande: Claim) -> Doorverwijzing:
    """The referral an earlier identical submission created, or Conflict if the content differs."""
    if bestaande.hash != claim.hash:
        if claim.soort == Claimsoort.IDEMPOTENTIESLEUTEL:
            raise Conflict("Deze Idempotency-Key is al gebruikt voor een ander verzoek")
        raise Conflict(
            f"schuldeiserReferentie {claim.waarde} is al gebruikt voor een doorverwijzing met andere inhoud",
            veld="schuldeiserReferentie",
        )
    eerder = raadplegen.lees(ctx, bestaande.doorverwijzingId)
    if eerder is None:
        raise NietGevonden("Doorverwijzing niet gevonden")
    return eerder


def bestemming(ctx: Context, gemeentecode: str | None, postcode: str) -> tuple[str, Organisatie]:
    """Where a referral for this address goes: the municipality and its organisation (the intake's routing,
    also for a form that shows it before it is sent). GeenDeelnemendeOrganisatie or TegenstrijdigAdres
    when it goes nowhere."""
    routering = ctx.repo.routering()
    code = gemeente_voor(routering, gemeentecode, postcode)
    return code, _organisatie(ctx, routering.gemeenten[code].organisatieId)


def _organisatie(ctx: Context, organisatie_id: str) -> Organisatie:
    organisatie = ctx.repo.organisatie(organisatie_id)
    assert organisatie is not None, "the routing names only organisations that exist"
    return organisatie


def _ontvanger(
    ctx: Context, routering: Routering, gemeentecode: str | None, postcode: str
) -> tuple[str, RouteringOrganisatie]:
    """The municipality and its organisation, from the routing alone (bestemming's rule, without a read)."""
    code = gemeente_voor(routering, gemeentecode, postcode)
    organisatie_id = routering.gemeenten[code].organisatieId
    bekend = routering.organisaties.get(organisatie_id)
    if bekend is None:  # a routing item saved before it kept the organisations
        return code, voor_intake(_organisatie(ctx, organisatie_id))
    return code, bekend


def aanmelden(
    ctx: Context, principal: Principal, verzoek: DoorverwijzingVerzoek, idempotentiesleutel: str | None
) -> tuple[Doorverwijzing, bool]:
    """Registers the referral; returns it and whether it is new (False: an earlier identical submission)."""
    vereis(principal, Handeling.AANMELDEN)
    assert principal.schuldeiserId is not None
    nu = ctx.klok.now().replace(microsecond=0)  # the registration's own moment (whole seconds)
    doorverwijzing_id = ctx.nieuw_id()
    inhoud = inhoud_hash(verzoek)
    claims = [
        Claim(
            Claimsoort.REFERENTIE,
            principal.schuldeiserId,
            verzoek.schuldeiserReferentie,
            inhoud,
            doorverwijzing_id,
        )
    ]
    if idempotentiesleutel is not None:
        claims.insert(
            0,
            Claim(
                Claimsoort.IDEMPOTENTIESLEUTEL,
                principal.schuldeiserId,
                idempotentiesleutel,
                inhoud,
                doorverwijzing_id,
                verlooptOp=nu + SLEUTEL_GELDIG,
            ),
        )
    schuldeiser, routering, opgeslagen = ctx.repo.intake_gegevens(
        principal.schuldeiserId, [(c.soort, c.waarde) for c in claims]
    )
    for claim, gevonden in zip(claims, opgeslagen, strict=True):
        bestaande = _geldig(gevonden, nu)
        if bestaande is not None:
            return _eerder(ctx, claim, bestaande), False

    if schuldeiser is None:
        raise Verboden("De schuldeiser van deze sleutel bestaat niet meer")
    gemeentecode, organisatie = _ontvanger(ctx, routering, verzoek.gemeentecode, verzoek.adres.postcode)

    nieuw, soorten = doorverwijzing.registreren(
        doorverwijzing_id, verzoek, inhoud, schuldeiser, organisatie, gemeentecode, ctx.beleid, nu
    )
    gebeurtenissen = [Gebeurtenis.van(soort, nieuw, nieuw.aangemeldOp) for soort in soorten]
    try:
        ctx.repo.doorverwijzing_aanmelden(
            nieuw,
            doorverwijzing.volgende_timer(nieuw),
            claims,
            gebeurtenissen,
            audit.regel(ctx, principal, doorverwijzing_id, "aanmelding"),
        )
    except ClaimBestaat as bezet:
        # A concurrent retry of the same submission won the race.
        claim = next(c for c in claims if c.soort == bezet.bestaande.soort)
        return _eerder(ctx, claim, bezet.bestaande), False
    for soort in soorten:
        ctx.metingen.tel(soort.value)
    return nieuw, True
