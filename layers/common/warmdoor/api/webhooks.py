"""The routes of webhooks: each creditor, organisation or the operator keeps its endpoints, reads their
delivery log and has messages sent again."""

from typing import Annotated

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.event_handler.api_gateway import Router
from aws_lambda_powertools.event_handler.openapi.params import Path, Query

from warmdoor.api import http
from warmdoor.api.afhankelijkheden import Dienst, Limiet, Volgende, Wie
from warmdoor.api.openapi import BEVEILIGD, MET_BODY, antwoorden
from warmdoor.domain import webhooks
from warmdoor.models.common import Tijdstip
from warmdoor.models.webhooks import (
    BerichtLijst,
    Herbezorging,
    HerbezorgingVerzoek,
    NieuwGeheim,
    WebhookLijst,
    WebhookVerzoek,
    WebhookWeergave,
)
from warmdoor.presentation import webhooks as weergave

router = Router()  # type: ignore[no-untyped-call]
WEBHOOKS = ["Webhooks"]

WebhookId = Annotated[
    str,
    Path(
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
        description="Id van de webhook (UUID)",
    ),
]
BerichtId = Annotated[
    str, Path(pattern=r"^msg_[0-9a-f]{32}$", description="Id van het bericht: de header webhook-id die het had")
]
Vanaf = Annotated[
    Tijdstip | None, Query(description="Alleen berichten over gebeurtenissen vanaf dit moment (met tijdzone)")
]

_EIGEN = (
    "Elke rol beheert zijn eigen webhooks: een schuldeiser of organisatie met zijn eigen API-sleutel, beheer "
    "die van iedereen. De webhook van een ander is 404."
)


@router.get(
    "/webhooks",
    operation_id="webhooksOpvragen",
    tags=WEBHOOKS,
    summary="De webhooks",
    description="Een schuldeiser of organisatie krijgt al zijn webhooks op één pagina; beheer die van iedereen, "
    "per pagina (volgende, limiet). Een geheim staat er nooit in.",
    responses=antwoorden(200, WebhookLijst, "De webhooks, oudste eerst", 400, *BEVEILIGD),
)
def lijst(wie: Wie, d: Dienst, volgende: Volgende = None, limiet: Limiet = 20) -> Response[str]:
    pagina = webhooks.lijst(d.webhooks, wie, volgende, limiet)
    nu = d.klok.now()
    return http.json_antwoord(
        WebhookLijst(items=[weergave.webhook(w, nu) for w in pagina.items], volgende=pagina.volgende)
    )


