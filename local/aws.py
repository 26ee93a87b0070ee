"""The emulated AWS: a moto server on a local port, with every resource template.yaml declares."""

import json
import os
import socket
from dataclasses import dataclass
from typing import Any

import boto3
from botocore.config import Config
from moto.server import ThreadedMotoServer

from local import moto_fixes, template
from warmdoor.adapters.gebruiksplan import ApiGatewayGebruiksplan

REGION = "eu-west-1"
ACCOUNT = "123456789012"
PREFIX = "warmdoor-local"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def client(service: str) -> Any:
    # One attempt: moto answers a schedule in a missing group with a 500 that boto3 would retry for ~9 s.
    # No account-id endpoints (123456789012.streams-ddb...): moto only knows the regional ones.
    return boto3.client(service, config=Config(retries={"max_attempts": 1}, account_id_endpoint_mode="disabled"))


@dataclass
class EmulatedAws:
    server: ThreadedMotoServer
    endpoint: str
    refs: dict[str, str]

    def stop(self) -> None:
        self.server.stop()


def physical_refs() -> dict[str, str]:
    """What !Ref and !GetAtt of each resource stand for here; parameters get their defaults."""
    refs = {
        **template.parameter_defaults(),
        "AWS::Partition": "aws",
        "AWS::Region": REGION,
        "AWS::AccountId": ACCOUNT,
        "AWS::StackName": PREFIX,
        # The functions reach the emulation where this process does (empty under moto's in-process mock).
        "AwsEndpointUrl": os.environ.get("AWS_ENDPOINT_URL", ""),
    }
    for naam, res in template.load()["Resources"].items():
        soort = res["Type"]
        props = res.get("Properties", {})
        if soort == "AWS::DynamoDB::Table":
            refs[naam] = f"{PREFIX}-{naam}"
            refs[f"{naam}.Arn"] = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{PREFIX}-{naam}"
        elif soort == "AWS::Serverless::Function":
            functie = template.resolve(props["FunctionName"], refs) if "FunctionName" in props else f"{PREFIX}-{naam}"
            refs[naam] = functie
            refs[f"{naam}.Arn"] = f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{functie}"
        elif soort == "AWS::IAM::Role":
            rol = template.resolve(props["RoleName"], refs) if "RoleName" in props else f"{PREFIX}-{naam}"
            refs[f"{naam}.Arn"] = f"arn:aws:iam::{ACCOUNT}:role/{rol}"
        elif soort == "AWS::SQS::Queue":
            refs[f"{naam}.Arn"] = f"arn:aws:sqs:{REGION}:{ACCOUNT}:{PREFIX}-{naam}"
            refs[f"{naam}.QueueName"] = f"{PREFIX}-{naam}"
            # !Ref is the queue's URL: AWS's form until create_resources has the emulation's.
            refs[naam] = f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{PREFIX}-{naam}"
        elif soort == "AWS::Scheduler::ScheduleGroup":
            refs[naam] = f"{PREFIX}-{naam}"
        elif soort == "AWS::Events::EventBus":
            refs[naam] = template.resolve(props["Name"], refs)
            refs[f"{naam}.Arn"] = f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/{refs[naam]}"
        elif soort == "AWS::Cognito::UserPool":
            # Until create_resources replaces them with the ids the emulation makes.
            refs[naam] = f"{REGION}_{naam}"
            refs[f"{naam}.Arn"] = f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{refs[naam]}"
        elif soort == "AWS::Events::Rule":
            bus = template.resolve(props["EventBusName"], refs)
            refs[naam] = f"{PREFIX}-{naam}"
            refs[f"{naam}.Arn"] = f"arn:aws:events:{REGION}:{ACCOUNT}:rule/{bus}/{PREFIX}-{naam}"
        else:
            refs.setdefault(naam, f"{PREFIX}-{naam}")
    return refs


