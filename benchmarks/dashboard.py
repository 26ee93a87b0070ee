"""`python benchmarks/dashboard.py`: how long the pilot dashboard takes with 500 referrals over twelve weeks,
in-process on moto, next to the API's report of the same period and the parts of the page on their own.
Prints figures only (no assertion on time); the handlers log as in Lambda: `make bench-dashboard` leaves them out."""

import os
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path[:0] = [
    str(Path(__file__).resolve().parent.parent),
    str(Path(__file__).resolve().parent.parent / "layers/common"),
]

from benchmarks.bench import percentielen, pilot  # noqa: E402

REFERRALS = 500
REQUESTS = 20
PERIODE = "vanaf=2026-11-23&tot=2027-02-21"  # twelve whole weeks from the first referral


def meet(verzoek: Any) -> list[float]:
    tijden = []
    for _ in range(REQUESTS):
        begin = time.perf_counter()
        verzoek()
        tijden.append(time.perf_counter() - begin)
    return tijden


def main() -> None:
    from moto import mock_aws

    os.environ.pop("AWS_ENDPOINT_URL", None)
    with mock_aws():
        from tests.conftest import aanmelding
        from tests.support import cognito
        from tests.support.browser import Browser
        from warmdoor.domain import rapportage
        from warmdoor.domain.context import Context
        from warmdoor.models.entities import Principal
        from warmdoor.models.enums import Rol
        from warmdoor.presentation import grafieken
        from warmdoor.presentation.rapport import rapport

        cognito.jwks_van_moto()
        stack, evides, walcheren = pilot()
        begin = time.perf_counter()
        for n in range(REFERRALS):
            # Four hours apart: 500 referrals fill twelve weeks; every third is reached within the hour.
            toestemming = stack.clock.now().isoformat()
            d = evides.post("/v1/doorverwijzingen", aanmelding(f"D-{n}", toestemming_op=toestemming)).body
            if n % 3 == 0:
                moment = (stack.clock.now() + timedelta(minutes=30)).isoformat()
                contact = {"soort": "telefoon", "bereikt": True, "tijdstip": moment}
                stack.clock.advance(timedelta(minutes=30))
                walcheren.post(f"/v1/doorverwijzingen/{d['id']}/contactpogingen", contact)
            stack.advance(timedelta(hours=4))
        print(f"seeded {REFERRALS} referrals over twelve weeks in {time.perf_counter() - begin:.0f} s")

        cognito.gebruiker(stack.refs["Gebruikerspool"], "olga@warmdoor.example", "beheer")
        browser = Browser(stack.gateway)
        pagina = browser.inloggen("olga@warmdoor.example", cognito.WACHTWOORD, terug="/dashboard")
        nieuw = {"wachtwoord": cognito.NIEUW, "herhaling": cognito.NIEUW}
        assert browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", nieuw).pad == "/dashboard"
        beheer = stack.caller(stack.register_key(Rol.BEHEER))
        pagina = browser.get(f"/dashboard?{PERIODE}")
        assert pagina.status == 200, pagina.tekst()

        ctx = Context(stack.repo, stack.clock)
        wie = Principal(sleutelId="bench", rol=Rol.BEHEER)
        van, tot = (date.fromisoformat(deel.split("=")[1]) for deel in PERIODE.split("&"))
        gemaakt = rapport(wie, rapportage.doorverwijzingen_rapport(ctx, wie, van, tot))

        print(f"\npilot dashboard, {REFERRALS} referrals in the period, {REQUESTS} requests each")
        print(f"    page size: {len(pagina.html) / 1024:.0f} KiB, of which SVG {_svg_kib(pagina.html):.0f} KiB")
        api = f"/v1/rapportages/doorverwijzingen?{PERIODE}"
        rijen: list[tuple[str, Any]] = [
            ("GET /dashboard (12 weeks)", lambda: browser.get(f"/dashboard?{PERIODE}")),
            ("GET /dashboard.csv", lambda: browser.get(f"/dashboard.csv?{PERIODE}")),
            ("API: GET /v1/rapportages/doorverwijzingen", lambda: beheer.get(api)),
            (
                "  the domain's report alone (table query)",
                lambda: rapportage.doorverwijzingen_rapport(ctx, wie, van, tot),
            ),
            ("  the six charts alone", lambda: grafieken.grafieken(gemaakt, schuldeiser=False)),
        ]
        for naam, verzoek in rijen:
            print(f"    {naam:<44}{percentielen(meet(verzoek))}")


def _svg_kib(html: str) -> float:
    return sum(len(deel.split("</svg>")[0]) for deel in html.split("<svg")[1:]) / 1024


if __name__ == "__main__":
    main()
