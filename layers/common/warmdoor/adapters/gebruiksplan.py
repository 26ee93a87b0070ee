"""Per-client throttling: every WarmDoor API key has an API Gateway key of its own in the API's usage plan.

The authorizer hands API Gateway that key's value as `usageIdentifierKey` (ApiKeySourceType
AUTHORIZER), so the value is no secret: clients cannot send it themselves.
"""

from typing import Any


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

    def toevoegen(self, sleutel_id: str) -> None:
        naam = gebruikssleutel(self._plan, sleutel_id)
        sleutel = self._client.create_api_key(name=naam, value=naam, enabled=True)
        self._client.create_usage_plan_key(usagePlanId=self._id(), keyId=sleutel["id"], keyType="API_KEY")

    def verwijderen(self, sleutel_id: str) -> None:
        naam = gebruikssleutel(self._plan, sleutel_id)
        for sleutel in self._client.get_api_keys(nameQuery=naam)["items"]:
            if sleutel["name"] == naam:
                self._client.delete_usage_plan_key(usagePlanId=self._id(), keyId=sleutel["id"])
                self._client.delete_api_key(apiKey=sleutel["id"])
