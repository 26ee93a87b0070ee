"""The audit trail: who changed or read a referral, and when, for every role; listed for the operator."""

from datetime import timedelta

from tests.conftest import aanmelding


def test_every_change_and_every_roles_read_is_recorded_without_personal_data(pilot):
    d_id = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("AUDIT-1")).body["id"]
    pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}")
    pilot.callers["walcheren"].get("/v1/doorverwijzingen")
    pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}")
    pilot.clock.advance(timedelta(minutes=5))
    pilot.callers["walcheren"].post(
        f"/v1/doorverwijzingen/{d_id}/contactpogingen",
        {"soort": "telefoon", "bereikt": True, "tijdstip": "2026-11-27T10:04:00+01:00", "toelichting": "Jan gesproken"},
    )
    pilot.callers["rotterdam"].get(f"/v1/doorverwijzingen/{d_id}")  # not its referral: nothing was read

    antwoord = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels?limiet=100")
    assert antwoord.status == 200
    regels = [(r["rol"], r["actie"]) for r in antwoord.body["items"]]
    assert regels == [
        ("schuldeiser", "aanmelding"),
        ("organisatie", "gelezen"),
        ("organisatie", "gelezen"),
        ("schuldeiser", "gelezen"),
        ("organisatie", "contactpoging"),
    ]
    sleutels = {r["sleutelId"] for r in antwoord.body["items"]}
    assert len(sleutels) == 2 and all(sleutels)
    assert "Jan" not in str(antwoord.body) and "Dijk" not in str(antwoord.body)
    # listing the trail reads no referral, so it adds nothing to it
    volgende = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels?limiet=100").body["items"]
    assert len(volgende) == len(regels)


def test_timers_are_recorded_as_the_system_and_only_the_operator_may_list(pilot):
    d_id = pilot.callers["evides"].post("/v1/doorverwijzingen", aanmelding("AUDIT-2")).body["id"]
    pilot.settle()
    pilot.advance(timedelta(days=3, hours=1))
    regels = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").body["items"]
    assert ("systeem", "beheer", "contacttermijn") in [(r["sleutelId"], r["rol"], r["actie"]) for r in regels]
    assert pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").status == 403
    assert pilot.callers["walcheren"].get(f"/v1/doorverwijzingen/{d_id}/auditregels").status == 403
    onbekend = "/v1/doorverwijzingen/00000000-0000-4000-8000-000000000000/auditregels"
    assert pilot.callers["beheer"].get(onbekend).status == 404
