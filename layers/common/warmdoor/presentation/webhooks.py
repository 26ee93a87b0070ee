"""What an owner sees of its webhooks and their delivery log: never a secret, except the new one once."""

from datetime import datetime

from warmdoor.models.webhooks import (
    Bericht,
    BerichtWeergave,
    Eigenaar,
    NieuwGeheim,
    PogingWeergave,
    Webhook,
    WebhookWeergave,
)
from warmdoor.presentation.doorverwijzing import optioneel
from warmdoor.tijd import lokaal


def webhook(w: Webhook, nu: datetime) -> WebhookWeergave:
    # A rotated secret still signs until its overlap ends; the receiver should switch before then.
    wisselt = [g.geldigTot for g in w.geheimen if g.geldigTot is not None and g.geldigTot > nu]
    return WebhookWeergave(
        id=w.id,
        url=w.url,
        soorten=w.soorten,
        actief=w.actief,
        omschrijving=w.omschrijving,
        eigenaar=Eigenaar(rol=w.eigenaarRol, id=w.eigenaarId),
        aangemaaktOp=lokaal(w.aangemaaktOp),
        storingSinds=optioneel(w.storingSinds),
        uitgeschakeldOp=optioneel(w.uitgeschakeldOp),
        uitschakelreden=w.uitschakelreden,
        geheimWisseltTot=lokaal(max(wisselt)) if wisselt else None,
    )


def nieuw_geheim(w: Webhook, geheim: str, nu: datetime) -> NieuwGeheim:
    return NieuwGeheim(**webhook(w, nu).model_dump(), geheim=geheim)


def bericht(b: Bericht) -> BerichtWeergave:
    return BerichtWeergave(
        id=b.id,
        soort=b.soort,
        doorverwijzingId=b.doorverwijzingId,
        tijdstip=lokaal(b.tijdstip),
        status=b.status,
        volgendePoging=optioneel(b.volgendePoging),
        pogingen=[
            PogingWeergave(
                tijdstip=lokaal(p.tijdstip), status=p.status, duurMs=p.duurMs, fout=p.fout, fragment=p.fragment
            )
            for p in b.pogingen
        ],
    )
