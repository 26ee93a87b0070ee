"""Which operation each route of the API is. From this, API Gateway (through the authorizer's policy)
and the API function decide whether a caller may call a route before anything it sent is looked at:
a role that may not do something gets 403, whatever its body or parameters."""

import re
from typing import Any

from warmdoor.domain.toegang import Handeling, mag
from warmdoor.models.enums import Rol

ROUTES: dict[tuple[str, str], Handeling] = {
    ("GET", "/v1/organisaties"): Handeling.BEHEREN,
    ("GET", "/v1/organisaties/{organisatie_id}"): Handeling.BEHEREN,
    ("PUT", "/v1/organisaties/{organisatie_id}"): Handeling.BEHEREN,
    ("GET", "/v1/schuldeisers"): Handeling.BEHEREN,
    ("GET", "/v1/schuldeisers/{schuldeiser_id}"): Handeling.BEHEREN,
    ("PUT", "/v1/schuldeisers/{schuldeiser_id}"): Handeling.BEHEREN,
    ("GET", "/v1/api-sleutels"): Handeling.BEHEREN,
    ("POST", "/v1/api-sleutels"): Handeling.BEHEREN,
    ("DELETE", "/v1/api-sleutels/{sleutel_id}"): Handeling.BEHEREN,
    ("GET", "/v1/gebruikers"): Handeling.BEHEREN,
    ("POST", "/v1/gebruikers"): Handeling.BEHEREN,
    ("GET", "/v1/gebruikers/{gebruiker_id}"): Handeling.BEHEREN,
    ("POST", "/v1/gebruikers/{gebruiker_id}/uitschakeling"): Handeling.BEHEREN,
    ("POST", "/v1/gebruikers/{gebruiker_id}/inschakeling"): Handeling.BEHEREN,
    ("POST", "/v1/doorverwijzingen"): Handeling.AANMELDEN,
    ("GET", "/v1/doorverwijzingen"): Handeling.RAADPLEGEN,
    ("GET", "/v1/doorverwijzingen/{doorverwijzing_id}"): Handeling.RAADPLEGEN,
    ("POST", "/v1/doorverwijzingen/{doorverwijzing_id}/intrekkingen"): Handeling.INTREKKEN,
    ("POST", "/v1/doorverwijzingen/{doorverwijzing_id}/contactpogingen"): Handeling.CONTACT_VASTLEGGEN,
    ("PUT", "/v1/doorverwijzingen/{doorverwijzing_id}/eindresultaat"): Handeling.AFRONDEN,
    ("POST", "/v1/doorverwijzingen/{doorverwijzing_id}/verlengingen"): Handeling.VERLENGEN,
    ("GET", "/v1/doorverwijzingen/{doorverwijzing_id}/auditregels"): Handeling.AUDIT_LEZEN,
    ("GET", "/v1/rapportages/doorverwijzingen"): Handeling.RAADPLEGEN,
    ("GET", "/v1/webhooks"): Handeling.WEBHOOKS,
    ("POST", "/v1/webhooks"): Handeling.WEBHOOKS,
    ("GET", "/v1/webhooks/{webhook_id}"): Handeling.WEBHOOKS,
    ("PUT", "/v1/webhooks/{webhook_id}"): Handeling.WEBHOOKS,
    ("DELETE", "/v1/webhooks/{webhook_id}"): Handeling.WEBHOOKS,
    ("POST", "/v1/webhooks/{webhook_id}/geheimen"): Handeling.WEBHOOKS,
    ("GET", "/v1/webhooks/{webhook_id}/berichten"): Handeling.WEBHOOKS,
    ("POST", "/v1/webhooks/{webhook_id}/berichten/{bericht_id}/herbezorgingen"): Handeling.WEBHOOKS,
    ("POST", "/v1/webhooks/{webhook_id}/herbezorgingen"): Handeling.WEBHOOKS,
}

# POSTs that take no body (an action on the resource in the path): an empty one needs no Content-Type.
ZONDER_BODY: frozenset[tuple[str, str]] = frozenset(
    {
        ("POST", "/v1/gebruikers/{gebruiker_id}/uitschakeling"),
        ("POST", "/v1/gebruikers/{gebruiker_id}/inschakeling"),
        ("POST", "/v1/webhooks/{webhook_id}/geheimen"),
        ("POST", "/v1/webhooks/{webhook_id}/berichten/{bericht_id}/herbezorgingen"),
    }
)


def toegestaan(rol: Rol, methode: str, resource: str) -> bool:
    """May this role call the route (method and resource path as declared, e.g. /v1/doorverwijzingen/{id})?"""
    handeling = ROUTES.get((methode.upper(), resource))
    return handeling is not None and mag(rol, handeling)


def policy(method_arn: str, rol: Rol) -> list[dict[str, Any]]:
    """The authorizer's policy statements: Allow the routes of this role, Deny every other route.

    `method_arn` is the request's (arn:aws:execute-api:region:account:api-id/stage/METHOD/path); each path
    parameter becomes a wildcard. The Deny is needed because IAM's * also matches "/": the creditor's
    GET .../doorverwijzingen/* would otherwise allow GET .../doorverwijzingen/{id}/auditregels too.
    """
    api, _, rest = method_arn.partition("/")
    stage = rest.split("/", 1)[0]
    toegestaan: list[str] = []
    verboden: list[str] = []
    for (methode, pad), handeling in ROUTES.items():
        arn = f"{api}/{stage}/{methode}{re.sub(r'{[^}]+}', '*', pad)}"
        (toegestaan if mag(rol, handeling) else verboden).append(arn)
    statements = [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": toegestaan}]
    if verboden:
        statements.append({"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": verboden})
    return statements
