"""The operator's routes for the pages' accounts: invite, list, read, disable and enable again."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from warmdoor.api import http
from warmdoor.api.afhankelijkheden import Dienst, Volgende, Wie
from warmdoor.api.openapi import BEVEILIGD, MET_BODY, antwoorden
from warmdoor.domain import gebruikers
from warmdoor.models.gebruikers import Gebruiker, GebruikerLijst, GebruikerVerzoek, GebruikerWeergave

router = Router()  # type: ignore[no-untyped-call]
GEBRUIKERS = ["Gebruikers"]

GebruikerId = Annotated[
    str, Path(pattern=r"^[0-9a-f-]{36}$", description="Id van het account in de gebruikerspool (sub)")
]
OrganisatieFilter = Annotated[
    str | None,
    Query(
        alias="organisatieId",
        pattern=r"^[a-z0-9][a-z0-9-]{0,62}$",
        description="Alleen de accounts van deze organisatie",
    ),
]
SchuldeiserFilter = Annotated[
    str | None,
    Query(
        alias="schuldeiserId",
        pattern=r"^[a-z0-9][a-z0-9-]{0,62}$",
        description="Alleen de accounts van deze schuldeiser (niet samen met organisatieId)",
    ),
]
# The user pool gives at most 60 accounts at once.
Limiet = Annotated[int, Query(ge=1, le=60, description="Hoeveel items per pagina")]


def weergave(g: Gebruiker) -> GebruikerWeergave:
    return GebruikerWeergave(
        id=g.sub,
        gebruikersnaam=g.gebruikersnaam,
        email=g.email,
        naam=g.naam,
        rol=g.rol,
        organisatieId=g.organisatieId,
        schuldeiserId=g.schuldeiserId,
        coordinator=g.coordinator,
        status=gebruikers.status(g),
        aangemaaktOp=g.aangemaaktOp,
    )


@router.post(
    "/gebruikers",
    operation_id="gebruikerUitnodigen",
    tags=GEBRUIKERS,
    summary="Iemand uitnodigen voor de pagina's: medewerker van een organisatie of schuldeiser, of beheerder",
    description="Maakt een account in de gebruikerspool, in de groep van precies één rol: organisatieId (groep "
    "organisatie-<id>, en coordinator als dat gevraagd is), schuldeiserId (groep schuldeiser-<id>) of beheer "
    "(groep beheer). De medewerker krijgt per e-mail een uitnodiging met een tijdelijk wachtwoord, 7 dagen "
    "geldig; bij de eerste keer inloggen kiest hij of zij een eigen wachtwoord. Geen of meer dan één rol, of een "
    "onbekende organisatie of schuldeiser, is 400 met het veld; een e-mailadres dat al een account heeft is 409.",
    responses=antwoorden(
        201, GebruikerWeergave, "Uitgenodigd; de uitnodiging is verstuurd", *MET_BODY, 409, location=True
    ),
)
def uitnodigen(verzoek: GebruikerVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    gebruiker = gebruikers.uitnodigen(d.context, d.gebruikers, wie, verzoek)
    return http.json_antwoord(weergave(gebruiker), 201, {"Location": f"/v1/gebruikers/{gebruiker.sub}"})


@router.get(
    "/gebruikers",
    operation_id="gebruikersOpvragen",
    tags=GEBRUIKERS,
    summary="De accounts van de werkpagina's",
    description="Alle accounts, of die van één organisatie of één schuldeiser, in de volgorde van de "
    "gebruikerspool; ook uitgeschakelde accounts.",
    responses=antwoorden(200, GebruikerLijst, "De accounts", 400, *BEVEILIGD),
)
def lijst(
    wie: Wie,
    d: Dienst,
    organisatie_id: OrganisatieFilter = None,
    schuldeiser_id: SchuldeiserFilter = None,
    volgende: Volgende = None,
    limiet: Limiet = 20,
) -> Response[str]:
    pagina = gebruikers.lijst(d.gebruikers, wie, organisatie_id, volgende, limiet, schuldeiser_id)
    return http.json_antwoord(GebruikerLijst(items=[weergave(g) for g in pagina.items], volgende=pagina.volgende))


@router.get(
    "/gebruikers/<gebruiker_id>",
    operation_id="gebruikerOpvragen",
    tags=GEBRUIKERS,
    summary="Eén account",
    responses=antwoorden(200, GebruikerWeergave, "Het account", 400, *BEVEILIGD, 404),
)
def lezen(gebruiker_id: GebruikerId, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave(gebruikers.gebruiker(d.gebruikers, wie, gebruiker_id)))


@router.post(
    "/gebruikers/<gebruiker_id>/uitschakeling",
    operation_id="gebruikerUitschakelen",
    tags=GEBRUIKERS,
    summary="Een account uitschakelen",
    description="De medewerker kan niet meer inloggen; een sessie die loopt, eindigt binnen 15 minuten. Het "
    "account blijft bestaan (de auditregels noemen het) en kan weer worden ingeschakeld. Zonder body; nog eens "
    "uitschakelen verandert niets.",
    responses=antwoorden(200, GebruikerWeergave, "Uitgeschakeld", 400, *BEVEILIGD, 404),
)
def uitschakelen(gebruiker_id: GebruikerId, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave(gebruikers.uitschakelen(d.gebruikers, wie, gebruiker_id)))


@router.post(
    "/gebruikers/<gebruiker_id>/inschakeling",
    operation_id="gebruikerInschakelen",
    tags=GEBRUIKERS,
    summary="Een uitgeschakeld account weer inschakelen",
    description="De medewerker kan weer inloggen, met het wachtwoord van voorheen. Zonder body.",
    responses=antwoorden(200, GebruikerWeergave, "Ingeschakeld", 400, *BEVEILIGD, 404),
)
def inschakelen(gebruiker_id: GebruikerId, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave(gebruikers.inschakelen(d.gebruikers, wie, gebruiker_id)))
