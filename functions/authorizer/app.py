"""The REQUEST authorizer: turns `Authorization: Bearer <key>` into the caller's principal.

Raising "Unauthorized" is how a Lambda authorizer makes API Gateway answer 401. The policy allows only
the routes of the key's role, so API Gateway answers 403 to any other before the API function sees the
request. Results are not cached (ttl 0 in the template) so that a revoked key stops working at once.
"""

from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.api.rechten import policy
from warmdoor.domain.sleutels import principal_voor
from warmdoor.wiring import PerFunctie

logger = Logger(service="warmdoor-authorizer")
diensten = PerFunctie()


class Unauthorized(Exception):
    def __init__(self) -> None:
        super().__init__("Unauthorized")


def _geheim(event: dict[str, Any]) -> str:
    headers = {naam.lower(): waarde for naam, waarde in (event.get("headers") or {}).items()}
    schema, _, geheim = (headers.get("authorization") or "").partition(" ")
    if schema.lower() != "bearer" or not geheim.strip() or len(geheim) > 512:
        raise Unauthorized
    return geheim.strip()


@logger.inject_lambda_context
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    principal = principal_voor(diensten().context.repo, _geheim(event))
    if principal is None:
        logger.info("unknown or revoked key")
        raise Unauthorized
    logger.append_keys(sleutel_id=principal.sleutelId, rol=principal.rol.value)
    logger.info("authorized")
    return {
        "principalId": principal.sleutelId,
        # The key's own allowance in the usage plan: per-client throttling.
        "usageIdentifierKey": diensten().gebruikssleutel(principal.sleutelId),
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": policy(event["methodArn"], principal.rol),
        },
        "context": {
            "sleutelId": principal.sleutelId,
            "rol": principal.rol.value,
            "schuldeiserId": principal.schuldeiserId or "",
            "organisatieId": principal.organisatieId or "",
        },
    }
