"""The API function: every route of the contract. Routes parse, call one domain function and shape
the answer; the rules live in warmdoor.domain and errors become problems in warmdoor.api.problems."""

import json
from datetime import date
from http import HTTPStatus
from typing import Annotated, Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from botocore.exceptions import ClientError

from warmdoor.api import http, problems
from warmdoor.api.openapi import BEVEILIGD, MET_BODY, antwoorden, document
from warmdoor.api.rapport import als_csv
from warmdoor.domain import audit, beheer, intake, levensloop, raadplegen, weergave
from warmdoor.domain import rapportage as rapportage_domein
from warmdoor.domain.errors import DomainError, InvalidParam
from warmdoor.domain.tijd import lokaal
from warmdoor.models.enums import Status
from warmdoor.models.requests import (
    ApiSleutelAanvraag,
    ContactpogingVerzoek,
    DoorverwijzingAanmelding,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    OrganisatieInvoer,
    SchuldeiserInvoer,
    VerlengingVerzoek,
)
from warmdoor.models.responses import (
    ApiSleutelLijst,
    AuditregelLijst,
    AuditregelWeergave,
    DoorverwijzingLijst,
    DoorverwijzingVolledig,
    DoorverwijzingVoorSchuldeiser,
    NieuweApiSleutel,
    OrganisatieLijst,
    OrganisatieWeergave,
    Rapport,
    SchuldeiserLijst,
    SchuldeiserWeergave,
)
from warmdoor.models.settings import settings
from warmdoor.ports import OngeldigeCursor
from warmdoor.wiring import gebruiksplan, omgeving

logger = Logger(service="warmdoor-api")
metrics = Metrics(service="warmdoor-api")
app = APIGatewayRestResolver(enable_validation=True, strip_prefixes=["/v1"])

Id = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$", description="Identificatie (kebab-case)")]
DoorverwijzingId = Annotated[str, Path(pattern=r"^[0-9a-f-]{36}$", description="UUID van de doorverwijzing")]
Volgende = Annotated[str | None, Query(max_length=2048, description="Cursor van de volgende pagina")]
Limiet = Annotated[int, Query(ge=1, le=100, description="Hoeveel items per pagina")]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="idempotency-key",
        min_length=1,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Dezelfde sleutel met dezelfde body geeft dezelfde doorverwijzing terug",
    ),
]
Doorverwijzing = DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser


def _nu() -> Any:
    return omgeving().clock.now()


@app.exception_handler(RequestValidationError)
def _ongeldig(fout: RequestValidationError) -> Response[str]:
    return problems.ongeldige_invoer(problems.van_validatie(fout.errors()))


@app.exception_handler(OngeldigeCursor)
def _cursor(_: OngeldigeCursor) -> Response[str]:
    return problems.ongeldige_invoer([InvalidParam("volgende", "invalid", "Deze cursor is onbekend of verlopen")])


@app.exception_handler(DomainError)
def _domein(fout: DomainError) -> Response[str]:
    return problems.van_domein(fout)


@app.exception_handler(ClientError)
def _aws(fout: ClientError) -> Response[str]:
    return problems.van_aws(fout)


