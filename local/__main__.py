"""`make run`: the whole of WarmDoor at http://127.0.0.1:3000 on emulated AWS, with demo data."""

import argparse
import os
import signal
import sys
import threading
import time
import warnings
from pathlib import Path
from types import FrameType

from local import demo, sam_local
from local.ontvanger import PAD
from local.stack import LocalStack


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m local", description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "3000")))
    parser.add_argument(
        "--keep",
        action="store_true",
        default=os.environ.get("WARMDOOR_KEEP") == "1",
        help="keep the data of the previous run (also WARMDOOR_KEEP=1)",
    )
    parser.add_argument(
        "--env-json",
        type=Path,
        default=Path(".local/env.json"),
        help="where to write the --env-vars file for sam local (default .local/env.json)",
    )
    args = parser.parse_args()
    admin_key = os.environ.get("WARMDOOR_ADMIN_KEY", demo.BEHEER_SLEUTEL)
    if "LOG_LEVEL" not in os.environ:
        # Readable output: one line per request; the functions' metrics (EMF) only with LOG_LEVEL set.
        os.environ["POWERTOOLS_METRICS_DISABLED"] = "true"
        warnings.filterwarnings("ignore", message="No application metrics to publish")
    # Ctrl-C and SIGTERM (process managers, CI) stop the same way: once, whatever arrives during the stop.
    stoppen = threading.Event()
    stack: LocalStack | None = None

    def stop(_signum: int, _frame: FrameType | None) -> None:
        if not stoppen.is_set():
            stoppen.set()
            if stack is not None:
                threading.Thread(target=stack.stop_serving, name="stop", daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    begin = time.monotonic()
    stack = LocalStack(
        args.port,
        admin_key,
        keep=args.keep,
        log_level=os.environ.get("LOG_LEVEL", "WARN"),
        access_log=True,
        # On Linux, sam local's containers reach the machine only on a non-loopback address (see the README).
        aws_host=os.environ.get("WARMDOOR_AWS_HOST", "127.0.0.1"),
    )
    sam_local.schrijf(args.env_json, stack.runtime, stack.aws_endpoint)
    if not stoppen.is_set():
        print(f"WarmDoor lokaal draait op {stack.url}  (klaar in {time.monotonic() - begin:.1f} s)")
        print(f"  API:      {stack.url}/v1   (OpenAPI: {stack.url}/v1/openapi.json)")
        print(f"  Outbox:   {stack.url}/_local/   Klok: {stack.url}/_local/clock")
        print(f"  Webhooks: {stack.url}{PAD}   (de ontvanger van de demo-webhooks)")
        print(f"  AWS:      {stack.aws_endpoint}   (sam local: --env-vars {args.env_json})")
        print(f"  beheer:   {admin_key}")
        for key in demo.sleutels():
            print(f"  {key.rol:<12}{key.secret:<42}{key.label}")
        print(f"Pagina's voor medewerkers: {stack.url}/inloggen   wachtwoord: {demo.WACHTWOORD}")
        for medewerker in (
            demo.medewerker("walcheren"),
            demo.medewerker("walcheren", coordinator=True),
            demo.SCHULDEISER_MEDEWERKER,
            demo.BEHEERDER,
        ):
            print(f"  {medewerker.rol:<12}{medewerker.email:<42}{medewerker.naam}")
        print("  (zo ook voor elke andere demo-organisatie: medewerker@<id>.example, coordinator@<id>.example)")
        print("Stoppen met Ctrl-C." + (" De gegevens blijven bewaard (--keep)." if args.keep else ""))
        sys.stdout.flush()
        stack.serve_forever()
    print("\nStoppen..." + (" De gegevens worden bewaard in .local-state/." if args.keep else ""), flush=True)
    stack.shutdown()
    print("Gestopt.", flush=True)


if __name__ == "__main__":
    main()
