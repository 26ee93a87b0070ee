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
    # The operator's user administration; the pages sign people in; the alert e-mails link to the pages.
    "ApiFunction": {"GEBRUIKERSPOOL_ID"},
    "WebFunction": {
        "GEBRUIKERSPOOL_ID",
        "GEBRUIKERSPOOL_CLIENT_ID",
        "WEB_BASE_URL",
        "FEDERATIE_NAAM",
        "FEDERATIE_DOMEIN",
    },
    "EmailNotifierFunction": {"WEB_BASE_URL"},
    "WebhookVerdelerFunction": {"WEBHOOK_WACHTRIJ_URL"},
    "WebhookVerzenderFunction": {
        "WEBHOOK_WACHTRIJ_URL",
        "WEBHOOK_WACHTRIJ_ARN",
        "WEBHOOK_GROEP",
        "WEBHOOK_DLQ_ARN",
        "WEBHOOK_ROL_ARN",
        "WEBHOOK_UITSCHAKELEN_NA_DAGEN",
    },
}
# Set by the local stack and the tests only: in AWS every webhook goes to https on a public address.
ALLEEN_LOKAAL = {"WEBHOOK_LOKALE_ONTVANGERS"}


def test_every_environment_variable_the_code_reads_is_set_for_every_function():
    """The settings name the variables (their aliases); each must come from the template, not a default."""
    gelezen = {veld.alias for veld in Settings.model_fields.values() if veld.alias}
    assert gelezen, "the settings name no environment variables at all"
    eigen = set().union(*EIGEN_VARIABELEN.values())
    for functie in template.functions().values():
        nodig = (gelezen - eigen - ALLEEN_LOKAAL) | EIGEN_VARIABELEN.get(functie.name, set())
        assert nodig <= set(functie.environment), (functie.name, nodig - set(functie.environment))
        assert not ALLEEN_LOKAAL & set(functie.environment), functie.name


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
    from warmdoor.domain import meldingen, webhookberichten

    regels = template.resources("AWS::Events::Rule")
    nodig = {
        "EmailNotifierFunction": set(meldingen.EMAILS),
        "SmsNotifierFunction": set(meldingen.SMS),
        "WebhookVerdelerFunction": set(webhookberichten.SOORTEN),
    }
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
    regel = template.load()["Rules"]["EindpuntAlleenLokaal"]
    assert "RuleCondition" not in regel  # whatever the other parameters say
    assert regel["Assertions"][0]["Assert"] == {"Fn::Equals": [{"Ref": "AwsEndpointUrl"}, ""]}


# --- the pages' accounts (Cognito) -------------------------------------------------------------------


def _pool() -> dict[str, Any]:
    [pool] = template.resources("AWS::Cognito::UserPool").values()
    props: dict[str, Any] = pool["Properties"]
    return props


def _voorwaarde(naam: str, parameters: dict[str, str]) -> bool:
    refs = {**template.parameter_defaults(), **parameters}
    return template.resolve({"Fn::If": [naam, "ja", "nee"]}, refs) == "ja"


def test_mfa_is_required_unless_a_test_stack_says_otherwise():
    """TOTP only (no SMS: no phone numbers, no SMS costs); MfaVereist switches ON and OPTIONAL."""
    pool = _pool()
    assert pool["EnabledMfas"] == ["SOFTWARE_TOKEN_MFA"]
    [naam, aan, uit] = pool["MfaConfiguration"]["Fn::If"]
    assert (aan, uit) == ("ON", "OPTIONAL")
    assert _voorwaarde(naam, {}) is True  # the default: required
    assert _voorwaarde(naam, {"MfaVereist": "nee"}) is False


def test_accounts_are_made_by_the_operator_only_with_a_strong_password_and_recovery_by_email():
    pool = _pool()
    beleid = pool["Policies"]["PasswordPolicy"]
    assert beleid["MinimumLength"] >= 12
    assert all(beleid[eis] for eis in ("RequireLowercase", "RequireUppercase", "RequireNumbers", "RequireSymbols"))
    assert beleid["TemporaryPasswordValidityDays"] == 7
    assert pool["AccountRecoverySetting"]["RecoveryMechanisms"] == [{"Name": "verified_email", "Priority": 1}]
    assert pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    # The username is the e-mail address itself (readable in tokens and the audit trail), not an alias of it.
    assert "UsernameAttributes" not in pool and "AliasAttributes" not in pool
    assert pool["AutoVerifiedAttributes"] == ["email"]
    assert {"Name": "email", "AttributeDataType": "String", "Required": True, "Mutable": True} in pool["Schema"]
    assert pool["DeletionProtection"] == "ACTIVE"
    uitnodiging = json.dumps(pool["AdminCreateUserConfig"]["InviteMessageTemplate"])
    assert "{username}" in uitnodiging and "{####}" in uitnodiging


