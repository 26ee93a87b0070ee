"""The domain services (intake, levensloop, timers, meldingen, rapportage, beheer, raadplegen) on in-memory
ports: every rule without AWS."""

from datetime import date, timedelta

import pytest

from tests import fakes
from tests.conftest import aanmelding
from tests.unit.conftest import BEHEER, EVIDES, OASEN, ROTTERDAM, WALCHEREN, Wereld
from warmdoor.domain import beheer, intake, levensloop, meldingen, raadplegen, rapportage, timers
from warmdoor.domain.doorverwijzing import Timer
from warmdoor.domain.errors import (
    Conflict,
    GeenDeelnemendeOrganisatie,
    NietGevonden,
    OngeldigeInvoer,
    TegenstrijdigAdres,
    Verboden,
)
from warmdoor.models.entities import Medewerker, Principal
from warmdoor.models.enums import Eindresultaat, Rol, Status
from warmdoor.models.events import Gebeurtenissoort
from warmdoor.models.requests import (
    ApiSleutelVerzoek,
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    OrganisatieVerzoek,
    VerlengingVerzoek,
)
from warmdoor.ports import BezorgingNietIngericht, Email, Sms

DAG, UUR = timedelta(days=1), timedelta(hours=1)


# --- intake ---------------------------------------------------------------------------------------


def test_a_referral_is_routed_by_postcode_written_with_its_event_and_counted(wereld: Wereld):
    d = wereld.aanmelden()
    assert (d.organisatieId, d.gemeentecode) == ("walcheren", "GM0687")
    assert [g.soort for g in wereld.repo.gebeurtenissen] == [Gebeurtenissoort.DOORVERWIJZING_AANGEMELD]
    assert wereld.repo.timers[d.id] == d.contactUiterlijk
    assert [r.actie for r in wereld.repo.audit] == ["aanmelding"]
    assert wereld.metingen.geteld["DoorverwijzingAangemeld"] == 1


def test_the_same_submission_again_is_the_same_referral_and_a_changed_one_a_conflict(wereld: Wereld):
    eerste = wereld.aanmelden()
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding("EVD-1"))
    assert intake.aanmelden(wereld.ctx, EVIDES, verzoek, None) == (eerste, False)
    anders = DoorverwijzingVerzoek.model_validate(aanmelding("EVD-1", toelichting="Anders"))
    with pytest.raises(Conflict, match="EVD-1"):
        intake.aanmelden(wereld.ctx, EVIDES, anders, None)
    assert len(wereld.repo.doorverwijzingen_) == 1


def test_an_idempotency_key_binds_one_body(wereld: Wereld):
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding("K-1"))
    d, nieuw = intake.aanmelden(wereld.ctx, EVIDES, verzoek, "sleutel-1")
    assert nieuw
    ander = DoorverwijzingVerzoek.model_validate(aanmelding("K-2"))
    with pytest.raises(Conflict, match="Idempotency-Key"):
        intake.aanmelden(wereld.ctx, EVIDES, ander, "sleutel-1")
    assert intake.aanmelden(wereld.ctx, EVIDES, verzoek, "sleutel-1") == (d, False)


def test_only_a_creditor_refers_and_only_where_an_organisation_takes_part(wereld: Wereld):
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding())
    with pytest.raises(Verboden):
        intake.aanmelden(wereld.ctx, WALCHEREN, verzoek, None)
    elders = aanmelding()
    elders["adres"]["postcode"] = "9711 AA"
    with pytest.raises(GeenDeelnemendeOrganisatie):
        intake.aanmelden(wereld.ctx, EVIDES, DoorverwijzingVerzoek.model_validate(elders), None)


def test_dates_a_person_could_not_have_given_are_bad_input(wereld: Wereld):
    body = aanmelding()
    body["client"]["geboortedatum"] = "2030-01-01"
    body["toestemming"]["tijdstip"] = "2026-11-28T09:00:00+01:00"
    with pytest.raises(OngeldigeInvoer) as fout:
        intake.aanmelden(wereld.ctx, EVIDES, DoorverwijzingVerzoek.model_validate(body), None)
    assert {p.name for p in fout.value.params} == {"client.geboortedatum", "toestemming.tijdstip"}


