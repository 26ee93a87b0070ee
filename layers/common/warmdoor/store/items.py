"""Stored items <-> entities. An item is the entity's JSON form plus its keys, in DynamoDB's type format."""

from decimal import Decimal
from typing import Any, TypeVar

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from pydantic import BaseModel

from warmdoor.store import keys

_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()

Item = dict[str, Any]
M = TypeVar("M", bound=BaseModel)


def naar_dynamo(waarden: dict[str, Any]) -> Item:
    return {naam: _SERIALIZER.serialize(waarde) for naam, waarde in waarden.items()}


def _getallen(waarde: Any) -> Any:
    """DynamoDB numbers come back as Decimal; the entities hold only whole numbers."""
    if isinstance(waarde, Decimal):
        return int(waarde)
    if isinstance(waarde, dict):
        return {k: _getallen(v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [_getallen(v) for v in waarde]
    return waarde


def uit_dynamo(item: Item) -> dict[str, Any]:
    return {naam: _getallen(_DESERIALIZER.deserialize(waarde)) for naam, waarde in item.items()}


def _met_index(waarden: dict[str, Any], index: str, pk: str, sk: str) -> None:
    pk_naam, sk_naam = keys.INDEX_KEYS[index]
    waarden[pk_naam] = pk
    waarden[sk_naam] = sk


def item(sleutel: dict[str, str], entiteit: BaseModel, **indexen: tuple[str, str]) -> Item:
    """The item for an entity; `indexen` maps an index name to its (partition, sort) values."""
    waarden: dict[str, Any] = {**entiteit.model_dump(mode="json"), **sleutel}
    for index, (pk, sk) in indexen.items():
        _met_index(waarden, index, pk, sk)
    return naar_dynamo(waarden)


_KEY_ATTRIBUTES = frozenset({"PK", "SK"} | {naam for paar in keys.INDEX_KEYS.values() for naam in paar})


def entiteit(model: type[M], gevonden: Item) -> M:
    waarden = {naam: waarde for naam, waarde in uit_dynamo(gevonden).items() if naam not in _KEY_ATTRIBUTES}
    return model.model_validate(waarden)
