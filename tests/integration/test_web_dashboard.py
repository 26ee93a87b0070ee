"""The pilot dashboard on the in-process stack: for each role the same numbers as the API's report for the
same period (its tables parsed and compared, per week and per organisation), the CSV the same, a bad period
told beside the fields, an empty period that reads well."""

import csv
import io
from html.parser import HTMLParser
from typing import Any

import pytest

from tests.integration.test_rapportage import seed
from tests.integration.test_web import jwks  # noqa: F401 (the fixture: the pool's keys for the pages)
from tests.support.browser import Browser
from tests.support.cognito import NIEUW, WACHTWOORD, gebruiker

PERIODE = "vanaf=2026-11-16&tot=2026-12-06"  # weeks 47 to 49; the seed's referrals are all in week 48
API = f"/v1/rapportages/doorverwijzingen?{PERIODE}"


class _Tabellen(HTMLParser):
    """Every table with an id: its rows, each the text of its cells (header cells included)."""

    def __init__(self) -> None:
        super().__init__()
        self.tabellen: dict[str, list[list[str]]] = {}
        self._tabel: str | None = None
        self._cel: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._tabel = dict(attrs).get("id") or ""
            self.tabellen[self._tabel] = []
        elif tag == "tr" and self._tabel is not None:
            self.tabellen[self._tabel].append([])
        elif tag in ("td", "th") and self._tabel is not None:
            self._cel = []

    def handle_data(self, data: str) -> None:
        if self._cel is not None:
            self._cel.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cel is not None and self._tabel is not None:
            self.tabellen[self._tabel][-1].append(" ".join("".join(self._cel).split()))
            self._cel = None
        elif tag == "table":
            self._tabel = None


def tabellen(html: str) -> dict[str, list[list[str]]]:
    lezer = _Tabellen()
    lezer.feed(html)
    return lezer.tabellen


def waarde(cel: str) -> float | int | None:
    """A number as the page shows it ('80,0%', '6,0', '3', '–'), as the API gives it."""
    if cel == "–":
        return None
    tekst = cel.removesuffix("%").replace(",", ".")
    return float(tekst) if "." in tekst else int(tekst)


def ingelogd(pilot, email: str, *groepen: str) -> Browser:
    gebruiker(pilot.refs["Gebruikerspool"], email, *groepen)
    browser = Browser(pilot.gateway)
    pagina = browser.inloggen(email, WACHTWOORD, terug="/dashboard")
    browser.formulier(pagina, "/inloggen/nieuw-wachtwoord", {"wachtwoord": NIEUW, "herhaling": NIEUW})
    return browser


ROLLEN = {
    "beheer": ("beheer@warmdoor.example", "beheer"),
    "walcheren": ("anna@walcheren.example", "organisatie-walcheren"),
    "evides": ("eva@evides.example", "schuldeiser-evides"),
}
_CIJFERS = [
    "aantal",
    "gecontacteerdBinnenTermijn",
    "nogBinnenTermijn",
    "percentageBinnenTermijn",
    "medianeUrenTotContact",
    "contactTermijnVerlopen",
    "ingetrokken",
    "verlengd",
]
_TERMIJN = ["aantal", "gecontacteerdBinnenTermijn", "nogBinnenTermijn", "percentageBinnenTermijn"]


def _rijen(tabel: list[list[str]]) -> list[list[Any]]:
    return [[rij[0], *map(waarde, rij[1:])] for rij in tabel[1:]]


@pytest.mark.parametrize("rol", ROLLEN)
def test_each_role_sees_on_the_dashboard_the_numbers_of_its_api_report(pilot, rol):
    seed(pilot)
    r = pilot.callers[rol].get(API).body
    pagina = ingelogd(pilot, *ROLLEN[rol]).get(f"/dashboard?{PERIODE}")
    assert pagina.status == 200, pagina.tekst()
    t = tabellen(pagina.html)

    assert _rijen(t["cijfers-totaal"]) == [["Totaal", *(r[k] for k in _CIJFERS)]]
    assert _rijen(t["cijfers-organisaties"]) == [[o["naam"], *(o[k] for k in _CIJFERS)] for o in r["perOrganisatie"]]
    assert _rijen(t["cijfers-schuldeisers"]) == [[s["naam"], *(s[k] for k in _CIJFERS)] for s in r["perSchuldeiser"]]

    weken = r["perWeek"]
    assert [w["week"] for w in weken] == ["2026-W47", "2026-W48", "2026-W49"]
    namen = ["week 47 (16-11 t/m 22-11-2026)", "week 48 (23-11 t/m 29-11-2026)", "week 49 (30-11 t/m 06-12-2026)"]
    assert _rijen(t["per-week-tabel"]) == [[n, w["aantal"]] for n, w in zip(namen, weken, strict=True)]
    assert _rijen(t["binnen-termijn-per-week-tabel"]) == [
        [n, *(w[k] for k in _TERMIJN)] for n, w in zip(namen, weken, strict=True)
    ]
    assert _rijen(t["uren-tot-contact-tabel"]) == [
        [n, w["medianeUrenTotContact"]] for n, w in zip(namen, weken, strict=True)
    ]
    assert _rijen(t["escalaties-per-week-tabel"]) == [
        [n, w["contactTermijnVerlopen"]] for n, w in zip(namen, weken, strict=True)
    ]
    assert _rijen(t["binnen-termijn-per-organisatie-tabel"]) == [
        [o["naam"], *(o[k] for k in _TERMIJN)] for o in r["perOrganisatie"]
    ]
    assert sorted(int(rij[1]) for rij in t["eindresultaten-tabel"][1:]) == sorted(r["perEindresultaat"].values())
    assert pagina.html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 6


