"""The organisation's case work and the timers: contact deadline, escalation, stop expiry, extension."""

from datetime import timedelta

import pytest

from local import aws
from tests.conftest import aanmelding

DAG = timedelta(days=1)


def nieuw(pilot, referentie="CW-1", **overrides):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding(referentie, **overrides)).body
    pilot.settle()
    return d["id"]


def lees(pilot, rol, d_id):
    return pilot.callers[rol].get(f"/v1/doorverwijzingen/{d_id}").body


def mails(pilot, adres, onderwerp=""):
    return [m for m in pilot.outbox()["emails"] if adres in m["to"] and onderwerp in m["subject"]]


def schedules(pilot):
    scheduler = aws.client("scheduler")
    groep = pilot.refs["TimerGroep"]
    namen = [s["Name"] for s in scheduler.list_schedules(GroupName=groep)["Schedules"]]
    return {n: scheduler.get_schedule(Name=n, GroupName=groep) for n in namen}


def test_contact_attempts_derive_dagdeel_and_the_first_reached_one_sets_contact(pilot):
    d_id = nieuw(pilot)
    walcheren = pilot.callers["walcheren"]
    pad = f"/v1/doorverwijzingen/{d_id}/contactpogingen"
    pilot.clock.advance(timedelta(hours=10))
    niet = walcheren.post(pad, {"soort": "telefoon", "bereikt": False, "tijdstip": "2026-11-27T19:15:00+01:00"})
    assert niet.status == 201
    assert niet.body["status"] == "aangemeld"
    assert niet.body["contactpogingen"][0]["dagdeel"] == "avond"
    pilot.clock.advance(timedelta(hours=14))
    wel = walcheren.post(pad, {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-28T09:45:00+01:00"})
    assert wel.body["status"] == "contact_gelegd"
    assert wel.body["contactGelegdOp"].startswith("2026-11-28T09:45:00")
    assert [p["dagdeel"] for p in wel.body["contactpogingen"]] == ["avond", "ochtend"]
    schuldeiser = lees(pilot, "evides", d_id)
    assert schuldeiser["status"] == "contact_gelegd"
    assert "contactpogingen" not in schuldeiser


def test_contact_attempts_are_refused_when_they_cannot_be(pilot):
    d_id = nieuw(pilot)
    pad = f"/v1/doorverwijzingen/{d_id}/contactpogingen"
    toekomst = pilot.callers["walcheren"].post(
        pad, {"soort": "mail", "bereikt": True, "tijdstip": "2026-12-25T10:00:00+01:00"}
    )
    assert toekomst.status == 400 and toekomst.body["invalidParams"][0]["name"] == "tijdstip"
    assert (
        pilot.callers["walcheren"]
        .post(pad, {"soort": "fax", "bereikt": True, "tijdstip": "2026-11-27T10:00:00+01:00"})
        .status
        == 400
    )
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d_id}/intrekkingen", {"reden": "betaald"})
    na = pilot.callers["walcheren"].post(
        pad, {"soort": "mail", "bereikt": True, "tijdstip": "2026-11-27T10:05:00+01:00"}
    )
    assert na.status == 409 and "ingetrokken" in na.body["detail"]
    assert (
        pilot.callers["rotterdam"]
        .post(pad, {"soort": "mail", "bereikt": True, "tijdstip": "2026-11-27T10:05:00+01:00"})
        .status
        == 404
    )


def bereik(pilot, d_id):
    """The organisation reaches the person by phone, an hour after the referral came in."""
    pad = f"/v1/doorverwijzingen/{d_id}/contactpogingen"
    poging = {"soort": "telefoon", "bereikt": True, "tijdstip": pilot.clock.advance(timedelta(hours=1)).isoformat()}
    assert pilot.callers["walcheren"].post(pad, poging).status == 201


# Each of the 15 result codes, whether it needs a reached attempt, and what the creditor learns of it
# (domain.md's disclosure table).
OPENBAARHEID = [
    ("niet_opgepakt_herhaalde_melding", None, "niet_opgepakt_herhaalde_melding"),
    ("niet_opgepakt_onterecht_signaal", None, "niet_opgepakt_onterecht_signaal"),
    ("overleden", None, "overleden"),
    ("geen_inwoner", None, "geen_inwoner"),
    ("niet_opgepakt_andere_reden", None, "niet_opgepakt"),
    ("al_bekend_bij_schuldhulp", True, "hulp_loopt_al"),
    ("ander_lopend_traject", True, "hulp_loopt_al"),
    ("geen_contact", False, "geen_contact"),
    ("geen_reactie_na_contact", True, "geen_reactie"),
    ("geen_hulp_gewenst", True, "geen_hulp_gewenst"),
    ("zelf_opgelost", True, "opgelost"),
    ("quick_fix", True, "opgelost"),
    ("vervolghulp_financieel", True, "vervolghulp"),
    ("verwijzing_zonder_contact", None, "vervolghulp"),
    ("vervolghulp_niet_financieel", True, "vervolghulp"),
]
TEKSTEN = {
    "niet_opgepakt": "Uitkomst: niet opgepakt.",
    "geen_contact": "Uitkomst: er kon geen contact worden gelegd.",
    "geen_reactie": "Uitkomst: de klant reageerde niet meer na het eerste contact.",
}


@pytest.mark.parametrize(("code", "na_contact", "uitkomst"), OPENBAARHEID, ids=[c for c, *_ in OPENBAARHEID])
def test_final_result_tells_the_creditor_only_what_it_may_learn(pilot, code, na_contact, uitkomst):
    d_id = nieuw(pilot)
    if na_contact:
        bereik(pilot, d_id)
    antwoord = pilot.callers["walcheren"].put(
        f"/v1/doorverwijzingen/{d_id}/eindresultaat", {"code": code, "toelichting": "Detentie tot maart"}
    )
    assert antwoord.status == 200
    assert antwoord.body["status"] == "afgerond"
    assert antwoord.body["eindresultaat"]["code"] == code
    pilot.settle()
    schuldeiser = lees(pilot, "evides", d_id)
    assert schuldeiser["terugkoppeling"]["uitkomst"] == uitkomst
    assert "Detentie" not in str(schuldeiser) and code not in str(schuldeiser).replace(uitkomst, "")
    [mail] = mails(pilot, "incasso@evides.example", "afgerond")
    assert "CW-1" in mail["text"] and "Detentie" not in mail["text"] and "Jan" not in mail["text"]
    if uitkomst in TEKSTEN:
        assert TEKSTEN[uitkomst] in mail["text"]


def test_a_result_that_does_not_fit_the_history_is_a_conflict(pilot):
    d_id = nieuw(pilot)
    pad = f"/v1/doorverwijzingen/{d_id}/eindresultaat"
    zonder = pilot.callers["walcheren"].put(pad, {"code": "vervolghulp_financieel"})
    assert zonder.status == 409 and "bereikt" in zonder.body["detail"]
    bereik(pilot, d_id)
    na = pilot.callers["walcheren"].put(pad, {"code": "geen_contact"})
    assert na.status == 409 and "bereikt" in na.body["detail"]


def test_the_same_result_again_is_fine_a_correction_is_audited_and_told_only_when_it_matters(pilot):
    d_id = nieuw(pilot)
    bereik(pilot, d_id)
    pad = f"/v1/doorverwijzingen/{d_id}/eindresultaat"
    walcheren = pilot.callers["walcheren"]
    assert walcheren.put(pad, {"code": "zelf_opgelost"}).status == 200
    assert walcheren.put(pad, {"code": "zelf_opgelost"}).status == 200  # a retry
    pilot.clock.advance(2 * DAG)
    assert walcheren.put(pad, {"code": "quick_fix"}).body["eindresultaat"]["code"] == "quick_fix"  # same outcome
    pilot.settle()
    assert len(mails(pilot, "incasso@evides.example", "afgerond")) == 1
    assert mails(pilot, "incasso@evides.example", "gecorrigeerd") == []
    gecorrigeerd = walcheren.put(pad, {"code": "geen_hulp_gewenst"})
    assert gecorrigeerd.status == 200
    pilot.settle()
    [mail] = mails(pilot, "incasso@evides.example", "gecorrigeerd")
    assert "De juiste uitkomst is: de klant wil geen hulp." in mail["text"]
    assert lees(pilot, "evides", d_id)["terugkoppeling"]["uitkomst"] == "geen_hulp_gewenst"
    acties = [
        r["actie"]
        for r in pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels?limiet=100").body["items"]
    ]
    assert acties.count("eindresultaat") == 1 and acties.count("eindresultaat_correctie") == 2
    pilot.clock.advance(13 * DAG)
    te_laat = walcheren.put(pad, {"code": "vervolghulp_financieel"})
    assert te_laat.status == 409 and "14 dagen" in te_laat.body["detail"]


def test_a_result_after_withdrawal_and_a_withdrawal_after_a_result_are_conflicts(pilot):
    d_id = nieuw(pilot)
    pad = f"/v1/doorverwijzingen/{d_id}/eindresultaat"
    assert pilot.callers["walcheren"].put(pad, {"code": "overleden"}).status == 200
    assert pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d_id}/intrekkingen", {"reden": "overig"}).status == 409
    assert pilot.callers["walcheren"].put(pad, {"code": "bestaat_niet"}).status == 400
    ingetrokken = nieuw(pilot, "CW-2")
    assert (
        pilot.callers["evides"].post(f"/v1/doorverwijzingen/{ingetrokken}/intrekkingen", {"reden": "overig"}).status
        == 201
    )
    na = pilot.callers["walcheren"].put(f"/v1/doorverwijzingen/{ingetrokken}/eindresultaat", {"code": "overleden"})
    assert na.status == 409 and "ingetrokken" in na.body["detail"]