def test_the_same_submission_spelled_differently_is_the_same_referral(wereld: Wereld):
    eerste = wereld.aanmelden()
    body = aanmelding("EVD-1")
    body["toestemming"]["tijdstip"] = "2026-11-27T08:30:00Z"  # 09:30+01:00 as an instant in UTC
    body["client"]["email"] = "jan@Example.NL"
    body["adres"]["huisnummertoevoeging"] = "a"
    assert intake.aanmelden(wereld.ctx, EVIDES, DoorverwijzingVerzoek.model_validate(body), None) == (eerste, False)
    anders = aanmelding("EVD-1")
    anders["client"]["email"] = "Jan@example.nl"  # the part before the @ may matter to its mail server
    with pytest.raises(Conflict):
        intake.aanmelden(wereld.ctx, EVIDES, DoorverwijzingVerzoek.model_validate(anders), None)


def test_an_idempotency_key_binds_for_30_days_and_the_reference_for_good(wereld: Wereld):
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding("K-1"))
    d, _ = intake.aanmelden(wereld.ctx, EVIDES, verzoek, "sleutel-1")
    wereld.klok.verder(intake.SLEUTEL_GELDIG - UUR)
    body = aanmelding("K-2")
    body["toestemming"]["tijdstip"] = wereld.klok.now().isoformat()  # a new conversation, a month later
    ander = DoorverwijzingVerzoek.model_validate(body)
    with pytest.raises(Conflict, match="Idempotency-Key"):
        intake.aanmelden(wereld.ctx, EVIDES, ander, "sleutel-1")
    wereld.klok.verder(UUR)
    nieuw, is_nieuw = intake.aanmelden(wereld.ctx, EVIDES, ander, "sleutel-1")
    assert is_nieuw and nieuw.id != d.id and nieuw.schuldeiserReferentie == "K-2"
    assert intake.aanmelden(wereld.ctx, EVIDES, verzoek, None) == (d, False)  # K-1 is still K-1


def test_a_municipality_the_postcode_contradicts_is_refused(wereld: Wereld):
    verzoek = DoorverwijzingVerzoek.model_validate(aanmelding(gemeentecode="GM0599"))  # 4331 AB is Middelburg
    with pytest.raises(TegenstrijdigAdres):
        intake.aanmelden(wereld.ctx, EVIDES, verzoek, None)
    assert wereld.repo.doorverwijzingen_ == {}


# --- case work, reading, access ---------------------------------------------------------------------


def test_the_organisation_works_the_case_and_only_its_own(wereld: Wereld):
    d = wereld.aanmelden()
    wereld.klok.verder(UUR)
    poging = ContactpogingVerzoek(soort="telefoon", bereikt=True, tijdstip=wereld.klok.now())
    gewijzigd = levensloop.contact_vastleggen(wereld.ctx, WALCHEREN, d.id, poging)
    assert (gewijzigd.status, gewijzigd.versie) == (Status.CONTACT_GELEGD, 2)
    assert wereld.metingen.geteld["ContactBinnenTermijn"] == 1
    with pytest.raises(NietGevonden):
        levensloop.contact_vastleggen(wereld.ctx, ROTTERDAM, d.id, poging)
    with pytest.raises(Verboden):
        levensloop.contact_vastleggen(wereld.ctx, EVIDES, d.id, poging)


def test_a_change_that_loses_a_race_is_tried_again_on_the_new_state(wereld: Wereld):
    d = wereld.aanmelden()
    eerst = {"keer": 0}

    def ander_wint() -> None:
        if eerst["keer"] == 0:
            eerst["keer"] = 1
            levensloop.verlengen(wereld.ctx, WALCHEREN, d.id, VerlengingVerzoek(dagen=5, reden="x"))

    wereld.repo.voor_schrijven = ander_wint
    ingetrokken = levensloop.intrekken(wereld.ctx, EVIDES, d.id, IntrekkingVerzoek(reden="betaald"))
    assert (ingetrokken.status, ingetrokken.versie, len(ingetrokken.verlengingen)) == (Status.INGETROKKEN, 3, 1)