def test_the_web_client_has_no_secret_and_only_password_and_refresh_sign_in():
    [client] = template.resources("AWS::Cognito::UserPoolClient").values()
    props = client["Properties"]
    assert props["GenerateSecret"] is False
    assert sorted(props["ExplicitAuthFlows"]) == ["ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_PASSWORD_AUTH"]
    assert props["PreventUserExistenceErrors"] == "ENABLED"
    assert props["EnableTokenRevocation"] is True
    assert (props["IdTokenValidity"], props["AccessTokenValidity"], props["RefreshTokenValidity"]) == (15, 15, 12)
    assert props["TokenValidityUnits"] == {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "hours"}
    # The OAuth code flow (and its URLs) only with federation.
    for sleutel in ("AllowedOAuthFlows", "AllowedOAuthScopes", "CallbackURLs", "LogoutURLs"):
        assert props[sleutel]["Fn::If"][0] == "MetFederatie", sleutel
        assert props[sleutel]["Fn::If"][2] == {"Ref": "AWS::NoValue"}, sleutel
    assert "/inloggen/federatie" in json.dumps(props["CallbackURLs"])


def test_federation_is_declared_only_when_asked_and_complete():
    for soort in ("AWS::Cognito::UserPoolIdentityProvider", "AWS::Cognito::UserPoolDomain"):
        for naam, res in template.resources(soort).items():
            assert res.get("Condition") == "MetFederatie", naam
    assert _voorwaarde("MetFederatie", {}) is False
    assert _voorwaarde("MetFederatie", {"FederatieType": "OIDC"}) is True
    assert template.load()["Parameters"]["FederatieClientSecret"]["NoEcho"] is True
    assert template.load()["Rules"]["FederatieCompleet"]["RuleCondition"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "FederatieType"}, ""]}]
    }


def _cognito_acties(functie: str) -> set[str]:
    acties = set()
    for policy in template.functions()[functie].properties["Policies"]:
        for statement in policy["Statement"]:
            gevonden = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
            if any(actie.startswith("cognito-idp:") for actie in gevonden):
                # On the stack's own pool, nothing else.
                assert statement["Resource"] == {"Fn::GetAtt": ["Gebruikerspool", "Arn"]}, functie
                acties |= {actie.removeprefix("cognito-idp:") for actie in gevonden}
    return acties


def test_the_api_function_may_make_exactly_the_user_pool_calls_its_adapter_makes():
    bron = (ROOT / "layers/common/warmdoor/adapters/cognito.py").read_text()
    aanroepen = set(re.findall(r"self\._client\.([a-z_]+)\b", bron))
    assert aanroepen
    nodig = {"".join(deel.capitalize() for deel in aanroep.split("_")) for aanroep in aanroepen}
    assert _cognito_acties("ApiFunction") == nodig


def test_no_resource_depends_on_itself_after_the_sam_transform():
    """cfn-lint and `sam validate` do not see a cycle through SAM's generated resources (the pool's invitation
    naming the web API, whose methods invoke a function that names the pool); CloudFormation would."""
    code = r"""
import json, re, sys
from samcli.yamlhelper import yaml_parse
from samtranslator.translator.transform import transform
tpl = yaml_parse(open(sys.argv[1]).read())
for r in tpl["Resources"].values():
    for sleutel in ("CodeUri", "ContentUri"):
        if sleutel in r.get("Properties", {}):
            r["Properties"][sleutel] = "s3://bucket/key"
class Beleid:
    def load(self): return {}
res = transform(tpl, {}, Beleid())["Resources"]
def namen(o, acc):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "Ref" and isinstance(v, str): acc.add(v)
            elif k == "Fn::GetAtt": acc.add(v[0] if isinstance(v, list) else v.split(".")[0])
            elif k == "Fn::Sub":
                tekst = v if isinstance(v, str) else v[0]
                acc.update(x.split(".")[0] for x in re.findall(r"\$\{([^}!]+)\}", tekst))
                if not isinstance(v, str): namen(v[1], acc)
            elif k == "DependsOn": acc.update([v] if isinstance(v, str) else v)
            else: namen(v, acc)
    elif isinstance(o, list):
        for x in o: namen(x, acc)
    return acc
print(json.dumps({n: sorted(d for d in namen(r, set()) if d in res) for n, r in res.items()}))
"""
    sam_python = ROOT / ".tools" / "sam" / "bin" / "python"
    assert sam_python.exists(), "the SAM CLI is installed by make test (.tools/sam)"
    omgeving = {"AWS_DEFAULT_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x"}
    uitvoer = subprocess.run(
        [str(sam_python), "-c", code, str(template.TEMPLATE)], capture_output=True, text=True, check=True, env=omgeving
    )
    graaf: dict[str, list[str]] = json.loads(uitvoer.stdout)
    klaar: set[str] = set()

    def bezoek(naam: str, pad: list[str]) -> None:
        assert naam not in pad, " -> ".join([*pad[pad.index(naam) :], naam])
        if naam not in klaar:
            for volgende in graaf[naam]:
                bezoek(volgende, [*pad, naam])
            klaar.add(naam)

    for naam in graaf:
        bezoek(naam, [])
