"""Per-client throttling: every WarmDoor API key has an API Gateway key of its own in the API's usage plan.

The authorizer hands API Gateway that key's value as `usageIdentifierKey` (ApiKeySourceType
AUTHORIZER), so the value is no secret: clients cannot send it themselves.
"""

from typing import Any

from botocore.exceptions import ClientError


def gebruikssleutel(plan: str, sleutel_id: str) -> str:
    """The value of a WarmDoor key's API Gateway key, known to the authorizer without a lookup."""
    return f"{plan}-{sleutel_id}"


class ApiGatewayGebruiksplan:
    def __init__(self, client: Any, plan: str) -> None:
        self._client = client
        self._plan = plan
        self._plan_id: str | None = None

    def _id(self) -> str:
        if self._plan_id is None:
            plannen = self._client.get_paginator("get_usage_plans").paginate()
            self._plan_id = next(p["id"] for pagina in plannen for p in pagina["items"] if p["name"] == self._plan)
        return self._plan_id

    def _bestaande(self, naam: str) -> list[str]:
        return [k["id"] for k in self._client.get_api_keys(nameQuery=naam)["items"] if k["name"] == naam]

    def toevoegen(self, sleutel_id: str) -> None:
        """Safe to repeat: an allowance that exists is kept."""
        naam = gebruikssleutel(self._plan, sleutel_id)
        bestaande = self._bestaande(naam)
        api_sleutel = (
            bestaande[0] if bestaande else self._client.create_api_key(name=naam, value=naam, enabled=True)["id"]
        )
        try:
            self._client.create_usage_plan_key(usagePlanId=self._id(), keyId=api_sleutel, keyType="API_KEY")
        except ClientError as fout:
            if fout.response["Error"]["Code"] != "ConflictException":
                raise

    def verwijderen(self, sleutel_id: str) -> None:
        for api_sleutel in self._bestaande(gebruikssleutel(self._plan, sleutel_id)):
            self._client.delete_usage_plan_key(usagePlanId=self._id(), keyId=api_sleutel)
            self._client.delete_api_key(apiKey=api_sleutel)
