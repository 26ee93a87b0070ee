"""Every rule of the referral aggregate (domain/doorverwijzing.py), on the entity alone."""

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.conftest import START, aanmelding
from warmdoor.domain import doorverwijzing as dv
from warmdoor.domain.doorverwijzing import Beleid, Timer
from warmdoor.domain.errors import Conflict, OngeldigeInvoer
from warmdoor.domain.termijnen import termijn
from warmdoor.models.entities import Bezorgprobleem, Doorverwijzing, RouteringOrganisatie, Schuldeiser
from warmdoor.models.enums import Eindresultaat, Status
from warmdoor.models.events import Gebeurtenissoort
from warmdoor.models.requests import (
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    VerlengingVerzoek,
)
from warmdoor.tijd import AMSTERDAM, lokaal

DAG, UUR = timedelta(days=1), timedelta(hours=1)
BELEID = Beleid()
SCHULDEISER = Schuldeiser(id="evides", naam="Evides", type="water", email="i@evides.example")
ORGANISATIE = RouteringOrganisatie(id="walcheren", naam="Schuldhulp Walcheren")


def nieuw(beleid: Beleid = BELEID, nu: datetime = START) -> Doorverwijzing:
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding())
    d, soorten = dv.registreren("d-1", verzoek, "hash", SCHULDEISER, ORGANISATIE, "GM0687", beleid, nu)
    assert soorten == [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD]
    return d


def contact(tijdstip: datetime, bereikt: bool = True, soort: str = "telefoon") -> ContactpogingVerzoek:
    return ContactpogingVerzoek(soort=soort, bereikt=bereikt, tijdstip=tijdstip)


def bereikt(d: Doorverwijzing | None = None) -> Doorverwijzing:
    """A referral whose person was reached by phone an hour after it came in."""
    return dv.contactpoging(d or nieuw(), contact(START + UUR), START + UUR)[0]


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


def test_a_final_result_closes_and_never_a_withdrawn_referral():
    d, soorten = dv.afronden(bereikt(), EindresultaatVerzoek(code="quick_fix"), START + DAG)
    assert d.eindresultaat is not None
    assert (d.status, d.eindresultaat.code, soorten) == (
        Status.AFGEROND,
        Eindresultaat.QUICK_FIX,
        [Gebeurtenissoort.DOORVERWIJZING_AFGEROND],
    )
    assert dv.incassostop_actief(d, START + DAG)  # the stop runs on to its end
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
    afgerond, _ = dv.afronden(bereikt(d), EindresultaatVerzoek(code="quick_fix", toelichting="Jan belde"), START + DAG)
    bewaard, soorten = dv.bewaartermijn_bijwerken(afgerond, Beleid(bewaartermijn_dagen=10), START + DAG)
    assert (bewaard.persoonsgegevensVerwijderenOp, soorten) == (START + 11 * DAG, [])
    gewist, soorten = dv.bewaartermijn_bijwerken(afgerond, Beleid(bewaartermijn_dagen=10), START + 12 * DAG)
    assert soorten == [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]
    assert gewist.eindresultaat is not None
    assert (gewist.client, gewist.adres, gewist.eindresultaat.toelichting) == (None, None, None)
    assert gewist.eindresultaat.code == Eindresultaat.QUICK_FIX  # the outcome is no personal data


def test_personal_data_past_their_time_are_not_shown_before_anything_deleted_them():
    d, _ = dv.afronden(bereikt(), EindresultaatVerzoek(code="quick_fix"), START + UUR)
    d, _ = dv.bewaartermijn_bijwerken(d, BELEID, START)
    tot = d.persoonsgegevensVerwijderenOp
    assert tot is not None
    assert dv.zoals_nu(d, START + DAG).client is not None
    later = dv.zoals_nu(d, tot)
    assert (later.client, later.persoonsgegevensVerwijderdOp) == (None, tot)
    assert dv.persoonsgegevens_bewaken(d, tot)[1] == [Gebeurtenissoort.PERSOONSGEGEVENS_VERWIJDERD]


