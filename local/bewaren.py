"""`make run ARGS=--keep`: the local stack's state kept between runs (tables, timers, queues, the pages'
accounts and the clock).

The user pool is made anew at every start (moto gives it a new id); its accounts are put back into it as
they were: the same sub (the referrals they took name it), password, groups and status. Their passwords are
kept in plain text, as the emulation keeps them: local accounts only."""

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from local import aws, demo, template
from local.clock import MovableClock

STATE_FILE = Path(".local-state/tables.json")
_SCHEDULE_VELDEN = (
    "Name",
    "GroupName",
    "ScheduleExpression",
    "ScheduleExpressionTimezone",
    "FlexibleTimeWindow",
    "ActionAfterCompletion",
    "Target",
    "State",
)


def _tabellen(refs: dict[str, str]) -> list[str]:
    return [refs[naam] for naam in template.resources("AWS::DynamoDB::Table")]


def _items(tabel: str) -> list[dict[str, Any]]:
    dynamodb = aws.client("dynamodb")
    items: list[dict[str, Any]] = []
    start = None
    while True:
        pagina = dynamodb.scan(TableName=tabel, **({"ExclusiveStartKey": start} if start else {}))
        items += pagina["Items"]
        start = pagina.get("LastEvaluatedKey")
        if not start:
            return items


def _schedules() -> list[dict[str, Any]]:
    """Every schedule, the one-time timers of referrals included (moto never fires them; the timer pump does)."""
    scheduler = aws.client("scheduler")
    gevonden = []
    for groep in scheduler.list_schedule_groups()["ScheduleGroups"]:
        for s in scheduler.list_schedules(GroupName=groep["Name"])["Schedules"]:
            volledig = scheduler.get_schedule(Name=s["Name"], GroupName=groep["Name"])
            gevonden.append({veld: volledig[veld] for veld in _SCHEDULE_VELDEN if veld in volledig})
    return gevonden


def _queue_urls(refs: dict[str, str]) -> dict[str, str]:
    """The queues whose messages stand on their own. Not the stream's failure queue: its messages name
    positions in this run's stream, which the next run does not have (they are replayed before a stop)."""
    stroom = {
        naam
        for functie in template.functions().values()
        for event in functie.events.values()
        if event["Type"] == "DynamoDB"
        for naam in [event["Properties"]["DestinationConfig"]["OnFailure"]["Destination"]["Fn::GetAtt"][0]]
    }
    sqs = aws.client("sqs")
    return {
        naam: sqs.get_queue_url(QueueName=refs[f"{naam}.QueueName"])["QueueUrl"]
        for naam in template.resources("AWS::SQS::Queue")
        if naam not in stroom
    }


def _berichten(url: str) -> list[str]:
    """The bodies of every message on a queue (what failed and waits for a replay, above all)."""
    sqs = aws.client("sqs")
    bodies: list[str] = []
    while pagina := sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=60).get("Messages"):
        bodies += [bericht["Body"] for bericht in pagina]
    return bodies


def _gebruikers(refs: dict[str, str]) -> list[dict[str, Any]]:
    """Every account of the pool, with what it takes to make it again."""
    cognito, pool = aws.client("cognito-idp"), refs["Gebruikerspool"]
    gevonden = []
    for pagina in cognito.get_paginator("list_users").paginate(UserPoolId=pool):
        for gebruiker in pagina["Users"]:
            naam = gebruiker["Username"]
            groepen = cognito.admin_list_groups_for_user(UserPoolId=pool, Username=naam)["Groups"]
            gevonden.append(
                {
                    "gebruikersnaam": naam,
                    "attributen": [a for a in gebruiker["Attributes"] if a["Name"] != "sub"],
                    "sub": next(a["Value"] for a in gebruiker["Attributes"] if a["Name"] == "sub"),
                    "groepen": [g["GroupName"] for g in groepen],
                    "ingeschakeld": gebruiker["Enabled"],
                    "status": gebruiker["UserStatus"],
                    "wachtwoord": aws.wachtwoord(pool, naam),
                }
            )
    return gevonden


