"""Template rules: what the code needs is declared, and nothing more is allowed than it needs."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from local import template
from local.aws import physical_refs
from local.lambdas import Runtime
from warmdoor.models.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


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
    runtime = Runtime(physical_refs(), {})
    module = runtime._module(functie)
    assert callable(getattr(module, template.functions()[functie].handler.split(".")[1]))


# Variables only one function's adapters need, set for that function alone (the timer keeper's schedules
# name the timer function, which could not be given its own ARN).
EIGEN_VARIABELEN = {
    "TimerKeeperFunction": {"TIMER_GROEP", "TIMER_FUNCTIE_ARN", "TIMER_ROL_ARN", "TIMER_DLQ_ARN"},
    "VerdelerFunction": {"GEBEURTENISBUS"},
}


def test_every_environment_variable_the_code_reads_is_set_for_every_function():
    """The settings name the variables (their aliases); each must come from the template, not a default."""
    gelezen = {veld.alias for veld in Settings.model_fields.values() if veld.alias}
    assert gelezen, "the settings name no environment variables at all"
    eigen = set().union(*EIGEN_VARIABELEN.values())
    for functie in template.functions().values():
        nodig = (gelezen - eigen) | EIGEN_VARIABELEN.get(functie.name, set())
        assert nodig <= set(functie.environment), (functie.name, nodig - set(functie.environment))


def test_a_bad_setting_stops_the_cold_start_naming_the_variable():
    with pytest.raises(ValidationError) as fout:
        Settings.uit({"TABLE_NAME": "t", "CONTACT_TERMIJN_DAGEN": "drie"})
    assert "CONTACT_TERMIJN_DAGEN" in str(fout.value)


def test_every_route_of_the_api_is_declared_in_the_template_and_back():
    module = Runtime(physical_refs(), {})._module("ApiFunction")
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


def _wachtrij(functie: str) -> dict[str, Any]:
    [bron] = [e for e in template.functions()[functie].events.values() if e["Type"] == "SQS"]
    queue: dict[str, Any] = template.load()["Resources"][bron["Properties"]["Queue"]["Fn::GetAtt"][0]]
    return queue


def test_the_notifiers_know_how_often_their_queue_delivers_an_event():
    """A message is reported as failed for good on the queue's last delivery, so the two numbers must agree."""
    from warmdoor.domain.meldingen import POGINGEN

    for naam in ("EmailNotifierFunction", "SmsNotifierFunction"):
        assert _wachtrij(naam)["Properties"]["RedrivePolicy"]["maxReceiveCount"] == POGINGEN, naam


def test_at_most_two_readers_per_stream():
    """AWS: more than two readers on a shard get throttled; the VerdelerFunction fans out through the bus."""
    lezers: dict[str, int] = {}
    for functie in template.functions().values():
        for event in functie.events.values():
            if event["Type"] in ("DynamoDB", "Kinesis"):
                bron = str(event["Properties"]["Stream"])
                lezers[bron] = lezers.get(bron, 0) + 1
    assert lezers and all(aantal <= 2 for aantal in lezers.values()), lezers


def test_each_consumer_gets_from_the_bus_the_events_it_acts_on():
    """A rule per consumer: a new message for an event without its event type in the rule would never go out."""
    from warmdoor.domain import meldingen

    regels = template.resources("AWS::Events::Rule")
    nodig = {"EmailNotifierFunction": set(meldingen.EMAILS), "SmsNotifierFunction": set(meldingen.SMS)}
    for functie, soorten in nodig.items():
        queue = next(n for n, r in template.resources("AWS::SQS::Queue").items() if r is _wachtrij(functie))
        [regel] = [r for r in regels.values() if r["Properties"]["Targets"][0]["Arn"]["Fn::GetAtt"][0] == queue]
        patroon = json.loads(regel["Properties"]["EventPattern"])
        assert set(patroon["detail-type"]) == {s.value for s in soorten}, functie
    timers = next(n for n, r in template.resources("AWS::SQS::Queue").items() if r is _wachtrij("TimerKeeperFunction"))
    [regel] = [r for r in regels.values() if r["Properties"]["Targets"][0]["Arn"]["Fn::GetAtt"][0] == timers]
    assert "detail-type" not in json.loads(regel["Properties"]["EventPattern"])  # every event may move a timer