def test_the_timers_follow_the_state():
    d = nieuw()
    assert dv.timers(d) == {
        Timer.CONTACTTERMIJN: d.contactUiterlijk,
        Timer.INCASSOSTOP: d.incassostopTot,
        Timer.HERINNERING: None,
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
        Timer.HERINNERING: None,  # nothing left to close
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


# --- the rules decided after the first release (domain.md, v1.1) -----------------------------------


def test_the_deadline_skips_the_routed_organisations_closing_days():
    werkdagen = Beleid(contact_termijn_werkdagen=True)
    dicht = ORGANISATIE.model_copy(update={"sluitingsdagen": [date(2026, 11, 30)]})  # the Monday
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding())
    d, _ = dv.registreren("d-1", verzoek, "hash", SCHULDEISER, dicht, "GM0687", werkdagen, START)
    assert lokaal(d.contactUiterlijk).isoformat() == "2026-12-03T10:00:00+01:00"  # Tue, Wed, Thu
    assert lokaal(nieuw(werkdagen).contactUiterlijk).isoformat() == "2026-12-02T10:00:00+01:00"


def test_the_first_contact_is_the_earliest_reached_attempt_whatever_order_they_are_recorded_in():
    laat = datetime(2026, 12, 1, 8, 30, tzinfo=AMSTERDAM)
    vroeg = datetime(2026, 11, 28, 11, 0, tzinfo=AMSTERDAM)
    d, soorten = dv.contactpoging(nieuw(), contact(laat), laat)
    assert (d.contactGelegdOp, soorten) == (laat, [Gebeurtenissoort.CONTACT_GELEGD])
    assert not dv.contact_binnen_termijn(d)
    d, soorten = dv.contactpoging(d, contact(vroeg), laat + UUR)
    assert (d.contactGelegdOp, soorten, d.status) == (vroeg, [], Status.CONTACT_GELEGD)
    assert dv.contact_binnen_termijn(d)
    assert not dv.contact_termijn_verlopen(d, laat + DAG)


@pytest.mark.parametrize("soort", ["brief", "kaartje", "administratief"])
def test_only_a_conversation_reaches_the_person(soort):
    with pytest.raises(OngeldigeInvoer) as fout:
        dv.contactpoging(nieuw(), contact(START + UUR, soort=soort), START + UUR)
    assert [(p.name, p.code) for p in fout.value.params] == [("bereikt", "not_a_conversation")]
    niet_bereikt, _ = dv.contactpoging(nieuw(), contact(START + UUR, bereikt=False, soort=soort), START + UUR)
    assert len(niet_bereikt.contactpogingen) == 1  # an attempt of that kind is still worth recording


def test_no_attempt_before_the_registration_not_even_minutes():
    with pytest.raises(OngeldigeInvoer) as fout:
        dv.contactpoging(nieuw(), contact(START - timedelta(minutes=4)), START + UUR)
    assert [(p.name, p.code) for p in fout.value.params] == [("tijdstip", "minimum")]


@pytest.mark.parametrize("code", list(Eindresultaat))
def test_a_result_fits_the_history(code):
    verzoek = EindresultaatVerzoek(code=code)
    if code in dv.NA_CONTACT:
        with pytest.raises(Conflict, match="bereikt"):
            dv.afronden(nieuw(), verzoek, START + DAG)
    else:
        assert dv.afronden(nieuw(), verzoek, START + DAG)[0].status == Status.AFGEROND
    if code in dv.ZONDER_CONTACT:
        with pytest.raises(Conflict, match="bereikt"):
            dv.afronden(bereikt(), verzoek, START + DAG)
    else:
        assert dv.afronden(bereikt(), verzoek, START + DAG)[0].status == Status.AFGEROND


