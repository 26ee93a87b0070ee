"""Request plumbing of the API function: who calls, what the body may be, headers on every answer."""

from http import HTTPStatus
from typing import Any

from aws_lambda_powertools.event_handler import Response
from pydantic import BaseModel

from warmdoor import API_VERSION
from warmdoor.api import json_invoer, problems, rechten
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol

MAX_BODY_BYTES = 64 * 1024
_BODY_METHODS = {"POST", "PUT", "PATCH"}
_JSON = "application/json"


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


def _proxy(antwoord: Response[str]) -> dict[str, Any]:
    return {
        "statusCode": antwoord.status_code,
        "headers": dict(antwoord.headers),
        "body": antwoord.body,
        "isBase64Encoded": False,
    }


def _mediatype(waarde: str) -> tuple[str, dict[str, str]]:
    """`Application/JSON; Charset="UTF-8"` -> ("application/json", {"charset": "utf-8"}), as RFC 9110 reads it."""
    soort, *parameters = waarde.split(";")
    paren = (p.partition("=") for p in parameters)
    return soort.strip().lower(), {k.strip().lower(): v.strip().strip('"').lower() for k, _, v in paren}


def _body_probleem(event: dict[str, Any]) -> Response[str] | None:
    headers = {naam.lower(): waarde for naam, waarde in (event.get("headers") or {}).items()}
    body = event.get("body") or ""
    if len(body.encode()) > MAX_BODY_BYTES or (event.get("isBase64Encoded") and len(body) > MAX_BODY_BYTES * 4 // 3):
        return problems.problem(
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
            "te-groot",
            "Body te groot",
            f"De body mag hoogstens {MAX_BODY_BYTES} bytes zijn",
        )
    soort, parameters = _mediatype(headers.get("content-type") or "")
    if soort != _JSON or parameters.get("charset", "utf-8") not in {"utf-8", "utf8"}:
        return problems.problem(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            "content-type",
            "Content-Type niet ondersteund",
            "Stuur de body als JSON in UTF-8 met de header Content-Type: application/json",
        )
    if event.get("isBase64Encoded"):
        return problems.problem(
            HTTPStatus.BAD_REQUEST, "ongeldige-invoer", "Ongeldige invoer", "De body moet JSON-tekst zijn (UTF-8)"
        )
    if fouten := json_invoer.fouten(body):
        return problems.ongeldige_invoer(fouten)
    return None


def _normaliseer_content_type(event: dict[str, Any]) -> None:
    """The resolver compares media types case-sensitively; it gets the one spelling it knows."""
    for soort in ("headers", "multiValueHeaders"):
        headers = event.get(soort) or {}
        for naam in [n for n in headers if n.lower() == "content-type"]:
            del headers[naam]
        if soort in event and event[soort] is not None:
            headers["Content-Type"] = _JSON if soort == "headers" else [_JSON]


def voorcontrole(event: dict[str, Any]) -> dict[str, Any] | None:
    """What is decided before the request's content is looked at, as a problem response (or None):

    a role that may not call this route gets 403 whatever it sends (API Gateway's policy says the same);
    a body this API never accepts gets 413, 415 or 400 (not JSON, beyond the limits, duplicate keys).
    """
    resource = event.get("resource") or ""
    methode = (event.get("httpMethod") or "").upper()
    rol = ((event.get("requestContext") or {}).get("authorizer") or {}).get("rol")
    if (methode, resource) in rechten.ROUTES and (
        rol not in set(Rol) or not rechten.toegestaan(Rol(rol), methode, resource)
    ):
        return _proxy(problems.problem(HTTPStatus.FORBIDDEN, "verboden", "Verboden", "Deze API-sleutel mag dit niet"))
    if methode not in _BODY_METHODS or (not event.get("body") and (methode, resource) in rechten.ZONDER_BODY):
        return None
    if probleem := _body_probleem(event):
        return _proxy(probleem)
    _normaliseer_content_type(event)
    return None


def met_kopregels(antwoord: dict[str, Any]) -> dict[str, Any]:
    """Every answer names the API version; none may be stored by a cache unless its route says so
    (answers differ per caller, and many hold personal data)."""
    headers = antwoord.setdefault("headers", {})
    headers["API-Version"] = API_VERSION
    multi = antwoord.get("multiValueHeaders")
    if multi is not None:
        multi["API-Version"] = [API_VERSION]
    if not any(naam.lower() == "cache-control" for naam in [*headers, *(multi or {})]):
        headers["Cache-Control"] = "no-store"
    return antwoord


def server_url(event: dict[str, Any], ingesteld: str | None) -> str:
    if ingesteld:
        return ingesteld
    context = event.get("requestContext") or {}
    domein = context.get("domainName", "localhost")
    if ".execute-api." in domein:
        return f"https://{domein}/{context.get('stage', '')}/v1"
    return f"https://{domein}/v1"