def test_extension_moves_the_stop_tells_the_creditor_and_is_bounded(pilot):
    d_id = nieuw(pilot)
    pad = f"/v1/doorverwijzingen/{d_id}/verlengingen"
    antwoord = pilot.callers["walcheren"].post(pad, {"dagen": 30, "reden": "Schuldregeling in voorbereiding"})
    assert antwoord.status == 201
    assert antwoord.body["incassostop"]["tot"].startswith("2027-01-26T10:00")  # the clock runs on: its minute
    pilot.settle()
    [mail] = mails(pilot, "incasso@evides.example", "verlengd")
    assert "26 januari 2027" in mail["subject"] and "CW-1" in mail["text"]
    te_lang = pilot.callers["walcheren"].post(pad, {"dagen": 31, "reden": "nog langer"})
    assert te_lang.status == 409 and "hoogstens 90 dagen" in te_lang.body["detail"]
    assert pilot.callers["evides"].post(pad, {"dagen": 5, "reden": "x"}).status == 403


def test_registration_plans_both_timers_in_utc_to_delete_after_firing(pilot):
    d_id = nieuw(pilot)
    gepland = schedules(pilot)
    contact = gepland[f"contacttermijn-{d_id}"]
    assert contact["ScheduleExpression"] == "at(2026-11-30T09:00:00)"
    assert contact["ScheduleExpressionTimezone"] == "UTC"
    assert contact["ActionAfterCompletion"] == "DELETE"
    assert contact["Target"]["Arn"] == pilot.refs["TimerFunction.Arn"]
    assert contact["Target"]["DeadLetterConfig"]["Arn"] == pilot.refs["TimerDlq.Arn"]
    assert gepland[f"incassostop-{d_id}"]["ScheduleExpression"] == "at(2026-12-27T09:00:00)"


