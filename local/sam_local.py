"""`.local/env.json`, written by `make run`: the `--env-vars` file with which `sam local invoke` and `sam local
start-api` (on a machine with Docker) run the functions against this stack's emulated AWS."""

import json
from pathlib import Path

from local import template
from local.lambdas import Runtime

# How a Lambda container reaches a port of the machine it runs on (see the README for Linux).
CONTAINER_HOST = "host.docker.internal"


def env_vars(runtime: Runtime, endpoint: str) -> dict[str, dict[str, str]]:
    """Per function (logical id), every variable the template gives it with this stack's values, and the
    emulation's endpoint as a container sees it (sam local passes only variables the template declares)."""
    container_endpoint = endpoint.replace("127.0.0.1", CONTAINER_HOST)
    return {
        naam: {**runtime.environment(naam), "AWS_ENDPOINT_URL": container_endpoint} for naam in template.functions()
    }


def schrijf(pad: Path, runtime: Runtime, endpoint: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(json.dumps(env_vars(runtime, endpoint), indent=2) + "\n")
