"""Webhook subscriptions and their messages in the table, on the repository's plumbing.

A subscription is listed per owner (GSI1, for the fan-out and the owner's list) and among all (GSI3, the
operator's list). A message is listed per endpoint by event time (GSI1: the delivery log) and, while it is
still open, per endpoint and referral (GSI2, sparse: the order in which messages about one referral go).
Messages expire (TTL) 30 days after their last attempt.
"""

from datetime import datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.models.webhooks import OPENSTAAND, Bericht, Webhook
from warmdoor.ports import Pagina
from warmdoor.store import keys
from warmdoor.store.items import Item, entiteit, item, naar_dynamo
from warmdoor.store.repository import DynamoRepository

BERICHT_BEWAARTERMIJN = timedelta(days=30)
_BESTAAND = "attribute_exists(PK)"
_NIET_BESTAAND = "attribute_not_exists(PK)"


def _eigenaar(rol: str, eigenaar_id: str) -> str:
    return f"WEBHOOKS#{rol}#{eigenaar_id}"


def _webhook_item(w: Webhook) -> Item:
    volgorde = f"{keys.sorteertijd(w.aangemaaktOp)}#{w.id}"
    return item(
        keys.webhook(w.id),
        w,
        **{
            keys.GSI_SCHULDEISER: (_eigenaar(w.eigenaarRol, w.eigenaarId), volgorde),
            keys.GSI_SOORT: ("WEBHOOK", volgorde),
        },
    )


def _bericht_item(b: Bericht) -> Item:
    volgorde = f"{keys.sorteertijd(b.tijdstip)}#{b.id}"
    indexen = {keys.GSI_SCHULDEISER: (f"WEBHOOKLOG#{b.webhookId}", volgorde)}
    if b.status in OPENSTAAND:
        indexen[keys.GSI_ORGANISATIE] = (f"WEBHOOKREEKS#{b.webhookId}#{b.doorverwijzingId}", volgorde)
    verloopt = (b.pogingen[-1].tijdstip if b.pogingen else b.tijdstip) + BERICHT_BEWAARTERMIJN
    return {
        **item(keys.webhookbericht(b.webhookId, b.id), b, **indexen),
        **naar_dynamo({"verlooptOp": int(verloopt.timestamp())}),
    }


class DynamoWebhooks(DynamoRepository):
    def _conditioneel(self, waarden: Item, voorwaarde: str, **extra: Any) -> bool:
        try:
            self._client.put_item(TableName=self._table, Item=waarden, ConditionExpression=voorwaarde, **extra)
        except ClientError as fout:
            if fout.response["Error"]["Code"] == "ConditionalCheckFailedException":
                return False
            raise
        return True

    def webhook(self, webhook_id: str) -> Webhook | None:
        return self._get_model(Webhook, keys.webhook(webhook_id))

    def webhooks_van(self, rol: str, eigenaar_id: str) -> list[Webhook]:
        gevonden: list[Webhook] = []
        volgende: str | None = None
        while True:
            items, volgende = self._page(keys.GSI_SCHULDEISER, _eigenaar(rol, eigenaar_id), volgende, 100, False)
            gevonden.extend(entiteit(Webhook, i) for i in items)
            if volgende is None:
                return gevonden

    def webhooks(self, volgende: str | None, limiet: int) -> Pagina[Webhook]:
        return self._lijst(Webhook, "WEBHOOK", volgende, limiet)

    def webhook_opslaan(self, webhook: Webhook, nieuw: bool) -> None:
        if not self._conditioneel(_webhook_item(webhook), _NIET_BESTAAND if nieuw else _BESTAAND):
            raise LookupError(f"webhook {webhook.id} {'exists already' if nieuw else 'is gone'}")

    def _webhook_zetten(self, webhook_id: str, waarden: dict[str, Any]) -> None:
        """Sets these attributes only, so that a change made meanwhile (a new secret, a new URL) stays."""
        namen = {f"#{naam}": naam for naam in waarden}
        self._client.update_item(
            TableName=self._table,
            Key=naar_dynamo(keys.webhook(webhook_id)),
            UpdateExpression="SET " + ", ".join(f"#{naam} = :{naam}" for naam in waarden),
            ConditionExpression=_BESTAAND,
            ExpressionAttributeNames=namen,
            ExpressionAttributeValues=naar_dynamo({f":{naam}": waarde for naam, waarde in waarden.items()}),
        )

    def webhook_storing(self, webhook_id: str, sinds: datetime | None) -> None:
        self._webhook_zetten(webhook_id, {"storingSinds": sinds.isoformat() if sinds else None})

    def webhook_uitschakelen(self, webhook_id: str, moment: datetime, reden: str) -> None:
        self._webhook_zetten(
            webhook_id, {"actief": False, "uitgeschakeldOp": moment.isoformat(), "uitschakelreden": reden}
        )

    def webhook_verwijderen(self, webhook_id: str) -> None:
        self._client.delete_item(TableName=self._table, Key=naar_dynamo(keys.webhook(webhook_id)))

    def bericht(self, webhook_id: str, bericht_id: str) -> Bericht | None:
        return self._get_model(Bericht, keys.webhookbericht(webhook_id, bericht_id))

    def bericht_toevoegen(self, bericht: Bericht) -> bool:
        return self._conditioneel(_bericht_item(bericht), _NIET_BESTAAND)

    def bericht_bijwerken(self, bericht: Bericht, vorig: Bericht) -> bool:
        # Unchanged since it was read: the same round, as many attempts, the same status.
        return self._conditioneel(
            _bericht_item(bericht),
            "ronde = :ronde AND rondePogingen = :pogingen AND #status = :status",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=naar_dynamo(
                {":ronde": vorig.ronde, ":pogingen": vorig.rondePogingen, ":status": vorig.status.value}
            ),
        )

    def berichten(
        self, webhook_id: str, vanaf: datetime | None, volgende: str | None, limiet: int, nieuwste_eerst: bool = True
    ) -> Pagina[Bericht]:
        items, cursor = self._page(
            keys.GSI_SCHULDEISER,
            f"WEBHOOKLOG#{webhook_id}",
            volgende,
            limiet,
            nieuwste_eerst=nieuwste_eerst,
            vanaf=keys.sorteertijd(vanaf) if vanaf else None,
        )
        return Pagina([entiteit(Bericht, i) for i in items], cursor)

    def openstaande_berichten(self, webhook_id: str, doorverwijzing_id: str) -> list[Bericht]:
        antwoord = self._client.query(
            TableName=self._table,
            IndexName=keys.GSI_ORGANISATIE,
            KeyConditionExpression="GSI2PK = :pk",
            ExpressionAttributeValues=naar_dynamo({":pk": f"WEBHOOKREEKS#{webhook_id}#{doorverwijzing_id}"}),
        )
        # The index lags the table a little: what it lists is read again from the table itself.
        gelezen = (self.bericht(webhook_id, str(i["id"]["S"])) for i in antwoord["Items"])
        return [b for b in gelezen if b is not None and b.status in OPENSTAAND]