def test_each_role_reads_only_its_own_and_every_read_is_audited(wereld: Wereld):
    eigen = wereld.aanmelden()
    wereld.aanmelden("OAS-1", wie=OASEN)
    assert [d.id for d in raadplegen.doorverwijzingen(wereld.ctx, EVIDES, None, None, 10).items] == [eigen.id]
    assert len(raadplegen.doorverwijzingen(wereld.ctx, BEHEER, None, None, 10).items) == 2
    assert raadplegen.doorverwijzingen(wereld.ctx, EVIDES, None, None, 10).items[0].client is None  # no personal data
    assert raadplegen.doorverwijzingen(wereld.ctx, WALCHEREN, None, None, 10).items[0].client is not None
    with pytest.raises(NietGevonden):
        raadplegen.doorverwijzing_lezen(wereld.ctx, OASEN, eigen.id)
    # One line per referral read: evides 1 + beheer 2 + evides 1 + walcheren (both are in Middelburg) 2.
    assert sum(r.actie == "gelezen" for r in wereld.repo.audit) == 6


def test_a_cursor_of_another_list_is_bad_input(wereld: Wereld):
    for n in range(3):
        wereld.aanmelden(f"EVD-{n}")
    pagina = raadplegen.doorverwijzingen(wereld.ctx, EVIDES, None, None, 2)
    assert pagina.volgende and len(raadplegen.doorverwijzingen(wereld.ctx, EVIDES, None, pagina.volgende, 2).items) == 1
    with pytest.raises(OngeldigeInvoer) as fout:
        raadplegen.doorverwijzingen(wereld.ctx, WALCHEREN, None, pagina.volgende, 2)
    assert fout.value.params[0].name == "volgende"


# --- timers ---------------------------------------------------------------------------------------


def test_the_schedules_follow_the_referral_and_a_due_one_is_done_at_once(wereld: Wereld):
    d = wereld.aanmelden()
    planner = fakes.Planner()
    timers.bijwerken(wereld.ctx, d.id, planner)
    assert set(planner.schedules) == {f"contacttermijn-{d.id}", f"incassostop-{d.id}"}
    levensloop.intrekken(wereld.ctx, EVIDES, d.id, IntrekkingVerzoek(reden="betaald"))
    timers.bijwerken(wereld.ctx, d.id, planner)
    assert set(planner.schedules) == {f"bewaartermijn-{d.id}"}

    laat = wereld.aanmelden("LAAT")
    wereld.klok.verder(4 * DAG)
    timers.bijwerken(wereld.ctx, laat.id, planner)  # the deadline passed before its schedule was made
    assert wereld.repo.doorverwijzingen_[laat.id].contactTermijnVerlopenOp == wereld.klok.now()


def test_the_daily_sweep_does_what_lost_timers_did_not_and_nothing_twice(wereld: Wereld):
    d = wereld.aanmelden()
    wereld.klok.verder(31 * DAG)
    assert timers.vegen(wereld.ctx) == 1
    na = wereld.repo.doorverwijzingen_[d.id]
    assert na.contactTermijnVerlopenOp and na.incassostopBeeindigdOp
    aantal = len(wereld.repo.gebeurtenissen)
    timers.uitvoeren(wereld.ctx, Timer.CONTACTTERMIJN, d.id)  # the lost timer fires after all
    assert len(wereld.repo.gebeurtenissen) == aantal