def test_every_result_code_is_either_after_contact_without_contact_or_neither_on_purpose():
    """The codes that fit any history: not taken up, deceased, not a resident, referred on without contact."""
    assert set(Eindresultaat) - dv.NA_CONTACT - dv.ZONDER_CONTACT == {
        Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING,
        Eindresultaat.NIET_OPGEPAKT_ONTERECHT_SIGNAAL,
        Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN,
        Eindresultaat.OVERLEDEN,
        Eindresultaat.GEEN_INWONER,
        Eindresultaat.VERWIJZING_ZONDER_CONTACT,
    }


def test_the_same_result_again_changes_nothing():
    d, _ = dv.afronden(bereikt(), EindresultaatVerzoek(code="quick_fix", toelichting="Regeling"), START + DAG)
    assert dv.afronden(d, EindresultaatVerzoek(code="quick_fix", toelichting="Regeling"), START + 2 * DAG) == (d, [])


def test_a_correction_within_14_days_is_kept_and_the_creditor_told_only_when_its_outcome_changes():
    d, _ = dv.afronden(bereikt(), EindresultaatVerzoek(code="zelf_opgelost"), START + DAG)
    # zelf_opgelost and quick_fix are both "opgelost" to the creditor.
    zelfde, soorten = dv.afronden(d, EindresultaatVerzoek(code="quick_fix"), START + 2 * DAG)
    assert zelfde.eindresultaat is not None
    assert (zelfde.eindresultaat.code, zelfde.eindresultaat.gecorrigeerdOp, soorten) == (
        Eindresultaat.QUICK_FIX,
        START + 2 * DAG,
        [],
    )
    assert zelfde.eindresultaat.tijdstip == START + DAG  # still closed when it was closed
    anders, soorten = dv.afronden(d, EindresultaatVerzoek(code="vervolghulp_financieel"), START + 15 * DAG)
    assert anders.eindresultaat is not None and anders.eindresultaat.code == Eindresultaat.VERVOLGHULP_FINANCIEEL
    assert soorten == [Gebeurtenissoort.TERUGKOPPELING_GEWIJZIGD]
    with pytest.raises(Conflict, match="14 dagen"):
        dv.afronden(d, EindresultaatVerzoek(code="vervolghulp_financieel"), START + 15 * DAG + timedelta(seconds=1))


def test_a_correction_must_fit_the_history_too():
    d, _ = dv.afronden(bereikt(), EindresultaatVerzoek(code="quick_fix"), START + DAG)
    with pytest.raises(Conflict, match="bereikt"):
        dv.afronden(d, EindresultaatVerzoek(code="geen_contact"), START + 2 * DAG)


def test_the_stop_can_be_extended_after_a_final_result_while_it_runs():
    d, _ = dv.afronden(bereikt(), EindresultaatVerzoek(code="vervolghulp_financieel"), START + DAG)
    verlengd, soorten = dv.verlengen(d, VerlengingVerzoek(dagen=30, reden="Regeling"), BELEID, START + 2 * DAG)
    assert (verlengd.incassostopTot, soorten) == (d.incassostopTot + 30 * DAG, [Gebeurtenissoort.INCASSOSTOP_VERLENGD])
    with pytest.raises(Conflict, match="al afgelopen"):
        dv.verlengen(d, VerlengingVerzoek(dagen=5, reden="x"), BELEID, d.incassostopTot)


@pytest.mark.parametrize(
    ("dagen_oud", "max_dagen", "geweigerd"),
    [(14, 14, False), (15, 14, True), (400, 14, True), (20, 30, False)],
)
def test_consent_must_be_recent(dagen_oud, max_dagen, geweigerd):
    tijdstip = (START - timedelta(days=dagen_oud)).isoformat()
    body = aanmelding(toestemming={"verleend": True, "tijdstip": tijdstip, "kanaal": "telefoon"})
    verzoek = DoorverwijzingVerzoek.model_validate(body)
    beleid = Beleid(toestemming_max_dagen=max_dagen)
    if not geweigerd:
        assert dv.registreren("d-1", verzoek, "h", SCHULDEISER, ORGANISATIE, "GM0687", beleid, START)[1]
        return
    with pytest.raises(OngeldigeInvoer) as fout:
        dv.registreren("d-1", verzoek, "h", SCHULDEISER, ORGANISATIE, "GM0687", beleid, START)
    assert [(p.name, p.code) for p in fout.value.params] == [("toestemming.tijdstip", "maximum_age")]
    assert f"{max_dagen} dagen" in fout.value.params[0].reason


