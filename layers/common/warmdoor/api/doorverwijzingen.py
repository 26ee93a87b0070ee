"""The routes of referrals: the creditor's submission and withdrawal, the organisation's case work, each
role's reading, and the operator's audit trail."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Query

from warmdoor.api import http
from warmdoor.api.afhankelijkheden import Dienst, DoorverwijzingId, IdempotencyKey, Limiet, Volgende, Wie
from warmdoor.api.openapi import BEVEILIGD, MET_BODY, antwoorden
from warmdoor.domain import audit, intake, levensloop, raadplegen
from warmdoor.domain.doorverwijzing import CORRECTIETERMIJN
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Status
from warmdoor.models.requests import (
    ContactpogingVerzoek,
    DoorverwijzingVerzoek,
    EindresultaatVerzoek,
    IntrekkingVerzoek,
    VerlengingVerzoek,
)
from warmdoor.models.responses import (
    AuditregelLijst,
    DoorverwijzingLijst,
    DoorverwijzingVolledig,
    DoorverwijzingVoorSchuldeiser,
)
from warmdoor.presentation import beheer as beheerweergave
from warmdoor.presentation.doorverwijzing import weergave
from warmdoor.wiring import Diensten

router = Router()  # type: ignore[no-untyped-call]
DOORVERWIJZINGEN, CASUS = ["Doorverwijzingen"], ["Casus"]
Weergave = DoorverwijzingVolledig | DoorverwijzingVoorSchuldeiser


def _antwoord(wie: Principal, d: Diensten, doorverwijzing: Doorverwijzing, status: int = 200) -> Response[str]:
    return http.json_antwoord(weergave(wie, doorverwijzing, d.klok.now()), status)


@router.post(
    "/doorverwijzingen",
    operation_id="doorverwijzingAanmelden",
    tags=DOORVERWIJZINGEN,
    description=(
        "Een warme doorverwijzing: de klant gaf toestemming en wil hulp. De toestemming is recent (hoogstens "
        "ToestemmingMaxDagen, standaard 14 dagen oud; anders 400). Dezelfde aanmelding opnieuw, hoe ook "
        "gespeld (tijdstippen als tijdstip, e-maildomein en huisnummertoevoeging ongeacht hoofdletters, "
        "postcode en telefoonnummer genormaliseerd), geeft dezelfde doorverwijzing terug (200); een "
        f"Idempotency-Key bindt {intake.SLEUTEL_GELDIG.days} dagen, de schuldeiserReferentie voorgoed. Spreken "
        "gemeentecode en het postcodegebied elkaar tegen, dan 422 met beide velden in invalidParams: "
        "persoonsgegevens gaan nooit op een gok naar een organisatie."
    ),
    responses=antwoorden(
        201,
        Weergave,
        "Aangemeld",
        *MET_BODY,
        409,
        422,
        extra={200: "Dezelfde aanmelding was er al; dit is die doorverwijzing"},
        location=True,
    ),
)
def aanmelden(
    verzoek: DoorverwijzingVerzoek, wie: Wie, d: Dienst, idempotency_key: IdempotencyKey = None
) -> Response[str]:
    doorverwijzing, nieuw = intake.aanmelden(d.context, wie, verzoek, idempotency_key)
    antwoord = _antwoord(wie, d, doorverwijzing, 201 if nieuw else 200)
    antwoord.headers["Location"] = f"/v1/doorverwijzingen/{doorverwijzing.id}"
    return antwoord


@router.get(
    "/doorverwijzingen",
    operation_id="doorverwijzingenOpvragen",
    tags=DOORVERWIJZINGEN,
    responses=antwoorden(200, DoorverwijzingLijst, "De eigen doorverwijzingen, nieuwste eerst", 400, *BEVEILIGD),
)
def doorverwijzingen(
    wie: Wie,
    d: Dienst,
    status: Annotated[Status | None, Query()] = None,
    volgende: Volgende = None,
    limiet: Limiet = 20,
) -> Response[str]:
    pagina = raadplegen.doorverwijzingen(d.context, wie, status, volgende, limiet)
    nu = d.klok.now()
    return http.json_antwoord(
        DoorverwijzingLijst(items=[weergave(wie, x, nu) for x in pagina.items], volgende=pagina.volgende)
    )


@router.get(
    "/doorverwijzingen/<doorverwijzing_id>",
    operation_id="doorverwijzingOpvragen",
    tags=DOORVERWIJZINGEN,
    responses=antwoorden(200, Weergave, "De doorverwijzing", 400, *BEVEILIGD, 404),
)
def doorverwijzing(doorverwijzing_id: DoorverwijzingId, wie: Wie, d: Dienst) -> Response[str]:
    return _antwoord(wie, d, raadplegen.doorverwijzing_lezen(d.context, wie, doorverwijzing_id))


@router.post(
    "/doorverwijzingen/<doorverwijzing_id>/intrekkingen",
    operation_id="doorverwijzingIntrekken",
    tags=DOORVERWIJZINGEN,
    responses=antwoorden(201, Weergave, "Ingetrokken", *MET_BODY, 404, 409),
)
def intrekken(doorverwijzing_id: DoorverwijzingId, verzoek: IntrekkingVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    return _antwoord(wie, d, levensloop.intrekken(d.context, wie, doorverwijzing_id, verzoek), 201)


@router.post(
    "/doorverwijzingen/<doorverwijzing_id>/contactpogingen",
    operation_id="contactpogingVastleggen",
    tags=CASUS,
    description=(
        "Alleen in een gesprek of een antwoord wordt de klant bereikt: bereikt true met brief, kaartje of "
        "administratief is 400, net als een tijdstip voor de aanmelding. contactGelegdOp is de vroegste "
        "contactpoging waarin de klant is bereikt, in welke volgorde ze ook worden vastgelegd."
    ),
    responses=antwoorden(201, Weergave, "Vastgelegd", *MET_BODY, 404, 409),
)
def contactpoging(
    doorverwijzing_id: DoorverwijzingId, verzoek: ContactpogingVerzoek, wie: Wie, d: Dienst
) -> Response[str]:
    return _antwoord(wie, d, levensloop.contact_vastleggen(d.context, wie, doorverwijzing_id, verzoek), 201)


@router.put(
    "/doorverwijzingen/<doorverwijzing_id>/eindresultaat",
    operation_id="eindresultaatVastleggen",
    tags=CASUS,
    description=(
        "Het eindresultaat past bij de geschiedenis: resultaten die zeggen dat de klant is gesproken of "
        "geholpen vragen een contactpoging waarin de klant is bereikt, geen_contact vraagt dat niemand hem "
        "bereikte (anders 409). Hetzelfde resultaat opnieuw is 200 en verandert niets; een ander resultaat "
        f"binnen {CORRECTIETERMIJN.days} dagen na het afronden is een correctie (vastgelegd in de audit; de "
        "schuldeiser hoort het alleen als zijn terugkoppeling verandert), later is 409. Een open doorverwijzing "
        "waarvan de persoonsgegevens al zijn verwijderd kan nog worden afgerond, zonder toelichting."
    ),
    responses=antwoorden(200, Weergave, "Afgerond", *MET_BODY, 404, 409),
)
def eindresultaat(
    doorverwijzing_id: DoorverwijzingId, verzoek: EindresultaatVerzoek, wie: Wie, d: Dienst
) -> Response[str]:
    return _antwoord(wie, d, levensloop.eindresultaat_vastleggen(d.context, wie, doorverwijzing_id, verzoek))


@router.post(
    "/doorverwijzingen/<doorverwijzing_id>/verlengingen",
    operation_id="incassostopVerlengen",
    tags=CASUS,
    description=(
        "Verlengt de lopende incassostop met dagen na het huidige einde, ook na een eindresultaat (een "
        "schuldregeling kan tijd vragen), nooit na een intrekking, en nooit verder dan IncassostopMaxDagen "
        "na de aanmelding (409)."
    ),
    responses=antwoorden(201, Weergave, "Verlengd", *MET_BODY, 404, 409),
)
def verlenging(doorverwijzing_id: DoorverwijzingId, verzoek: VerlengingVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    return _antwoord(wie, d, levensloop.verlengen(d.context, wie, doorverwijzing_id, verzoek), 201)


@router.get(
    "/doorverwijzingen/<doorverwijzing_id>/auditregels",
    operation_id="auditregelsOpvragen",
    tags=["Audit"],
    responses=antwoorden(
        200, AuditregelLijst, "Wie wat deed met de doorverwijzing, oudste eerst", 400, *BEVEILIGD, 404
    ),
)
def auditregels(
    doorverwijzing_id: DoorverwijzingId, wie: Wie, d: Dienst, volgende: Volgende = None, limiet: Limiet = 20
) -> Response[str]:
    pagina = audit.regels(d.context, wie, doorverwijzing_id, volgende, limiet)
    return http.json_antwoord(
        AuditregelLijst(items=[beheerweergave.auditregel(r) for r in pagina.items], volgende=pagina.volgende)
    )
