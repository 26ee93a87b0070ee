"""A signed-in page: its template with the session, the form token and whom the person works for; the ids
in its path."""

import re
from typing import Any

from aws_lambda_powertools.event_handler import Response

from warmdoor.domain.errors import NietGevonden
from warmdoor.web import http
from warmdoor.web.omgeving import Aanvraag, Sessie

# The ids in the pages' paths (a referral's, an account's sub): UUIDs. Anything else is looked up nowhere.
ID = re.compile(r"[0-9a-f-]{36}")


def id_uit_pad(waarde: str) -> str:
    """A referral's id from a path; anything else is a referral that does not exist (404)."""
    if not ID.fullmatch(waarde):
        raise NietGevonden("Doorverwijzing niet gevonden")
    return waarde


def pagina(a: Aanvraag, sessie: Sessie, template: str, status: int = 200, **context: Any) -> Response[str]:
    """`organisatie` for a caseworker's pages (their organisation); `werkgever` names in the header the
    organisation or creditor the person works for (nobody for the operator)."""
    repo, wie = a.web.diensten.context.repo, sessie.principal
    organisatie = repo.organisatie(wie.organisatieId) if wie.organisatieId else None
    schuldeiser = repo.schuldeiser(wie.schuldeiserId) if wie.schuldeiserId else None
    werkgever = organisatie or schuldeiser
    context.setdefault("organisatie", organisatie)
    body = a.web.render(
        template, a.verzoek, sessie=sessie, csrf=sessie.csrf, werkgever=werkgever.naam if werkgever else None, **context
    )
    return http.html(body, status)
