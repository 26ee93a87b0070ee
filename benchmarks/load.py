"""`make bench-load`: 20 clients POST referrals at once to one local stack, as a creditor's CRM would after a
campaign. Prints figures only: POST latency, referrals per second, and how long until every referral's
e-mail to the organisation is in the local outbox."""

import json
import os
import statistics
import threading
import time
import urllib.request
import uuid
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import redirect_stderr, redirect_stdout

from local import outbox
from local.aws import free_port
from local.doseerder import Doseerder
from local.stack import LocalStack
from tests.conftest import aanmelding

CLIENTS = 20
PER_CLIENT = 15
KEY = "demo-schuldeiser-evides"


def _post(stack: LocalStack, referentie: str) -> tuple[float, int, str]:
    """(seconds, status, referral id) of one POST; the clock starts when the request is made."""
    body = json.dumps(aanmelding(referentie, toestemming_op=stack.clock.now().isoformat())).encode()
    verzoek = urllib.request.Request(  # noqa: S310 - the local stack
        f"{stack.url}/v1/doorverwijzingen",
        data=body,
        headers={"Authorization": f"Bearer {KEY}", "Content-Type": "application/json"},
    )
    begin = time.perf_counter()
    with urllib.request.urlopen(verzoek) as antwoord:  # noqa: S310
        d_id = json.loads(antwoord.read())["id"]
        return time.perf_counter() - begin, antwoord.status, d_id


def _client(stack: LocalStack, n: int, posted: dict[str, float]) -> list[tuple[float, int, str]]:
    resultaten = []
    for i in range(PER_CLIENT):
        moment = time.perf_counter()
        resultaat = _post(stack, f"LOAD-{n}-{i}-{uuid.uuid4()}")
        posted[resultaat[2]] = moment
        resultaten.append(resultaat)
    return resultaten


def _percentiel(waarden: list[float], p: int) -> float:
    return statistics.quantiles(waarden, n=100, method="inclusive")[p - 1] if len(waarden) > 1 else waarden[0]


def main() -> None:
    # The functions print their metrics and warnings as Lambda would log them: only figures here.
    warnings.simplefilter("ignore")
    with open(os.devnull, "w") as stil, redirect_stdout(stil), redirect_stderr(stil):
        figures = meet()
    print(figures)


def meet() -> str:
    stack = LocalStack(free_port(), "bench-admin-key")
    # The usage plan's per-key throttling would answer most of these with 429: measure the stack, not the plan.
    stack.gateway.doseerder = Doseerder(rate=10_000, burst=10_000)
    stack.settle()  # the demo referrals' own messages first
    stack.start_in_background()
    posted: dict[str, float] = {}  # referral id -> when its POST began
    gemaild: dict[str, float] = {}  # referral id -> when its e-mail was first seen in the outbox
    klaar = threading.Event()

    def kijk() -> None:
        gelezen = 0  # the outbox only grows: each e-mail is searched once, for the referrals not yet seen
        while not (klaar.is_set() and len(gemaild) == len(posted)):
            nieuw = outbox.emails()[gelezen:]
            nu = time.perf_counter()
            gelezen += len(nieuw)
            for tekst in (m.get("text") or "" for m in nieuw):
                for d_id in [d for d in posted if d not in gemaild and d in tekst]:
                    gemaild[d_id] = nu
            time.sleep(0.02)

    kijker = threading.Thread(target=kijk, name="outbox", daemon=True)
    try:
        kijker.start()
        begin = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            resultaten = [r for rs in pool.map(lambda n: _client(stack, n, posted), range(CLIENTS)) for r in rs]
        duur = time.perf_counter() - begin
        klaar.set()
        kijker.join(timeout=300)
        alles_gemaild = max(gemaild.values(), default=begin) - begin
    finally:
        stack.shutdown()
    latenties = [r[0] for r in resultaten]
    mails = [gemaild[d] - posted[d] for d in posted if d in gemaild]
    return "\n".join(
        [
            f"clients: {CLIENTS}  referrals: {len(resultaten)}  statuses: {sorted({r[1] for r in resultaten})}",
            f"POST latency s: p50 {_percentiel(latenties, 50):.3f}  p95 {_percentiel(latenties, 95):.3f}"
            f"  max {max(latenties):.3f}",
            f"referrals/s: {len(resultaten) / duur:.1f}",
            f"POST to e-mail in outbox s: p50 {_percentiel(mails, 50):.3f}  p95 {_percentiel(mails, 95):.3f}"
            f"  max {max(mails):.3f}  ({len(mails)}/{len(posted)} e-mailed)",
            f"all e-mails in outbox after s: {alles_gemaild:.3f}",
        ]
    )


if __name__ == "__main__":
    main()
