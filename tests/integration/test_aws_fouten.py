"""What AWS can do to a request that moto never does by itself: throttle, fail. The client gets a clear
problem in time, never a hanging request or an HTML error page."""

import json
import time

import pytest
from botocore.awsrequest import AWSResponse

from local import template
from tests.conftest import aanmelding
from warmdoor import wiring


class _Body:
    def __init__(self, inhoud: bytes) -> None:
        self._inhoud = inhoud

    def stream(self, **_: object):
        yield self._inhoud

    def read(self) -> bytes:
        return self._inhoud


def vertraag(pilot, functie: str, operatie: str) -> list[str]:
    """Makes DynamoDB answer `operatie` (or every operation: "*") with throttling, as AWS does under load."""
    pogingen: list[str] = []

    def te_druk(request, **_: object) -> AWSResponse:
        pogingen.append(request.url)
        fout = (
            b'{"__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", "message": "slow"}'
        )
        return AWSResponse(request.url, 400, {"Content-Type": "application/x-amz-json-1.0"}, _Body(fout))

    client = pilot.runtime.diensten(functie).clients("dynamodb")
    client.meta.events.register_first(f"before-send.dynamodb.{operatie}", te_druk)
    return pogingen


def test_a_throttled_write_is_503_with_retry_after_once_the_clients_retries_are_spent(pilot):
    pogingen = vertraag(pilot, "ApiFunction", "TransactWriteItems")
    begin = time.monotonic()
    antwoord = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding())
    assert time.monotonic() - begin < 10  # within the function's timeout, so no gateway time-out
    assert antwoord.status == 503, antwoord.body
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.headers["retry-after"] == "2"
    assert len(pogingen) == wiring.SNEL["retries"]["total_max_attempts"]


def test_a_throttled_authorizer_is_503_from_the_gateway(pilot):
    vertraag(pilot, "AuthorizerFunction", "GetItem")
    antwoord = pilot.callers["evides"].get("/v1/doorverwijzingen")
    assert antwoord.status == 503
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.headers["retry-after"] == "2"
    assert antwoord.body["type"].endswith("/te-druk")


def test_a_function_that_fails_is_a_problem_not_a_page(pilot, monkeypatch):
    module = pilot.runtime._module("ApiFunction")

    def kapot(event, context):
        raise RuntimeError("a bug")

    monkeypatch.setattr(module, "handler", kapot)
    antwoord = pilot.callers["evides"].get("/v1/doorverwijzingen")
    assert antwoord.status == 502
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert antwoord.body["title"] == "Interne fout"


GATEWAY_RESPONSES = next(iter(template.resources("AWS::Serverless::Api").values()))["Properties"]["GatewayResponses"]


@pytest.mark.parametrize("soort", sorted(GATEWAY_RESPONSES))
def test_the_gateways_own_errors_are_problems_too(soort):
    antwoord = GATEWAY_RESPONSES[soort]
    headers = antwoord["ResponseParameters"]["Headers"]
    assert headers["Content-Type"] == "'application/problem+json'"
    assert {"API-Version", "Cache-Control"} <= set(headers)
    # As API Gateway fills it in: $context.error.messageString is a quoted JSON string.
    body = (
        antwoord["ResponseTemplates"]["application/json"]
        .replace("$context.requestId", "c0ffee")
        .replace("$context.error.messageString", json.dumps('Een "melding"'))
    )
    problem = json.loads(body)
    assert problem["type"].startswith("https://warmdoor.nl/problemen/") and problem["title"] and problem["detail"]
    # A status on the DEFAULT_* responses would give every other response type that status.
    if soort.startswith("DEFAULT_"):
        assert "StatusCode" not in antwoord
    else:
        assert problem["status"] == int(antwoord["StatusCode"])
