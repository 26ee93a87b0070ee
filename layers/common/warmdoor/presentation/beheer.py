"""What the operator sees of organisations, creditors, API keys and the audit trail."""

from warmdoor.models.entities import ApiSleutel, Auditregel, Organisatie, Schuldeiser
from warmdoor.models.requests import GemeenteVerzoek
from warmdoor.models.responses import ApiSleutelWeergave, AuditregelWeergave, OrganisatieWeergave, SchuldeiserWeergave
from warmdoor.presentation.doorverwijzing import medewerker, optioneel
from warmdoor.tijd import lokaal


def organisatie(o: Organisatie) -> OrganisatieWeergave:
    return OrganisatieWeergave(
        id=o.id,
        naam=o.naam,
        email=o.email,
        escalatieEmail=o.escalatieEmail,
        smsNummers=o.smsNummers,
        emailZonderPersoonsgegevens=o.emailZonderPersoonsgegevens,
        sluitingsdagen=o.sluitingsdagen,
        gemeenten=[GemeenteVerzoek(code=g.code, naam=g.naam, postcodegebieden=g.postcodegebieden) for g in o.gemeenten],
    )


def schuldeiser(s: Schuldeiser) -> SchuldeiserWeergave:
    return SchuldeiserWeergave(id=s.id, naam=s.naam, type=s.type, email=s.email)


def sleutel(k: ApiSleutel) -> ApiSleutelWeergave:
    return ApiSleutelWeergave(
        id=k.id,
        rol=k.rol,
        schuldeiserId=k.schuldeiserId,
        organisatieId=k.organisatieId,
        omschrijving=k.omschrijving,
        aangemaaktOp=lokaal(k.aangemaaktOp),
        ingetrokkenOp=optioneel(k.ingetrokkenOp),
    )


def auditregel(r: Auditregel) -> AuditregelWeergave:
    return AuditregelWeergave(
        sleutelId=r.sleutelId,
        rol=r.rol,
        actie=r.actie,
        tijdstip=lokaal(r.tijdstip),
        medewerker=medewerker(r.medewerker),
    )
