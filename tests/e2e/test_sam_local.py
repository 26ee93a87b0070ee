"""The SAM way against `make run`: `make invoke` runs a function with an events/ file against the running
stack, and the stack writes the --env-vars file that `sam local` needs."""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from local import demo, template

ROOT = Path(__file__).resolve().parents[2]


def _invoke(local_stack: str, event: str, *extra: str) -> tuple[int, Any]:
    port = local_stack.rsplit(":", 1)[1]
    proces = subprocess.run(
        [str(shutil.which("make")), "-s", "invoke", f"EVENT={event}", *extra],
        cwd=ROOT,
        env={**os.environ, "PORT": port},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    # The function's own log lines come first (JSON, one per line); the result is printed last.
    regels = proces.stdout.splitlines()
    begin = len(regels) - 1 - regels[::-1].index("{") if regels[-1] == "}" else len(regels) - 1
    return proces.returncode, json.loads("\n".join(regels[begin:]))


def test_make_invoke_runs_the_api_with_an_event_against_the_running_stack(local_stack):
    code, antwoord = _invoke(local_stack, "events/ApiFunction/doorverwijzing-lezen.json")
    assert code == 0
    assert antwoord["statusCode"] == 200
    # (Whether the personal data are still there depends on how far other tests moved the stack's clock.)
    doorverwijzing = json.loads(antwoord["body"])
    assert (doorverwijzing["id"], doorverwijzing["organisatie"]["id"]) == (demo.OPEN, "zeeuws-vlaanderen")


def test_make_invoke_of_a_notifier_sends_into_the_stacks_outbox(local_stack, http):
    # The demo's own alert has this subject too: only a message that was not there before counts.
    voor = {m["id"] for m in http().get("/_local/outbox")[2]["emails"]}
    code, antwoord = _invoke(
        local_stack, "events/EmailNotifierFunction/doorverwijzing-aangemeld.json", "FUNCTION=EmailNotifierFunction"
    )
    assert (code, antwoord) == (0, {"batchItemFailures": []})
    mails = [m for m in http().get("/_local/outbox")[2]["emails"] if m["id"] not in voor]
    assert any(
        "intake@zeeuws-vlaanderen.example" in m["to"] and m["subject"].startswith("Warme doorverwijzing Terneuzen")
        for m in mails
    )


def test_make_invoke_reports_what_the_handler_raised(local_stack):
    code, antwoord = _invoke(local_stack, "events/AuthorizerFunction/ingetrokken-sleutel.json")
    assert code != 0
    assert antwoord == {"errorType": "Unauthorized", "errorMessage": "Unauthorized"}


def test_the_stack_writes_every_functions_environment_for_sam_local(local_stack, env_json, http):
    variabelen = json.loads(env_json.read_text())
    aws = http().get("/_local/aws")[2]
    for naam, functie in template.functions().items():
        assert set(functie.environment) <= set(variabelen[naam]), naam
        assert variabelen[naam]["TABLE_NAME"] == aws["refs"]["Tabel"]
        # A container reaches the emulation on the machine's port, by the name Docker gives the machine.
        poort = aws["endpoint"].rsplit(":", 1)[1]
        assert variabelen[naam]["AWS_ENDPOINT_URL"] == f"http://host.docker.internal:{poort}"
    assert variabelen["TimerKeeperFunction"]["TIMER_FUNCTIE_ARN"] == aws["refs"]["TimerFunction.Arn"]
