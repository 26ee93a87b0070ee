"""The API function: the HTTP contract's routes (warmdoor/api: beheer, gebruikers, doorverwijzingen, rapportages,
webhooks), each calling the domain; errors become problems in one place (warmdoor/api/problems.py)."""

import json
from typing import Any

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from botocore.exceptions import ClientError

from warmdoor.api import beheer, doorverwijzingen, gebruikers, http, problems, rapportages, webhooks
from warmdoor.api.afhankelijkheden import DIENSTEN
from warmdoor.api.openapi import antwoorden, document
from warmdoor.domain.errors import DomainError
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-api")
metrics = Metrics(service="warmdoor-api")
diensten = PerFunctie()
app = APIGatewayRestResolver(enable_validation=True, strip_prefixes=["/v1"])
for router in (beheer.router, gebruikers.router, doorverwijzingen.router, rapportages.router, webhooks.router):
    app.include_router(router)
app.exception_handler(RequestValidationError)(problems.van_validatiefout)
app.exception_handler(DomainError)(problems.van_domein)
app.exception_handler(ClientError)(problems.van_aws)
app.not_found(problems.niet_gevonden)


@app.get(
    "/openapi.json",
    operation_id="openapiOpvragen",
    tags=["OpenAPI"],
    responses=antwoorden(200, None, "Het OpenAPI-document van deze API"),
)
def openapi_document() -> Response[str]:
    url = http.server_url(app.current_event.raw_event, diensten().settings.public_base_url or None)
    return Response(
        status_code=200,
        content_type="application/json",
        body=json.dumps(document(app, url)),
        headers={"Cache-Control": "public, max-age=300"},  # the same for everyone, and no personal data
    )


@metrics.log_metrics
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    app.append_context(**{DIENSTEN: diensten()})  # type: ignore[no-untyped-call]
    antwoord = http.voorcontrole(event) or app.resolve(event, context)
    logger.info(
        "request",
        extra={"method": event.get("httpMethod"), "resource": event.get("resource"), "status": antwoord["statusCode"]},
    )
    return http.met_kopregels(antwoord)
