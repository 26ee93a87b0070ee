"""Request plumbing of the API function: who calls, what the body may be, headers on every answer."""

from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import Response
from pydantic import BaseModel

from warmdoor import API_VERSION
from warmdoor.api.problems import PROBLEM_JSON
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol
from warmdoor.models.responses import Problem

MAX_BODY_BYTES = 64 * 1024
_BODY_METHODS = {"POST", "PUT", "PATCH"}


def principal(event: dict[str, Any]) -> Principal:
    """The caller, as the authorizer put it in the request context (values are strings there)."""
    context = (event.get("requestContext") or {}).get("authorizer") or {}
    return Principal(
        sleutelId=context.get("sleutelId", ""),
        rol=Rol(str(context.get("rol"))),
        schuldeiserId=context.get("schuldeiserId") or None,
        organisatieId=context.get("organisatieId") or None,
    )


def json_antwoord(model: BaseModel, status: int = 200, headers: dict[str, str] | None = None) -> Response[str]:
    return Response(
        status_code=status,
        content_type="application/json",
        body=model.model_dump_json(),
        headers=headers or {},
    )


def _proxy_problem(status: HTTPStatus, soort: str, title: str, detail: str) -> dict[str, Any]:
    body = Problem(type=f"https://warmdoor.nl/problemen/{soort}", title=title, status=status.value, detail=detail)
    return {
        "statusCode": status.value,
        "headers": {"Content-Type": PROBLEM_JSON},
        "body": body.model_dump_json(exclude_none=True),
        "isBase64Encoded": False,
    }


def weiger_body(event: dict[str, Any]) -> dict[str, Any] | None:
    """A problem response for a body this API never accepts (not JSON, too large), before any parsing."""
    if (event.get("httpMethod") or "").upper() not in _BODY_METHODS:
        return None
    headers = {naam.lower(): waarde for naam, waarde in (event.get("headers") or {}).items()}
    soort = (headers.get("content-type") or "").split(";")[0].strip().lower()
    body = event.get("body") or ""
    if len(body.encode()) > MAX_BODY_BYTES or (event.get("isBase64Encoded") and len(body) > MAX_BODY_BYTES * 4 // 3):
        return _proxy_problem(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            "te-groot",
            "Body te groot",
            f"De body mag hoogstens {MAX_BODY_BYTES} bytes zijn",
        )
    if soort != "application/json":
        return _proxy_problem(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            "content-type",
            "Content-Type niet ondersteund",
            "Stuur de body als JSON met de header Content-Type: application/json",
        )
    if event.get("isBase64Encoded"):
        return _proxy_problem(
            HTTPStatus.BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer", "De body moet JSON-tekst zijn"
        )
    return None


def met_api_versie(antwoord: dict[str, Any]) -> dict[str, Any]:
    antwoord.setdefault("headers", {})["API-Version"] = API_VERSION
    if "multiValueHeaders" in antwoord:
        antwoord["multiValueHeaders"]["API-Version"] = [API_VERSION]
    return antwoord


def server_url(event: dict[str, Any], ingesteld: str | None) -> str:
    if ingesteld:
        return ingesteld
    context = event.get("requestContext") or {}
    domein = context.get("domainName", "localhost")
    if ".execute-api." in domein:
        return f"https://{domein}/{context.get('stage', '')}/v1"
    return f"https://{domein}/v1"