def test_an_open_case_is_reminded_before_its_erasure_and_can_be_closed_after_it(wereld: Wereld):
    d = wereld.aanmelden()
    wereld.klok.verder(31 * DAG)
    timers.vegen(wereld.ctx)  # escalated, the stop ended: the personal data go 183 days after that
    open_ = wereld.repo.doorverwijzingen_[d.id]
    assert open_.persoonsgegevensVerwijderenOp is not None
    planner = fakes.Planner()
    timers.bijwerken(wereld.ctx, d.id, planner)
    assert planner.schedules[f"herinnering-{d.id}"][0] == open_.persoonsgegevensVerwijderenOp - 30 * DAG
    wereld.klok.verder(open_.persoonsgegevensVerwijderenOp - 30 * DAG - wereld.klok.now())
    timers.uitvoeren(wereld.ctx, Timer.HERINNERING, d.id)
    email = fakes.Verzender()
    g = gebeurtenis(wereld, Gebeurtenissoort.BEWAARTERMIJN_HERINNERING)
    meldingen.emails(wereld.ctx, g, wereld.teksten, email, fakes.Eenmalig(), meldingen.Poging(1))
    [mail] = email.verzonden
    assert isinstance(mail, Email) and mail.aan == ("intake@walcheren.example",)
    assert mail.onderwerp == "Leg een eindresultaat vast vóór maandag 28 juni 2027 (Middelburg)"
    assert "Klant: Jan van Dijk." in mail.tekst

    wereld.klok.verder(31 * DAG)
    timers.vegen(wereld.ctx)
    assert wereld.repo.doorverwijzingen_[d.id].client is None
    gesloten = levensloop.eindresultaat_vastleggen(
        wereld.ctx, WALCHEREN, d.id, EindresultaatVerzoek(code="niet_opgepakt_andere_reden")
    )
    assert (gesloten.status, gesloten.client) == (Status.AFGEROND, None)


# --- notifications --------------------------------------------------------------------------------


def gebeurtenis(wereld: Wereld, soort: Gebeurtenissoort = Gebeurtenissoort.DOORVERWIJZING_AANGEMELD):
    return next(g for g in wereld.repo.gebeurtenissen if g.soort == soort)


def test_an_event_sends_its_messages_once_however_often_it_comes(wereld: Wereld):
    wereld.aanmelden()
    g, eenmalig = gebeurtenis(wereld), fakes.Eenmalig()
    email, sms = fakes.Verzender(), fakes.Verzender()
    for _ in range(2):
        meldingen.emails(wereld.ctx, g, wereld.teksten, email, eenmalig, meldingen.Poging(1))
        meldingen.sms(wereld.ctx, g, wereld.teksten, sms, eenmalig, meldingen.Poging(1))
    [mail] = email.verzonden
    assert isinstance(mail, Email) and mail.aan == ("intake@walcheren.example",)
    assert mail.onderwerp == "Warme doorverwijzing Middelburg: bel uiterlijk maandag 30 november 2026 om 10:00"
    assert {s.aan for s in sms.verzonden if isinstance(s, Sms)} == {"+31611111111", "+31612345678"}


def test_a_refused_address_is_listed_and_not_tried_again(wereld: Wereld):
    d = wereld.aanmelden()
    email = fakes.Verzender(fout=fakes.geweigerd(), fouten=1)
    meldingen.emails(wereld.ctx, gebeurtenis(wereld), wereld.teksten, email, fakes.Eenmalig(), meldingen.Poging(1))
    [probleem] = wereld.repo.doorverwijzingen_[d.id].bezorgproblemen
    assert (probleem.kanaal, probleem.ontvanger, probleem.reden) == ("email", "organisatie", "geweigerd")
    assert wereld.metingen.geteld["MeldingenGeweigerd"] == 1


