"""Template rules: what the code needs is declared, and nothing more is allowed than it needs."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from local import template
from local.lambdas import Runtime

ROOT = Path(__file__).resolve().parents[2]
CODE = [*ROOT.glob("layers/common/warmdoor/**/*.py"), *ROOT.glob("functions/*/*.py")]


def test_cfn_lint_is_clean():
    uitkomst = subprocess.run(
        [str(Path(sys.executable).parent / "cfn-lint"), str(template.TEMPLATE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert uitkomst.returncode == 0, uitkomst.stdout + uitkomst.stderr


@pytest.mark.parametrize("functie", sorted(template.functions()))
def test_every_handler_is_importable(functie):
    runtime = Runtime({}, {})
    module = runtime._module(functie)
    assert callable(getattr(module, template.functions()[functie].handler.split(".")[1]))


def test_every_environment_variable_the_code_reads_is_set_for_every_function():
    gelezen = set()
    for bestand in CODE:
        gelezen |= set(re.findall(r"os\.environ(?:\.get\(|\[)\"([A-Z_]+)\"", bestand.read_text()))
    assert gelezen, "the scan found no environment variables at all"
    for functie in template.functions().values():
        assert gelezen <= set(functie.environment), (functie.name, gelezen - set(functie.environment))


def test_every_route_of_the_api_is_declared_in_the_template_and_back():
    module = Runtime({}, {})._module("ApiFunction")
    in_app = set()
    for route in module.app._static_routes + module.app._dynamic_routes:
        pad = re.sub(r"<(\w+)>", r"{\1}", route.path)
        in_app.add((route.method, "/v1" + pad))
    in_template = {(r.method, r.path) for r in template.routes() if r.function == "ApiFunction"}
    assert in_app == in_template


def test_each_function_has_its_own_least_privilege_policy():
    for functie in template.functions().values():
        policies = functie.properties.get("Policies")
        assert policies, f"{functie.name} has no policy of its own"
        for policy in policies:
            for statement in policy["Statement"]:
                acties = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
                assert all("*" not in actie for actie in acties), functie.name
                # Either named resources, or (SMS to phone numbers, which have no ARN) everything but topics.
                assert statement.get("Resource", "named") != "*", functie.name
                assert "Resource" in statement or "NotResource" in statement, functie.name


def test_no_catch_all_proxy_routes():
    assert not [r for r in template.routes() if "proxy+" in r.path]


def test_the_notifiers_know_how_often_the_stream_tries_a_message():
    """A message is reported as failed for good on the stream's last try, so the two numbers must agree."""
    from warmdoor.domain.meldingen import POGINGEN

    for naam in ("EmailNotifierFunction", "SmsNotifierFunction"):
        [bron] = [e for e in template.functions()[naam].events.values() if e["Type"] == "DynamoDB"]
        assert bron["Properties"]["MaximumRetryAttempts"] + 1 == POGINGEN, naam


def test_every_business_metric_of_a_failure_has_an_alarm():
    alarmen = str(template.resources("AWS::CloudWatch::Alarm"))
    for metriek in ("MeldingenGeweigerd", "MeldingenMislukt", "ContacttermijnVerlopen"):
        assert f"'MetricName': '{metriek}'" in alarmen, metriek
