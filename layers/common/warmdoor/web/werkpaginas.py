"""The start page, and the caseworker's pages' routes. Each hands its request to warmdoor/web/werk.py,
imported at the first page that needs it (the cold start imports no domain)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.web import http
from warmdoor.web.omgeving import STARTPAGINA, Aanvraag

router = Router()  # type: ignore[no-untyped-call]


def _aanvraag() -> Aanvraag:
    return Aanvraag.van(router)


@router.get("/")
def begin() -> Response[str]:
    a = _aanvraag()
    return http.doorsturen(STARTPAGINA[a.web.sessie(a.verzoek).principal.rol])


@router.get("/werkvoorraad")
def werkvoorraad() -> Response[str]:
    from warmdoor.web import werk

    return werk.werkvoorraad(_aanvraag())


@router.get("/doorverwijzingen/<doorverwijzing_id>")
def doorverwijzing(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import werk

    return werk.doorverwijzing(_aanvraag(), doorverwijzing_id)


@router.post("/doorverwijzingen/<doorverwijzing_id>/toewijzing")
def toewijzing(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import werk

    return werk.toewijzing(_aanvraag(), doorverwijzing_id)


@router.post("/doorverwijzingen/<doorverwijzing_id>/contactpogingen")
def contactpoging(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import werk

    return werk.contactpoging(_aanvraag(), doorverwijzing_id)


@router.post("/doorverwijzingen/<doorverwijzing_id>/verlengingen")
def verlenging(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import werk

    return werk.verlenging(_aanvraag(), doorverwijzing_id)


@router.post("/doorverwijzingen/<doorverwijzing_id>/eindresultaat")
def eindresultaat(doorverwijzing_id: str) -> Response[str]:
    from warmdoor.web import werk

    return werk.eindresultaat(_aanvraag(), doorverwijzing_id)


@router.get("/organisatie")
def organisatie() -> Response[str]:
    from warmdoor.web import werk

    return werk.organisatie(_aanvraag())