def test_a_message_failing_on_its_last_delivery_is_listed_and_goes_out_with_a_later_one(wereld: Wereld):
    d = wereld.aanmelden()
    g, eenmalig = gebeurtenis(wereld), fakes.Eenmalig()
    email = fakes.Verzender(fout=BezorgingNietIngericht("MessageRejected"), fouten=meldingen.POGINGEN)
    for poging in range(1, meldingen.POGINGEN + 1):
        with pytest.raises(meldingen.BezorgingMislukt):
            meldingen.emails(wereld.ctx, g, wereld.teksten, email, eenmalig, meldingen.Poging(poging))
    [probleem] = wereld.repo.doorverwijzingen_[d.id].bezorgproblemen
    assert (probleem.reden, probleem.opgelostOp) == ("mislukt", None)
    assert (wereld.metingen.geteld["MeldingenMislukt"], wereld.metingen.geteld["BezorgingNietIngericht"]) == (1, 6)
    meldingen.emails(wereld.ctx, g, wereld.teksten, email, eenmalig, meldingen.Poging(1))  # replayed
    assert len(email.verzonden) == 1
    assert wereld.repo.doorverwijzingen_[d.id].bezorgproblemen[0].opgelostOp == wereld.klok.now()


def test_no_send_begins_without_time_to_finish_it(wereld: Wereld):
    wereld.aanmelden()
    email = fakes.Verzender()
    with pytest.raises(meldingen.BezorgingMislukt):
        poging = meldingen.Poging(1, tijd_over=lambda: False)
        meldingen.emails(wereld.ctx, gebeurtenis(wereld), wereld.teksten, email, fakes.Eenmalig(), poging)
    assert email.verzonden == []


def test_a_message_to_a_closed_referral_is_sent_only_if_it_still_applies(wereld: Wereld):
    d = wereld.aanmelden()
    verzoek = EindresultaatVerzoek(code="niet_opgepakt_onterecht_signaal")
    levensloop.eindresultaat_vastleggen(wereld.ctx, WALCHEREN, d.id, verzoek)
    wereld.klok.verder(31 * DAG)
    timers.vegen(wereld.ctx)
    email = fakes.Verzender()
    g = gebeurtenis(wereld, Gebeurtenissoort.INCASSOSTOP_BEEINDIGD)
    meldingen.emails(wereld.ctx, g, wereld.teksten, email, fakes.Eenmalig(), meldingen.Poging(1))
    assert [m.aan for m in email.verzonden if isinstance(m, Email)] == [("incasso@evides.example",)]


# --- report and operator ---------------------------------------------------------------------------


def test_the_report_counts_each_roles_own_referrals(wereld: Wereld):
    a, b = wereld.aanmelden("A"), wereld.aanmelden("B")
    wereld.aanmelden("OAS", wie=OASEN)
    wereld.klok.verder(2 * UUR)
    poging = ContactpogingVerzoek(soort="telefoon", bereikt=True, tijdstip=wereld.klok.now())
    levensloop.contact_vastleggen(wereld.ctx, WALCHEREN, a.id, poging)
    levensloop.eindresultaat_vastleggen(wereld.ctx, WALCHEREN, a.id, EindresultaatVerzoek(code="quick_fix"))
    levensloop.intrekken(wereld.ctx, EVIDES, b.id, IntrekkingVerzoek(reden="betaald"))
    wereld.klok.verder(4 * DAG)
    timers.vegen(wereld.ctx)  # the escalation for OAS goes out
    dag = date(2026, 11, 27)
    r = rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag)
    totaal = r.totaal
    assert (totaal.aantal, totaal.gecontacteerd_binnen_termijn, totaal.percentage_binnen_termijn) == (3, 1, 33.3)
    assert (totaal.escalaties, totaal.ingetrokken, totaal.mediane_uren_tot_contact) == (1, 1, 2.0)
    assert totaal.per_eindresultaat == {Eindresultaat.QUICK_FIX: 1}
    assert [g.id for g in r.per_schuldeiser] == ["evides", "oasen"]
    assert rapportage.doorverwijzingen_rapport(wereld.ctx, OASEN, dag, dag).totaal.aantal == 1
    with pytest.raises(OngeldigeInvoer):
        rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag - timedelta(days=1))