def start(port: int | None = None, host: str = "127.0.0.1") -> EmulatedAws:
    """`host`: the address the emulation listens on; this process reaches it on 127.0.0.1 either way."""
    moto_fixes.apply()
    port = port or free_port()
    server = ThreadedMotoServer(ip_address=host, port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    os.environ.update(
        {
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_DEFAULT_REGION": REGION,
            "AWS_REGION": REGION,
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
        }
    )
    os.environ.pop("AWS_PROFILE", None)
    return EmulatedAws(server, endpoint, physical_refs())


def create_resources(refs: dict[str, str]) -> None:
    """Everything the template declares that the handlers talk to."""
    moto_fixes.apply()
    dynamodb = client("dynamodb")
    for naam, definitie in template.table_definitions().items():
        dynamodb.create_table(TableName=refs[naam], **definitie)
    for naam, attribuut in template.ttl_attributes().items():
        dynamodb.update_time_to_live(
            TableName=refs[naam], TimeToLiveSpecification={"Enabled": True, "AttributeName": attribuut}
        )
    plan = template.usage_plan(refs)
    client("apigateway").create_usage_plan(name=plan.name, throttle={"rateLimit": plan.rate, "burstLimit": plan.burst})
    queues = template.resources("AWS::SQS::Queue")
    for naam in queues:
        refs[naam] = client("sqs").create_queue(QueueName=refs[f"{naam}.QueueName"])["QueueUrl"]
    for naam, res in queues.items():  # once every queue exists: a redrive policy names another
        attributen = _queue_attributen(res.get("Properties", {}), refs)
        if attributen:
            url = client("sqs").get_queue_url(QueueName=refs[f"{naam}.QueueName"])["QueueUrl"]
            client("sqs").set_queue_attributes(QueueUrl=url, Attributes=attributen)
    for naam in template.resources("AWS::Events::EventBus"):
        client("events").create_event_bus(Name=refs[naam])
    for naam, res in template.resources("AWS::Events::Rule").items():
        props = res["Properties"]
        bus = template.resolve(props["EventBusName"], refs)
        patroon = props["EventPattern"]
        client("events").put_rule(
            Name=refs[naam], EventBusName=bus, EventPattern=patroon if isinstance(patroon, str) else json.dumps(patroon)
        )
        doelen = [{"Id": doel["Id"], "Arn": template.resolve(doel["Arn"], refs)} for doel in props["Targets"]]
        client("events").put_targets(Rule=refs[naam], EventBusName=bus, Targets=doelen)
    for naam in template.resources("AWS::Scheduler::ScheduleGroup"):
        client("scheduler").create_schedule_group(Name=refs[naam])
    for naam, res in template.resources("AWS::Scheduler::Schedule").items():
        props = res["Properties"]
        doel = props["Target"]
        client("scheduler").create_schedule(
            Name=naam,
            GroupName=template.resolve(props["GroupName"], refs),
            ScheduleExpression=props["ScheduleExpression"],
            FlexibleTimeWindow=props["FlexibleTimeWindow"],
            Target={
                "Arn": template.resolve(doel["Arn"], refs),
                "RoleArn": template.resolve(doel["RoleArn"], refs),
                "Input": doel.get("Input", "{}"),
            },
        )
    _gebruikerspool(refs)
    for res in template.resources("AWS::SES::EmailIdentity").values():
        identiteit = template.resolve(res["Properties"]["EmailIdentity"], refs)
        client("sesv2").create_email_identity(EmailIdentity=identiteit)


def _gebruikerspool(refs: dict[str, str]) -> None:
    """The pages' user pool, its client and groups, as the template declares them (the ids are moto's)."""
    cognito = client("cognito-idp")
    for naam, res in template.resources("AWS::Cognito::UserPool").items():
        props = res["Properties"]
        pool = cognito.create_user_pool(
            PoolName=template.resolve(props["UserPoolName"], refs),
            Policies=props["Policies"],
            AutoVerifiedAttributes=props["AutoVerifiedAttributes"],
            AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
            UsernameConfiguration=props["UsernameConfiguration"],
        )["UserPool"]
        refs[naam] = pool["Id"]
        refs[f"{naam}.Arn"] = pool["Arn"]
    for naam, res in template.resources("AWS::Cognito::UserPoolClient").items():
        props = res["Properties"]
        refs[naam] = cognito.create_user_pool_client(
            UserPoolId=template.resolve(props["UserPoolId"], refs),
            ClientName=template.resolve(props["ClientName"], refs),
            ExplicitAuthFlows=props["ExplicitAuthFlows"],
            GenerateSecret=False,
            EnableTokenRevocation=True,
            # The attributes the ID token carries (the pages name the person with `name`).
            ReadAttributes=props["ReadAttributes"],
            WriteAttributes=props["WriteAttributes"],
        )["UserPoolClient"]["ClientId"]
    for res in template.resources("AWS::Cognito::UserPoolGroup").values():
        props = res["Properties"]
        cognito.create_group(UserPoolId=template.resolve(props["UserPoolId"], refs), GroupName=props["GroupName"])


def _cognito_gebruiker(pool_id: str, gebruikersnaam: str) -> Any:
    """An account in moto's in-process user pool (the emulation runs in this process, under `make run` and the
    tests alike): what boto3 cannot reach, such as its password, or its sub."""
    from moto.cognitoidp.models import cognitoidp_backends

    return cognitoidp_backends[ACCOUNT][REGION].user_pools[pool_id].users[gebruikersnaam]


def sub_zetten(pool_id: str, gebruikersnaam: str, sub: str) -> None:
    """Gives an account a sub of our choosing. Cognito makes it, randomly, and never changes it; the demo
    accounts get fixed ones (events/ name them) and a restored state its own (referrals name them)."""
    gebruiker = _cognito_gebruiker(pool_id, gebruikersnaam)
    gebruiker.id = sub  # what moto puts in the tokens' sub
    gebruiker.update_attributes([{"Name": "sub", "Value": sub}])


def wachtwoord(pool_id: str, gebruikersnaam: str) -> str | None:
    """The account's password as the emulation keeps it (in plain text: local accounts only)."""
    waarde = _cognito_gebruiker(pool_id, gebruikersnaam).password
    return None if waarde is None else str(waarde)


def _queue_attributen(props: dict[str, Any], refs: dict[str, str]) -> dict[str, str]:
    attributen = {}
    if "VisibilityTimeout" in props:
        attributen["VisibilityTimeout"] = str(props["VisibilityTimeout"])
    if "RedrivePolicy" in props:
        beleid = props["RedrivePolicy"]
        attributen["RedrivePolicy"] = json.dumps(
            {
                "deadLetterTargetArn": template.resolve(beleid["deadLetterTargetArn"], refs),
                "maxReceiveCount": int(beleid["maxReceiveCount"]),
            }
        )
    return attributen


def gebruiksplan(refs: dict[str, str]) -> ApiGatewayGebruiksplan:
    """Where keys made outside the API (the local operator and demo keys) get their allowance."""
    return ApiGatewayGebruiksplan(client("apigateway"), template.usage_plan(refs).name)
