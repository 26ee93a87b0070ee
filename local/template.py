"""Reads template.yaml, so that the local stack and the tests build exactly what AWS would."""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    pass


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        assert isinstance(node, yaml.MappingNode)
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _tag)  # type: ignore[no-untyped-call]


@cache
def load() -> dict[str, Any]:
    with TEMPLATE.open() as bestand:
        template: dict[str, Any] = yaml.load(bestand, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass
    return template


def resources(soort: str) -> dict[str, dict[str, Any]]:
    return {naam: res for naam, res in load()["Resources"].items() if res["Type"] == soort}


def parameter_defaults() -> dict[str, str]:
    return {naam: str(p.get("Default", "")) for naam, p in load().get("Parameters", {}).items()}


def table_definitions() -> dict[str, dict[str, Any]]:
    """create_table arguments per logical id, straight from the template's table properties."""
    definities = {}
    for naam, res in resources("AWS::DynamoDB::Table").items():
        props = res["Properties"]
        definitie = {
            k: props[k]
            for k in (
                "AttributeDefinitions",
                "KeySchema",
                "GlobalSecondaryIndexes",
                "BillingMode",
                "StreamSpecification",
            )
            if k in props
        }
        if "StreamSpecification" in definitie:
            definitie["StreamSpecification"] = {"StreamEnabled": True, **definitie["StreamSpecification"]}
        definities[naam] = definitie
    return definities


def ttl_attributes() -> dict[str, str]:
    return {
        naam: res["Properties"]["TimeToLiveSpecification"]["AttributeName"]
        for naam, res in resources("AWS::DynamoDB::Table").items()
        if res["Properties"].get("TimeToLiveSpecification", {}).get("Enabled")
    }


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    function: str
    authorized: bool
    api_key_required: bool


@dataclass(frozen=True)
class Function:
    name: str
    code_uri: Path
    handler: str
    environment: dict[str, Any]
    events: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Any] = field(default_factory=dict)


@cache
def functions() -> dict[str, Function]:
    globale = load().get("Globals", {}).get("Function", {})
    globale_env = globale.get("Environment", {}).get("Variables", {})
    result = {}
    for naam, res in resources("AWS::Serverless::Function").items():
        props = res["Properties"]
        logging = {**globale.get("LoggingConfig", {}), **props.get("LoggingConfig", {})}
        # What Lambda itself adds when the template sets a log level (Powertools reads it first).
        lambda_env = (
            {"AWS_LAMBDA_LOG_LEVEL": logging["ApplicationLogLevel"]} if "ApplicationLogLevel" in logging else {}
        )
        result[naam] = Function(
            name=naam,
            code_uri=ROOT / props["CodeUri"],
            handler=props["Handler"],
            environment={**globale_env, **props.get("Environment", {}).get("Variables", {}), **lambda_env},
            events=props.get("Events", {}),
            properties=props,
        )
    return result


def timeout(functie: str) -> float:
    """The function's Timeout, or the Globals' (3 s when neither says, as in Lambda)."""
    globale = load().get("Globals", {}).get("Function", {})
    return float(functions()[functie].properties.get("Timeout", globale.get("Timeout", 3)))


def routes() -> list[Route]:
    """Every Api event of every function, each with the defaults of the REST API it belongs to."""
    apis = resources("AWS::Serverless::Api")
    result = []
    for functie in functions().values():
        for event in functie.events.values():
            if event["Type"] != "Api":
                continue
            props = event["Properties"]
            api_auth = apis[props["RestApiId"]["Ref"]]["Properties"].get("Auth", {})
            auth = props.get("Auth", {})
            authorizer = auth.get("Authorizer", api_auth.get("DefaultAuthorizer", "NONE"))
            result.append(
                Route(
                    props["Method"].upper(),
                    props["Path"],
                    functie.name,
                    authorizer != "NONE",
                    bool(auth.get("ApiKeyRequired", api_auth.get("ApiKeyRequired", False))),
                )
            )
    return result


@dataclass(frozen=True)
class UsagePlan:
    name: str
    rate: float
    burst: int


def usage_plan(refs: dict[str, str]) -> UsagePlan:
    """The API's one usage plan (per-client throttling), with its parameters resolved."""
    props = next(iter(resources("AWS::ApiGateway::UsagePlan").values()))["Properties"]
    return UsagePlan(
        name=resolve(props["UsagePlanName"], refs),
        rate=float(resolve(props["Throttle"]["RateLimit"], refs)),
        burst=int(resolve(props["Throttle"]["BurstLimit"], refs)),
    )


def authorizer_function() -> str:
    for res in resources("AWS::Serverless::Api").values():
        for authorizer in res["Properties"]["Auth"]["Authorizers"].values():
            return str(authorizer["FunctionArn"]["Fn::GetAtt"][0])
    raise LookupError("the template declares no authorizer")


def _geldt(voorwaarde: Any, refs: dict[str, str]) -> bool:
    """A condition of the template's Conditions (Equals, Not, And, Or, Condition), with the parameters' values."""
    if isinstance(voorwaarde, dict) and "Condition" in voorwaarde:
        return _geldt(load()["Conditions"][voorwaarde["Condition"]], refs)
    soort, argumenten = next(iter(voorwaarde.items()))
    match soort:
        case "Fn::Equals":
            return resolve(argumenten[0], refs) == resolve(argumenten[1], refs)
        case "Fn::Not":
            return not _geldt(argumenten[0], refs)
        case "Fn::And":
            return all(_geldt(a, refs) for a in argumenten)
        case "Fn::Or":
            return any(_geldt(a, refs) for a in argumenten)
    raise ValueError(f"unknown condition {soort}")


def resolve(waarde: Any, refs: dict[str, str]) -> str:
    """A template value with !Ref/!GetAtt/!Sub/!If of logical ids and parameters, as a plain string.

    `refs` maps a logical id (or parameter) to what !Ref gives, and "Id.Attribute" to what !GetAtt gives.
    """
    if isinstance(waarde, dict) and "Fn::If" in waarde:
        naam, dan, anders = waarde["Fn::If"]
        return resolve(dan if _geldt(load()["Conditions"][naam], refs) else anders, refs)
    if isinstance(waarde, dict) and "Ref" in waarde:
        return refs[waarde["Ref"]]
    if isinstance(waarde, dict) and "Fn::GetAtt" in waarde:
        return refs[".".join(waarde["Fn::GetAtt"])]
    if isinstance(waarde, dict) and "Fn::Sub" in waarde:
        tekst = str(waarde["Fn::Sub"])
        for naam, vervanging in refs.items():
            tekst = tekst.replace("${" + naam + "}", vervanging)
        return tekst
    return str(waarde)