@router.post(
    "/webhooks",
    operation_id="webhookAanmaken",
    tags=WEBHOOKS,
    summary="Een webhook aanmaken",
    description=f"{_EIGEN} De URL is https en elk adres waarnaar de hostnaam verwijst ligt op het openbare "
    "internet (geen privé-, loopback-, link-local- of metadata-adres; anders 400 met het veld url); dat wordt "
    "bij elke verzending opnieuw gecontroleerd, en een doorverwijzing (3xx) wordt niet gevolgd. soorten zijn "
    "die van de eigenaar: een schuldeiser incassostop.* en doorverwijzing.afgerond/ingetrokken, een "
    "organisatie doorverwijzing.aangemeld/ingetrokken en contacttermijn.verlopen (anders 400). Beheer noemt "
    "de eigenaar met precies één van schuldeiserId en organisatieId. Het ondertekengeheim maakt WarmDoor: het "
    f"staat alleen in dit antwoord. Hoogstens {webhooks.MAX_PER_EIGENAAR} webhooks per eigenaar (daarna 409).",
    responses=antwoorden(
        201, NieuwGeheim, "Aangemaakt; het geheim staat alleen in dit antwoord", *MET_BODY, 409, location=True
    ),
)
def aanmaken(verzoek: WebhookVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    w, geheim = webhooks.maken(d.context, d.webhooks, d.webhookadres, wie, verzoek)
    return http.json_antwoord(weergave.nieuw_geheim(w, geheim, d.klok.now()), 201, {"Location": f"/v1/webhooks/{w.id}"})


@router.get(
    "/webhooks/<webhook_id>",
    operation_id="webhookOpvragen",
    tags=WEBHOOKS,
    summary="Eén webhook",
    responses=antwoorden(200, WebhookWeergave, "De webhook (zonder geheim)", 400, *BEVEILIGD, 404),
)
def lezen(webhook_id: WebhookId, wie: Wie, d: Dienst) -> Response[str]:
    return http.json_antwoord(weergave.webhook(webhooks.lezen(d.webhooks, wie, webhook_id), d.klok.now()))


@router.put(
    "/webhooks/<webhook_id>",
    operation_id="webhookVervangen",
    tags=WEBHOOKS,
    summary="Een webhook vervangen",
    description="Vervangt url, soorten, omschrijving en actief, met de regels van het aanmaken; de eigenaar en "
    "het geheim blijven. Een uitgeschakelde webhook weer actief maken wist zijn storing.",
    responses=antwoorden(200, WebhookWeergave, "Vervangen", *MET_BODY, 404),
)
def vervangen(webhook_id: WebhookId, verzoek: WebhookVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    w = webhooks.wijzigen(d.context, d.webhooks, d.webhookadres, wie, webhook_id, verzoek)
    return http.json_antwoord(weergave.webhook(w, d.klok.now()))


@router.delete(
    "/webhooks/<webhook_id>",
    operation_id="webhookVerwijderen",
    tags=WEBHOOKS,
    summary="Een webhook verwijderen",
    responses=antwoorden(204, None, "Verwijderd; er gaan geen berichten meer heen", 400, *BEVEILIGD, 404),
)
def verwijderen(webhook_id: WebhookId, wie: Wie, d: Dienst) -> Response[str]:
    webhooks.verwijderen(d.webhooks, wie, webhook_id)
    return Response(status_code=204, body="")


@router.post(
    "/webhooks/<webhook_id>/geheimen",
    operation_id="webhookGeheimRoteren",
    tags=WEBHOOKS,
    summary="Een nieuw ondertekengeheim",
    description=f"Zonder body. Het nieuwe geheim tekent vanaf nu; het vorige tekent nog "
    f"{int(webhooks.OVERLAP.total_seconds() // 3600)} uur mee (geheimWisseltTot), zodat de ontvanger kan "
    "overstappen: dan staan beide handtekeningen in webhook-signature. Een nog ouder geheim tekent niet meer.",
    responses=antwoorden(201, NieuwGeheim, "Het nieuwe geheim, alleen in dit antwoord", 400, *BEVEILIGD, 404),
)
def geheim_roteren(webhook_id: WebhookId, wie: Wie, d: Dienst) -> Response[str]:
    w, geheim = webhooks.geheim_roteren(d.context, d.webhooks, wie, webhook_id)
    return http.json_antwoord(weergave.nieuw_geheim(w, geheim, d.klok.now()), 201)


@router.get(
    "/webhooks/<webhook_id>/berichten",
    operation_id="webhookBerichtenOpvragen",
    tags=WEBHOOKS,
    summary="Het bezorglogboek van een webhook",
    description="De berichten van deze webhook, de nieuwste gebeurtenis eerst, met elke poging: tijdstip, "
    "HTTP-status van de ontvanger, duur, fout en het begin van zijn antwoord. Berichten blijven 30 dagen na "
    "hun laatste poging.",
    responses=antwoorden(200, BerichtLijst, "De berichten, nieuwste eerst", 400, *BEVEILIGD, 404),
)
def berichten(
    webhook_id: WebhookId, wie: Wie, d: Dienst, vanaf: Vanaf = None, volgende: Volgende = None, limiet: Limiet = 20
) -> Response[str]:
    pagina = webhooks.berichten(d.webhooks, wie, webhook_id, vanaf, volgende, limiet)
    return http.json_antwoord(BerichtLijst(items=[weergave.bericht(b) for b in pagina.items], volgende=pagina.volgende))


@router.post(
    "/webhooks/<webhook_id>/berichten/<bericht_id>/herbezorgingen",
    operation_id="berichtHerbezorgen",
    tags=WEBHOOKS,
    summary="Eén bericht opnieuw versturen",
    description="Zonder body. Hetzelfde bericht (zelfde webhook-id en body) krijgt een nieuwe reeks pogingen; "
    "een bericht dat nog onderweg is, wordt niet nog eens verstuurd (aantal 0).",
    responses=antwoorden(202, Herbezorging, "Wordt opnieuw verstuurd", 400, *BEVEILIGD, 404),
)
def herbezorgen(webhook_id: WebhookId, bericht_id: BerichtId, wie: Wie, d: Dienst) -> Response[str]:
    aantal = webhooks.herbezorgen(d.webhooks, d.berichtwachtrij, wie, webhook_id, bericht_id)
    return http.json_antwoord(Herbezorging(aantal=aantal), 202)


@router.post(
    "/webhooks/<webhook_id>/herbezorgingen",
    operation_id="webhookHerbezorgen",
    tags=WEBHOOKS,
    summary="Alle berichten vanaf een moment opnieuw versturen",
    description="Elk bericht van deze webhook over een gebeurtenis vanaf vanaf, dat niet meer onderweg is, "
    f"krijgt een nieuwe reeks pogingen, oudste eerst; hoogstens {webhooks.MAX_HERBEZORGING} per verzoek.",
    responses=antwoorden(202, Herbezorging, "Wordt opnieuw verstuurd", *MET_BODY, 404),
)
def herbezorgen_vanaf(webhook_id: WebhookId, verzoek: HerbezorgingVerzoek, wie: Wie, d: Dienst) -> Response[str]:
    aantal = webhooks.herbezorgen_vanaf(d.webhooks, d.berichtwachtrij, wie, webhook_id, verzoek.vanaf)
    return http.json_antwoord(Herbezorging(aantal=aantal), 202)
