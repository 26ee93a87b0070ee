"""The pilot dashboard in real Chromium on a local stack of its own: referrals come in over the API and the
clock moves them past their deadline; the operator signs in, chooses a period with the keyboard only, and
sees charts (inline SVG, drawn under the pages' real CSP) and tables with the numbers of the API's report;
axe-core finds no WCAG 2.1 A/AA violation, charts included."""

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from local import demo
from tests.e2e.conftest import ADMIN_KEY, Http, aanmelding_nu, gestart
from tests.support.chromium import Toetsenbord, axe, gebruiker, schermafdruk
from tests.support.cognito import NIEUW, WACHTWOORD

pytestmark = pytest.mark.e2e

GRAFIEKEN = [
    "per-week",
    "binnen-termijn-per-week",
    "binnen-termijn-per-organisatie",
    "uren-tot-contact",
    "eindresultaten",
    "escalaties-per-week",
]


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with gestart(tmp_path_factory.mktemp("browser-dashboard") / "env.json") as url:
        yield url


@pytest.fixture(scope="module")
def vandaag(stack: str) -> date:
    """The stack's date once the referrals are in."""
    return _seed(stack)


def _sleutel(subject: str) -> str:
    return next(k.secret for k in demo.sleutels() if k.subject == subject)


def _seed(stack: str) -> date:
    """Four referrals for Walcheren: one reached three hours later and closed, three left to pass their deadline
    (so escalated); then a week later two more. Returns the stack's date at the end."""
    api, evides = Http(stack), Http(stack, _sleutel(demo.SCHULDEISER_ID))
    walcheren = Http(stack, _sleutel("walcheren"))
    ids = []
    for nummer in range(4):
        status, _, d = evides.post("/v1/doorverwijzingen", aanmelding_nu(api, f"DASH-{nummer}"))
        assert status == 201, d
        ids.append(d["id"])
    api.post("/_local/clock", {"advance": "PT3H"})
    nu = api.get("/_local/clock")[2]["now"]
    status, _, fout = walcheren.post(
        f"/v1/doorverwijzingen/{ids[0]}/contactpogingen", {"soort": "telefoon", "bereikt": True, "tijdstip": nu}
    )
    assert status == 201, fout
    assert walcheren.put(f"/v1/doorverwijzingen/{ids[0]}/eindresultaat", {"code": "quick_fix"})[0] == 200
    api.post("/_local/clock", {"advance": "P7D"})
    for nummer in range(4, 6):
        assert evides.post("/v1/doorverwijzingen", aanmelding_nu(api, f"DASH-{nummer}"))[0] == 201
    return datetime.fromisoformat(api.get("/_local/clock")[2]["now"]).date()


def _inloggen(page: Any, toets: Toetsenbord, stack: str, email: str) -> None:
    page.goto(f"{stack}/dashboard")
    assert "/inloggen" in page.url
    toets.typ("#email", email)
    toets.typ("#wachtwoord", WACHTWOORD)
    toets.druk("button[type=submit]")
    toets.typ("#wachtwoord", NIEUW)
    toets.typ("#herhaling", NIEUW)
    toets.druk("button[type=submit]")
    assert page.url.endswith("/dashboard"), page.url


def _datum(toets: Toetsenbord, veld: str, dag: date) -> None:
    """A date typed over the field's value, as a Dutch person writes it."""
    toets.naar(veld)
    toets.page.keyboard.press("Control+A")
    toets.page.keyboard.type(dag.strftime("%d-%m-%Y"))


def _cellen(page: Any, tabel: str) -> list[list[str]]:
    rijen: list[list[str]] = page.eval_on_selector_all(
        f"#{tabel} tbody tr", "rijen => rijen.map(r => [...r.cells].map(c => c.textContent.trim()))"
    )
    return rijen


def _getal(cel: str) -> float | int | None:
    if cel == "–":
        return None
    tekst = cel.removesuffix("%").replace(",", ".")
    return float(tekst) if "." in tekst else int(tekst)


