"""Reading referrals: each role sees only its own (the operator sees all), as they are now."""

from collections.abc import Sequence

from warmdoor.domain import audit, doorverwijzing
from warmdoor.domain.context import Context
from warmdoor.domain.errors import Verboden
from warmdoor.domain.lijsten import pagina
from warmdoor.domain.toegang import Handeling, vereis, zichtbare, ziet_persoonsgegevens
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Rol, Status
from warmdoor.ports import DoorverwijzingFilter, Pagina


def lees(ctx: Context, doorverwijzing_id: str) -> Doorverwijzing | None:
    """The referral as anyone may read it now (personal data past their time are gone), or None."""
    d = ctx.repo.doorverwijzing(doorverwijzing_id)
    return doorverwijzing.zoals_nu(d, ctx.klok.now()) if d else None


def doorverwijzing_lezen(ctx: Context, principal: Principal, doorverwijzing_id: str) -> Doorverwijzing:
    vereis(principal, Handeling.RAADPLEGEN)
    gevonden = zichtbare(principal, lees(ctx, doorverwijzing_id))
    audit.gelezen(ctx, principal, [gevonden])
    return gevonden


def doorverwijzingen(
    ctx: Context, principal: Principal, status: Status | None, volgende: str | None, limiet: int
) -> Pagina[Doorverwijzing]:
    """Newest first."""
    vereis(principal, Handeling.RAADPLEGEN)
    filter = DoorverwijzingFilter(
        schuldeiserId=principal.schuldeiserId if principal.rol == Rol.SCHULDEISER else None,
        organisatieId=principal.organisatieId if principal.rol == Rol.ORGANISATIE else None,
        status=status,
    )
    gevonden = pagina(
        lambda: ctx.repo.doorverwijzingen(
            filter, volgende, limiet, met_persoonsgegevens=ziet_persoonsgegevens(principal)
        )
    )
    nu = ctx.klok.now()
    items = [doorverwijzing.zoals_nu(d, nu) for d in gevonden.items]
    audit.gelezen(ctx, principal, items)
    return Pagina(items, gevonden.volgende)


def werkvoorraad(ctx: Context, principal: Principal) -> list[Doorverwijzing]:
    """The organisation's open referrals as they are now, without personal data (nothing read yet)."""
    vereis(principal, Handeling.RAADPLEGEN)
    if principal.rol != Rol.ORGANISATIE or principal.organisatieId is None:
        raise Verboden("Alleen een organisatie heeft een werkvoorraad")
    nu = ctx.klok.now()
    return [doorverwijzing.zoals_nu(d, nu) for d in ctx.repo.open_doorverwijzingen(principal.organisatieId)]


def met_persoonsgegevens(
    ctx: Context, principal: Principal, doorverwijzingen: Sequence[Doorverwijzing]
) -> list[Doorverwijzing]:
    """These referrals of the caller's own organisation with the person's data, each read recorded."""
    eigen = [zichtbare(principal, d) for d in doorverwijzingen]
    if not ziet_persoonsgegevens(principal):
        return eigen
    nu = ctx.klok.now()
    items = [doorverwijzing.zoals_nu(d, nu) for d in ctx.repo.met_persoonsgegevens(eigen)]
    audit.gelezen(ctx, principal, items)
    return items
