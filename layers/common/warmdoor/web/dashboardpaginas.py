"""The pilot dashboard's routes, for every role (each over its own). Each hands its request to
warmdoor/web/dashboard.py, imported at the first request that needs it (with the charting library)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.web.omgeving import Aanvraag

router = Router()  # type: ignore[no-untyped-call]


@router.get("/dashboard")
def dashboard() -> Response[str]:
    from warmdoor.web import dashboard

    return dashboard.dashboard(Aanvraag.van(router))


@router.get("/dashboard.csv")
def dashboard_csv() -> Response[str]:
    from warmdoor.web import dashboard

    return dashboard.csv(Aanvraag.van(router))
