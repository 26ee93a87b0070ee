"""Who may do what. One place for the authorisation rules of the contract."""

from enum import StrEnum

from warmdoor.domain.errors import NietGevonden, Verboden
from warmdoor.models.entities import Doorverwijzing, Medewerker, Principal
from warmdoor.models.enums import Rol


class Handeling(StrEnum):
    """What a caller can ask of WarmDoor."""

    BEHEREN = "beheren"  # organisations, creditors and API keys
    AUDIT_LEZEN = "audit_lezen"
    AANMELDEN = "aanmelden"
    INTREKKEN = "intrekken"
    CONTACT_VASTLEGGEN = "contact_vastleggen"
    AFRONDEN = "afronden"
    VERLENGEN = "verlengen"
    TOEWIJZEN = "toewijzen"  # who of the organisation takes a referral on
    RAADPLEGEN = "raadplegen"  # referrals and the report: every role, each only its own
    WEBHOOKS = "webhooks"  # endpoints and their delivery log: every role, each only its own


RECHTEN: dict[Handeling, frozenset[Rol]] = {
    Handeling.BEHEREN: frozenset({Rol.BEHEER}),
    Handeling.AUDIT_LEZEN: frozenset({Rol.BEHEER}),
    Handeling.AANMELDEN: frozenset({Rol.SCHULDEISER}),
    Handeling.INTREKKEN: frozenset({Rol.SCHULDEISER}),
    Handeling.CONTACT_VASTLEGGEN: frozenset({Rol.ORGANISATIE}),
    Handeling.AFRONDEN: frozenset({Rol.ORGANISATIE}),
    Handeling.VERLENGEN: frozenset({Rol.ORGANISATIE}),
    Handeling.TOEWIJZEN: frozenset({Rol.ORGANISATIE}),
    Handeling.RAADPLEGEN: frozenset(Rol),
    Handeling.WEBHOOKS: frozenset(Rol),
}


def mag(rol: Rol, handeling: Handeling) -> bool:
    return rol in RECHTEN[handeling]


def vereis(principal: Principal, handeling: Handeling) -> None:
    if not mag(principal.rol, handeling):
        raise Verboden(f"De rol {principal.rol} mag dit niet")


def vereis_toewijzing(principal: Principal, aan: Medewerker) -> None:
    """A caseworker takes a referral for themselves; only a coordinator gives one to someone else. An API
    key is nobody, so it cannot take one."""
    vereis(principal, Handeling.TOEWIJZEN)
    if principal.medewerker is None:
        raise Verboden("Alleen een medewerker die is ingelogd kan een doorverwijzing oppakken")
    if aan.sub != principal.medewerker.sub and not principal.coordinator:
        raise Verboden("Alleen een coördinator wijst een doorverwijzing toe aan een ander")


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
