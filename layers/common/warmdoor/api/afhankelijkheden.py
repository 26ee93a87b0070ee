"""What every route gets injected (Powertools Depends): who calls, the function's Diensten, and the
parameter types the routes share."""

from typing import Annotated

from aws_lambda_powertools.event_handler.depends import Depends
from aws_lambda_powertools.event_handler.openapi.params import Header, Path, Query
from aws_lambda_powertools.event_handler.request import Request

from warmdoor.api import http
from warmdoor.models.entities import Principal
from warmdoor.wiring import Diensten

DIENSTEN = "diensten"


def _wie(request: Request) -> Principal:
    return http.principal(request.resolved_event.raw_event)


def _diensten(request: Request) -> Diensten:
    diensten: Diensten = request.context[DIENSTEN]
    return diensten


def _wil_csv(request: Request) -> bool:
    return "text/csv" in (request.resolved_event.headers.get("accept") or "").lower()


Wie = Annotated[Principal, Depends(_wie)]
Dienst = Annotated[Diensten, Depends(_diensten)]
WilCsv = Annotated[bool, Depends(_wil_csv)]

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
        description="Dezelfde sleutel met dezelfde body geeft dezelfde doorverwijzing terug; een andere body "
        "met dezelfde sleutel is 409. De sleutel bindt 30 dagen, daarna mag hij opnieuw worden gebruikt",
    ),
]
SleutelId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="Id van de API-sleutel")]
