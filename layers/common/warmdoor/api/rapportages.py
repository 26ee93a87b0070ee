"""The report route: the pilot's figures over a period, as JSON or (Accept: text/csv) as CSV."""

from datetime import date
from typing import Annotated, Any

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from warmdoor.api import http
from warmdoor.api.afhankelijkheden import Dienst, Wie, WilCsv
from warmdoor.api.openapi import BEVEILIGD, antwoorden
from warmdoor.models.responses import Rapport

router = Router()  # type: ignore[no-untyped-call]


def _antwoorden() -> dict[int, Any]:
    antwoord = antwoorden(200, Rapport, "Het rapport; met Accept: text/csv als CSV", 400, *BEVEILIGD)
    antwoord[200]["content"]["text/csv"] = {"schema": {"type": "string"}}
    return antwoord


@router.get(
    "/rapportages/doorverwijzingen",
    operation_id="rapportageOpvragen",
    tags=["Rapportages"],
    responses=_antwoorden(),
)
def rapportage_doorverwijzingen(
    wie: Wie,
    d: Dienst,
    csv: WilCsv,
    vanaf: Annotated[date, Query(description="Eerste dag (aangemeld vanaf)")],
    tot: Annotated[date, Query(description="Laatste dag, inbegrepen")],
) -> Response[str]:
    # Loaded by the first report request, not by every cold start of the API (reports are rare).
    from warmdoor.domain import rapportage
    from warmdoor.presentation.rapport import als_csv, rapport

    gemaakt = rapport(wie, rapportage.doorverwijzingen_rapport(d.context, wie, vanaf, tot))
    if csv:
        return Response(status_code=200, content_type="text/csv; charset=utf-8", body=als_csv(gemaakt))
    return http.json_antwoord(gemaakt)