@app.not_found
def _niet_gevonden(_: Exception) -> Response[str]:
    return problems.problem(HTTPStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden", "Deze URL bestaat niet")


def _wie() -> Any:
    return http.principal(app.current_event.raw_event)


# --- OpenAPI ----------------------------------------------------------------------------------


@app.get("/openapi.json", responses=antwoorden(200, None, "Het OpenAPI-document van deze API"))
def openapi_document() -> Response[str]:
    url = http.server_url(app.current_event.raw_event, settings().public_base_url)
    return Response(
        status_code=200,
        content_type="application/json",
        body=json.dumps(document(app, url)),
        headers={"Cache-Control": "public, max-age=300"},  # the same for everyone, and no personal data
    )


# --- operator: organisations, creditors, API keys ----------------------------------------------


@app.put(
    "/organisaties/<organisatie_id>",
    responses=antwoorden(200, OrganisatieWeergave, "Vervangen", *MET_BODY, 409, extra={201: "Aangemaakt"}),
)
def organisatie_opslaan(organisatie_id: Id, invoer: OrganisatieInvoer) -> Response[str]:
    organisatie, nieuw = beheer.organisatie_opslaan(omgeving(), _wie(), organisatie_id, invoer)
    return http.json_antwoord(weergave.organisatie(organisatie), 201 if nieuw else 200)


@app.get("/organisaties", responses=antwoorden(200, OrganisatieLijst, "De organisaties", 400, *BEVEILIGD))
def organisaties(volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.organisaties(omgeving(), _wie(), volgende, limiet)
    return http.json_antwoord(
        OrganisatieLijst(items=[weergave.organisatie(o) for o in pagina.items], volgende=pagina.volgende)
    )


@app.get(
    "/organisaties/<organisatie_id>",
    responses=antwoorden(200, OrganisatieWeergave, "De organisatie", 400, *BEVEILIGD, 404),
)
def organisatie(organisatie_id: Id) -> Response[str]:
    return http.json_antwoord(weergave.organisatie(beheer.organisatie(omgeving(), _wie(), organisatie_id)))


@app.put(
    "/schuldeisers/<schuldeiser_id>",
    responses=antwoorden(200, SchuldeiserWeergave, "Vervangen", *MET_BODY, extra={201: "Aangemaakt"}),
)
def schuldeiser_opslaan(schuldeiser_id: Id, invoer: SchuldeiserInvoer) -> Response[str]:
    schuldeiser, nieuw = beheer.schuldeiser_opslaan(omgeving(), _wie(), schuldeiser_id, invoer)
    return http.json_antwoord(weergave.schuldeiser(schuldeiser), 201 if nieuw else 200)


@app.get("/schuldeisers", responses=antwoorden(200, SchuldeiserLijst, "De schuldeisers", 400, *BEVEILIGD))
def schuldeisers(volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.schuldeisers(omgeving(), _wie(), volgende, limiet)
    return http.json_antwoord(
        SchuldeiserLijst(items=[weergave.schuldeiser(s) for s in pagina.items], volgende=pagina.volgende)
    )


@app.get(
    "/schuldeisers/<schuldeiser_id>",
    responses=antwoorden(200, SchuldeiserWeergave, "De schuldeiser", 400, *BEVEILIGD, 404),
)
def schuldeiser(schuldeiser_id: Id) -> Response[str]:
    return http.json_antwoord(weergave.schuldeiser(beheer.schuldeiser(omgeving(), _wie(), schuldeiser_id)))


@app.post(
    "/api-sleutels",
    responses=antwoorden(201, NieuweApiSleutel, "Aangemaakt; de sleutel staat alleen in dit antwoord", *MET_BODY),
)
def sleutel_aanmaken(aanvraag: ApiSleutelAanvraag) -> Response[str]:
    sleutel, geheim = beheer.sleutel_aanmaken(omgeving(), gebruiksplan(), _wie(), aanvraag)
    return http.json_antwoord(NieuweApiSleutel(**weergave.sleutel(sleutel).model_dump(), sleutel=geheim), 201)


@app.get("/api-sleutels", responses=antwoorden(200, ApiSleutelLijst, "De API-sleutels", 400, *BEVEILIGD))
def sleutels(volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = beheer.sleutels(omgeving(), _wie(), volgende, limiet)
    return http.json_antwoord(
        ApiSleutelLijst(items=[weergave.sleutel(s) for s in pagina.items], volgende=pagina.volgende)
    )


@app.delete(
    "/api-sleutels/<sleutel_id>",
    responses=antwoorden(204, None, "Ingetrokken; de sleutel werkt meteen niet meer", 400, *BEVEILIGD, 404),
)
def sleutel_intrekken(sleutel_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]) -> Response[str]:
    beheer.sleutel_intrekken(omgeving(), gebruiksplan(), _wie(), sleutel_id)
    return Response(status_code=204, body="")


# --- referrals --------------------------------------------------------------------------------


@app.post(
    "/doorverwijzingen",
    responses=antwoorden(
        201,
        Doorverwijzing,
        "Aangemeld",
        *MET_BODY,
        409,
        422,
        extra={200: "Dezelfde aanmelding was er al; dit is die doorverwijzing"},
        location=True,
    ),
)
def aanmelden(verzoek: DoorverwijzingAanmelding, idempotency_key: IdempotencyKey = None) -> Response[str]:
    principal = _wie()
    doorverwijzing, nieuw = intake.aanmelden(omgeving(), principal, verzoek, idempotency_key)
    return http.json_antwoord(
        weergave.doorverwijzing(principal, doorverwijzing, _nu()),
        201 if nieuw else 200,
        {"Location": f"/v1/doorverwijzingen/{doorverwijzing.id}"},
    )


@app.get(
    "/doorverwijzingen",
    responses=antwoorden(200, DoorverwijzingLijst, "De eigen doorverwijzingen, nieuwste eerst", 400, *BEVEILIGD),
)
def doorverwijzingen(
    status: Annotated[Status | None, Query()] = None, volgende: Volgende = None, limiet: Limiet = 20
) -> Response[str]:
    principal = _wie()
    pagina = raadplegen.doorverwijzingen(omgeving(), principal, status, volgende, limiet)
    nu = _nu()
    return http.json_antwoord(
        DoorverwijzingLijst(
            items=[weergave.doorverwijzing(principal, d, nu) for d in pagina.items], volgende=pagina.volgende
        )
    )


@app.get(
    "/doorverwijzingen/<doorverwijzing_id>",
    responses=antwoorden(200, Doorverwijzing, "De doorverwijzing", 400, *BEVEILIGD, 404),
)
def doorverwijzing(doorverwijzing_id: DoorverwijzingId) -> Response[str]:
    principal = _wie()
    gevonden = raadplegen.doorverwijzing(omgeving(), principal, doorverwijzing_id)
    return http.json_antwoord(weergave.doorverwijzing(principal, gevonden, _nu()))


@app.post(
    "/doorverwijzingen/<doorverwijzing_id>/intrekkingen",
    responses=antwoorden(201, Doorverwijzing, "Ingetrokken", *MET_BODY, 404, 409),
)
def intrekken(doorverwijzing_id: DoorverwijzingId, verzoek: IntrekkingVerzoek) -> Response[str]:
    principal = _wie()
    ingetrokken = levensloop.intrekken(omgeving(), principal, doorverwijzing_id, verzoek)
    return http.json_antwoord(weergave.doorverwijzing(principal, ingetrokken, _nu()), 201)


@app.post(
    "/doorverwijzingen/<doorverwijzing_id>/contactpogingen",
    responses=antwoorden(201, Doorverwijzing, "Vastgelegd", *MET_BODY, 404, 409),
)
def contactpoging(doorverwijzing_id: DoorverwijzingId, verzoek: ContactpogingVerzoek) -> Response[str]:
    principal = _wie()
    gewijzigd = levensloop.contact_vastleggen(omgeving(), principal, doorverwijzing_id, verzoek)
    return http.json_antwoord(weergave.doorverwijzing(principal, gewijzigd, _nu()), 201)


@app.put(
    "/doorverwijzingen/<doorverwijzing_id>/eindresultaat",
    responses=antwoorden(200, Doorverwijzing, "Afgerond", *MET_BODY, 404, 409),
)
def eindresultaat(doorverwijzing_id: DoorverwijzingId, verzoek: EindresultaatVerzoek) -> Response[str]:
    principal = _wie()
    afgerond = levensloop.eindresultaat_vastleggen(omgeving(), principal, doorverwijzing_id, verzoek)
    return http.json_antwoord(weergave.doorverwijzing(principal, afgerond, _nu()))


@app.post(
    "/doorverwijzingen/<doorverwijzing_id>/verlengingen",
    responses=antwoorden(201, Doorverwijzing, "Verlengd", *MET_BODY, 404, 409),
)
def verlenging(doorverwijzing_id: DoorverwijzingId, verzoek: VerlengingVerzoek) -> Response[str]:
    principal = _wie()
    verlengd = levensloop.verlengen(omgeving(), principal, doorverwijzing_id, verzoek)
    return http.json_antwoord(weergave.doorverwijzing(principal, verlengd, _nu()), 201)


@app.get(
    "/doorverwijzingen/<doorverwijzing_id>/auditregels",
    responses=antwoorden(
        200, AuditregelLijst, "Wie wat deed met de doorverwijzing, oudste eerst", 400, *BEVEILIGD, 404
    ),
)
def auditregels(doorverwijzing_id: DoorverwijzingId, volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = audit.regels(omgeving(), _wie(), doorverwijzing_id, volgende, limiet)
    return http.json_antwoord(
        AuditregelLijst(
            items=[
                AuditregelWeergave(sleutelId=r.sleutelId, rol=r.rol, actie=r.actie, tijdstip=lokaal(r.tijdstip))
                for r in pagina.items
            ],
            volgende=pagina.volgende,
        )
    )


def _rapport_antwoorden() -> dict[int, Any]:
    antwoord = antwoorden(200, Rapport, "Het rapport; met Accept: text/csv als CSV", 400, *BEVEILIGD)
    antwoord[200]["content"]["text/csv"] = {"schema": {"type": "string"}}
    return antwoord


@app.get("/rapportages/doorverwijzingen", responses=_rapport_antwoorden())
def rapportage(
    vanaf: Annotated[date, Query(description="Eerste dag (aangemeld vanaf)")],
    tot: Annotated[date, Query(description="Laatste dag, inbegrepen")],
) -> Response[str]:
    gemaakt = rapportage_domein.doorverwijzingen_rapport(omgeving(), _wie(), vanaf, tot)
    if "text/csv" in (app.current_event.headers.get("accept") or "").lower():
        return Response(status_code=200, content_type="text/csv; charset=utf-8", body=als_csv(gemaakt))
    return http.json_antwoord(gemaakt)


@metrics.log_metrics
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    antwoord = http.voorcontrole(event) or app.resolve(event, context)
    logger.info(
        "request",
        extra={
            "method": event.get("httpMethod"),
            "resource": event.get("resource"),
            "status": antwoord["statusCode"],
        },
    )
    return http.met_kopregels(antwoord)