def test_the_share_in_time_is_rounded_half_up_and_leaves_out_those_still_within_their_deadline(wereld: Wereld):
    ids = [wereld.aanmelden(f"R-{n}").id for n in range(16)]
    dag = date(2026, 11, 27)
    bij_aanmelding = rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag).totaal
    assert (bij_aanmelding.nog_binnen_termijn, bij_aanmelding.percentage_binnen_termijn) == (16, None)
    wereld.klok.verder(UUR)
    poging = ContactpogingVerzoek(soort="telefoon", bereikt=True, tijdstip=wereld.klok.now())
    levensloop.contact_vastleggen(wereld.ctx, WALCHEREN, ids[0], poging)
    na_een_uur = rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag).totaal
    assert (na_een_uur.nog_binnen_termijn, na_een_uur.percentage_binnen_termijn) == (15, 100.0)
    wereld.klok.verder(4 * DAG)
    totaal = rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag).totaal
    assert (totaal.nog_binnen_termijn, totaal.percentage_binnen_termijn) == (0, 6.3)  # 1 of 16; round() gives 6.2
    assert totaal.escalaties == 0  # none sent yet: the timers have not run
    timers.vegen(wereld.ctx)
    assert rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag).totaal.escalaties == 15


def test_the_hours_to_contact_count_from_the_earliest_reached_attempt(wereld: Wereld):
    d = wereld.aanmelden()  # Friday 27 November 10:00
    wereld.klok.verder(4 * DAG)
    laat = ContactpogingVerzoek(soort="telefoon", bereikt=True, tijdstip="2026-12-01T08:30:00+01:00")
    levensloop.contact_vastleggen(wereld.ctx, WALCHEREN, d.id, laat)
    vroeg = ContactpogingVerzoek(soort="huisbezoek", bereikt=True, tijdstip="2026-11-28T11:00:00+01:00")
    levensloop.contact_vastleggen(wereld.ctx, WALCHEREN, d.id, vroeg)
    dag = date(2026, 11, 27)
    totaal = rapportage.doorverwijzingen_rapport(wereld.ctx, BEHEER, dag, dag).totaal
    assert (totaal.mediane_uren_tot_contact, totaal.gecontacteerd_binnen_termijn) == (25.0, 1)


def test_a_municipality_belongs_to_one_organisation(wereld: Wereld):
    goes = {"naam": "X", "email": "x@x.example", "gemeenten": [{"code": "GM0687", "naam": "Middelburg"}]}
    with pytest.raises(Conflict, match="walcheren"):
        beheer.organisatie_opslaan(wereld.ctx, BEHEER, "x", OrganisatieVerzoek.model_validate(goes))
    with pytest.raises(Verboden):
        beheer.organisatie_opslaan(wereld.ctx, EVIDES, "x", OrganisatieVerzoek.model_validate(goes))


def test_a_key_is_bound_to_what_exists_and_revoked_at_once(wereld: Wereld):
    plan = fakes.Gebruiksplan()
    with pytest.raises(OngeldigeInvoer):
        beheer.sleutel_aanmaken(wereld.ctx, plan, BEHEER, ApiSleutelVerzoek(rol=Rol.SCHULDEISER, schuldeiserId="x"))
    sleutel, geheim = beheer.sleutel_aanmaken(
        wereld.ctx, plan, BEHEER, ApiSleutelVerzoek(rol=Rol.SCHULDEISER, schuldeiserId="evides")
    )
    assert geheim.startswith("wd_") and plan.sleutels == {sleutel.id}
    assert wereld.repo.sleutel_met_hash(sleutel.hash) is not None
    beheer.sleutel_intrekken(wereld.ctx, plan, BEHEER, sleutel.id)
    assert wereld.repo.sleutel_met_hash(sleutel.hash) is None and plan.sleutels == set()


# --- assignment (the pages' work queue) -------------------------------------------------------------

ANNA = Medewerker(sub="sub-anna", gebruikersnaam="anna@walcheren.example", naam="Anna")
BRAM = Medewerker(sub="sub-bram", gebruikersnaam="bram@walcheren.example", naam="Bram")


