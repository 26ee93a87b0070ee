"""The OpenAPI document from an integrator's side: a client generated from it with openapi-python-client,
used unedited, submits, reads and withdraws a referral on the local stack."""

import importlib
import importlib.util
import json
import os
import subprocess
import sys
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.e2e.conftest import Http, aanmelding_nu

GENERATOR = Path(sys.executable).parent / "openapi-python-client"
EVIDES = "demo-schuldeiser-evides"


@contextmanager
def gegenereerd(document: dict[str, Any], map: Path) -> Iterator[ModuleType]:
    pad = map / "openapi.json"
    pad.write_text(json.dumps(document))
    # The generator formats its output with ruff, which lies beside it in the virtualenv.
    env = {**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    subprocess.run(
        [str(GENERATOR), "generate", "--path", str(pad), "--meta", "none"],
        cwd=map,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    pakket = map / "warm_door_client"
    spec = importlib.util.spec_from_file_location(
        "warm_door_client", pakket / "__init__.py", submodule_search_locations=[str(pakket)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["warm_door_client"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        for naam in [n for n in sys.modules if n == "warm_door_client" or n.startswith("warm_door_client.")]:
            del sys.modules[naam]


def test_a_generated_client_submits_reads_and_withdraws_a_referral(local_stack, tmp_path):
    with urllib.request.urlopen(f"{local_stack}/v1/openapi.json", timeout=30) as antwoord:  # noqa: S310
        document = json.loads(antwoord.read())
    with gegenereerd(document, tmp_path) as client_pakket:
        api = "warm_door_client.api.doorverwijzingen"
        aanmelden = importlib.import_module(f"{api}.doorverwijzing_aanmelden")
        opvragen = importlib.import_module(f"{api}.doorverwijzing_opvragen")
        intrekken = importlib.import_module(f"{api}.doorverwijzing_intrekken")
        modellen = importlib.import_module("warm_door_client.models")
        client = client_pakket.AuthenticatedClient(base_url=f"{local_stack}/v1", token=EVIDES)

        body = modellen.DoorverwijzingVerzoek.from_dict(aanmelding_nu(Http(local_stack), f"GEN-{uuid.uuid4()}"))
        aangemeld = aanmelden.sync_detailed(client=client, body=body, idempotency_key=f"gen-{uuid.uuid4()}")
        assert aangemeld.status_code == 201
        d = aangemeld.parsed
        assert isinstance(d, modellen.DoorverwijzingVoorSchuldeiser)
        assert d.organisatie.id == "walcheren"

        gelezen = opvragen.sync(doorverwijzing_id=d.id, client=client)
        assert gelezen.status == modellen.Status.AANGEMELD and gelezen.incassostop.actief

        verzoek = modellen.IntrekkingVerzoek(reden=modellen.IntrekkingReden.BETAALD)
        ingetrokken = intrekken.sync(doorverwijzing_id=d.id, client=client, body=verzoek)
        assert ingetrokken.status == modellen.Status.INGETROKKEN and not ingetrokken.incassostop.actief

        nog_eens = intrekken.sync_detailed(doorverwijzing_id=d.id, client=client, body=verzoek)
        assert nog_eens.status_code == 409 and isinstance(nog_eens.parsed, modellen.Problem)
