"""`make bench`: prints the figures the README's performance section quotes, measured in one run.

1. Cold import of each function's handler module, next to a bare `import boto3` of the same Python.
2. p50/p95 latency of POST /v1/doorverwijzingen through the authorizer and API handlers on emulated AWS.
3. Local stack: time from POST to the organisation's e-mail in the outbox.
4. AWS API calls one referral costs, from intake to all its notifications and timers.
5. The caseworkers' pages on emulated AWS: the work queue with 500 open referrals and a referral's page,
   next to the API's GET of the same data.
6. Webhooks: the AWS calls a delivery costs (in process), and on the local stack, from the POSTs of 3, the
   time until the creditor's signed message is at the local receiver.
"""

import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
IMPORT_RUNS = 7
LATENCY_REQUESTS = 500
LOCAL_REFERRALS = 200
QUEUE_REFERRALS = 500
PAGE_REQUESTS = 30


def _median_seconds(code: str, env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Medians of `code` and of a bare `import boto3`, each in fresh interpreters taking turns, so that a change
    in the machine's load weighs on both alike."""
    tijden: tuple[list[float], list[float]] = ([], [])
    for _ in range(IMPORT_RUNS):
        for bron, lijst in zip((code, "import boto3"), tijden, strict=True):
            uit = subprocess.run(
                [sys.executable, "-c", f"import time\nt=time.perf_counter()\n{bron}\nprint(time.perf_counter()-t)"],
                capture_output=True,
                text=True,
                env=env,
                cwd=cwd,
                check=True,
            )
            lijst.append(float(uit.stdout.strip().splitlines()[-1]))
    return statistics.median(tijden[0]), statistics.median(tijden[1])


def cold_imports() -> None:
    from local import template
    from local.aws import physical_refs

    refs = physical_refs()
    basis = {k: v for k, v in os.environ.items() if not k.startswith("POWERTOOLS")}
    # As in Lambda: the function code and the layer's own package are compiled from source at every cold start
    # (read-only file system, no __pycache__ shipped); the pip-installed dependencies come with their .pyc.
    basis["PYTHONDONTWRITEBYTECODE"] = "1"
    zonder_cache = shutil.ignore_patterns("__pycache__")
    with tempfile.TemporaryDirectory() as tijdelijk:
        kopie = Path(tijdelijk)
        shutil.copytree(ROOT / "layers" / "common" / "warmdoor", kopie / "laag" / "warmdoor", ignore=zonder_cache)
        basis["PYTHONPATH"] = str(kopie / "laag")
        print(f"\n[1] cold import, median of {IMPORT_RUNS} fresh interpreters ({platform.python_version()}),")
        print("    each function next to a bare `import boto3` run in turns with it")
        print(f"    {'function':<28}{'import':>7}      {'boto3':>7}      ratio")
        for naam, functie in sorted(template.functions().items()):
            env = {**basis, **{k: template.resolve(v, refs) for k, v in functie.environment.items()}}
            pad = shutil.copytree(functie.code_uri, kopie / naam, ignore=zonder_cache) / "app.py"
            code = (
                "import importlib.util\n"
                f"s=importlib.util.spec_from_file_location('app', {str(pad)!r})\n"
                "m=importlib.util.module_from_spec(s)\ns.loader.exec_module(m)"
            )
            tijd, boto3_tijd = _median_seconds(code, env, kopie)
            print(f"    {naam:<28}{tijd * 1000:7.0f} ms   {boto3_tijd * 1000:7.0f} ms   {tijd / boto3_tijd:4.2f}x")


def _p95(tijden: list[float]) -> float:
    return sorted(tijden)[int(len(tijden) * 0.95) - 1]


def percentielen(tijden: list[float]) -> str:
    p50 = sorted(tijden)[len(tijden) // 2]
    return f"p50 {p50 * 1000:6.1f} ms   p95 {_p95(tijden) * 1000:6.1f} ms   (n={len(tijden)})"


def pilot() -> tuple[Any, Any, Any]:
    """On moto (inside mock_aws): Walcheren, Evides, and the two's API callers."""
    from local.doseerder import Doseerder
    from tests.conftest import ORGANISATIE_WALCHEREN, START
    from tests.support.stack import build_stack
    from warmdoor.models.enums import Rol

    stack = build_stack(START)
    # The handlers are measured here, not the per-client allowance (10/s), which would stop the run.
    stack.gateway.doseerder = Doseerder(rate=1e6, burst=10**6)
    beheer = stack.caller(stack.register_key(Rol.BEHEER))
    beheer.put("/v1/organisaties/walcheren", ORGANISATIE_WALCHEREN)
    beheer.put("/v1/schuldeisers/evides", {"naam": "Evides", "type": "water", "email": "i@evides.example"})
    evides = stack.caller(stack.register_key(Rol.SCHULDEISER, schuldeiser_id="evides"))
    walcheren = stack.caller(stack.register_key(Rol.ORGANISATIE, organisatie_id="walcheren"))
    return stack, evides, walcheren


def latency_and_api_calls() -> None:
    from moto import mock_aws

    os.environ.update({"AWS_DEFAULT_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "x", "AWS_SECRET_ACCESS_KEY": "x"})
    os.environ.pop("AWS_ENDPOINT_URL", None)
    aanroepen: Counter[str] = Counter()

    def tel(event_name: str, **_kwargs: Any) -> None:
        _, service, operatie = event_name.split(".", 2)
        aanroepen[f"{service}.{operatie}"] += 1

    with mock_aws():
        import boto3

        # Clients copy the session's hooks when they are made, so the counter is hooked in first.
        boto3.setup_default_session()
        boto3.DEFAULT_SESSION.events.register("before-call.*.*", tel)
        from tests.conftest import aanmelding

        stack, evides, _ = pilot()
        evides.post("/v1/doorverwijzingen", aanmelding("WARM-UP"))
        stack.settle()
        intake_en_vloer(stack, evides.key)
        stack.settle()

        pomp = {"ListSchedules", "ListScheduleGroups", "GetSchedule"}

        def van_de_functies() -> dict[str, int]:
            """Leaves out what the local stream, queue and timer pumps and the gateway do (Lambda, Scheduler and
            API Gateway do that in AWS); the timer keeper's schedule calls are the function's own."""
            return {
                k: v
                for k, v in aanroepen.items()
                if not k.startswith(("dynamodb-streams.", "api-gateway.", "sqs.")) and k.split(".")[1] not in pomp
            }

        aanroepen.clear()
        evides.post("/v1/doorverwijzingen", aanmelding("TEL-1"))
        intake = sum(van_de_functies().values())
        stack.settle()
        aanroepen_app = van_de_functies()
        print("\n[4] AWS API calls for one referral, intake to notifications and timers (botocore before-call)")
        print(f"    intake (authorizer + API): {intake}")
        print(f"    total by the functions:    {sum(aanroepen_app.values())}")
        for naam, aantal in sorted(aanroepen_app.items()):
            print(f"      {naam:<40}{aantal}")
        plumbing = sum(aanroepen.values()) - sum(aanroepen_app.values())
        print(f"    (+{plumbing} calls by the local stream, queue and timer pumps and the gateway's usage-plan check)")


def intake_en_vloer(stack: Any, sleutel: str) -> None:
    """The intake's handlers (authorizer, then API) with the events API Gateway gives them, next to the floor: a
    bare handler that does one put_item on the same moto. Taken in turns, so that both see the same machine."""
    import boto3

    from local import template
    from local.gateway import authorized, proxy_event, request_authorizer_event
    from local.lambdas import LambdaContext
    from tests.conftest import aanmelding

    dynamodb = boto3.client("dynamodb")
    headers = {"Authorization": f"Bearer {sleutel}", "Content-Type": "application/json"}
    authorizer = template.authorizer_function()

    def event(referentie: str) -> dict[str, Any]:
        body = json.dumps(aanmelding(referentie)).encode()
        pad = "/doorverwijzingen"
        return proxy_event(pad, {}, "POST", pad, "", headers, body, "127.0.0.1")

    def intake(e: dict[str, Any]) -> None:
        beleid = stack.runtime.invoke(authorizer, request_authorizer_event(e))
        antwoord = stack.runtime.invoke("ApiFunction", authorized(e, beleid))
        assert antwoord["statusCode"] == 201, antwoord["body"]

    def vloer(e: dict[str, Any], _context: LambdaContext) -> dict[str, Any]:
        item = {"PK": {"S": f"VLOER#{uuid.uuid4()}"}, "SK": {"S": "VLOER"}, "body": {"S": e["body"]}}
        dynamodb.put_item(TableName=stack.table, Item=item)
        return {"statusCode": 201, "body": "{}"}

    intake_tijden, vloer_tijden = [], []
    for n in range(LATENCY_REQUESTS):
        e = event(f"BENCH-{n}")
        begin = time.perf_counter()
        intake(e)
        intake_tijden.append(time.perf_counter() - begin)
        begin = time.perf_counter()
        vloer(e, LambdaContext("Vloer", str(uuid.uuid4()), 10))
        vloer_tijden.append(time.perf_counter() - begin)
    verhouding = _p95(intake_tijden) / _p95(vloer_tijden)
    print(f"\n[2] POST /v1/doorverwijzingen on in-process moto, {LATENCY_REQUESTS} requests, in turns with the floor")
    print(f"    intake (authorizer + API handler)      {percentielen(intake_tijden)}")
    print(f"    floor (bare handler, one put_item)     {percentielen(vloer_tijden)}")
    print(f"    intake p95 / floor p95: {verhouding:.1f}x (target <= 3x)")


def local_stack_latency() -> None:
    """One local stack over HTTP: for each referral POSTed as Evides, the time until the organisation's e-mail
    is in the outbox and until Evides's signed webhook is at the local receiver (local/demo.py subscribes it)."""
    from local.aws import free_port
    from local.stack import LocalStack
    from tests.conftest import aanmelding

    stack = LocalStack(free_port(), "bench-admin-key")
    stack.settle()  # the demo referrals' own messages first, so that they are not in the measured times
    stack.start_in_background()
    try:
        mail: list[float] = []
        webhook: list[float] = []
        for n in range(LOCAL_REFERRALS):
            nu = stack.clock.now().isoformat()
            body = json.dumps(aanmelding(f"LOKAAL-{n}-{uuid.uuid4()}", toestemming_op=nu)).encode()
            verzoek = urllib.request.Request(  # noqa: S310 - the local stack
                f"{stack.url}/v1/doorverwijzingen",
                data=body,
                headers={"Authorization": "Bearer demo-schuldeiser-evides", "Content-Type": "application/json"},
            )
            begin = time.perf_counter()
            with urllib.request.urlopen(verzoek) as antwoord:  # noqa: S310
                d_id = json.loads(antwoord.read())["id"]
            while len(mail) <= n or len(webhook) <= n:
                if len(mail) <= n and _in_outbox(stack.url, d_id):
                    mail.append(time.perf_counter() - begin)
                if len(webhook) <= n and _bij_ontvanger(stack, d_id):
                    webhook.append(time.perf_counter() - begin)
                time.sleep(0.01)
    finally:
        stack.shutdown()
    print(
        "\n[3] local stack over HTTP: POST until the organisation's e-mail is in the outbox, "
        f"{LOCAL_REFERRALS} referrals"
    )
    print(f"    {percentielen(mail)}   (the stream and queue pumps poll every 100 ms)")
    print("\n[6] the same POSTs until Evides's signed webhook (incassostop.gestart) is at the local receiver")
    print(f"    {percentielen(webhook)}   (stream -> bus -> fan-out queue -> sender queue)")


def _in_outbox(url: str, d_id: str) -> bool:
    with urllib.request.urlopen(f"{url}/_local/outbox") as antwoord:  # noqa: S310
        return any(d_id in (m["text"] or "") for m in json.loads(antwoord.read())["emails"])


def _bij_ontvanger(stack: Any, d_id: str) -> bool:
    return any(
        w["inhoud"]["data"]["doorverwijzingId"] == d_id and w["handtekeningKlopt"] for w in stack.ontvanger.ontvangen()
    )


def webhook_calls() -> None:
    """What one delivery costs: one referral with no webhook, then with one, then with two (creditor and
    organisation); the difference per delivery is the fan-out's message and the sender's work."""
    from moto import mock_aws

    from tests.conftest import aanmelding

    aanroepen: Counter[str] = Counter()

    # What the local pumps do (Lambda's event source mappings and the scheduler do that in AWS).
    pompen = {"ReceiveMessage", "DeleteMessage", "ListSchedules", "ListScheduleGroups", "GetSchedule", "GetQueueUrl"}

    def tel(event_name: str, **_kwargs: Any) -> None:
        _, service, operatie = event_name.split(".", 2)
        if service not in ("dynamodb-streams", "api-gateway") and operatie not in pompen:
            aanroepen[f"{service}.{operatie}"] += 1

    ontvanger = _ontvanger()
    os.environ["WEBHOOK_LOKALE_ONTVANGERS"] = ontvanger
    with mock_aws():
        import boto3

        boto3.setup_default_session()
        boto3.DEFAULT_SESSION.events.register("before-call.*.*", tel)
        stack, evides, walcheren = pilot()
        evides.post("/v1/doorverwijzingen", aanmelding("WARM-UP"))
        stack.settle()

        def een_doorverwijzing(referentie: str) -> Counter[str]:
            aanroepen.clear()
            evides.post("/v1/doorverwijzingen", aanmelding(referentie))
            stack.settle()
            return Counter(aanroepen)

        zonder = een_doorverwijzing("ZONDER-WEBHOOK")
        evides.post("/v1/webhooks", {"url": f"{ontvanger}/evides", "soorten": ["incassostop.gestart"]})
        een = een_doorverwijzing("EEN-WEBHOOK")
        walcheren.post("/v1/webhooks", {"url": f"{ontvanger}/walcheren", "soorten": ["doorverwijzing.aangemeld"]})
        twee = een_doorverwijzing("TWEE-WEBHOOKS")
        print("\n[6] AWS API calls per webhook delivery (one referral with 0, 1 and 2 subscribed endpoints)")
        print(
            f"    referral with no webhook: {sum(zonder.values())} calls; with one: {sum(een.values())}; "
            f"with two: {sum(twee.values())}"
        )
        per = twee - zonder
        print(f"    per delivery: {sum(per.values()) / 2:.1f} calls (what the local pumps call for Lambda's event")
        print("    source mappings and the scheduler left out), of which:")
        for naam, aantal in sorted(per.items()):
            print(f"      {naam:<40}{aantal / 2:.1f}")
    del os.environ["WEBHOOK_LOKALE_ONTVANGERS"]


def _ontvanger() -> str:
    """A receiver that answers 204 to everything, on this machine."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def web_pages() -> None:
    from moto import mock_aws

    os.environ.pop("AWS_ENDPOINT_URL", None)
    with mock_aws():
        from tests.conftest import aanmelding
        from tests.support import cognito
        from tests.support.browser import Browser

        cognito.jwks_van_moto()
        stack, evides, walcheren = pilot()
        ids = [evides.post("/v1/doorverwijzingen", aanmelding(f"Q-{n}")).body["id"] for n in range(QUEUE_REFERRALS)]
        cognito.medewerker(stack.refs["Gebruikerspool"], "anna@walcheren.example")
        browser = Browser(stack.gateway)
        pagina = browser.inloggen("anna@walcheren.example", cognito.WACHTWOORD)
        nieuw = {"wachtwoord": cognito.NIEUW, "herhaling": cognito.NIEUW}
        assert browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", nieuw).pad == "/werkvoorraad"

        def meet(verzoek: Any) -> list[float]:
            tijden = []
            for _ in range(PAGE_REQUESTS):
                begin = time.perf_counter()
                verzoek()
                tijden.append(time.perf_counter() - begin)
            return tijden

        def api_lijst() -> None:
            volgende: str | None = ""
            while volgende is not None:
                pad = "/v1/doorverwijzingen?limiet=100" + (f"&volgende={quote(volgende)}" if volgende else "")
                volgende = walcheren.get(pad).body["volgende"]

        print(f"\n[5] pages on in-process moto, {QUEUE_REFERRALS} open referrals, {PAGE_REQUESTS} requests each")
        rijen = [
            ("GET /werkvoorraad (page of 50)", lambda: browser.get("/werkvoorraad")),
            ("API: GET /v1/doorverwijzingen, all pages", api_lijst),
            ("GET /doorverwijzingen/{id}", lambda: browser.get(f"/doorverwijzingen/{ids[0]}")),
            ("API: GET /v1/doorverwijzingen/{id}", lambda: walcheren.get(f"/v1/doorverwijzingen/{ids[0]}")),
        ]
        for naam, verzoek in rijen:
            print(f"    {naam:<42}{percentielen(meet(verzoek))}")


def main() -> None:
    machine = platform.processor() or platform.machine()
    print(f"WarmDoor benchmark - {machine}, {os.cpu_count()} cores, Python {platform.python_version()}")
    cold_imports()
    latency_and_api_calls()
    web_pages()
    webhook_calls()
    local_stack_latency()


if __name__ == "__main__":
    main()
