"""The pilot report: figures checked against hand-computed expectations, per role, as JSON and CSV."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.conftest import aanmelding
from warmdoor.domain.rapportage import week_id

RAPPORT = "/v1/rapportages/doorverwijzingen?vanaf=2026-11-27&tot=2026-11-27"


def contact(pilot, d_id, tijdstip):
    antwoord = pilot.callers["walcheren"].post(
        f"/v1/doorverwijzingen/{d_id}/contactpogingen", {"soort": "telefoon", "bereikt": True, "tijdstip": tijdstip}
    )
    assert antwoord.status == 201, antwoord.body


def seed(pilot):
    """Five referrals of evides (walcheren) and one of oasen (rotterdam), all registered 27 Nov 10:00.

    A: contact after 2 h                      -> within the deadline, closed niet_opgepakt_andere_reden
    B: contact after 4 days                   -> too late (escalated), extended
    C: never contacted                        -> escalated
    D: withdrawn after 1 day, no contact      -> withdrawn, not escalated
    E: contact after 10 h                     -> within, closed quick_fix
    R: oasen/rotterdam, contact after 1 h     -> within
    """
    ids = {}
    for naam in "ABCDE":
        ids[naam] = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(f"R-{naam}")).body["id"]
    rotterdam = aanmelding("R-R")
    rotterdam["adres"]["postcode"] = "3011 AA"
    ids["R"] = pilot.callers["oasen"].post("/v1/doorverwijzingen", rotterdam).body["id"]
    pilot.clock.advance(timedelta(hours=10))
    contact(pilot, ids["A"], "2026-11-27T12:00:00+01:00")
    contact(pilot, ids["E"], "2026-11-27T20:00:00+01:00")
    pilot.callers["rotterdam"].post(
        f"/v1/doorverwijzingen/{ids['R']}/contactpogingen",
        {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T11:00:00+01:00"},
    )
    pilot.callers["walcheren"].put(
        f"/v1/doorverwijzingen/{ids['A']}/eindresultaat", {"code": "niet_opgepakt_andere_reden"}
    )
    pilot.callers["walcheren"].put(f"/v1/doorverwijzingen/{ids['E']}/eindresultaat", {"code": "quick_fix"})
    pilot.clock.advance(timedelta(hours=14))
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{ids['D']}/intrekkingen", {"reden": "betaald"})
    pilot.advance(timedelta(days=3))  # the timers run: B and C are escalated
    contact(pilot, ids["B"], "2026-12-01T10:00:00+01:00")
    pilot.callers["walcheren"].post(f"/v1/doorverwijzingen/{ids['B']}/verlengingen", {"dagen": 10, "reden": "x"})
    return ids


def test_operator_report_matches_hand_computed_figures(pilot):
    seed(pilot)
    r = pilot.callers["beheer"].get(RAPPORT).body
    # 6 referrals; within the deadline: A, E, R; contact hours: A 2, E 10, R 1, B 96 -> median 6.0
    assert r["aantal"] == 6
    assert r["gecontacteerdBinnenTermijn"] == 3
    assert r["percentageBinnenTermijn"] == 50.0
    assert r["medianeUrenTotContact"] == 6.0
    assert r["nogBinnenTermijn"] == 0
    assert r["contactTermijnVerlopen"] == 2  # escalations sent: B (reached late) and C; D was withdrawn in time
    assert r["ingetrokken"] == 1
    assert r["verlengd"] == 1
    assert r["perEindresultaat"] == {"niet_opgepakt_andere_reden": 1, "quick_fix": 1}
    walcheren = next(o for o in r["perOrganisatie"] if o["id"] == "walcheren")
    assert (walcheren["aantal"], walcheren["gecontacteerdBinnenTermijn"], walcheren["percentageBinnenTermijn"]) == (
        5,
        2,
        40.0,
    )
    assert [(s["id"], s["aantal"]) for s in r["perSchuldeiser"]] == [("evides", 5), ("oasen", 1)]


def test_each_role_sees_only_its_own_and_a_creditor_never_the_reason(pilot):
    seed(pilot)
    evides = pilot.callers["evides"].get(RAPPORT).body
    assert evides["aantal"] == 5
    assert evides["perEindresultaat"] == {"niet_opgepakt": 1, "opgelost": 1}
    assert [s["id"] for s in evides["perSchuldeiser"]] == ["evides"]
    rotterdam = pilot.callers["rotterdam"].get(RAPPORT).body
    assert (rotterdam["aantal"], rotterdam["gecontacteerdBinnenTermijn"]) == (1, 1)
    assert "Dijk" not in str(evides) and "4331" not in str(evides)


def test_the_period_counts_dutch_days_and_an_empty_period_has_no_percentage(pilot):
    seed(pilot)
    leeg = pilot.callers["beheer"].get("/v1/rapportages/doorverwijzingen?vanaf=2026-11-28&tot=2026-12-31").body
    assert (leeg["aantal"], leeg["percentageBinnenTermijn"], leeg["medianeUrenTotContact"]) == (0, None, None)
    assert pilot.callers["beheer"].get("/v1/rapportages/doorverwijzingen?vanaf=2026-11-28&tot=2026-11-01").status == 400
    assert pilot.callers["beheer"].get("/v1/rapportages/doorverwijzingen?vanaf=gisteren&tot=2026-11-01").status == 400
    assert pilot.callers["beheer"].get("/v1/rapportages/doorverwijzingen").status == 400


@pytest.mark.parametrize(
    ("vanaf", "tot", "veld"),
    [("0001-01-01", "0002-11-01", "vanaf"), ("9999-01-01", "9999-12-31", "vanaf"), ("2026-01-01", "9999-12-31", "tot")],
)
def test_dates_outside_what_a_report_can_be_about_are_a_400_naming_the_field(pilot, vanaf, tot, veld):
    antwoord = pilot.callers["beheer"].get(f"/v1/rapportages/doorverwijzingen?vanaf={vanaf}&tot={tot}")
    assert antwoord.status == 400
    assert veld in [p["name"] for p in antwoord.body["invalidParams"]]


def test_the_report_as_csv(pilot):
    seed(pilot)
    antwoord = pilot.callers["beheer"].get(RAPPORT, headers={"Accept": "text/csv"})
    assert antwoord.status == 200
    assert antwoord.headers["content-type"].startswith("text/csv")
    regels = antwoord.body.splitlines()
    assert regels[0].startswith(
        "vanaf,tot,niveau,id,naam,aantal,gecontacteerdBinnenTermijn,nogBinnenTermijn,percentageBinnenTermijn"
    )
    assert regels[1].startswith("2026-11-27,2026-11-27,totaal,,,6,3,0,50.0,6.0,2,1,1,")
    assert any(
        r.startswith("2026-11-27,2026-11-27,organisatie,rotterdam,Kredietbank Rotterdam,1,1,0,100.0,1.0")
        for r in regels
    )


def test_names_that_a_spreadsheet_would_run_as_formulas_are_text_in_the_csv(pilot):
    """OWASP CSV injection: a cell starting with = + - @ (or a tab or CR) is prefixed with a quote."""
    beheer = pilot.callers["beheer"]
    namen = {"evides": '=HYPERLINK("https://evil.example","klik")', "oasen": "@SUM(1+1)"}
    for schuldeiser_id, naam in namen.items():
        beheer.put(f"/v1/schuldeisers/{schuldeiser_id}", {"naam": naam, "type": "water", "email": "i@x.example"})
    org = beheer.get("/v1/organisaties/rotterdam").body
    org.pop("id")
    beheer.put("/v1/organisaties/rotterdam", {**org, "naam": "-1+2"})
    seed(pilot)
    rijen = list(csv.reader(io.StringIO(beheer.get(RAPPORT, headers={"Accept": "text/csv"}).body)))
    cellen = [cel for rij in rijen for cel in rij]
    assert "'" + namen["evides"] in cellen and "'@SUM(1+1)" in cellen and "'-1+2" in cellen
    assert not [cel for cel in cellen if cel[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_the_report_counts_each_week_of_the_period_by_the_same_rule(pilot):
    """perWeek: every ISO week of the period (empty ones too), over the days of it in the period; its sums are
    the whole's, and a creditor's weeks hold the feedback it may learn, as its totals do."""
    seed(pilot)
    vraag = "/v1/rapportages/doorverwijzingen?vanaf=2026-11-25&tot=2026-12-02"
    r = pilot.callers["beheer"].get(vraag).body
    assert [(w["week"], w["vanaf"], w["tot"], w["aantal"]) for w in r["perWeek"]] == [
        ("2026-W48", "2026-11-25", "2026-11-29", 6),
        ("2026-W49", "2026-11-30", "2026-12-02", 0),
    ]
    week = r["perWeek"][0]
    assert {k: v for k, v in week.items() if k not in ("week", "vanaf", "tot")} == {
        k: v for k, v in r.items() if k not in ("vanaf", "tot", "perOrganisatie", "perSchuldeiser", "perWeek")
    }
    assert r["perWeek"][1]["percentageBinnenTermijn"] is None
    evides = pilot.callers["evides"].get(vraag).body
    assert evides["perWeek"][0]["perEindresultaat"] == {"niet_opgepakt": 1, "opgelost": 1}
    rijen = list(csv.DictReader(io.StringIO(pilot.callers["beheer"].get(vraag, headers={"Accept": "text/csv"}).body)))
    assert [(w["niveau"], w["id"], w["vanaf"], w["tot"], w["aantal"]) for w in rijen if w["niveau"] == "week"] == [
        ("week", "2026-W48", "2026-11-25", "2026-11-29", "6"),
        ("week", "2026-W49", "2026-11-30", "2026-12-02", "0"),
    ]


def test_the_weeks_are_iso_weeks_in_dutch_time(pilot):
    """A referral at 23:30 on Sunday in the Netherlands (22:30 UTC) counts in that week, not the next; and
    ISO weeks cross years as the calendar says (3 January 2027 is in week 53 of 2026)."""
    pilot.clock.advance(datetime(2026, 11, 29, 22, 30, tzinfo=UTC) - pilot.clock.now())
    laat = aanmelding("R-ZONDAG", toestemming_op="2026-11-29T23:00:00+01:00")
    assert pilot.callers["evides"].post("/v1/doorverwijzingen", laat).status == 201
    r = pilot.callers["beheer"].get("/v1/rapportages/doorverwijzingen?vanaf=2026-11-29&tot=2026-11-30").body
    assert [(w["week"], w["vanaf"], w["tot"], w["aantal"]) for w in r["perWeek"]] == [
        ("2026-W48", "2026-11-29", "2026-11-29", 1),
        ("2026-W49", "2026-11-30", "2026-11-30", 0),
    ]
    assert week_id(date(2027, 1, 3)) == "2026-W53" and week_id(date(2027, 1, 4)) == "2027-W01"


def test_the_openapi_document_describes_the_weeks(pilot):
    schemas = pilot.callers["anoniem"].get("/v1/openapi.json").body["components"]["schemas"]
    assert "perWeek" in schemas["Rapport"]["properties"]
    assert {"week", "vanaf", "tot", "aantal"} <= set(schemas["Weekcijfers"]["properties"])
