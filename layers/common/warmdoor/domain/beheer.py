"""The operator's work: onboarding organisations and creditors, issuing and revoking API keys."""

from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer
from warmdoor.domain.lijsten import pagina
from warmdoor.domain.routering import met_organisatie
from warmdoor.domain.sleutels import nieuw_geheim, registreren
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import ApiSleutel, Gemeente, Organisatie, Principal, Schuldeiser
from warmdoor.models.enums import Rol
from warmdoor.models.requests import ApiSleutelVerzoek, OrganisatieVerzoek, SchuldeiserVerzoek
from warmdoor.ports import Gebruiksplan, Pagina, VersieConflict

_POGINGEN = 5


def organisatie_opslaan(
    ctx: Context, principal: Principal, organisatie_id: str, verzoek: OrganisatieVerzoek
) -> tuple[Organisatie, bool]:
    """Creates or replaces an organisation and its municipalities; True when it is new."""
    vereis(principal, Handeling.BEHEREN)
    codes = [g.code for g in verzoek.gemeenten]
    dubbel = [
        InvalidParam(f"gemeenten[{i}].code", "unique", f"Gemeente {code} staat er meer dan eens in")
        for i, code in enumerate(codes)
        if code in codes[:i]
    ]
    if dubbel:
        raise OngeldigeInvoer(dubbel)
    organisatie = Organisatie(
        id=organisatie_id,
        naam=verzoek.naam,
        email=verzoek.email,
        escalatieEmail=verzoek.escalatieEmail,
        smsNummers=verzoek.smsNummers,
        emailZonderPersoonsgegevens=verzoek.emailZonderPersoonsgegevens,
        sluitingsdagen=verzoek.sluitingsdagen,
        gemeenten=[Gemeente(code=g.code, naam=g.naam, postcodegebieden=g.postcodegebieden) for g in verzoek.gemeenten],
    )
    nieuw = ctx.repo.organisatie(organisatie_id) is None
    for _ in range(_POGINGEN):
        routering = ctx.repo.routering()
        try:
            ctx.repo.organisatie_opslaan(organisatie, met_organisatie(routering, organisatie), routering.versie)
        except VersieConflict:
            continue
        return organisatie, nieuw
    raise Conflict("De routering werd tegelijk door een ander gewijzigd; probeer het opnieuw")


def organisatie(ctx: Context, principal: Principal, organisatie_id: str) -> Organisatie:
    vereis(principal, Handeling.BEHEREN)
    gevonden = ctx.repo.organisatie(organisatie_id)
    if gevonden is None:
        raise NietGevonden(f"Organisatie {organisatie_id} bestaat niet")
    return gevonden


def organisaties(ctx: Context, principal: Principal, volgende: str | None, limiet: int) -> Pagina[Organisatie]:
    vereis(principal, Handeling.BEHEREN)
    return pagina(lambda: ctx.repo.organisaties(volgende, limiet))


def schuldeiser_opslaan(
    ctx: Context, principal: Principal, schuldeiser_id: str, verzoek: SchuldeiserVerzoek
) -> tuple[Schuldeiser, bool]:
    vereis(principal, Handeling.BEHEREN)
    nieuw = ctx.repo.schuldeiser(schuldeiser_id) is None
    schuldeiser = Schuldeiser(id=schuldeiser_id, naam=verzoek.naam, type=verzoek.type, email=verzoek.email)
    ctx.repo.schuldeiser_opslaan(schuldeiser)
    return schuldeiser, nieuw


def schuldeiser(ctx: Context, principal: Principal, schuldeiser_id: str) -> Schuldeiser:
    vereis(principal, Handeling.BEHEREN)
    gevonden = ctx.repo.schuldeiser(schuldeiser_id)
    if gevonden is None:
        raise NietGevonden(f"Schuldeiser {schuldeiser_id} bestaat niet")
    return gevonden


def schuldeisers(ctx: Context, principal: Principal, volgende: str | None, limiet: int) -> Pagina[Schuldeiser]:
    vereis(principal, Handeling.BEHEREN)
    return pagina(lambda: ctx.repo.schuldeisers(volgende, limiet))


def _binding_fouten(ctx: Context, verzoek: ApiSleutelVerzoek) -> list[InvalidParam]:
    """A key is bound to exactly the subject its role needs, and that subject must exist."""
    nodig = {Rol.SCHULDEISER: "schuldeiserId", Rol.ORGANISATIE: "organisatieId"}.get(verzoek.rol)
    fouten = []
    for veld, waarde, bestaat in (
        ("schuldeiserId", verzoek.schuldeiserId, ctx.repo.schuldeiser),
        ("organisatieId", verzoek.organisatieId, ctx.repo.organisatie),
    ):
        if veld == nodig and waarde is None:
            fouten.append(InvalidParam(veld, "required", f"Verplicht bij rol {verzoek.rol}"))
        elif veld != nodig and waarde is not None:
            fouten.append(InvalidParam(veld, "not_allowed", f"Hoort niet bij rol {verzoek.rol}"))
        elif waarde is not None and bestaat(waarde) is None:
            fouten.append(InvalidParam(veld, "unknown", f"{waarde} bestaat niet"))
    return fouten


def sleutel_aanmaken(
    ctx: Context, plan: Gebruiksplan, principal: Principal, verzoek: ApiSleutelVerzoek
) -> tuple[ApiSleutel, str]:
    """A new key and its secret; the secret is never stored and cannot be shown again."""
    vereis(principal, Handeling.BEHEREN)
    fouten = _binding_fouten(ctx, verzoek)
    if fouten:
        raise OngeldigeInvoer(fouten)
    geheim = nieuw_geheim()
    sleutel = registreren(
        ctx.repo,
        plan,
        geheim,
        ctx.klok.now(),
        verzoek.rol,
        schuldeiser_id=verzoek.schuldeiserId,
        organisatie_id=verzoek.organisatieId,
        omschrijving=verzoek.omschrijving,
    )
    return sleutel, geheim


def sleutels(ctx: Context, principal: Principal, volgende: str | None, limiet: int) -> Pagina[ApiSleutel]:
    vereis(principal, Handeling.BEHEREN)
    return pagina(lambda: ctx.repo.sleutels(volgende, limiet))


def sleutel_intrekken(ctx: Context, plan: Gebruiksplan, principal: Principal, sleutel_id: str) -> None:
    vereis(principal, Handeling.BEHEREN)
    sleutel = ctx.repo.sleutel(sleutel_id)
    if sleutel is None:
        raise NietGevonden(f"API-sleutel {sleutel_id} bestaat niet")
    if sleutel.ingetrokkenOp is None:
        ctx.repo.sleutel_intrekken(sleutel.model_copy(update={"ingetrokkenOp": ctx.klok.now()}))
    # Also on a repeated revocation: it finishes one whose allowance could not be removed the first time.
    plan.verwijderen(sleutel.id)