def test_each_rule_may_send_to_its_queue_and_nothing_else_may():
    beleid = {
        r["Properties"]["Queues"][0]["Ref"]: r["Properties"]["PolicyDocument"]["Statement"]
        for r in template.resources("AWS::SQS::QueuePolicy").values()
    }
    for naam, regel in template.resources("AWS::Events::Rule").items():
        queue = regel["Properties"]["Targets"][0]["Arn"]["Fn::GetAtt"][0]
        [statement] = beleid[queue]
        assert statement["Principal"] == {"Service": "events.amazonaws.com"}
        assert statement["Condition"]["ArnEquals"]["aws:SourceArn"] == {"Fn::GetAtt": [naam, "Arn"]}


def test_every_business_metric_of_a_failure_has_an_alarm():
    alarmen = str(template.resources("AWS::CloudWatch::Alarm"))
    for metriek in ("MeldingenGeweigerd", "MeldingenMislukt", "ContacttermijnVerlopen"):
        assert f"'MetricName': '{metriek}'" in alarmen, metriek


_IAM_NAMEN = {
    "AWS::IAM::Role": "RoleName",
    "AWS::IAM::User": "UserName",
    "AWS::IAM::Group": "GroupName",
    "AWS::IAM::ManagedPolicy": "ManagedPolicyName",
    "AWS::IAM::InstanceProfile": "InstanceProfileName",
}


def _deploy_in_makefile() -> str:
    [regel] = [r for r in (ROOT / "Makefile").read_text().splitlines() if "$(SAM) deploy" in r]
    return regel


def test_the_deploy_acknowledges_exactly_the_capabilities_the_template_needs():
    """A named IAM resource needs CAPABILITY_NAMED_IAM, or the first deploy fails (moto does not check)."""
    benoemd = [
        naam
        for soort, eigenschap in _IAM_NAMEN.items()
        for naam, res in template.resources(soort).items()
        if eigenschap in res.get("Properties", {})
    ]
    nodig = {"CAPABILITY_NAMED_IAM"} if benoemd else {"CAPABILITY_IAM"}
    samconfig = tomllib.loads((ROOT / "samconfig.toml").read_text())
    for omgeving in ("default", "test", "prod"):
        deploy = samconfig[omgeving]["deploy"]["parameters"]
        assert set(deploy["capabilities"].split()) >= nodig, omgeving
        assert deploy["stack_name"] and deploy["resolve_s3"] is True, omgeving
        assert samconfig[omgeving]["global"]["parameters"]["region"], omgeving
        assert samconfig[omgeving]["validate"]["parameters"]["lint"] is True, omgeving
    # `make deploy` reads the same settings (or names capabilities of its own that must be enough).
    regel = _deploy_in_makefile()
    assert "--config-env $(ENV)" in regel or set(re.findall(r"CAPABILITY_[A-Z_]+", regel)) >= nodig


def _sam_overrides(overrides: str) -> dict[str, str]:
    """parameter_overrides as `sam deploy` reads them (its own parser: quoting rules of its own)."""
    code = (
        "import json, sys; from samcli.cli.types import CfnParameterOverridesType as T; "
        "print(json.dumps(T().convert([sys.argv[1]], None, None)))"
    )
    sam_python = ROOT / ".tools" / "sam" / "bin" / "python"
    assert sam_python.exists(), "the SAM CLI is installed by make test (.tools/sam)"
    uitvoer = subprocess.run([str(sam_python), "-c", code, overrides], capture_output=True, text=True, check=True)
    waarden: dict[str, str] = json.loads(uitvoer.stdout)
    return waarden


def test_the_samconfig_parameters_are_the_templates():
    """A misspelt or misquoted parameter in samconfig.toml is dropped silently at deploy time; catch it here."""
    samconfig = tomllib.loads((ROOT / "samconfig.toml").read_text())
    parameters = template.load()["Parameters"]
    for omgeving, inhoud in samconfig.items():
        if not isinstance(inhoud, dict):
            continue
        overrides = inhoud["deploy"]["parameters"].get("parameter_overrides")
        waarden = _sam_overrides(overrides) if overrides else {}
        assert set(waarden) <= set(parameters), (omgeving, set(waarden) - set(parameters))
        for naam, waarde in waarden.items():
            patroon = parameters[naam].get("AllowedPattern")
            assert patroon is None or re.fullmatch(patroon, waarde), (omgeving, naam, waarde)
        if "MailAfzender" in waarden:
            assert waarden["MailAfzender"].endswith(f"@{waarden['MailDomein']}>"), omgeving
        # Only sam local may point the functions elsewhere (see the template's rule).
        assert "AwsEndpointUrl" not in waarden, omgeving