def test_the_operator_reads_the_pilot_on_the_dashboard_with_the_keyboard_only(stack, vandaag, pagina):
    vanaf, tot = vandaag - timedelta(days=vandaag.weekday() + 7), vandaag
    gebruiker(stack, "olga@warmdoor.example", "beheer")
    page, toets = pagina, Toetsenbord(pagina)
    _inloggen(page, toets, stack, "olga@warmdoor.example")
    axe(page, "dashboard, de laatste twaalf weken")

    _datum(toets, "#vanaf", vanaf)
    _datum(toets, "#tot", tot)
    toets.druk(".wd-filters button[type=submit]")
    assert f"vanaf={vanaf:%d-%m-%Y}" in page.url and f"tot={tot:%d-%m-%Y}" in page.url

    rapport = Http(stack, ADMIN_KEY).get(f"/v1/rapportages/doorverwijzingen?vanaf={vanaf}&tot={tot}")[2]
    assert len(rapport["perWeek"]) == 2 and rapport["aantal"] >= 6
    totaal = _cellen(page, "cijfers-totaal")[0]
    assert [_getal(c) for c in totaal[1:5]] == [
        rapport[k] for k in ("aantal", "gecontacteerdBinnenTermijn", "nogBinnenTermijn", "percentageBinnenTermijn")
    ]
    assert _getal(totaal[6]) == rapport["contactTermijnVerlopen"] > 0
    assert [[_getal(c) for c in rij[1:]] for rij in _cellen(page, "per-week-tabel")] == [
        [w["aantal"]] for w in rapport["perWeek"]
    ]
    assert [_getal(rij[1]) for rij in _cellen(page, "escalaties-per-week-tabel")] == [
        w["contactTermijnVerlopen"] for w in rapport["perWeek"]
    ]
    assert [(rij[0], _getal(rij[4])) for rij in _cellen(page, "binnen-termijn-per-organisatie-tabel")] == [
        (o["naam"], o["percentageBinnenTermijn"]) for o in rapport["perOrganisatie"]
    ]

    for grafiek in GRAFIEKEN:
        svg = page.locator(f"#{grafiek} svg")
        assert svg.count() == 1, grafiek
        doos = svg.bounding_box()
        assert doos and doos["width"] > 200 and doos["height"] > 100, grafiek
        assert svg.locator("rect").count() >= 2, grafiek  # the background and at least one bar
    assert "doel is 90%" in page.inner_text("#binnen-termijn-per-week")

    toets.naar("#per-week summary")
    page.keyboard.press("Enter")
    assert page.locator("#per-week-tabel").is_visible()
    axe(page, "dashboard met grafieken en een geopende tabel")
    schermafdruk(page, "dashboard")

    _datum(toets, "#tot", date(2020, 1, 1))
    toets.druk(".wd-filters button[type=submit]")
    assert "De einddatum ligt voor de begindatum" in page.inner_text("#tot-fout")
    axe(page, "dashboard met een fout in de periode")


def test_a_creditors_charts_render_under_the_pages_own_csp(stack, vandaag, chromium):
    """Without bypass_csp: the CSP the pages send is the one Chromium applies, and it blocks nothing. A
    creditor's staff member sees its own referrals, and the feedback it may learn."""
    gebruiker(stack, "eva@evides.example", f"schuldeiser-{demo.SCHULDEISER_ID}")
    context = chromium.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    page = context.new_page()
    geweigerd: list[str] = []
    page.on("console", lambda m: geweigerd.append(m.text) if "Content Security Policy" in m.text else None)
    _inloggen(page, Toetsenbord(page), stack, "eva@evides.example")
    antwoord = page.goto(f"{stack}/dashboard")
    assert antwoord is not None
    assert "style-src 'self'" in antwoord.headers["content-security-policy"]
    for grafiek in GRAFIEKEN:
        svg = page.locator(f"#{grafiek} svg")
        if svg.count():
            doos = svg.bounding_box()
            assert doos and doos["width"] > 200 and doos["height"] > 100, grafiek
    assert page.locator("svg.wd-grafiek").count() == len(GRAFIEKEN)
    assert geweigerd == []
    assert "Terugkoppeling per categorie" in page.inner_text("#eindresultaten")
    assert "Zeeuwse Energie" not in page.inner_text("main")  # the other creditor's referrals
    context.close()
