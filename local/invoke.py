"""`make invoke FUNCTION=<LogicalId> EVENT=events/<folder>/<file>.json`: what `sam local invoke` does, minus
the container. Invokes the function's handler in this process with the event, against the running
`make run` stack (its emulated AWS and its clock), with exactly the environment the template gives the
function there, and prints what the handler returned (or raised)."""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from local import template
from local.clock import MovableClock
from local.lambdas import Runtime

ROOT = Path(__file__).resolve().parent.parent


def _stack(url: str) -> dict[str, Any]:
    try:
        with urllib.request.urlopen(f"{url}/_local/aws", timeout=5) as antwoord:  # noqa: S310 - local URL
            info: dict[str, Any] = json.load(antwoord)
            return info
    except (urllib.error.URLError, OSError) as fout:
        raise SystemExit(f"Geen lokale stack op {url} ({fout}). Start die eerst met `make run`.") from fout


def functie_voor(event_pad: Path) -> str:
    """The function an event is for: its folder under events/ is the function's logical id."""
    return event_pad.resolve().parent.name


def _ouder_dan_de_stack(event: dict[str, Any], info: dict[str, Any]) -> None:
    """An API event made before this stack's demo data names times the API may refuse: say why."""
    epoch = (event.get("requestContext") or {}).get("requestTimeEpoch")
    gestart = datetime.fromisoformat(info["started"])
    if isinstance(epoch, int) and datetime.fromtimestamp(epoch / 1000, UTC) < gestart:
        gemaakt = datetime.fromtimestamp(epoch / 1000, UTC).isoformat(timespec="minutes")
        print(
            f"Let op: dit event is van {gemaakt}, van voor de demogegevens van deze stack "
            f"({gestart.isoformat(timespec='minutes')}): een toestemming of contactpoging erin kan worden "
            "geweigerd. `make events` maakt de events opnieuw, op dit moment.",
            file=sys.stderr,
        )


def invoke(url: str, functie: str, event: dict[str, Any]) -> Any:
    info = _stack(url)
    _ouder_dan_de_stack(event, info)
    # The function's AWS clients go to the stack's emulation, as its own functions' do.
    os.environ.update(
        {
            "AWS_ENDPOINT_URL": info["endpoint"],
            "AWS_DEFAULT_REGION": info["region"],
            "AWS_REGION": info["region"],
            "AWS_ACCESS_KEY_ID": "local",
            "AWS_SECRET_ACCESS_KEY": "local",
        }
    )
    os.environ.pop("AWS_PROFILE", None)
    runtime = Runtime(info["refs"], dict(os.environ), MovableClock(datetime.fromisoformat(info["now"])))
    return runtime.invoke(functie, event)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m local.invoke", description=__doc__)
    parser.add_argument("event", type=Path, help="the event file, e.g. events/ApiFunction/doorverwijzing-lezen.json")
    parser.add_argument("--function", help="the function's logical id; default: the one of the event's folder")
    parser.add_argument("--url", default=f"http://127.0.0.1:{os.environ.get('PORT', '3000')}")
    args = parser.parse_args()
    functie = args.function or functie_voor(args.event)
    if functie not in template.functions():
        raise SystemExit(f"{functie} is geen functie in template.yaml: {', '.join(template.functions())}")
    event = json.loads(args.event.read_text())
    # One invocation flushes no metrics in most functions; Lambda would say nothing about that either.
    warnings.filterwarnings("ignore", message="No application metrics to publish")
    try:
        resultaat = invoke(args.url, functie, event)
    except Exception as fout:
        # What Lambda reports of a handler that raised (the authorizer raises Unauthorized, as it should).
        print(json.dumps({"errorType": type(fout).__name__, "errorMessage": str(fout)}, ensure_ascii=False))
        sys.exit(1)
    print(json.dumps(resultaat, indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