def _open_en_gewist() -> tuple[Doorverwijzing, datetime]:
    """An open referral nobody closed: its stop ended, and 183 days later its personal data went."""
    d, _ = dv.incassostop_bewaken(nieuw(), nieuw().incassostopTot)
    d, _ = dv.bewaartermijn_bijwerken(d, BELEID, nieuw().incassostopTot)
    assert d.persoonsgegevensVerwijderenOp is not None
    gewist, _ = dv.persoonsgegevens_bewaken(d, d.persoonsgegevensVerwijderenOp)
    return gewist, d.persoonsgegevensVerwijderenOp + DAG


def test_an_open_case_can_be_closed_after_its_personal_data_were_erased_but_not_otherwise_changed():
    gewist, later = _open_en_gewist()
    afgerond, soorten = dv.afronden(gewist, EindresultaatVerzoek(code="niet_opgepakt_andere_reden"), later)
    assert (afgerond.status, soorten, afgerond.client) == (
        Status.AFGEROND,
        [Gebeurtenissoort.DOORVERWIJZING_AFGEROND],
        None,
    )
    with pytest.raises(OngeldigeInvoer) as fout:
        dv.afronden(gewist, EindresultaatVerzoek(code="geen_contact", toelichting="Jan"), later)
    assert [p.name for p in fout.value.params] == ["toelichting"]
    with pytest.raises(Conflict, match="bewaartermijn"):
        dv.contactpoging(gewist, contact(later), later)
    with pytest.raises(Conflict, match="bewaartermijn"):
        dv.intrekken(gewist, IntrekkingVerzoek(reden="betaald"), later)


def test_the_organisation_is_reminded_once_30_days_before_an_open_cases_data_are_erased():
    d, _ = dv.incassostop_bewaken(nieuw(), nieuw().incassostopTot)
    d, _ = dv.bewaartermijn_bijwerken(d, BELEID, nieuw().incassostopTot)
    assert d.persoonsgegevensVerwijderenOp is not None
    moment = d.persoonsgegevensVerwijderenOp - 30 * DAG
    assert dv.timers(d)[Timer.HERINNERING] == moment
    assert dv.herinneren(d, moment - UUR) == (d, [])
    herinnerd, soorten = dv.herinneren(d, moment)
    assert (herinnerd.herinnerdOp, soorten) == (moment, [Gebeurtenissoort.BEWAARTERMIJN_HERINNERING])
    assert dv.timers(herinnerd)[Timer.HERINNERING] is None
    assert dv.herinneren(herinnerd, moment + DAG)[1] == []
    gesloten, _ = dv.afronden(d, EindresultaatVerzoek(code="geen_contact"), moment - DAG)
    assert dv.timers(gesloten)[Timer.HERINNERING] is None  # a closed case needs no reminder


def test_the_maximum_extension_is_what_is_left_until_the_longest_stop():
    d = nieuw()
    assert dv.verlenging_max_dagen(d, BELEID, START) == 60  # 90 days from registration, 30 already
    verlengd, _ = dv.verlengen(d, VerlengingVerzoek(dagen=60, reden="regeling"), BELEID, START)
    assert dv.verlenging_max_dagen(verlengd, BELEID, START) == 0
    ingetrokken, _ = dv.intrekken(d, IntrekkingVerzoek(reden="betaald"), START + UUR)
    assert dv.verlenging_max_dagen(ingetrokken, BELEID, START + UUR) == 0
