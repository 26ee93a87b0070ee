"""Once per message: a record per event and channel in the idempotency table, taken while an invocation
sends (a conditional write) and listing each message as it goes out, so that a retry sends only the rest."""

import time
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.ports import EenmaligBezig

# Longer than the stream's 24 h retention plus the time an operator may take to replay a failed batch.
BEWAARTERMIJN_SECONDEN = 14 * 24 * 3600
# How long an invocation holds a record: more than the notifiers' 60 s timeout, so a record is never taken from
# one still running; less than their queues' 360 s visibility timeout, so the retry of a crashed one finds it free.
BEZIG_SECONDEN = 120


class DynamoEenmalig:
    def __init__(self, client: Any, tabel: str) -> None:
        self._client = client
        self._tabel = tabel

    def _bijwerken(self, sleutel: str, expressie: str, waarden: dict[str, Any], **extra: Any) -> dict[str, Any]:
        antwoord: dict[str, Any] = self._client.update_item(
            TableName=self._tabel,
            Key={"id": {"S": sleutel}},
            UpdateExpression=expressie,
            **({"ExpressionAttributeValues": waarden} if waarden else {}),
            **extra,
        )
        return antwoord

    def beginnen(self, sleutel: str) -> frozenset[str]:
        # Wall-clock time, as the table's TTL: the local stack's moved clock must not free a held record.
        nu = int(time.time())
        try:
            antwoord = self._bijwerken(
                sleutel,
                "SET bezigTot = :tot, expiration = :weg",
                {
                    ":tot": {"N": str(nu + BEZIG_SECONDEN)},
                    ":weg": {"N": str(nu + BEWAARTERMIJN_SECONDEN)},
                    ":nu": {"N": str(nu)},
                },
                ConditionExpression="attribute_not_exists(bezigTot) OR bezigTot < :nu",
                ReturnValues="ALL_NEW",
            )
        except ClientError as fout:
            if fout.response["Error"]["Code"] == "ConditionalCheckFailedException":
                raise EenmaligBezig(sleutel) from fout
            raise
        return frozenset(antwoord["Attributes"].get("verstuurd", {}).get("SS", []))

    def verstuurd(self, sleutel: str, bericht: str, laatste: bool) -> None:
        expressie = "ADD verstuurd :b" + (" REMOVE bezigTot" if laatste else "")
        self._bijwerken(sleutel, expressie, {":b": {"SS": [bericht]}})

    def vrijgeven(self, sleutel: str) -> None:
        self._bijwerken(sleutel, "REMOVE bezigTot", {})
