"""Who may do what. One place for the authorisation rules of the contract."""

from warmdoor.domain.errors import NietGevonden, Verboden
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Rol


def vereis_rol(principal: Principal, *rollen: Rol) -> None:
    if principal.rol not in rollen:
        raise Verboden(f"De rol {principal.rol} mag dit niet")


def mag_zien(principal: Principal, doorverwijzing: Doorverwijzing) -> bool:
    match principal.rol:
        case Rol.BEHEER:
            return True
        case Rol.SCHULDEISER:
            return doorverwijzing.schuldeiserId == principal.schuldeiserId
        case Rol.ORGANISATIE:
            return doorverwijzing.organisatieId == principal.organisatieId


def ziet_persoonsgegevens(principal: Principal) -> bool:
    """Only the organisation a referral is routed to sees the person; the creditor and operator do not."""
    return principal.rol == Rol.ORGANISATIE


def zichtbare(principal: Principal, doorverwijzing: Doorverwijzing | None) -> Doorverwijzing:
    """The referral if the caller may see it; otherwise 'not found', whether it exists or not."""
    if doorverwijzing is None or not mag_zien(principal, doorverwijzing):
        raise NietGevonden("Doorverwijzing niet gevonden")
    return doorverwijzing