def test_a_creditor_sees_no_more_than_its_api_report(pilot):
    seed(pilot)
    pagina = ingelogd(pilot, *ROLLEN["evides"]).get(f"/dashboard?{PERIODE}")
    t = tabellen(pagina.html)
    assert [rij[0] for rij in t["cijfers-schuldeisers"][1:]] == ["Evides Waterbedrijf"]
    assert t["cijfers-totaal"][1][1] == "5"  # oasen's referral is not counted
    # The feedback it may learn ("Opgelost"), never the organisation's own final result ("quick_fix").
    uitkomsten = [rij[0] for rij in t["eindresultaten-tabel"][1:]]
    assert sorted(uitkomsten) == ["Niet opgepakt", "Opgelost"]
    assert "Budgetadvies" not in pagina.html and "andere reden" not in pagina.html


@pytest.mark.parametrize("rol", ROLLEN)
def test_the_dashboard_csv_is_the_api_csv_for_the_same_period(pilot, rol):
    seed(pilot)
    api = pilot.callers[rol].get(API, headers={"Accept": "text/csv"}).body
    antwoord = ingelogd(pilot, *ROLLEN[rol]).get(f"/dashboard.csv?{PERIODE}")
    assert antwoord.status == 200
    assert antwoord.headers["Content-Type"].startswith("text/csv")
    assert 'filename="warmdoor-dashboard-2026-11-16-2026-12-06.csv"' in antwoord.headers["Content-Disposition"]
    assert antwoord.html == api
    rijen = list(csv.DictReader(io.StringIO(antwoord.html)))
    weken = [(r["id"], r["vanaf"], r["tot"], r["aantal"]) for r in rijen if r["niveau"] == "week"]
    totaal = "6" if rol == "beheer" else "5"
    assert weken == [
        ("2026-W47", "2026-11-16", "2026-11-22", "0"),
        ("2026-W48", "2026-11-23", "2026-11-29", totaal),
        ("2026-W49", "2026-11-30", "2026-12-06", "0"),
    ]


@pytest.mark.parametrize(
    ("vraag", "velden"),
    [
        ("vanaf=gisteren&tot=2026-12-01", {"vanaf"}),
        ("vanaf=2026-11-01&tot=31-13-2026", {"tot"}),
        ("vanaf=2026-13-01&tot=", {"vanaf"}),
        ("vanaf=2026-12-01&tot=2026-11-01", {"tot"}),
        ("vanaf=2020-01-01&tot=2026-11-01", {"tot"}),
    ],
)
def test_a_bad_period_is_told_beside_its_field(pilot, vraag, velden):
    browser = ingelogd(pilot, *ROLLEN["beheer"])
    for pad in ("/dashboard", "/dashboard.csv"):
        pagina = browser.get(f"{pad}?{vraag}")
        assert pagina.status == 400, pagina.tekst()
        for veld in velden:
            assert f'id="{veld}-fout"' in pagina.html and f'href="#{veld}"' in pagina.html
        assert "<svg" not in pagina.html
        gevraagd = dict(deel.split("=") for deel in vraag.split("&"))
        for veld in velden:
            # What is no date stays as typed; a date in a wrong period is shown as a Dutch date.
            jaar, _, rest = gevraagd[veld].partition("-")
            als_datum = "-".join(reversed(rest.split("-"))) + f"-{jaar}"
            assert f'value="{gevraagd[veld]}"' in pagina.html or f'value="{als_datum}"' in pagina.html


def test_an_empty_period_reads_well(pilot):
    browser = ingelogd(pilot, *ROLLEN["walcheren"])
    pagina = browser.get("/dashboard?vanaf=2026-01-05&tot=2026-01-18")
    assert pagina.status == 200
    tekst = pagina.tekst()
    assert "In deze periode zijn geen doorverwijzingen aangemeld" in tekst
    assert "Er is in deze periode nog niets te beoordelen" in tekst
    assert "In deze periode is nog niemand bereikt" in tekst
    assert "nog geen eindresultaat vastgelegd" in tekst
    assert "<svg" not in pagina.html and "Traceback" not in pagina.html
    assert _rijen(tabellen(pagina.html)["per-week-tabel"]) == [
        ["week 2 (05-01 t/m 11-01-2026)", 0],
        ["week 3 (12-01 t/m 18-01-2026)", 0],
    ]


def test_the_dashboard_shows_the_last_twelve_weeks_by_default(pilot):
    seed(pilot)
    pagina = ingelogd(pilot, *ROLLEN["beheer"]).get("/dashboard")
    assert pagina.status == 200
    weken = tabellen(pagina.html)["per-week-tabel"][1:]
    assert len(weken) == 12 and weken[-1][0] == "week 49 (30-11 t/m 01-12-2026)"  # the seed's clock: 1 December
    assert 'value="14-09-2026"' in pagina.html and 'value="01-12-2026"' in pagina.html


def test_the_dashboard_asks_to_sign_in_first(pilot):
    pagina = Browser(pilot.gateway).get("/dashboard", volgen=False)
    assert pagina.status == 303 and pagina.headers["Location"] == "/inloggen?terug=/dashboard"
