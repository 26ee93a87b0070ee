"""The DynamoDB repository: conditional writes, transactions, and AWS errors turned into domain errors."""

import base64
import binascii
import json
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.models.entities import ApiSleutel, Auditregel, Doorverwijzing, Organisatie, Routering, Schuldeiser
from warmdoor.models.enums import OPEN_STATUSSEN
from warmdoor.models.events import Gebeurtenis
from warmdoor.ports import (
    Claim,
    ClaimBestaat,
    Claimsoort,
    DoorverwijzingFilter,
    OngeldigeCursor,
    Pagina,
    VersieConflict,
)
from warmdoor.store import keys
from warmdoor.store.items import Item, M, entiteit, item, naar_dynamo, uit_dynamo

# Event items only need to live until every consumer has read them from the stream (24 h retention).
GEBEURTENIS_BEWAARTERMIJN = timedelta(days=7)
_TRANSACTIE_POGINGEN = 4
_NIET_BESTAAND = "attribute_not_exists(PK)"


def _gebeurtenis_item(gebeurtenis: Gebeurtenis) -> Item:
    waarden = item(keys.gebeurtenis(gebeurtenis.doorverwijzingId, gebeurtenis.tijdstip, gebeurtenis.id), gebeurtenis)
    verloopt = gebeurtenis.tijdstip + GEBEURTENIS_BEWAARTERMIJN
    return {**waarden, **naar_dynamo({"verlooptOp": int(verloopt.timestamp())})}


def _audit_item(regel: Auditregel) -> Item:
    return item(keys.audit(regel.doorverwijzingId, regel.tijdstip, regel.id), regel)


def _doorverwijzing_item(d: Doorverwijzing, timer: datetime | None) -> Item:
    """The referral without personal data, in every index: lists, the report and the sweep read only this.
    `timer`: when its first timer is due (the sparse index the daily sweep reads), if any."""
    volgorde = f"{keys.sorteertijd(d.aangemeldOp)}#{d.id}"
    indexen = {
        keys.GSI_SCHULDEISER: (f"SCHULDEISER#{d.schuldeiserId}", volgorde),
        keys.GSI_ORGANISATIE: (f"ORGANISATIE#{d.organisatieId}", volgorde),
        keys.GSI_SOORT: ("DOORVERWIJZING", volgorde),
    }
    if timer is not None:
        indexen[keys.GSI_TIMER] = ("TIMER", f"{keys.sorteertijd(timer)}#{d.id}")
    return item(keys.doorverwijzing(d.id), d.zonder_persoonsgegevens(), **indexen)


def _persoonsgegevens_item(d: Doorverwijzing) -> Item:
    waarden = item(keys.persoonsgegevens(d.id), d)
    if d.persoonsgegevensVerwijderenOp is None:
        return waarden
    return {**waarden, **naar_dynamo({"verlooptOp": int(d.persoonsgegevensVerwijderenOp.timestamp())})}


def _claim_item(claim: Claim) -> Item:
    waarden: dict[str, Any] = {
        **keys.claim(claim.soort, claim.schuldeiserId, claim.waarde),
        "hash": claim.hash,
        "doorverwijzingId": claim.doorverwijzingId,
    }
    if claim.verlooptOp is not None:
        # The table's TTL attribute: DynamoDB removes the expired claim some time after it expired.
        waarden["verlooptOp"] = int(claim.verlooptOp.timestamp())
    return naar_dynamo(waarden)


def _claim(soort: Claimsoort, schuldeiser_id: str, waarde: str, gevonden: Item) -> Claim:
    waarden = uit_dynamo(gevonden)
    verloopt = waarden.get("verlooptOp")
    return Claim(
        soort,
        schuldeiser_id,
        waarde,
        waarden["hash"],
        waarden["doorverwijzingId"],
        datetime.fromtimestamp(int(verloopt), UTC) if verloopt is not None else None,
    )


def _redenen(fout: ClientError) -> list[str]:
    return [reden.get("Code", "None") for reden in fout.response.get("CancellationReasons", [])]


