"""The creditor's staff's pages' routes. Each hands its request to warmdoor/web/schuldeiser.py, imported at
the first page that needs it (the cold start imports no domain)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.web.omgeving import Aanvraag

router = Router()  # type: ignore[no-untyped-call]


def _aanvraag() -> Aanvraag:
    return Aanvraag.van(router)


@router.get("/aanmelden")
def aanmeldformulier() -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.aanmeldformulier(_aanvraag())


@router.post("/aanmelden")
def aanmelden() -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.aanmelden(_aanvraag())


@router.get("/mijn-doorverwijzingen")
def doorverwijzingen() -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.doorverwijzingen(_aanvraag())


@router.get("/mijn-doorverwijzingen/<doorverwijzing_id>")
def doorverwijzing(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.doorverwijzing(_aanvraag(), doorverwijzing_id)


@router.post("/mijn-doorverwijzingen/<doorverwijzing_id>/intrekking")
def intrekking(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.intrekking(_aanvraag(), doorverwijzing_id)


@router.get("/incassostops.csv")
def incassostops() -> Response[str]:
    from warmdoor.web import schuldeiser

    return schuldeiser.incassostops(_aanvraag())
