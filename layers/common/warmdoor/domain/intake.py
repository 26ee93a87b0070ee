"""Intake: a creditor registers a warm referral, exactly once per submission."""

import hashlib
import json
import uuid

from warmdoor.domain import audit, bewaartermijn
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer, Verboden
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.routering import gemeente_voor
from warmdoor.domain.tijd import KLOKSPELING, termijn, vandaag
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Status
from warmdoor.models.events import Gebeurtenis, Gebeurtenissoort
from warmdoor.models.requests import DoorverwijzingAanmelding
from warmdoor.ports import Claim, ClaimBestaat, Claimsoort

_MAXIMALE_LEEFTIJD_JAREN = 130


def inhoud_hash(verzoek: DoorverwijzingAanmelding) -> str:
    """The same submission, however it was spelled (06 or +316, 4331ab or 4331 AB), has the same hash."""
    canoniek = json.dumps(verzoek.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode()).hexdigest()


def _controleer_data(verzoek: DoorverwijzingAanmelding, omg: Omgeving) -> None:
    nu = omg.clock.now()
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


def _eerder(omg: Omgeving, claim: Claim, bestaande: Claim) -> Doorverwijzing:
    """The referral an earlier identical submission created, or Conflict if the content differs."""
    if bestaande.hash != claim.hash:
        if claim.soort == Claimsoort.IDEMPOTENTIESLEUTEL:
            raise Conflict("Deze Idempotency-Key is al gebruikt voor een ander verzoek")
        raise Conflict(f"schuldeiserReferentie {claim.waarde} is al gebruikt voor een doorverwijzing met andere inhoud")
    eerder = bewaartermijn.lees(omg, bestaande.doorverwijzingId)
    if eerder is None:
        raise NietGevonden("Doorverwijzing niet gevonden")
    return eerder


def aanmelden(
    omg: Omgeving, principal: Principal, verzoek: DoorverwijzingAanmelding, idempotentiesleutel: str | None
) -> tuple[Doorverwijzing, bool]:
    """Registers the referral; returns it and whether it is new (False: an earlier identical submission)."""
    vereis(principal, Handeling.AANMELDEN)
    assert principal.schuldeiserId is not None
    _controleer_data(verzoek, omg)

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
        bestaande = omg.repo.claim(claim.soort, claim.schuldeiserId, claim.waarde)
        if bestaande is not None:
            return _eerder(omg, claim, bestaande), False

    schuldeiser = omg.repo.schuldeiser(principal.schuldeiserId)
    if schuldeiser is None:
        raise Verboden("De schuldeiser van deze sleutel bestaat niet meer")
    routering = omg.repo.routering()
    gemeentecode = gemeente_voor(routering, verzoek.gemeentecode, verzoek.adres.postcode)
    organisatie = omg.repo.organisatie(routering.gemeenten[gemeentecode].organisatieId)
    assert organisatie is not None, "the routing names only organisations that exist"

    nu = omg.clock.now().replace(microsecond=0)  # whole seconds read better and are precise enough
    doorverwijzing = Doorverwijzing(
        id=doorverwijzing_id,
        schuldeiserId=schuldeiser.id,
        schuldeiserNaam=schuldeiser.naam,
        schuldeiserReferentie=verzoek.schuldeiserReferentie,
        inhoudHash=inhoud,
        organisatieId=organisatie.id,
        organisatieNaam=organisatie.naam,
        gemeentecode=gemeentecode,
        status=Status.AANGEMELD,
        aangemeldOp=nu,
        contactUiterlijk=termijn(nu, omg.settings.contact_termijn_dagen, omg.settings.contact_termijn_werkdagen),
        incassostopTot=termijn(nu, omg.settings.incassostop_dagen, werkdagen=False),
        toestemming=verzoek.toestemming,
        client=verzoek.client,
        adres=verzoek.adres,
        achterstand=verzoek.achterstand,
        toelichting=verzoek.toelichting,
    )
    aangemeld = Gebeurtenis.van(Gebeurtenissoort.DOORVERWIJZING_AANGEMELD, doorverwijzing, nu)
    try:
        omg.repo.doorverwijzing_aanmelden(
            doorverwijzing, claims, [aangemeld], audit.regel(omg, principal, doorverwijzing_id, "aanmelding")
        )
    except ClaimBestaat as bezet:
        # A concurrent retry of the same submission won the race.
        claim = next(c for c in claims if c.soort == bezet.bestaande.soort)
        return _eerder(omg, claim, bezet.bestaande), False
    omg.metingen.tel(Gebeurtenissoort.DOORVERWIJZING_AANGEMELD.value)
    return doorverwijzing, True
