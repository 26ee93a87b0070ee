"""The operator's user administration for the pages: invite a caseworker or coordinator of an organisation
(the user pool e-mails the invitation with a temporary password), list the accounts, disable one (and
enable it again). Accounts are addressed by their id in the pool (`sub`), never by e-mail address."""

from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer
from warmdoor.domain.lijsten import pagina
from warmdoor.domain.toegang import Handeling, vereis
from warmdoor.models.entities import Principal
from warmdoor.models.gebruikers import Gebruiker, GebruikerStatus, GebruikerVerzoek
from warmdoor.ports import GebruikerBestaat, GebruikerOnbekend, Gebruikers, Pagina

NIET_GEVONDEN = "Gebruiker niet gevonden"


def uitnodigen(ctx: Context, gebruikers: Gebruikers, principal: Principal, verzoek: GebruikerVerzoek) -> Gebruiker:
    """A new account in the organisation's group (and the coordinators' when asked); 409 when the e-mail
    address has one already (an account that was disabled is enabled again, not invited twice)."""
    vereis(principal, Handeling.BEHEREN)
    if ctx.repo.organisatie(verzoek.organisatieId) is None:
        raise OngeldigeInvoer(
            [InvalidParam("organisatieId", "unknown", f"Organisatie {verzoek.organisatieId} bestaat niet")]
        )
    try:
        return gebruikers.uitnodigen(verzoek.email, verzoek.naam, verzoek.organisatieId, verzoek.coordinator)
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
    gebruikers: Gebruikers, principal: Principal, organisatie_id: str | None, volgende: str | None, limiet: int
) -> Pagina[Gebruiker]:
    """The accounts, of one organisation or of all, a page at a time (in the pool's order)."""
    vereis(principal, Handeling.BEHEREN)
    return pagina(lambda: gebruikers.gebruikers(organisatie_id, volgende, limiet))


def uitschakelen(gebruikers: Gebruikers, principal: Principal, sub: str) -> Gebruiker:
    """The person can no longer sign in; the account stays (the audit trail names it). Safe to repeat."""
    vereis(principal, Handeling.BEHEREN)
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
