"""The audit trail: every change of a referral and every read of its personal data, by whom and when."""

import uuid
from collections.abc import Sequence

from warmdoor.domain.context import Context
from warmdoor.domain.errors import NietGevonden
from warmdoor.domain.lijsten import pagina
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Auditregel, Doorverwijzing, Principal
from warmdoor.ports import Pagina


def regel(ctx: Context, principal: Principal, doorverwijzing_id: str, actie: str) -> Auditregel:
    return Auditregel(
        id=str(uuid.uuid4()),
        doorverwijzingId=doorverwijzing_id,
        sleutelId=principal.sleutelId,
        rol=principal.rol,
        actie=actie,
        tijdstip=ctx.klok.now(),
        medewerker=principal.medewerker,
    )


def gelezen(ctx: Context, principal: Principal, doorverwijzingen: Sequence[Doorverwijzing]) -> None:
    """Every read is recorded, with the reader's role (only the organisation's view holds personal data)."""
    if doorverwijzingen:
        ctx.repo.audit_vastleggen([regel(ctx, principal, d.id, "gelezen") for d in doorverwijzingen])


def regels(
    ctx: Context, principal: Principal, doorverwijzing_id: str, volgende: str | None, limiet: int
) -> Pagina[Auditregel]:
    vereis(principal, Handeling.AUDIT_LEZEN)
    if ctx.repo.doorverwijzing(doorverwijzing_id) is None:
        raise NietGevonden("Doorverwijzing niet gevonden")
    return pagina(lambda: ctx.repo.auditregels(doorverwijzing_id, volgende, limiet))