def test_no_role_or_function_name_is_built_from_the_stack_name():
    """IAM and Lambda names are at most 64 characters, a stack name up to 128: CloudFormation names them."""
    for soort, eigenschap in {**_IAM_NAMEN, "AWS::Serverless::Function": "FunctionName"}.items():
        for naam, res in template.resources(soort).items():
            assert eigenschap not in res.get("Properties", {}), naam


def test_every_alarm_topic_is_encrypted_with_a_key_cloudwatch_may_use():
    sleutels = template.resources("AWS::KMS::Key")
    for naam, topic in template.resources("AWS::SNS::Topic").items():
        sleutel = topic["Properties"].get("KmsMasterKeyId")
        assert isinstance(sleutel, dict) and sleutel.get("Ref") in sleutels, (naam, sleutel)
        beleid = sleutels[sleutel["Ref"]]["Properties"]["KeyPolicy"]["Statement"]
        cloudwatch = [s for s in beleid if s.get("Principal", {}).get("Service") == "cloudwatch.amazonaws.com"]
        assert cloudwatch, naam
        acties = {a for s in cloudwatch for a in s["Action"]}
        assert {"kms:Decrypt", "kms:GenerateDataKey*"} <= acties, naam


def test_one_parameter_sets_the_log_level_lambda_keeps_and_powertools_writes():
    functie = template.load()["Globals"]["Function"]
    assert functie["LoggingConfig"]["LogFormat"] == "JSON"
    assert functie["LoggingConfig"]["ApplicationLogLevel"] == {"Ref": "LogLevel"}
    assert functie["Environment"]["Variables"]["POWERTOOLS_LOG_LEVEL"] == {"Ref": "LogLevel"}
    lambda_niveaus = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"}
    assert set(template.load()["Parameters"]["LogLevel"]["AllowedValues"]) <= lambda_niveaus


def _slechtste_geval(profiel: dict[str, Any]) -> float:
    """Seconds one call may take at worst: every attempt times out, and the standard mode's longest backoff
    (at most 2^(n-1) s before retry n) in between."""
    pogingen = profiel["retries"]["total_max_attempts"]
    wachten = sum(min(20, 2**n) for n in range(pogingen - 1))
    return float(pogingen * (profiel["connect_timeout"] + profiel["read_timeout"]) + wachten)


def test_every_aws_call_gives_up_within_the_timeout_of_the_function_that_makes_it():
    """The services a function may call are those its policy names; each call's retries must end in time."""
    from warmdoor import wiring

    dienst = {"ses": "sesv2"}
    standaard = template.load()["Globals"]["Function"]["Timeout"]
    for functie in template.functions().values():
        timeout = functie.properties.get("Timeout", standaard)
        acties = {
            actie
            for policy in functie.properties["Policies"]
            for statement in policy["Statement"]
            for actie in (statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]])
        }
        for prefix in {actie.split(":")[0] for actie in acties} - {"iam", "kms"}:
            profiel = wiring.PROFIELEN.get(dienst.get(prefix, prefix), wiring.SNEL)
            assert _slechtste_geval(profiel) <= timeout, (functie.name, prefix)


def test_a_message_stays_invisible_while_its_function_may_still_be_at_it():
    """AWS advises a queue's visibility timeout of six times the timeout of the function reading it."""
    standaard = template.load()["Globals"]["Function"]["Timeout"]
    for functie in template.functions().values():
        for event in functie.events.values():
            if event["Type"] == "SQS":
                queue = template.load()["Resources"][event["Properties"]["Queue"]["Fn::GetAtt"][0]]
                timeout = functie.properties.get("Timeout", standaard)
                assert queue["Properties"]["VisibilityTimeout"] >= 6 * timeout, functie.name


def test_no_stack_in_aws_can_send_the_functions_traffic_elsewhere():
    """AWS_ENDPOINT_URL is declared only so that sam local may set it; in AWS it stays empty (AWS's own
    endpoints), and a deploy that sets it is refused by a rule."""
    parameter = template.load()["Parameters"]["AwsEndpointUrl"]
    assert parameter["Default"] == ""
    assert template.load()["Globals"]["Function"]["Environment"]["Variables"]["AWS_ENDPOINT_URL"] == {
        "Ref": "AwsEndpointUrl"
    }
    [regel] = template.load()["Rules"].values()
    assert regel["Assertions"][0]["Assert"] == {"Fn::Equals": [{"Ref": "AwsEndpointUrl"}, ""]}
