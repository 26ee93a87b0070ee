"""The operator's user administration for the pages: invite a caseworker or coordinator of an organisation,
a creditor's staff member or an operator (the user pool e-mails the invitation with a temporary password),
list the accounts, disable one (and enable it again). Accounts are addressed by their id in the pool
(`sub`), never by e-mail address."""

from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer
from warmdoor.domain.lijsten import pagina
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Principal
from warmdoor.models.gebruikers import (
    Gebruiker,
    GebruikerStatus,
    GebruikerVerzoek,
    organisatiegroep,
    rolgroepen,
    schuldeisergroep,
)
from warmdoor.ports import GebruikerBestaat, GebruikerOnbekend, Gebruikers, Pagina

NIET_GEVONDEN = "Gebruiker niet gevonden"


def _rol_fouten(ctx: Context, verzoek: GebruikerVerzoek) -> list[InvalidParam]:
    """Exactly one role, of an organisation or creditor that exists; a coordinator only of an organisation."""
    gekozen = [
        veld
        for veld, waarde in (
            ("organisatieId", verzoek.organisatieId),
            ("schuldeiserId", verzoek.schuldeiserId),
            ("beheer", verzoek.beheer),
        )
        if waarde
    ]
    if not gekozen:
        return [InvalidParam("organisatieId", "required", "Kies een organisatie, een schuldeiser of beheer")]
    fouten = [
        InvalidParam(veld, "not_allowed", f"Niet samen met {gekozen[0]}: een account heeft één rol")
        for veld in gekozen[1:]
    ]
    if verzoek.coordinator and verzoek.organisatieId is None:
        fouten.append(InvalidParam("coordinator", "not_allowed", "Alleen voor een medewerker van een organisatie"))
    if verzoek.organisatieId and ctx.repo.organisatie(verzoek.organisatieId) is None:
        fouten.append(InvalidParam("organisatieId", "unknown", f"Organisatie {verzoek.organisatieId} bestaat niet"))
    if verzoek.schuldeiserId and ctx.repo.schuldeiser(verzoek.schuldeiserId) is None:
        fouten.append(InvalidParam("schuldeiserId", "unknown", f"Schuldeiser {verzoek.schuldeiserId} bestaat niet"))
    return fouten


def uitnodigen(ctx: Context, gebruikers: Gebruikers, principal: Principal, verzoek: GebruikerVerzoek) -> Gebruiker:
    """A new account in its role's group (and the coordinators' when asked); 409 when the e-mail address has
    one already (an account that was disabled is enabled again, not invited twice)."""
    vereis(principal, Handeling.BEHEREN)
    fouten = _rol_fouten(ctx, verzoek)
    if fouten:
        raise OngeldigeInvoer(fouten)
    groepen = rolgroepen(verzoek.organisatieId, verzoek.schuldeiserId, verzoek.beheer, verzoek.coordinator)
    try:
        return gebruikers.uitnodigen(verzoek.email, verzoek.naam, groepen)
    except GebruikerBestaat as fout:
        raise Conflict(
            "Er is al een account met dit e-mailadres; is het uitgeschakeld, schakel het dan weer in"
        ) from fout


def gebruiker(gebruikers: Gebruikers, principal: Principal, sub: str) -> Gebruiker:
    vereis(principal, Handeling.BEHEREN)
    gevonden = gebruikers.gebruiker(sub)
    if gevonden is None:
        raise NietGevonden(NIET_GEVONDEN)
    return gevonden


def lijst(
    gebruikers: Gebruikers,
    principal: Principal,
    organisatie_id: str | None,
    volgende: str | None,
    limiet: int,
    schuldeiser_id: str | None = None,
) -> Pagina[Gebruiker]:
    """The accounts, of one organisation, of one creditor or of all, a page at a time (in the pool's order)."""
    vereis(principal, Handeling.BEHEREN)
    if organisatie_id and schuldeiser_id:
        raise OngeldigeInvoer(
            [InvalidParam("schuldeiserId", "not_allowed", "Niet samen met organisatieId: filter op één van beide")]
        )
    groep = None
    if organisatie_id:
        groep = organisatiegroep(organisatie_id)
    elif schuldeiser_id:
        groep = schuldeisergroep(schuldeiser_id)
    return pagina(lambda: gebruikers.gebruikers(groep, volgende, limiet))


def uitschakelen(gebruikers: Gebruikers, principal: Principal, sub: str) -> Gebruiker:
    """The person can no longer sign in; the account stays (the audit trail names it). Safe to repeat. Not
    one's own account: the last operator would lock everyone out of the pages."""
    vereis(principal, Handeling.BEHEREN)
    if principal.medewerker is not None and principal.medewerker.sub == sub:
        raise Conflict("U kunt uw eigen account niet uitschakelen; vraag dat een andere beheerder")
    try:
        return gebruikers.uitschakelen(sub)
    except GebruikerOnbekend as fout:
        raise NietGevonden(NIET_GEVONDEN) from fout


def inschakelen(gebruikers: Gebruikers, principal: Principal, sub: str) -> Gebruiker:
    vereis(principal, Handeling.BEHEREN)
    try:
        return gebruikers.inschakelen(sub)
    except GebruikerOnbekend as fout:
        raise NietGevonden(NIET_GEVONDEN) from fout


def status(g: Gebruiker) -> GebruikerStatus:
    """What the operator needs to know of an account: disabled first, then where its sign-in stands."""
    if not g.ingeschakeld:
        return GebruikerStatus.UITGESCHAKELD
    if g.cognitoStatus == "FORCE_CHANGE_PASSWORD":
        return GebruikerStatus.UITGENODIGD
    if g.cognitoStatus == "RESET_REQUIRED":
        return GebruikerStatus.WACHTWOORD_HERSTELLEN
    return GebruikerStatus.ACTIEF
