"""API keys: random secrets, stored only as SHA-256 hashes, bound to one role."""

import hashlib
import secrets
from datetime import datetime

from warmdoor.models.entities import ApiSleutel, Principal
from warmdoor.models.enums import Rol
from warmdoor.ports import Gebruiksplan, Repository


def hash_van(geheim: str) -> str:
    # A key has 256 bits of entropy, so a fast hash is enough; no salt or slow KDF needed.
    return hashlib.sha256(geheim.encode()).hexdigest()


def nieuw_geheim() -> str:
    return "wd_" + secrets.token_urlsafe(32)


def registreren(
    repo: Repository,
    plan: Gebruiksplan,
    geheim: str,
    nu: datetime,
    rol: Rol,
    schuldeiser_id: str | None = None,
    organisatie_id: str | None = None,
    omschrijving: str | None = None,
    sleutel_id: str | None = None,
) -> ApiSleutel:
    """`sleutel_id` only where an id must be known in advance (the local demo keys)."""
    sleutel = ApiSleutel(
        id=sleutel_id or secrets.token_hex(8),
        rol=rol,
        schuldeiserId=schuldeiser_id,
        organisatieId=organisatie_id,
        omschrijving=omschrijving,
        hash=hash_van(geheim),
        aangemaaktOp=nu,
    )
    # The allowance first: a key that fails to be stored leaves only an unused allowance behind.
    plan.toevoegen(sleutel.id)
    repo.sleutel_opslaan(sleutel)
    return sleutel


def gebruiksplan_herstellen(repo: Repository, plan: Gebruiksplan) -> int:
    """Gives every key that is not revoked its allowance (after an upgrade or a restore); safe to repeat."""
    aantal, volgende = 0, None
    while True:
        pagina = repo.sleutels(volgende, 100)
        for sleutel in pagina.items:
            if sleutel.ingetrokkenOp is None:
                plan.toevoegen(sleutel.id)
                aantal += 1
        if not (volgende := pagina.volgende):
            return aantal


def principal_voor(repo: Repository, geheim: str) -> Principal | None:
    """Who holds this key, or None when it is unknown or revoked."""
    sleutel = repo.sleutel_met_hash(hash_van(geheim))
    if sleutel is None or sleutel.ingetrokkenOp is not None:
        return None
    return Principal(
        sleutelId=sleutel.id,
        rol=sleutel.rol,
        schuldeiserId=sleutel.schuldeiserId,
        organisatieId=sleutel.organisatieId,
    )
