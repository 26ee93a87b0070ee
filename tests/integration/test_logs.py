"""Personal data never reaches a log line: capture everything a full intake logs and look for it."""

import logging

import pytest

from tests.conftest import aanmelding

# Distinctive forms only: a bare "4331" also turns up in timestamps and random request ids.
PERSOONSGEGEVENS = (
    "Jan",
    "Dijk",
    "0612345678",
    "06 12345678",
    "+31612345678",
    "Lange Delft",
    "4331AB",
    "4331 AB",
    "1980-05-01",
    "jan@example.nl",
    "Middelburg",
    "123.45",
    "ochtends",
)


@pytest.mark.parametrize("niveau", ["INFO", "DEBUG"])
def test_a_full_intake_logs_no_personal_data(pilot, caplog, niveau):
    # INFO is the level the template deploys with; DEBUG is what an operator switches on to look closer.
    pilot.refs["LogLevel"] = niveau
    pilot.runtime.vergeet_modules()  # imported again, under the new level, as after a deploy
    caplog.set_level(logging.DEBUG)
    evides, walcheren = pilot.callers["evides"], pilot.callers["walcheren"]
    body = aanmelding("LOG-1")
    d = evides.post("/v1/doorverwijzingen", body).body
    evides.post("/v1/doorverwijzingen", body)
    walcheren.get(f"/v1/doorverwijzingen/{d['id']}")
    walcheren.get("/v1/doorverwijzingen")
    slecht = aanmelding("LOG-2")
    slecht["adres"]["postcode"] = "Lange Delft 12"
    evides.post("/v1/doorverwijzingen", slecht)
    evides.post(f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "overig", "toelichting": "Jan belde"})

    regels = [f"{r.getMessage()} {r.__dict__}" for r in caplog.records]
    assert any("request" in regel and "/v1/doorverwijzingen" in regel for regel in regels)  # the handlers did log
    for regel in regels:
        for persoonsgegeven in PERSOONSGEGEVENS:
            assert persoonsgegeven not in regel, (persoonsgegeven, regel)