class DynamoRepository:
    def __init__(self, client: Any, table_name: str) -> None:
        self._client = client
        self._table = table_name

    # --- plumbing -----------------------------------------------------------------------------

    def _get(self, key: dict[str, str]) -> Item | None:
        antwoord = self._client.get_item(TableName=self._table, Key=naar_dynamo(key), ConsistentRead=True)
        gevonden: Item | None = antwoord.get("Item")
        return gevonden

    def _get_model(self, model: type[M], key: dict[str, str]) -> M | None:
        gevonden = self._get(key)
        return entiteit(model, gevonden) if gevonden else None

    def _batch(self, sleutels: Sequence[dict[str, str]]) -> list[Item | None]:
        """The item of each of these (distinct) keys, None where there is none, read consistently in one
        request; a key DynamoDB leaves unprocessed (throttling) is asked again."""
        vraag: dict[str, Any] = {self._table: {"Keys": [naar_dynamo(k) for k in sleutels], "ConsistentRead": True}}
        gevonden: dict[tuple[str, str], Item] = {}
        while vraag:
            antwoord = self._client.batch_get_item(RequestItems=vraag)
            for i in antwoord["Responses"].get(self._table, []):
                gevonden[(i["PK"]["S"], i["SK"]["S"])] = i
            vraag = antwoord.get("UnprocessedKeys")
        return [gevonden.get((k["PK"], k["SK"])) for k in sleutels]

    def _transact(self, acties: list[dict[str, Any]]) -> None:
        """Runs a transaction, retrying DynamoDB's own conflicts with concurrent transactions and throttling."""
        for poging in range(_TRANSACTIE_POGINGEN):
            try:
                self._client.transact_write_items(TransactItems=acties)
                return
            except ClientError as fout:
                if fout.response["Error"]["Code"] != "TransactionCanceledException":
                    raise
                # DynamoDB's own conflicts with concurrent transactions, and throttling, may pass; nothing else will.
                if not {"TransactionConflict", "ThrottlingError"} & set(_redenen(fout)):
                    raise
                if poging == _TRANSACTIE_POGINGEN - 1:
                    raise
                time.sleep(0.05 * 2**poging)

    def _page(
        self,
        index: str,
        partitie: str,
        volgende: str | None,
        limiet: int,
        nieuwste_eerst: bool,
        filter: Any = None,
        vanaf: str | None = None,
    ) -> tuple[list[Item], str | None]:
        """`vanaf`: only sort keys from this value on."""
        pk_naam, sk_naam = keys.INDEX_KEYS[index]
        start = _cursor_uit(volgende, pk_naam, partitie)
        if start and vanaf is not None and start[sk_naam]["S"] < vanaf:
            raise OngeldigeCursor  # DynamoDB refuses a start outside the range asked for
        gevonden: list[Item] = []
        while True:
            vraag: dict[str, Any] = {
                "TableName": self._table,
                "IndexName": index,
                "KeyConditionExpression": "#pk = :pk",
                "ExpressionAttributeNames": {"#pk": pk_naam},
                "ExpressionAttributeValues": naar_dynamo({":pk": partitie}),
                "ScanIndexForward": not nieuwste_eerst,
                "Limit": limiet - len(gevonden),
            }
            if vanaf is not None:
                vraag["KeyConditionExpression"] += " AND #sk >= :vanaf"
                vraag["ExpressionAttributeNames"]["#sk"] = sk_naam
                vraag["ExpressionAttributeValues"].update(naar_dynamo({":vanaf": vanaf}))
            if filter is not None:
                naam, waarde = filter
                vraag["FilterExpression"] = "#f = :f"
                vraag["ExpressionAttributeNames"]["#f"] = naam
                vraag["ExpressionAttributeValues"].update(naar_dynamo({":f": waarde}))
            if start:
                vraag["ExclusiveStartKey"] = start
            antwoord = self._client.query(**vraag)
            gevonden.extend(antwoord["Items"])
            start = antwoord.get("LastEvaluatedKey")
            if not start or len(gevonden) >= limiet:
                break
        if not start or not gevonden:
            return gevonden, None
        laatste = gevonden[-1]
        key = {naam: laatste[naam] for naam in ("PK", "SK", pk_naam, sk_naam)}
        return gevonden, _cursor_naar(key)

    def _lijst(self, model: type[M], soort: str, volgende: str | None, limiet: int) -> Pagina[M]:
        gevonden, cursor = self._page(keys.GSI_SOORT, soort, volgende, limiet, nieuwste_eerst=False)
        return Pagina([entiteit(model, i) for i in gevonden], cursor)

    # --- routing and organisations -----------------------------------------------------------

    def routering(self) -> Routering:
        return self._get_model(Routering, keys.ROUTERING) or Routering()

    def organisatie(self, organisatie_id: str) -> Organisatie | None:
        return self._get_model(Organisatie, keys.organisatie(organisatie_id))

    def organisaties(self, volgende: str | None, limiet: int) -> Pagina[Organisatie]:
        return self._lijst(Organisatie, "ORGANISATIE", volgende, limiet)

    def organisatie_opslaan(self, organisatie: Organisatie, routering: Routering, vorige_versie: int) -> None:
        versie_conditie: dict[str, Any] = (
            {"ConditionExpression": _NIET_BESTAAND}
            if vorige_versie == 0
            else {
                "ConditionExpression": "versie = :v",
                "ExpressionAttributeValues": naar_dynamo({":v": vorige_versie}),
            }
        )
        acties = [
            {
                "Put": {
                    "TableName": self._table,
                    "Item": item(
                        keys.organisatie(organisatie.id),
                        organisatie,
                        **{keys.GSI_SOORT: ("ORGANISATIE", organisatie.id)},
                    ),
                }
            },
            {"Put": {"TableName": self._table, "Item": item(keys.ROUTERING, routering), **versie_conditie}},
        ]
        try:
            self._transact(acties)
        except ClientError as fout:
            if "ConditionalCheckFailed" in _redenen(fout) or "TransactionConflict" in _redenen(fout):
                raise VersieConflict from fout
            raise

    # --- creditors ---------------------------------------------------------------------------

    def schuldeiser(self, schuldeiser_id: str) -> Schuldeiser | None:
        return self._get_model(Schuldeiser, keys.schuldeiser(schuldeiser_id))

    def schuldeisers(self, volgende: str | None, limiet: int) -> Pagina[Schuldeiser]:
        return self._lijst(Schuldeiser, "SCHULDEISER", volgende, limiet)

    def schuldeiser_opslaan(self, schuldeiser: Schuldeiser) -> None:
        self._client.put_item(
            TableName=self._table,
            Item=item(
                keys.schuldeiser(schuldeiser.id),
                schuldeiser,
                **{keys.GSI_SOORT: ("SCHULDEISER", schuldeiser.id)},
            ),
        )

    # --- API keys -----------------------------------------------------------------------------

    def sleutel(self, sleutel_id: str) -> ApiSleutel | None:
        return self._get_model(ApiSleutel, keys.sleutel(sleutel_id))

    def sleutel_met_hash(self, sleutel_hash: str) -> ApiSleutel | None:
        return self._get_model(ApiSleutel, keys.sleutelhash(sleutel_hash))

    def sleutels(self, volgende: str | None, limiet: int) -> Pagina[ApiSleutel]:
        return self._lijst(ApiSleutel, "APISLEUTEL", volgende, limiet)

    def sleutel_opslaan(self, sleutel: ApiSleutel) -> None:
        volgorde = f"{keys.sorteertijd(sleutel.aangemaaktOp)}#{sleutel.id}"
        self._transact(
            [
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": item(keys.sleutel(sleutel.id), sleutel, **{keys.GSI_SOORT: ("APISLEUTEL", volgorde)}),
                        "ConditionExpression": _NIET_BESTAAND,
                    }
                },
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": item(keys.sleutelhash(sleutel.hash), sleutel),
                        "ConditionExpression": _NIET_BESTAAND,
                    }
                },
            ]
        )

    def sleutel_intrekken(self, sleutel: ApiSleutel) -> None:
        volgorde = f"{keys.sorteertijd(sleutel.aangemaaktOp)}#{sleutel.id}"
        self._transact(
            [
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": item(keys.sleutel(sleutel.id), sleutel, **{keys.GSI_SOORT: ("APISLEUTEL", volgorde)}),
                    }
                },
                {"Delete": {"TableName": self._table, "Key": naar_dynamo(keys.sleutelhash(sleutel.hash))}},
            ]
        )

    # --- referrals ----------------------------------------------------------------------------

    def _persoonsgegevens_actie(self, d: Doorverwijzing) -> dict[str, Any]:
        """Written with every change of the referral; deleted in the change that ends the retention period."""
        if d.persoonsgegevensVerwijderdOp is not None:
            return {"Delete": {"TableName": self._table, "Key": naar_dynamo(keys.persoonsgegevens(d.id))}}
        return {"Put": {"TableName": self._table, "Item": _persoonsgegevens_item(d)}}

    def _bestaande_claim(self, soort: Claimsoort, schuldeiser_id: str, waarde: str) -> Claim | None:
        gevonden = self._get(keys.claim(soort, schuldeiser_id, waarde))
        return _claim(soort, schuldeiser_id, waarde, gevonden) if gevonden else None

    def intake_gegevens(
        self, schuldeiser_id: str, claims: Sequence[tuple[Claimsoort, str]]
    ) -> tuple[Schuldeiser | None, Routering, list[Claim | None]]:
        """In one request: the creditor, the routing, and the claims (kind, value) of this creditor."""
        claim_keys = [keys.claim(soort, schuldeiser_id, waarde) for soort, waarde in claims]
        schuldeiser, routering, *gevonden = self._batch([keys.schuldeiser(schuldeiser_id), keys.ROUTERING, *claim_keys])
        return (
            entiteit(Schuldeiser, schuldeiser) if schuldeiser else None,
            entiteit(Routering, routering) if routering else Routering(),
            [
                _claim(soort, schuldeiser_id, waarde, i) if i else None
                for (soort, waarde), i in zip(claims, gevonden, strict=True)
            ],
        )

    def doorverwijzing_aanmelden(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        claims: Sequence[Claim],
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Auditregel,
    ) -> None:
        # TTL deletes an expired claim up to days later: until then it is free to take again.
        claim_acties = [
            {
                "Put": {
                    "TableName": self._table,
                    "Item": _claim_item(claim),
                    "ConditionExpression": f"{_NIET_BESTAAND} OR verlooptOp <= :nu",
                    "ExpressionAttributeValues": naar_dynamo({":nu": int(doorverwijzing.aangemeldOp.timestamp())}),
                }
            }
            for claim in claims
        ]
        acties = [
            *claim_acties,
            {
                "Put": {
                    "TableName": self._table,
                    "Item": _doorverwijzing_item(doorverwijzing, timer),
                    "ConditionExpression": _NIET_BESTAAND,
                }
            },
            self._persoonsgegevens_actie(doorverwijzing),
            *({"Put": {"TableName": self._table, "Item": _gebeurtenis_item(g)}} for g in gebeurtenissen),
            {"Put": {"TableName": self._table, "Item": _audit_item(audit)}},
        ]
        try:
            self._transact(acties)
        except ClientError as fout:
            redenen = _redenen(fout)
            for claim, reden in zip(claims, redenen, strict=False):
                if reden in {"ConditionalCheckFailed", "TransactionConflict"}:
                    bestaande = self._bestaande_claim(claim.soort, claim.schuldeiserId, claim.waarde)
                    if bestaande is not None:
                        raise ClaimBestaat(bestaande) from fout
            raise

    @staticmethod
    def _doorverwijzingen_index(filter: DoorverwijzingFilter) -> tuple[str, str]:
        if filter.schuldeiserId is not None:
            return keys.GSI_SCHULDEISER, f"SCHULDEISER#{filter.schuldeiserId}"
        if filter.organisatieId is not None:
            return keys.GSI_ORGANISATIE, f"ORGANISATIE#{filter.organisatieId}"
        return keys.GSI_SOORT, "DOORVERWIJZING"

    def doorverwijzing(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        """The referral, with its personal data while they exist (both items read as one snapshot)."""
        items = (keys.doorverwijzing(doorverwijzing_id), keys.persoonsgegevens(doorverwijzing_id))
        antwoord = self._client.transact_get_items(
            TransactItems=[{"Get": {"TableName": self._table, "Key": naar_dynamo(k)}} for k in items]
        )
        hoofd, volledig = ((r or {}).get("Item") for r in antwoord["Responses"])
        if hoofd is None:
            return None
        return entiteit(Doorverwijzing, volledig or hoofd)

    def doorverwijzing_zonder_persoonsgegevens(self, doorverwijzing_id: str) -> Doorverwijzing | None:
        return self._get_model(Doorverwijzing, keys.doorverwijzing(doorverwijzing_id))

    def doorverwijzing_met_partijen(
        self, doorverwijzing_id: str, organisatie_id: str, schuldeiser_id: str
    ) -> tuple[Doorverwijzing | None, Organisatie | None, Schuldeiser | None]:
        """In one request: the referral (with its personal data while they exist), its organisation and its
        creditor. The personal-data item is a whole copy of the referral, written with every change of it."""
        hoofd, volledig, organisatie, schuldeiser = self._batch(
            [
                keys.doorverwijzing(doorverwijzing_id),
                keys.persoonsgegevens(doorverwijzing_id),
                keys.organisatie(organisatie_id),
                keys.schuldeiser(schuldeiser_id),
            ]
        )
        return (
            entiteit(Doorverwijzing, volledig or hoofd) if hoofd else None,
            entiteit(Organisatie, organisatie) if organisatie else None,
            entiteit(Schuldeiser, schuldeiser) if schuldeiser else None,
        )

    def doorverwijzingen(
        self, filter: DoorverwijzingFilter, volgende: str | None, limiet: int, met_persoonsgegevens: bool
    ) -> Pagina[Doorverwijzing]:
        index, partitie = self._doorverwijzingen_index(filter)
        status = ("status", filter.status.value) if filter.status else None
        gevonden, cursor = self._page(index, partitie, volgende, limiet, nieuwste_eerst=True, filter=status)
        items = [entiteit(Doorverwijzing, i) for i in gevonden]
        if met_persoonsgegevens:
            volledig = self._persoonsgegevens([d.id for d in items])
            items = [volledig.get(d.id, d) for d in items]
        return Pagina(items, cursor)

    def open_doorverwijzingen(self, organisatie_id: str) -> list[Doorverwijzing]:
        vraag: dict[str, Any] = {
            "TableName": self._table,
            "IndexName": keys.GSI_ORGANISATIE,
            "KeyConditionExpression": "#pk = :pk",
            "FilterExpression": "#s IN (" + ", ".join(f":s{i}" for i in range(len(OPEN_STATUSSEN))) + ")",
            "ExpressionAttributeNames": {"#pk": keys.INDEX_KEYS[keys.GSI_ORGANISATIE][0], "#s": "status"},
            "ExpressionAttributeValues": naar_dynamo(
                {":pk": f"ORGANISATIE#{organisatie_id}"}
                | {f":s{i}": s.value for i, s in enumerate(sorted(OPEN_STATUSSEN))}
            ),
        }
        gevonden: list[Item] = []
        while True:
            antwoord = self._client.query(**vraag)
            gevonden.extend(antwoord["Items"])
            if "LastEvaluatedKey" not in antwoord:
                return [entiteit(Doorverwijzing, i) for i in gevonden]
            vraag["ExclusiveStartKey"] = antwoord["LastEvaluatedKey"]

    def met_persoonsgegevens(self, doorverwijzingen: Sequence[Doorverwijzing]) -> list[Doorverwijzing]:
        volledig = self._persoonsgegevens([d.id for d in doorverwijzingen])
        return [volledig.get(d.id, d) for d in doorverwijzingen]

    def pogingen_tellen(self, sleutel: str, venster_einde: datetime) -> int:
        antwoord = self._client.update_item(
            TableName=self._table,
            Key=naar_dynamo(keys.pogingen(sleutel, venster_einde)),
            UpdateExpression="ADD aantal :een SET verlooptOp = :einde",
            ExpressionAttributeValues=naar_dynamo({":een": 1, ":einde": int(venster_einde.timestamp())}),
            ReturnValues="UPDATED_NEW",
        )
        return int(antwoord["Attributes"]["aantal"]["N"])

    def _persoonsgegevens(self, ids: Sequence[str]) -> dict[str, Doorverwijzing]:
        gevonden: list[Item] = []
        for begin in range(0, len(ids), 100):
            vraag: dict[str, Any] = {
                self._table: {"Keys": [naar_dynamo(keys.persoonsgegevens(i)) for i in ids[begin : begin + 100]]}
            }
            while vraag:
                antwoord = self._client.batch_get_item(RequestItems=vraag)
                gevonden.extend(antwoord["Responses"].get(self._table, []))
                vraag = antwoord.get("UnprocessedKeys")
        return {d.id: d for d in (entiteit(Doorverwijzing, i) for i in gevonden)}

    def aangemeld_tussen(
        self, filter: DoorverwijzingFilter, begin: datetime, einde: datetime
    ) -> Iterator[Doorverwijzing]:
        index, partitie = self._doorverwijzingen_index(filter)
        pk_naam, sk_naam = keys.INDEX_KEYS[index]
        start: Item | None = None
        while True:
            vraag: dict[str, Any] = {
                "TableName": self._table,
                "IndexName": index,
                "KeyConditionExpression": "#pk = :pk AND #sk BETWEEN :begin AND :einde",
                "ExpressionAttributeNames": {"#pk": pk_naam, "#sk": sk_naam},
                # "#" sorts before every id, so `einde` itself falls outside.
                "ExpressionAttributeValues": naar_dynamo(
                    {":pk": partitie, ":begin": keys.sorteertijd(begin), ":einde": keys.sorteertijd(einde)}
                ),
            }
            if start:
                vraag["ExclusiveStartKey"] = start
            antwoord = self._client.query(**vraag)
            for gevonden in antwoord["Items"]:
                yield entiteit(Doorverwijzing, gevonden)
            start = antwoord.get("LastEvaluatedKey")
            if not start:
                return

    def met_verlopen_timer(self, nu: datetime) -> Iterator[str]:
        start: Item | None = None
        while True:
            vraag: dict[str, Any] = {
                "TableName": self._table,
                "IndexName": keys.GSI_TIMER,
                "KeyConditionExpression": "GSI4PK = :pk AND GSI4SK <= :nu",
                # "~" sorts after "#<id>": everything due at or before `nu`.
                "ExpressionAttributeValues": naar_dynamo({":pk": "TIMER", ":nu": keys.sorteertijd(nu) + "~"}),
            }
            if start:
                vraag["ExclusiveStartKey"] = start
            antwoord = self._client.query(**vraag)
            for gevonden in antwoord["Items"]:
                yield gevonden["PK"]["S"].removeprefix("DOORVERWIJZING#")
            start = antwoord.get("LastEvaluatedKey")
            if not start:
                return

    def audit_vastleggen(self, regels: Sequence[Auditregel]) -> None:
        for begin in range(0, len(regels), 25):
            verzoeken = [{"PutRequest": {"Item": _audit_item(r)}} for r in regels[begin : begin + 25]]
            over = self._client.batch_write_item(RequestItems={self._table: verzoeken}).get("UnprocessedItems")
            while over:
                time.sleep(0.05)
                over = self._client.batch_write_item(RequestItems=over).get("UnprocessedItems")

    def auditregels(self, doorverwijzing_id: str, volgende: str | None, limiet: int) -> Pagina[Auditregel]:
        partitie = f"DOORVERWIJZING#{doorverwijzing_id}"
        start = _cursor_uit(volgende, "PK", partitie, {"PK", "SK"})
        vraag: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :audit)",
            "ExpressionAttributeValues": naar_dynamo({":pk": partitie, ":audit": "AUDIT#"}),
            "Limit": limiet,
        }
        if start:
            vraag["ExclusiveStartKey"] = start
        antwoord = self._client.query(**vraag)
        laatste = antwoord.get("LastEvaluatedKey")
        return Pagina([entiteit(Auditregel, i) for i in antwoord["Items"]], _cursor_naar(laatste) if laatste else None)

    def doorverwijzing_bijwerken(
        self,
        doorverwijzing: Doorverwijzing,
        timer: datetime | None,
        gebeurtenissen: Sequence[Gebeurtenis],
        audit: Sequence[Auditregel],
    ) -> None:
        acties = [
            {
                "Put": {
                    "TableName": self._table,
                    "Item": _doorverwijzing_item(doorverwijzing, timer),
                    "ConditionExpression": "versie = :v",
                    "ExpressionAttributeValues": naar_dynamo({":v": doorverwijzing.versie - 1}),
                }
            },
            self._persoonsgegevens_actie(doorverwijzing),
            *({"Put": {"TableName": self._table, "Item": _gebeurtenis_item(g)}} for g in gebeurtenissen),
            *({"Put": {"TableName": self._table, "Item": _audit_item(r)}} for r in audit),
        ]
        try:
            self._transact(acties)
        except ClientError as fout:
            if {"ConditionalCheckFailed", "TransactionConflict"} & set(_redenen(fout)):
                raise VersieConflict from fout
            raise


def _cursor_naar(key: Item) -> str:
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


def _cursor_uit(cursor: str | None, pk_naam: str, partitie: str, namen: set[str] | None = None) -> Item | None:
    """The start key a cursor stands for; it must belong to the partition asked for."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as fout:
        raise OngeldigeCursor from fout
    geldig = (
        isinstance(key, dict)
        and set(key) == (namen or {"PK", "SK", pk_naam, keys.INDEX_KEYS_BY_PK[pk_naam]})
        and all(isinstance(v, dict) and isinstance(v.get("S"), str) and len(v) == 1 for v in key.values())
        and key[pk_naam]["S"] == partitie
    )
    if not geldig:
        raise OngeldigeCursor
    return dict(key)