def ingelogd(m: Medewerker, coordinator: bool = False) -> Principal:
    return WALCHEREN.model_copy(update={"sleutelId": "web", "medewerker": m, "coordinator": coordinator})


def test_a_caseworker_takes_a_referral_and_the_audit_trail_names_them(wereld: Wereld):
    d = wereld.aanmelden()
    genomen = levensloop.toewijzen(wereld.ctx, ingelogd(ANNA), d.id, ANNA)
    assert genomen.toegewezenAan == ANNA
    regel = wereld.repo.audit[-1]
    assert (regel.actie, regel.medewerker) == ("toewijzing", ANNA)
    assert levensloop.toewijzen(wereld.ctx, ingelogd(ANNA), d.id, ANNA) == genomen  # again: nothing new
    assert [r.actie for r in wereld.repo.audit].count("toewijzing") == 1


def test_only_a_coordinator_gives_a_referral_to_someone_else(wereld: Wereld):
    d = wereld.aanmelden()
    with pytest.raises(Verboden, match="coördinator"):
        levensloop.toewijzen(wereld.ctx, ingelogd(ANNA), d.id, BRAM)
    assert levensloop.toewijzen(wereld.ctx, ingelogd(ANNA, coordinator=True), d.id, BRAM).toegewezenAan == BRAM


def test_an_api_key_or_another_organisation_cannot_assign(wereld: Wereld):
    d = wereld.aanmelden()
    with pytest.raises(Verboden):
        levensloop.toewijzen(wereld.ctx, WALCHEREN, d.id, ANNA)
    with pytest.raises(Verboden):
        levensloop.toewijzen(wereld.ctx, EVIDES.model_copy(update={"medewerker": ANNA}), d.id, ANNA)
    rotterdam = ROTTERDAM.model_copy(update={"medewerker": BRAM, "coordinator": True})
    with pytest.raises(NietGevonden):
        levensloop.toewijzen(wereld.ctx, rotterdam, d.id, BRAM)


def test_a_closed_referral_is_not_assigned_any_more(wereld: Wereld):
    d = wereld.aanmelden()
    levensloop.intrekken(wereld.ctx, EVIDES, d.id, IntrekkingVerzoek(reden="betaald"))
    with pytest.raises(Conflict):
        levensloop.toewijzen(wereld.ctx, ingelogd(ANNA), d.id, ANNA)


def test_reads_through_the_pages_name_the_person_in_the_audit_trail(wereld: Wereld):
    d = wereld.aanmelden()
    raadplegen.doorverwijzing_lezen(wereld.ctx, ingelogd(BRAM), d.id)
    assert (wereld.repo.audit[-1].actie, wereld.repo.audit[-1].medewerker) == ("gelezen", BRAM)


def test_the_work_queue_holds_only_the_organisations_open_referrals_and_reading_names_is_recorded(wereld: Wereld):
    open_, ingetrokken = wereld.aanmelden("EVD-1"), wereld.aanmelden("EVD-2")
    levensloop.intrekken(wereld.ctx, EVIDES, ingetrokken.id, IntrekkingVerzoek(reden="betaald"))
    rotterdam = {"straatnaam": "Coolsingel", "huisnummer": 40, "postcode": "3011 AD", "plaatsnaam": "Rotterdam"}
    wereld.aanmelden("EVD-3", adres=rotterdam)
    rij = raadplegen.werkvoorraad(wereld.ctx, ingelogd(ANNA))
    assert [d.id for d in rij] == [open_.id]
    assert rij[0].client is None and not [r for r in wereld.repo.audit if r.actie == "gelezen"]
    [gelezen] = raadplegen.met_persoonsgegevens(wereld.ctx, ingelogd(ANNA), rij)
    assert gelezen.client is not None
    assert [(r.actie, r.medewerker) for r in wereld.repo.audit if r.actie == "gelezen"] == [("gelezen", ANNA)]
    with pytest.raises(Verboden):
        raadplegen.werkvoorraad(wereld.ctx, EVIDES)
