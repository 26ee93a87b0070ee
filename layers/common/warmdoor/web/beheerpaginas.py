"""The operator's pages' routes (group beheer). Each hands its request to warmdoor/web/beheer.py, imported at
the first page that needs it (the cold start imports no domain)."""

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router

from warmdoor.web.omgeving import Aanvraag

router = Router()  # type: ignore[no-untyped-call]


def _aanvraag() -> Aanvraag:
    return Aanvraag.van(router)


@router.get("/beheer/organisaties")
def organisaties() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.organisaties(_aanvraag())


@router.post("/beheer/organisaties")
def organisatie_nieuw() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.organisatie_nieuw(_aanvraag())


@router.get("/beheer/organisaties/<organisatie_id>")
def organisatie(organisatie_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.organisatie(_aanvraag(), organisatie_id)


@router.post("/beheer/organisaties/<organisatie_id>")
def organisatie_opslaan(organisatie_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.organisatie_opslaan(_aanvraag(), organisatie_id)


@router.get("/beheer/schuldeisers")
def schuldeisers() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.schuldeisers(_aanvraag())


@router.post("/beheer/schuldeisers")
def schuldeiser_nieuw() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.schuldeiser_nieuw(_aanvraag())


@router.get("/beheer/schuldeisers/<schuldeiser_id>")
def schuldeiser(schuldeiser_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.schuldeiser(_aanvraag(), schuldeiser_id)


@router.post("/beheer/schuldeisers/<schuldeiser_id>")
def schuldeiser_opslaan(schuldeiser_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.schuldeiser_opslaan(_aanvraag(), schuldeiser_id)


@router.get("/beheer/sleutels")
def sleutels() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.sleutels(_aanvraag())


@router.post("/beheer/sleutels")
def sleutel_nieuw() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.sleutel_nieuw(_aanvraag())


@router.post("/beheer/sleutels/<sleutel_id>/intrekking")
def sleutel_intrekken(sleutel_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.sleutel_intrekken(_aanvraag(), sleutel_id)


@router.get("/beheer/gebruikers")
def gebruikers() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.gebruikers_lijst(_aanvraag())


@router.post("/beheer/gebruikers")
def gebruiker_uitnodigen() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.gebruiker_uitnodigen(_aanvraag())


@router.post("/beheer/gebruikers/<gebruiker_id>/uitschakeling")
def gebruiker_uitschakelen(gebruiker_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.gebruiker_uitschakelen(_aanvraag(), gebruiker_id)


@router.post("/beheer/gebruikers/<gebruiker_id>/inschakeling")
def gebruiker_inschakelen(gebruiker_id: str) -> Response[str]:
    from warmdoor.web import beheer

    return beheer.gebruiker_inschakelen(_aanvraag(), gebruiker_id)


@router.get("/beheer/audit")
def audittrail() -> Response[str]:
    from warmdoor.web import beheer

    return beheer.audittrail(_aanvraag())
