"""The operator's routes: organisations, creditors and API keys."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.api import http
from warmdoor.api.afhankelijkheden import Dienst, Id, Limiet, SleutelId, Volgende, Wie
from warmdoor.api.openapi import BEVEILIGD, MET_BODY, antwoorden
from warmdoor.domain import beheer
from warmdoor.models.requests import ApiSleutelVerzoek, OrganisatieVerzoek, SchuldeiserVerzoek
from warmdoor.models.responses import (
    ApiSleutelLijst,
    NieuweApiSleutel,
    OrganisatieLijst,
    OrganisatieWeergave,
    SchuldeiserLijst,
    SchuldeiserWeergave,
)
from warmdoor.presentation import beheer as weergave

router = Router()  # type: ignore[no-untyped-call]
ORGANISATIES, SCHULDEISERS, SLEUTELS = ["Organisaties"], ["Schuldeisers"], ["API-sleutels"]


@router.put(
    "/organisaties/<organisatie_id>",
    operation_id="organisatieOpslaan",
    tags=ORGANISATIES,
    responses=antwoorden(200, OrganisatieWeergave, "Vervangen", *MET_BODY, 409, extra={201: "Aangemaakt"}),
)
def organisatie_opslaan(organisatie_id: Id, verzoek: OrganisatieVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    organisatie, nieuw = beheer.organisatie_opslaan(d.context, wie, organisatie_id, verzoek)
    return http.json_antwoord(weergave.organisatie(organisatie), 201 if nieuw else 200)


@router.get(
    "/organisaties",
    operation_id="organisatiesOpvragen",
    tags=ORGANISATIES,
    responses=antwoorden(200, OrganisatieLijst, "De organisaties", 400, *BEVEILIGD),
)
def organisaties(wie: Wie, d: Dienst, volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.organisaties(d.context, wie, volgende, limiet)
    return http.json_antwoord(
        OrganisatieLijst(items=[weergave.organisatie(o) for o in pagina.items], volgende=pagina.volgende)
    )


@router.get(
    "/organisaties/<organisatie_id>",
    operation_id="organisatieOpvragen",
    tags=ORGANISATIES,
    responses=antwoorden(200, OrganisatieWeergave, "De organisatie", 400, *BEVEILIGD, 404),
)
def organisatie(organisatie_id: Id, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave.organisatie(beheer.organisatie(d.context, wie, organisatie_id)))


@router.put(
    "/schuldeisers/<schuldeiser_id>",
    operation_id="schuldeiserOpslaan",
    tags=SCHULDEISERS,
    responses=antwoorden(200, SchuldeiserWeergave, "Vervangen", *MET_BODY, extra={201: "Aangemaakt"}),
)
def schuldeiser_opslaan(schuldeiser_id: Id, verzoek: SchuldeiserVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    schuldeiser, nieuw = beheer.schuldeiser_opslaan(d.context, wie, schuldeiser_id, verzoek)
    return http.json_antwoord(weergave.schuldeiser(schuldeiser), 201 if nieuw else 200)


@router.get(
    "/schuldeisers",
    operation_id="schuldeisersOpvragen",
    tags=SCHULDEISERS,
    responses=antwoorden(200, SchuldeiserLijst, "De schuldeisers", 400, *BEVEILIGD),
)
def schuldeisers(wie: Wie, d: Dienst, volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.schuldeisers(d.context, wie, volgende, limiet)
    return http.json_antwoord(
        SchuldeiserLijst(items=[weergave.schuldeiser(s) for s in pagina.items], volgende=pagina.volgende)
    )


@router.get(
    "/schuldeisers/<schuldeiser_id>",
    operation_id="schuldeiserOpvragen",
    tags=SCHULDEISERS,
    responses=antwoorden(200, SchuldeiserWeergave, "De schuldeiser", 400, *BEVEILIGD, 404),
)
def schuldeiser(schuldeiser_id: Id, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave.schuldeiser(beheer.schuldeiser(d.context, wie, schuldeiser_id)))


@router.post(
    "/api-sleutels",
    operation_id="apiSleutelAanmaken",
    tags=SLEUTELS,
    responses=antwoorden(201, NieuweApiSleutel, "Aangemaakt; de sleutel staat alleen in dit antwoord", *MET_BODY),
)
def sleutel_aanmaken(verzoek: ApiSleutelVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    sleutel, geheim = beheer.sleutel_aanmaken(d.context, d.gebruiksplan, wie, verzoek)
    return http.json_antwoord(NieuweApiSleutel(**weergave.sleutel(sleutel).model_dump(), sleutel=geheim), 201)


@router.get(
    "/api-sleutels",
    operation_id="apiSleutelsOpvragen",
    tags=SLEUTELS,
    responses=antwoorden(200, ApiSleutelLijst, "De API-sleutels", 400, *BEVEILIGD),
)
def sleutels(wie: Wie, d: Dienst, volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.sleutels(d.context, wie, volgende, limiet)
    return http.json_antwoord(
        ApiSleutelLijst(items=[weergave.sleutel(s) for s in pagina.items], volgende=pagina.volgende)
    )


@router.delete(
    "/api-sleutels/<sleutel_id>",
    operation_id="apiSleutelIntrekken",
    tags=SLEUTELS,
    responses=antwoorden(204, None, "Ingetrokken; de sleutel werkt meteen niet meer", 400, *BEVEILIGD, 404),
)
def sleutel_intrekken(sleutel_id: SleutelId, wie: Wie, d: Dienst) -> Response[str]:
    beheer.sleutel_intrekken(d.context, d.gebruiksplan, wie, sleutel_id)
    return Response(status_code=204, body="")
