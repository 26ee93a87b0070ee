"""Every rule of the referral aggregate (domain/doorverwijzing.py), on the entity alone."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import START, aanmelding
from warmdoor.domain import doorverwijzing as dv
from warmdoor.domain.doorverwijzing import Beleid, Timer
from warmdoor.domain.errors import Conflict, OngeldigeInvoer
from warmdoor.domain.termijnen import termijn
from warmdoor.models.entities import Bezorgprobleem, Doorverwijzing, Gemeente, Organisatie, Schuldeiser
from warmdoor.models.enums import Eindresultaat, Status
from warmdoor.models.events import Gebeurtenissoort
from warmdoor.models.requests import (
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    VerlengingVerzoek,
)
from warmdoor.tijd import lokaal

DAG, UUR = timedelta(days=1), timedelta(hours=1)
BELEID = Beleid()
SCHULDEISER = Schuldeiser(id="evides", naam="Evides", type="water", email="i@evides.example")
ORGANISATIE = Organisatie(
    id="walcheren", naam="Schuldhulp Walcheren", email="i@w.example", gemeenten=[Gemeente(code="GM0687", naam="M")]
)


def nieuw(beleid: Beleid = BELEID, nu: datetime = START) -> Doorverwijzing:
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding())
    d, soorten = dv.registreren("d-1", verzoek, "hash", SCHULDEISER, ORGANISATIE, "GM0687", beleid, nu)
    assert soorten == [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD]
    return d


def contact(tijdstip: datetime, bereikt: bool = True) -> ContactpogingVerzoek:
    return ContactpogingVerzoek(soort="telefoon", bereikt=bereikt, tijdstip=tijdstip)


def test_a_referral_gets_its_deadline_and_stop_from_the_policy():
    d = nieuw()
    assert (d.status, d.aangemeldOp) == (Status.AANGEMELD, START)
    assert lokaal(d.contactUiterlijk).isoformat() == "2026-11-30T10:00:00+01:00"
    assert lokaal(d.incassostopTot).isoformat() == "2026-12-27T10:00:00+01:00"
    werkdagen = nieuw(Beleid(contact_termijn_werkdagen=True))  # Friday + 3 working days = Wednesday
    assert lokaal(werkdagen.contactUiterlijk).isoformat() == "2026-12-02T10:00:00+01:00"
    assert nieuw(nu=START.replace(microsecond=123)).aangemeldOp == START  # whole seconds


def test_the_first_attempt_that_reached_the_person_makes_contact():
    d, soorten = dv.contactpoging(nieuw(), contact(START + UUR, bereikt=False), START + 2 * UUR)
    assert (d.status, d.contactGelegdOp, soorten) == (Status.AANGEMELD, None, [])
    d, soorten = dv.contactpoging(d, contact(START + 2 * UUR), START + 3 * UUR)
    assert (d.status, d.contactGelegdOp, soorten) == (
        Status.CONTACT_GELEGD,
        START + 2 * UUR,
        [Gebeurtenissoort.CONTACT_GELEGD],
    )
    d, soorten = dv.contactpoging(d, contact(START + 3 * UUR), START + 3 * UUR)
    assert (d.contactGelegdOp, soorten, len(d.contactpogingen)) == (START + 2 * UUR, [], 3)
    assert [p.dagdeel for p in d.contactpogingen] == ["ochtend", "middag", "middag"]


@pytest.mark.parametrize(
    ("tijdstip", "naam"),
    [(START + DAG, "tijdstip"), (START - 2 * UUR, "tijdstip")],
    ids=["in the future", "before the registration"],
)
def test_an_attempt_at_an_impossible_time_is_bad_input(tijdstip, naam):
    with pytest.raises(OngeldigeInvoer) as fout:
        dv.contactpoging(nieuw(), contact(tijdstip), START + UUR)
    assert [p.name for p in fout.value.params] == [naam]


def test_a_closed_or_withdrawn_referral_takes_no_more_attempts():
    ingetrokken, _ = dv.intrekken(nieuw(), IntrekkingVerzoek(reden="betaald"), START + UUR)
    with pytest.raises(Conflict):
        dv.contactpoging(ingetrokken, contact(START + UUR), START + UUR)


def test_a_withdrawal_ends_the_stop_now_and_only_once():
    d, soorten = dv.intrekken(nieuw(), IntrekkingVerzoek(reden="betaald"), START + DAG)
    assert (d.status, d.incassostopTot, soorten) == (
        Status.INGETROKKEN,
        START + DAG,
        [Gebeurtenissoort.DOORVERWIJZING_INGETROKKEN],
    )
    assert not dv.incassostop_actief(d, START + DAG)
    with pytest.raises(Conflict):
        dv.intrekken(d, IntrekkingVerzoek(reden="betaald"), START + DAG)


def test_a_final_result_closes_once_and_never_a_withdrawn_referral():
    d, soorten = dv.afronden(nieuw(), EindresultaatVerzoek(code="quick_fix"), START + DAG)
    assert d.eindresultaat is not None
    assert (d.status, d.eindresultaat.code, soorten) == (
        Status.AFGEROND,
        Eindresultaat.QUICK_FIX,
        [Gebeurtenissoort.DOORVERWIJZING_AFGEROND],
    )
    assert dv.incassostop_actief(d, START + DAG)  # the stop runs on to its end
    with pytest.raises(Conflict, match="al een eindresultaat"):
        dv.afronden(d, EindresultaatVerzoek(code="quick_fix"), START + DAG)
    ingetrokken, _ = dv.intrekken(nieuw(), IntrekkingVerzoek(reden="overig"), START)
    with pytest.raises(Conflict, match="ingetrokken"):
        dv.afronden(ingetrokken, EindresultaatVerzoek(code="quick_fix"), START + DAG)


def test_an_extension_adds_days_to_the_current_end_within_the_maximum():
    d, soorten = dv.verlengen(nieuw(), VerlengingVerzoek(dagen=30, reden="Regeling"), BELEID, START + DAG)
    assert (d.incassostopTot, soorten) == (nieuw().incassostopTot + 30 * DAG, [Gebeurtenissoort.INCASSOSTOP_VERLENGD])
    d, _ = dv.verlengen(d, VerlengingVerzoek(dagen=30, reden="Regeling"), BELEID, START + DAG)  # 90 days in all
    with pytest.raises(Conflict, match="hoogstens 90 dagen"):
        dv.verlengen(d, VerlengingVerzoek(dagen=1, reden="Regeling"), BELEID, START + DAG)


def test_a_stop_that_ended_or_a_closed_referral_is_not_extended():
    with pytest.raises(Conflict, match="al afgelopen"):
        dv.verlengen(nieuw(), VerlengingVerzoek(dagen=5, reden="x"), BELEID, START + 31 * DAG)
    ingetrokken, _ = dv.intrekken(nieuw(), IntrekkingVerzoek(reden="betaald"), START)
    with pytest.raises(Conflict):
        dv.verlengen(ingetrokken, VerlengingVerzoek(dagen=5, reden="x"), BELEID, START)


def test_the_deadline_escalates_once_only_when_nobody_was_reached_in_time():
    d = nieuw()
    assert dv.contacttermijn_bewaken(d, d.contactUiterlijk - UUR) == (d, [])
    verlopen, soorten = dv.contacttermijn_bewaken(d, d.contactUiterlijk + UUR)
    assert soorten == [Gebeurtenissoort.CONTACTTERMIJN_VERLOPEN]
    assert dv.contacttermijn_bewaken(verlopen, d.contactUiterlijk + 2 * UUR)[1] == []  # fired twice
    bereikt, _ = dv.contactpoging(d, contact(START + UUR), START + UUR)
    assert dv.contacttermijn_bewaken(bereikt, d.contactUiterlijk + UUR)[1] == []


def test_a_missed_deadline_stays_missed_for_a_person_reached_late():
    d = nieuw()
    assert not dv.contact_termijn_verlopen(d, d.contactUiterlijk - UUR)
    assert dv.contact_termijn_verlopen(d, d.contactUiterlijk + UUR)
    laat, _ = dv.contactpoging(d, contact(d.contactUiterlijk + UUR), d.contactUiterlijk + UUR)
    assert dv.contact_termijn_verlopen(laat, d.contactUiterlijk + DAG)
    assert not dv.contact_binnen_termijn(laat)
    op_tijd_ingetrokken, _ = dv.intrekken(d, IntrekkingVerzoek(reden="betaald"), START + UUR)
    assert not dv.contact_termijn_verlopen(op_tijd_ingetrokken, d.contactUiterlijk + DAG)


def test_the_stop_ends_once_when_it_has_passed():
    d = nieuw()
    assert dv.incassostop_bewaken(d, d.incassostopTot - UUR)[1] == []
    beeindigd, soorten = dv.incassostop_bewaken(d, d.incassostopTot)
    assert soorten == [Gebeurtenissoort.INCASSOSTOP_BEEINDIGD]
    assert dv.incassostop_bewaken(beeindigd, d.incassostopTot + DAG)[1] == []
    ingetrokken, _ = dv.intrekken(d, IntrekkingVerzoek(reden="betaald"), START)
    assert dv.incassostop_bewaken(ingetrokken, d.incassostopTot)[1] == []


def test_personal_data_are_kept_a_period_after_the_end_and_then_erased():
    d = nieuw(Beleid(bewaartermijn_dagen=10))
    assert dv.bewaartermijn_bijwerken(d, Beleid(bewaartermijn_dagen=10), START) == (d, [])  # not ended yet
    afgerond, _ = dv.afronden(d, EindresultaatVerzoek(code="quick_fix", toelichting="Jan belde"), START + DAG)
    bewaard, soorten = dv.bewaartermijn_bijwerken(afgerond, Beleid(bewaartermijn_dagen=10), START + DAG)
    assert (bewaard.persoonsgegevensVerwijderenOp, soorten) == (START + 11 * DAG, [])
    gewist, soorten = dv.bewaartermijn_bijwerken(afgerond, Beleid(bewaartermijn_dagen=10), START + 12 * DAG)
    assert soorten == [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]
    assert gewist.eindresultaat is not None
    assert (gewist.client, gewist.adres, gewist.eindresultaat.toelichting) == (None, None, None)
    assert gewist.eindresultaat.code == Eindresultaat.QUICK_FIX  # the outcome is no personal data


def test_personal_data_past_their_time_are_not_shown_before_anything_deleted_them():
    d, _ = dv.afronden(nieuw(), EindresultaatVerzoek(code="quick_fix"), START)
    d, _ = dv.bewaartermijn_bijwerken(d, BELEID, START)
    tot = d.persoonsgegevensVerwijderenOp
    assert tot is not None
    assert dv.zoals_nu(d, START + DAG).client is not None
    later = dv.zoals_nu(d, tot)
    assert (later.client, later.persoonsgegevensVerwijderdOp) == (None, tot)
    with pytest.raises(Conflict, match="bewaartermijn"):
        dv.vereis_wijzigbaar(d, tot)
    assert dv.persoonsgegevens_bewaken(d, tot)[1] == [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]


def test_the_timers_follow_the_state():
    d = nieuw()
    assert dv.timers(d) == {
        Timer.CONTACTTERMIJN: d.contactUiterlijk,
        Timer.INCASSOSTOP: d.incassostopTot,
        Timer.BEWAARTERMIJN: None,
    }
    assert dv.volgende_timer(d) == d.contactUiterlijk
    bereikt, _ = dv.contactpoging(d, contact(START + UUR), START + UUR)
    assert dv.timers(bereikt)[Timer.CONTACTTERMIJN] is None
    ingetrokken, _ = dv.intrekken(d, IntrekkingVerzoek(reden="betaald"), START + UUR)
    ingetrokken, _ = dv.bewaartermijn_bijwerken(ingetrokken, BELEID, START + UUR)
    assert dv.timers(ingetrokken) == {
        Timer.CONTACTTERMIJN: None,
        Timer.INCASSOSTOP: None,
        Timer.BEWAARTERMIJN: termijn(START + UUR, 183, werkdagen=False),
    }


def test_a_delivery_problem_is_listed_once_until_it_is_resolved():
    probleem = Bezorgprobleem(
        kanaal="email", ontvanger="organisatie", gebeurtenis="X", tijdstip=START, reden="mislukt", bericht="b-1"
    )
    d, _ = dv.bezorgprobleem_vastleggen(nieuw(), probleem)
    assert dv.bezorgprobleem_vastleggen(d, probleem)[0] == d
    assert dv.heeft_open_bezorgprobleem(d, "b-1")
    opgelost, _ = dv.bezorgprobleem_opgelost(d, "b-1", datetime(2026, 12, 1, tzinfo=UTC))
    assert not dv.heeft_open_bezorgprobleem(opgelost, "b-1")
    assert opgelost.bezorgproblemen[0].opgelostOp == datetime(2026, 12, 1, tzinfo=UTC)
