"""Reading referrals: each role sees only its own (the operator sees all)."""

from warmdoor.domain import audit, bewaartermijn
from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.toegang import Handeling, vereis, zichtbare, ziet_persoonsgegevens
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Rol, Status
from warmdoor.ports import DoorverwijzingFilter, Pagina


def doorverwijzing(omg: Omgeving, principal: Principal, doorverwijzing_id: str) -> Doorverwijzing:
    vereis(principal, Handeling.RAADPLEGEN)
    gevonden = zichtbare(principal, bewaartermijn.lees(omg, doorverwijzing_id))
    audit.gelezen(omg, principal, [gevonden])
    return gevonden


def doorverwijzingen(
    omg: Omgeving, principal: Principal, status: Status | None, volgende: str | None, limiet: int
) -> Pagina[Doorverwijzing]:
    """Newest first."""
    vereis(principal, Handeling.RAADPLEGEN)
    filter = DoorverwijzingFilter(
        schuldeiserId=principal.schuldeiserId if principal.rol == Rol.SCHULDEISER else None,
        organisatieId=principal.organisatieId if principal.rol == Rol.ORGANISATIE else None,
        status=status,
    )
    pagina = omg.repo.doorverwijzingen(filter, volgende, limiet, met_persoonsgegevens=ziet_persoonsgegevens(principal))
    nu = omg.clock.now()
    items = [bewaartermijn.zoals_nu(d, nu) for d in pagina.items]
    audit.gelezen(omg, principal, items)
    return Pagina(items, pagina.volgende)