def _gebruikers_terugzetten(refs: dict[str, str], gebruikers: list[dict[str, Any]]) -> None:
    cognito, pool = aws.client("cognito-idp"), refs["Gebruikerspool"]
    bestaande = {g["GroupName"] for g in cognito.list_groups(UserPoolId=pool)["Groups"]}
    for g in gebruikers:
        tijdelijk = {"TemporaryPassword": g["wachtwoord"]} if g["wachtwoord"] else {}
        cognito.admin_create_user(
            UserPoolId=pool,
            Username=g["gebruikersnaam"],
            UserAttributes=g["attributen"],
            MessageAction="SUPPRESS",
            **tijdelijk,
        )
        if g["status"] != "FORCE_CHANGE_PASSWORD" and g["wachtwoord"]:
            cognito.admin_set_user_password(
                UserPoolId=pool, Username=g["gebruikersnaam"], Password=g["wachtwoord"], Permanent=True
            )
        aws.sub_zetten(pool, g["gebruikersnaam"], g["sub"])
        for groep in g["groepen"]:
            if groep not in bestaande:
                cognito.create_group(UserPoolId=pool, GroupName=groep)
                bestaande.add(groep)
            cognito.admin_add_user_to_group(UserPoolId=pool, Username=g["gebruikersnaam"], GroupName=groep)
        if not g["ingeschakeld"]:
            cognito.admin_disable_user(UserPoolId=pool, Username=g["gebruikersnaam"])


def save(refs: dict[str, str], clock: MovableClock) -> None:
    staat = {
        "clockOffsetSeconds": clock.offset().total_seconds(),
        "tables": {tabel: _items(tabel) for tabel in _tabellen(refs)},
        "schedules": _schedules(),
        "queues": {naam: _berichten(url) for naam, url in _queue_urls(refs).items()},
        "gebruikers": _gebruikers(refs),
    }
    STATE_FILE.parent.mkdir(exist_ok=True)
    # Written aside and renamed, so that a stop halfway leaves the previous state whole.
    tijdelijk = STATE_FILE.with_suffix(".tmp")
    tijdelijk.write_text(json.dumps(staat, default=str))
    tijdelijk.replace(STATE_FILE)


def restore(refs: dict[str, str], clock: MovableClock) -> bool:
    """Puts the saved state back; False when there is none (or it cannot be read: then it is set aside)."""
    if not STATE_FILE.exists():
        return False
    try:
        staat = json.loads(STATE_FILE.read_text())
        tabellen, schedules, queues = staat["tables"], staat.get("schedules", []), staat.get("queues", {})
    except (ValueError, KeyError, TypeError):
        apart = STATE_FILE.with_suffix(".onleesbaar")
        STATE_FILE.replace(apart)
        print(f"Bewaarde toestand onleesbaar; apart gezet als {apart}. Start met nieuwe demogegevens.", file=sys.stderr)
        return False
    dynamodb = aws.client("dynamodb")
    for tabel, items in tabellen.items():
        for item in items:
            dynamodb.put_item(TableName=tabel, Item=item)
    scheduler = aws.client("scheduler")
    for schedule in schedules:
        try:
            scheduler.create_schedule(**schedule)
        except ClientError as fout:
            if fout.response["Error"]["Code"] != "ConflictException":  # the template's own, made at start
                raise
    for naam, url in _queue_urls(refs).items():
        for body in queues.get(naam, []):
            aws.client("sqs").send_message(QueueUrl=url, MessageBody=body)
    if "gebruikers" in staat:
        _gebruikers_terugzetten(refs, staat["gebruikers"])
    else:  # kept before the pages had accounts: the demo's, as a new run makes them
        demo.medewerkers_aanmaken(refs)
    try:
        clock.advance(timedelta(seconds=float(staat["clockOffsetSeconds"])))
    except (ValueError, OverflowError, KeyError, TypeError):
        print("Bewaarde klokstand buiten bereik; de klok loopt weer gelijk met de echte tijd.", file=sys.stderr)
    return True
