"""RFC 9457 problem details, and the one place where errors become HTTP statuses."""

from collections.abc import Sequence
from http import HTTPStatus

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from botocore.exceptions import ClientError

from warmdoor.domain.errors import (
    Conflict,
    GeenDeelnemendeOrganisatie,
    InvalidParam,
    NietGevonden,
    OngeldigeInvoer,
    TegenstrijdigAdres,
    Verboden,
)
from warmdoor.models.responses import InvalidParamWeergave, Problem
from warmdoor.presentation.validatie import van_validatie

PROBLEM_JSON = "application/problem+json"
_TYPE = "https://warmdoor.nl/problemen/"


def problem(
    status: HTTPStatus,
    soort: str,
    title: str,
    detail: str,
    invalid_params: Sequence[InvalidParam] = (),
    headers: dict[str, str] | None = None,
) -> Response[str]:
    body = Problem(
        type=_TYPE + soort,
        title=title,
        status=status.value,
        detail=detail,
        invalidParams=[InvalidParamWeergave(name=p.name, code=p.code, reason=p.reason) for p in invalid_params] or None,
    )
    return Response(
        status_code=status.value,
        content_type=PROBLEM_JSON,
        body=body.model_dump_json(exclude_none=True),
        headers=headers or {},
    )


def ongeldige_invoer(params: Sequence[InvalidParam]) -> Response[str]:
    return problem(
        HTTPStatus.BAD_REQUEST,
        "ongeldige-invoer",
        "Ongeldige invoer",
        "Een of meer velden zijn ongeldig: " + ", ".join(p.name for p in params),
        params,
    )


# AWS saying "too much, slow down" after the client's own retries: the caller may try again shortly.
_DRUK = {
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
}
WACHT_SECONDEN = 2


def van_aws(fout: ClientError) -> Response[str]:
    """Throttling becomes 503 with Retry-After; any other AWS error is a fault of ours (re-raised)."""
    redenen = {reden.get("Code") for reden in fout.response.get("CancellationReasons", [])}
    if fout.response["Error"]["Code"] in _DRUK or "ThrottlingError" in redenen:
        return problem(
            HTTPStatus.SERVICE_UNAVAILABLE,
            "te-druk",
            "Tijdelijk te druk",
            f"WarmDoor is even te druk; probeer het over {WACHT_SECONDEN} seconden opnieuw",
            headers={"Retry-After": str(WACHT_SECONDEN)},
        )
    raise fout


def van_validatiefout(fout: RequestValidationError) -> Response[str]:
    """Powertools' own validation (422 without messages) as this API's 400 naming every field."""
    return ongeldige_invoer(van_validatie(fout.errors()))


def niet_gevonden(_: Exception) -> Response[str]:
    return problem(HTTPStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden", "Deze URL bestaat niet")


def van_domein(fout: Exception) -> Response[str]:
    match fout:
        case OngeldigeInvoer():
            return ongeldige_invoer(fout.params)
        case NietGevonden():
            return problem(HTTPStatus.NOT_FOUND, "niet-gevonden", "Niet gevonden", str(fout))
        case Verboden():
            return problem(HTTPStatus.FORBIDDEN, "verboden", "Verboden", str(fout))
        case Conflict():
            return problem(HTTPStatus.CONFLICT, "conflict", "Conflict", fout.detail)
        case TegenstrijdigAdres():
            return problem(
                HTTPStatus.UNPROCESSABLE_ENTITY,
                "gemeente-en-postcode-tegenstrijdig",
                "Gemeente en postcode zijn tegenstrijdig",
                "De gemeentecode en de postcode wijzen naar verschillende gemeenten; controleer beide",
                fout.params,
            )
        case GeenDeelnemendeOrganisatie():
            return problem(
                HTTPStatus.UNPROCESSABLE_ENTITY,
                "geen-deelnemende-organisatie",
                "Geen deelnemende organisatie",
                f"{fout} Volg het gewone proces voor vroegsignalering.",
            )
    raise fout
