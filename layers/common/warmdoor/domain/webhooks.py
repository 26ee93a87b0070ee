"""Webhook subscriptions: who may keep which endpoints, the signing secret (shown once, rotated with a day's
overlap), the delivery log and redelivery. Sending itself is webhookbezorging's."""

import base64
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from warmdoor.domain import lijsten
from warmdoor.domain.context import Context
from warmdoor.domain.errors import Conflict, InvalidParam, NietGevonden, OngeldigeInvoer
from warmdoor.domain.webhookadres import Doel
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol
from warmdoor.models.webhooks import (
    OPENSTAAND,
    SOORTEN,
    Bericht,
    Berichtstatus,
    Eigenaarrol,
    Geheim,
    Webhook,
    WebhookVerzoek,
)
from warmdoor.ports import Berichtwachtrij, Pagina, WebhookOpslag

# A rotated secret signs along this long, so receivers can switch without missing a message.
OVERLAP = timedelta(hours=24)
MAX_PER_EIGENAAR = 10
# Redelivery "since a time" puts back at most this many messages per request (the API answers within 10 s).
MAX_HERBEZORGING = 500

Adrescontrole = Callable[[str], Doel]


def nieuw_geheim() -> str:
    """Standard Webhooks' secret form: whsec_ and 24 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def geldige_geheimen(w: Webhook, nu: datetime) -> list[str]:
    """The secrets that sign now: the newest, and a rotated one until its overlap ends."""
    return [g.waarde for g in w.geheimen if g.geldigTot is None or g.geldigTot > nu]


def _eigenaar(wie: Principal, verzoek: WebhookVerzoek | None) -> tuple[Eigenaarrol, str]:
    if wie.rol == Rol.SCHULDEISER and wie.schuldeiserId:
        eigen: tuple[Eigenaarrol, str] = (Rol.SCHULDEISER, wie.schuldeiserId)
    elif wie.rol == Rol.ORGANISATIE and wie.organisatieId:
        eigen = (Rol.ORGANISATIE, wie.organisatieId)
    else:
        eigen = (Rol.BEHEER, "")  # type: ignore[assignment]
    if verzoek is None:
        return eigen
    genoemd = [(Rol.SCHULDEISER, verzoek.schuldeiserId), (Rol.ORGANISATIE, verzoek.organisatieId)]
    genoemd = [(rol, i) for rol, i in genoemd if i is not None]
    if wie.rol != Rol.BEHEER:
        if genoemd:
            veld = "schuldeiserId" if genoemd[0][0] == Rol.SCHULDEISER else "organisatieId"
            raise OngeldigeInvoer([InvalidParam(veld, "niet-toegestaan", "Alleen beheer kiest de eigenaar")])
        return eigen
    if len(genoemd) != 1:
        reden = "Noem precies één van schuldeiserId en organisatieId"
        raise OngeldigeInvoer([InvalidParam("schuldeiserId", "eigenaar", reden)])
    rol, eigenaar_id = genoemd[0]
    return rol, str(eigenaar_id)  # type: ignore[return-value]


def _controleer_eigenaar(ctx: Context, rol: Rol, eigenaar_id: str) -> None:
    bestaat = ctx.repo.schuldeiser(eigenaar_id) if rol == Rol.SCHULDEISER else ctx.repo.organisatie(eigenaar_id)
    if bestaat is None:
        veld = "schuldeiserId" if rol == Rol.SCHULDEISER else "organisatieId"
        raise OngeldigeInvoer([InvalidParam(veld, "onbekend", f"{eigenaar_id} bestaat niet")])


def _controleer(rol: Rol, verzoek: WebhookVerzoek, adres: Adrescontrole) -> None:
    vreemd = sorted(s.value for s in verzoek.soorten if s not in SOORTEN[rol])
    if vreemd:
        toegestaan = ", ".join(sorted(s.value for s in SOORTEN[rol]))
        reden = f"{', '.join(vreemd)} is niet voor een {rol}; kies uit {toegestaan}"
        raise OngeldigeInvoer([InvalidParam("soorten", "soort", reden)])
    adres(verzoek.url)


def eigenaar_email(ctx: Context, w: Webhook) -> str | None:
    """Where the owner of an endpoint is e-mailed (the creditor's or organisation's address)."""
    if w.eigenaarRol == Rol.SCHULDEISER:
        schuldeiser = ctx.repo.schuldeiser(w.eigenaarId)
        return schuldeiser.email if schuldeiser else None
    organisatie = ctx.repo.organisatie(w.eigenaarId)
    return organisatie.email if organisatie else None


def _zichtbaar(wie: Principal, w: Webhook | None) -> Webhook:
    if w is None or (wie.rol != Rol.BEHEER and (w.eigenaarRol, w.eigenaarId) != _eigenaar(wie, None)):
        raise NietGevonden("Webhook niet gevonden")
    return w


def maken(
    ctx: Context, opslag: WebhookOpslag, adres: Adrescontrole, wie: Principal, verzoek: WebhookVerzoek
) -> tuple[Webhook, str]:
    """The new subscription and its secret (which is stored to sign with, and shown only now)."""
    rol, eigenaar_id = _eigenaar(wie, verzoek)
    _controleer_eigenaar(ctx, rol, eigenaar_id)
    _controleer(rol, verzoek, adres)
    if len(opslag.webhooks_van(rol, eigenaar_id)) >= MAX_PER_EIGENAAR:
        raise Conflict(f"Er zijn al {MAX_PER_EIGENAAR} webhooks; verwijder er eerst een")
    geheim = nieuw_geheim()
    w = Webhook(
        id=ctx.nieuw_id(),
        eigenaarRol=rol,
        eigenaarId=eigenaar_id,
        url=verzoek.url,
        soorten=sorted(set(verzoek.soorten)),
        actief=verzoek.actief,
        omschrijving=verzoek.omschrijving,
        geheimen=[Geheim(waarde=geheim)],
        aangemaaktOp=ctx.klok.now(),
    )
    opslag.webhook_opslaan(w, nieuw=True)
    return w, geheim


def lijst(opslag: WebhookOpslag, wie: Principal, volgende: str | None, limiet: int) -> Pagina[Webhook]:
    if wie.rol == Rol.BEHEER:
        return lijsten.pagina(lambda: opslag.webhooks(volgende, limiet))
    return Pagina(opslag.webhooks_van(*_eigenaar(wie, None)), None)


def lezen(opslag: WebhookOpslag, wie: Principal, webhook_id: str) -> Webhook:
    return _zichtbaar(wie, opslag.webhook(webhook_id))


def wijzigen(
    ctx: Context, opslag: WebhookOpslag, adres: Adrescontrole, wie: Principal, webhook_id: str, verzoek: WebhookVerzoek
) -> Webhook:
    """Replaces URL, kinds, description and whether it is on; switching it on again clears its failure."""
    w = lezen(opslag, wie, webhook_id)
    if wie.rol != Rol.BEHEER:
        _eigenaar(wie, verzoek)  # refuses an owner named by anyone but the operator
    elif (verzoek.schuldeiserId or verzoek.organisatieId) and _eigenaar(wie, verzoek) != (w.eigenaarRol, w.eigenaarId):
        raise OngeldigeInvoer([InvalidParam("schuldeiserId", "eigenaar", "De eigenaar van een webhook blijft")])
    _controleer(w.eigenaarRol, verzoek, adres)
    aan = verzoek.actief and not w.actief
    nieuw = w.model_copy(
        update={
            "url": verzoek.url,
            "soorten": sorted(set(verzoek.soorten)),
            "actief": verzoek.actief,
            "omschrijving": verzoek.omschrijving,
            **({"storingSinds": None, "uitgeschakeldOp": None, "uitschakelreden": None} if aan else {}),
        }
    )
    opslag.webhook_opslaan(nieuw, nieuw=False)
    return nieuw


def verwijderen(opslag: WebhookOpslag, wie: Principal, webhook_id: str) -> None:
    opslag.webhook_verwijderen(lezen(opslag, wie, webhook_id).id)


def geheim_roteren(ctx: Context, opslag: WebhookOpslag, wie: Principal, webhook_id: str) -> tuple[Webhook, str]:
    """A new secret signs from now; the current one signs along for OVERLAP (an older one stops now)."""
    w = lezen(opslag, wie, webhook_id)
    nu = ctx.klok.now()
    geheim = nieuw_geheim()
    vorig = Geheim(waarde=w.geheimen[0].waarde, geldigTot=nu + OVERLAP)
    nieuw = w.model_copy(update={"geheimen": [Geheim(waarde=geheim), vorig]})
    opslag.webhook_opslaan(nieuw, nieuw=False)
    return nieuw, geheim


def berichten(
    opslag: WebhookOpslag, wie: Principal, webhook_id: str, vanaf: datetime | None, volgende: str | None, limiet: int
) -> Pagina[Bericht]:
    w = lezen(opslag, wie, webhook_id)
    return lijsten.pagina(lambda: opslag.berichten(w.id, vanaf, volgende, limiet))


def _opnieuw(opslag: WebhookOpslag, b: Bericht) -> bool:
    """A new round of attempts with the same id and body. A message waiting for its retry, or for an earlier
    one, is on its way already; one that is to go now is queued again (should its queueing have failed)."""
    if b.status == Berichtstatus.WACHTRIJ:
        return True
    if b.status in OPENSTAAND:
        return False
    nieuw = b.model_copy(
        update={"status": Berichtstatus.WACHTRIJ, "ronde": b.ronde + 1, "rondePogingen": 0, "volgendePoging": None}
    )
    return opslag.bericht_bijwerken(nieuw, b)


def herbezorgen(
    opslag: WebhookOpslag, wachtrij: Berichtwachtrij, wie: Principal, webhook_id: str, bericht_id: str
) -> int:
    w = lezen(opslag, wie, webhook_id)
    b = opslag.bericht(w.id, bericht_id)
    if b is None:
        raise NietGevonden("Bericht niet gevonden")
    if not _opnieuw(opslag, b):
        return 0
    wachtrij.plaats([(w.id, b.id)])
    return 1


def herbezorgen_vanaf(
    opslag: WebhookOpslag, wachtrij: Berichtwachtrij, wie: Principal, webhook_id: str, vanaf: datetime
) -> int:
    """The messages since `vanaf` again, the oldest first, at most MAX_HERBEZORGING; returns how many went
    back (a message still on its way is not sent twice)."""
    w = lezen(opslag, wie, webhook_id)
    gevonden: list[Bericht] = []
    volgende: str | None = None
    while len(gevonden) < MAX_HERBEZORGING:
        pagina = opslag.berichten(w.id, vanaf, volgende, 100, nieuwste_eerst=False)
        gevonden.extend(pagina.items)
        volgende = pagina.volgende
        if volgende is None:
            break
    opnieuw = [b for b in gevonden[:MAX_HERBEZORGING] if _opnieuw(opslag, b)]
    wachtrij.plaats([(w.id, b.id) for b in opnieuw])
    return len(opnieuw)
