"""The OpenAPI document is true to what the API does, and clean under the NL API Design Rules."""

import json
import subprocess
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from local.doseerder import Doseerder
from local.wsgi import application
from tests.conftest import aanmelding

ROOT = Path(__file__).resolve().parents[2]
RULESET = ROOT.parent / "shared" / "standards" / "nl-api-design-rules.linter.yaml"
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"


def test_document_passes_the_nl_api_design_rules_linter(pilot, tmp_path):
    assert SPECTRAL.exists(), "run `make install` (npm ci) first"
    document = pilot.callers["anoniem"].get("/v1/openapi.json").body
    pad = tmp_path / "openapi.json"
    pad.write_text(json.dumps(document))
    uitkomst = subprocess.run(
        [str(SPECTRAL), "lint", "--fail-severity", "error", "-r", str(RULESET), str(pad)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


def test_every_contract_route_is_documented(pilot):
    paden = pilot.callers["anoniem"].get("/v1/openapi.json").body["paths"]
    for pad, methoden in {
        "/doorverwijzingen": {"get", "post"},
        "/doorverwijzingen/{doorverwijzing_id}": {"get"},
        "/doorverwijzingen/{doorverwijzing_id}/intrekkingen": {"post"},
        "/organisaties/{organisatie_id}": {"get", "put"},
        "/api-sleutels": {"get", "post"},
        "/api-sleutels/{sleutel_id}": {"delete"},
    }.items():
        assert methoden <= set(paden[pad]), pad
    aanmelden = paden["/doorverwijzingen"]["post"]
    assert {"200", "201", "400", "401", "403", "409", "413", "415", "422"} <= set(aanmelden["responses"])
    assert "API-Version" in aanmelden["responses"]["201"]["headers"]


@pytest.mark.parametrize("rol", ["beheer", "evides", "walcheren"])
def test_no_5xx_and_responses_match_the_document(pilot, rol):
    """Schemathesis generates requests from the document for every operation, sent with one role's key."""
    # Fuzzing sends far more than one client may; the per-client allowance is tested in test_doseren.
    pilot.gateway.doseerder = Doseerder(rate=1e6, burst=10**6)
    pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("SCHEMA-1"))
    schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", application(pilot.gateway))
    headers = {"Authorization": f"Bearer {pilot.callers[rol].key}"}
    checks = [
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        response_headers_conformance,
    ]
    operaties = [resultaat.ok() for resultaat in schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operaties) >= 13

    for operatie in operaties:

        @given(case=operatie.as_strategy())
        @settings(max_examples=12, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def probeer(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
            case.call_and_validate(headers=headers, checks=checks)

        probeer()
