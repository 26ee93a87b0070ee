"""Intake: a creditor registers a warm referral, exactly once per submission."""

import hashlib
import json
import uuid

from warmdoor.domain import audit, doorverwijzing, raadplegen
from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer, Verboden
from warmdoor.domain.routering import gemeente_voor
from warmdoor.domain.termijnen import KLOKSPELING
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.events import Gebeurtenis
from warmdoor.models.requests import DoorverwijzingVerzoek
from warmdoor.ports import Claim, ClaimBestaat, Claimsoort
from warmdoor.tijd import vandaag

_MAXIMALE_LEEFTIJD_JAREN = 130


def inhoud_hash(verzoek: DoorverwijzingVerzoek) -> str:
    """The same submission, however it was spelled (06 or +316, 4331ab or 4331 AB), has the same hash."""
    canoniek = json.dumps(verzoek.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode()).hexdigest()


def _controleer_data(verzoek: DoorverwijzingVerzoek, ctx: Context) -> None:
    nu = ctx.klok.now()
    dag = vandaag(nu)
    fouten = []
    if verzoek.toestemming.tijdstip > nu + KLOKSPELING:
        fouten.append(InvalidParam("toestemming.tijdstip", "future", "Het tijdstip ligt in de toekomst"))
    if verzoek.client.geboortedatum >= dag:
        fouten.append(InvalidParam("client.geboortedatum", "future", "De geboortedatum moet in het verleden liggen"))
    elif verzoek.client.geboortedatum.year < dag.year - _MAXIMALE_LEEFTIJD_JAREN:
        fouten.append(InvalidParam("client.geboortedatum", "minimum", "De geboortedatum ligt te ver terug"))
    if verzoek.achterstand.ontstaansdatum > dag:
        fouten.append(InvalidParam("achterstand.ontstaansdatum", "future", "De ontstaansdatum ligt in de toekomst"))
    if fouten:
        raise OngeldigeInvoer(fouten)


def _eerder(ctx: Context, claim: Claim, bestaande: Claim) -> Doorverwijzing:
    """The referral an earlier identical submission created, or Conflict if the content differs."""
    if bestaande.hash != claim.hash:
        if claim.soort == Claimsoort.IDEMPOTENTIESLEUTEL:
            raise Conflict("Deze Idempotency-Key is al gebruikt voor een ander verzoek")
        raise Conflict(f"schuldeiserReferentie {claim.waarde} is al gebruikt voor een doorverwijzing met andere inhoud")
    eerder = raadplegen.lees(ctx, bestaande.doorverwijzingId)
    if eerder is None:
        raise NietGevonden("Doorverwijzing niet gevonden")
    return eerder


def aanmelden(
    ctx: Context, principal: Principal, verzoek: DoorverwijzingVerzoek, idempotentiesleutel: str | None
) -> tuple[Doorverwijzing, bool]:
    """Registers the referral; returns it and whether it is new (False: an earlier identical submission)."""
    vereis(principal, Handeling.AANMELDEN)
    assert principal.schuldeiserId is not None
    _controleer_data(verzoek, ctx)

    doorverwijzing_id = str(uuid.uuid4())
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
            ),
        )
    for claim in claims:
        bestaande = ctx.repo.claim(claim.soort, claim.schuldeiserId, claim.waarde)
        if bestaande is not None:
            return _eerder(ctx, claim, bestaande), False

    schuldeiser = ctx.repo.schuldeiser(principal.schuldeiserId)
    if schuldeiser is None:
        raise Verboden("De schuldeiser van deze sleutel bestaat niet meer")
    routering = ctx.repo.routering()
    gemeentecode = gemeente_voor(routering, verzoek.gemeentecode, verzoek.adres.postcode)
    organisatie = ctx.repo.organisatie(routering.gemeenten[gemeentecode].organisatieId)
    assert organisatie is not None, "the routing names only organisations that exist"

    nieuw, soorten = doorverwijzing.registreren(
        doorverwijzing_id, verzoek, inhoud, schuldeiser, organisatie, gemeentecode, ctx.beleid, ctx.klok.now()
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
