"""Per-client throttling: every API key has its own allowance in the API's usage plan (KlantPiek 20,
KlantVerzoekenPerSeconde 10), so one busy client cannot crowd out the others."""

import boto3

from local import aws
from warmdoor.domain import sleutels
from warmdoor.models.enums import Rol


def plan_sleutels(pilot):
    apigateway = boto3.client("apigateway")
    plan = next(p for p in apigateway.get_usage_plans()["items"] if p["name"] == "warmdoor-local-klanten")
    return {k["name"] for k in apigateway.get_usage_plan_keys(usagePlanId=plan["id"])["items"]}


def test_a_key_gets_its_own_allowance_when_created_and_loses_it_when_revoked(pilot):
    beheer = pilot.callers["beheer"]
    sleutel = beheer.post("/v1/api-sleutels", {"rol": "schuldeiser", "schuldeiserId": "oasen"}).body
    assert f"warmdoor-local-klanten-{sleutel['id']}" in plan_sleutels(pilot)
    assert pilot.caller(sleutel["sleutel"]).get("/v1/doorverwijzingen").status == 200

    assert beheer.delete(f"/v1/api-sleutels/{sleutel['id']}").status == 204
    assert f"warmdoor-local-klanten-{sleutel['id']}" not in plan_sleutels(pilot)


def test_a_client_past_its_burst_is_throttled_while_the_others_are_not(pilot):
    evides, walcheren = pilot.callers["evides"], pilot.callers["walcheren"]
    nu = [1000.0]
    pilot.gateway.doseerder.tijd = lambda: nu[0]  # every request at the same moment

    statussen = [evides.get("/v1/doorverwijzingen").status for _ in range(21)]
    assert statussen == [200] * 20 + [429]
    te_veel = evides.get("/v1/doorverwijzingen")
    assert te_veel.status == 429
    assert te_veel.headers["content-type"] == "application/problem+json"
    assert te_veel.body["title"] == "Te veel verzoeken"
    assert walcheren.get("/v1/doorverwijzingen").status == 200  # another client, its own allowance

    nu[0] += 0.5  # 10 per second: five more
    assert [evides.get("/v1/doorverwijzingen").status for _ in range(6)] == [200] * 5 + [429]


def test_a_key_without_an_allowance_is_refused(pilot):
    class GeenPlan:
        def toevoegen(self, sleutel_id: str) -> None: ...

        def verwijderen(self, sleutel_id: str) -> None: ...

    geheim = sleutels.nieuw_geheim()
    sleutels.registreren(pilot.repo, GeenPlan(), geheim, pilot.clock.now(), Rol.BEHEER)
    antwoord = pilot.caller(geheim).get("/v1/organisaties")
    assert antwoord.status == 403
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert "geen toegang" in antwoord.body["detail"]
    # `python -m warmdoor gebruiksplan` (after an upgrade) gives every active key its allowance, and
    # can run again without harm.
    plan = aws.gebruiksplan(pilot.refs)
    aantal = sleutels.gebruiksplan_herstellen(pilot.repo, plan)
    assert sleutels.gebruiksplan_herstellen(pilot.repo, plan) == aantal == 6  # the pilot's five and this one
    assert pilot.caller(geheim).get("/v1/organisaties").status == 200
    assert len(plan_sleutels(pilot)) == 6
