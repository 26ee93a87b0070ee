from tests.conftest import aanmelding


def test_creditor_submits_and_reads_back(pilot):
    evides = pilot.callers["evides"]
    antwoord = evides.post("/v1/doorverwijzingen", aanmelding())
    assert antwoord.status == 201, antwoord.body
    print(antwoord.body, antwoord.headers)
