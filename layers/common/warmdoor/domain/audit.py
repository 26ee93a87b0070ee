"""The audit trail: every change of a referral and every read of its personal data, by whom and when."""

import uuid
from collections.abc import Sequence

from warmdoor.domain.errors import NietGevonden
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Auditregel, Doorverwijzing, Principal
from warmdoor.ports import Pagina


def regel(omg: Omgeving, principal: Principal, doorverwijzing_id: str, actie: str) -> Auditregel:
    return Auditregel(
        id=str(uuid.uuid4()),
        doorverwijzingId=doorverwijzing_id,
        sleutelId=principal.sleutelId,
        rol=principal.rol,
        actie=actie,
        tijdstip=omg.clock.now(),
    )


def gelezen(omg: Omgeving, principal: Principal, doorverwijzingen: Sequence[Doorverwijzing]) -> None:
    """Every read is recorded, with the reader's role (only the organisation's view holds personal data)."""
    if doorverwijzingen:
        omg.repo.audit_vastleggen([regel(omg, principal, d.id, "gelezen") for d in doorverwijzingen])


def regels(
    omg: Omgeving, principal: Principal, doorverwijzing_id: str, volgende: str | None, limiet: int
) -> Pagina[Auditregel]:
    vereis(principal, Handeling.AUDIT_LEZEN)
    if omg.repo.doorverwijzing(doorverwijzing_id) is None:
        raise NietGevonden("Doorverwijzing niet gevonden")
    return omg.repo.auditregels(doorverwijzing_id, volgende, limiet)