def test_contact_removes_the_deadline_timer_and_withdrawal_removes_both_for_the_retention_timer(pilot):
    a, b = nieuw(pilot, "T-A"), nieuw(pilot, "T-B")
    pilot.callers["walcheren"].post(
        f"/v1/doorverwijzingen/{a}/contactpogingen",
        {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:02:00+01:00"},
    )
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{b}/intrekkingen", {"reden": "onterecht"})
    pilot.settle()
    assert set(schedules(pilot)) == {f"incassostop-{a}", f"bewaartermijn-{b}", "DagelijkseVeegronde"}
    # 183 days after the withdrawal, at the same Dutch wall-clock time (10:00 CET, so 10:00 CEST in May).
    assert schedules(pilot)[f"bewaartermijn-{b}"]["ScheduleExpression"].startswith("at(2027-05-29T08:00")


def test_an_extension_moves_the_expiry_timer(pilot):
    d_id = nieuw(pilot)
    pilot.callers["walcheren"].post(f"/v1/doorverwijzingen/{d_id}/verlengingen", {"dagen": 10, "reden": "x"})
    pilot.settle()
    assert schedules(pilot)[f"incassostop-{d_id}"]["ScheduleExpression"] == "at(2027-01-06T09:00:00)"


def test_the_deadline_escalates_once_to_the_coordinator_and_only_the_uncontacted_one(pilot):
    bereikt, niet = nieuw(pilot, "E-1"), nieuw(pilot, "E-2")
    assert (
        pilot.callers["walcheren"]
        .post(
            f"/v1/doorverwijzingen/{bereikt}/contactpogingen",
            {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:02:00+01:00"},
        )
        .status
        == 201
    )
    pilot.advance(DAG)
    assert mails(pilot, "coordinator@walcheren.example") == []
    pilot.advance(timedelta(days=2, hours=1))
    escalaties = mails(pilot, "coordinator@walcheren.example", "Contacttermijn verstreken")
    assert len(escalaties) == 1 and niet in escalaties[0]["text"]
    assert [s["to"] for s in pilot.outbox()["sms"] if "contacttermijn verstreken" in s["text"]] == ["+31611111111"]
    assert lees(pilot, "evides", niet)["contactTermijnVerlopen"] is True
    assert lees(pilot, "evides", bereikt)["contactTermijnVerlopen"] is False
    # The same timer firing again, late, changes nothing and sends nothing.
    pilot.advance(DAG)
    pilot.runtime.invoke("TimerFunction", {"taak": "contacttermijn", "doorverwijzingId": niet})
    pilot.runtime.invoke("TimerFunction", {"taak": "vegen"})
    pilot.settle()
    assert len(mails(pilot, "coordinator@walcheren.example", "Contacttermijn verstreken")) == 1


def test_the_stop_expires_the_creditor_is_told_and_an_extended_stop_stays_active(pilot):
    gewoon, verlengd = nieuw(pilot, "S-1"), nieuw(pilot, "S-2")
    pilot.callers["walcheren"].post(f"/v1/doorverwijzingen/{verlengd}/verlengingen", {"dagen": 14, "reden": "x"})
    pilot.settle()
    pilot.advance(timedelta(days=30, hours=1))
    assert lees(pilot, "evides", gewoon)["incassostop"]["actief"] is False
    assert lees(pilot, "evides", verlengd)["incassostop"]["actief"] is True
    beeindigd = mails(pilot, "incasso@evides.example", "Incassostop beëindigd")
    assert [("S-1" in m["subject"]) for m in beeindigd] == [True]
    assert len(mails(pilot, "intake@walcheren.example", "Incassostop afgelopen")) == 1


def test_the_daily_sweep_catches_a_lost_schedule(pilot):
    d_id = nieuw(pilot, "VEEG-1")
    aws.client("scheduler").delete_schedule(Name=f"contacttermijn-{d_id}", GroupName=pilot.refs["TimerGroep"])
    pilot.advance(timedelta(days=3, hours=1))
    assert len(mails(pilot, "coordinator@walcheren.example", "Contacttermijn verstreken")) == 1
    assert lees(pilot, "beheer", d_id)["contactTermijnVerlopen"] is True


def test_working_day_deadlines_when_configured(pilot):
    pilot.refs["ContactTermijnSoort"] = "werkdagen"  # the template parameter, as an operator would set it
    pilot.runtime.vergeet_modules()  # and deploy: the functions start cold with it
    d_id = nieuw(pilot, "WERK-1")
    assert lees(pilot, "evides", d_id)["contactUiterlijk"].startswith("2026-12-02T10:00")
    # Three working days are five calendar days here: the person's SMS names the day, not "3 dagen".
    [sms] = [s for s in pilot.outbox()["sms"] if s["to"] == "+31612345678"]
    assert "belt u uiterlijk woensdag 2 december 2026 om 10:00" in sms["text"] and "dagen" not in sms["text"]


def test_an_organisations_closing_days_move_its_deadlines(pilot):
    pilot.refs["ContactTermijnSoort"] = "werkdagen"
    pilot.runtime.vergeet_modules()
    beheer = pilot.callers["beheer"]
    org = beheer.get("/v1/organisaties/walcheren").body
    org.pop("id")
    dicht = {**org, "sluitingsdagen": ["2026-12-01", "2026-11-30", "2026-12-01"]}
    opgeslagen = beheer.put("/v1/organisaties/walcheren", dicht)
    assert opgeslagen.status == 200 and opgeslagen.body["sluitingsdagen"] == ["2026-11-30", "2026-12-01"]
    d_id = nieuw(pilot, "WERK-2")
    assert lees(pilot, "evides", d_id)["contactUiterlijk"].startswith("2026-12-04T10:00")  # Wed, Thu, Fri


def test_transitions_count_business_metrics(pilot, capsys):
    """EMF lines for CloudWatch: registrations, contact within the deadline, escalations."""
    capsys.readouterr()
    bereikt, niet = nieuw(pilot, "M-1"), nieuw(pilot, "M-2")
    pilot.callers["walcheren"].post(
        f"/v1/doorverwijzingen/{bereikt}/contactpogingen",
        {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:01:00+01:00"},
    )
    pilot.advance(timedelta(days=3, hours=1))
    uitvoer = capsys.readouterr().out
    emf = [regel for regel in uitvoer.splitlines() if '"CloudWatchMetrics"' in regel]
    assert sum('"DoorverwijzingAangemeld":[1.0]' in regel for regel in emf) == 2
    assert any('"ContactBinnenTermijn":[1.0]' in regel and '"service":"warmdoor-api"' in regel for regel in emf)
    assert any('"ContacttermijnVerlopen":[1.0]' in regel and '"service":"warmdoor-timer"' in regel for regel in emf)
    assert not any(niet in regel for regel in emf)  # metrics carry no identifiers
