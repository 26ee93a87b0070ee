"""Fixes for moto limits that matter to WarmDoor's local mode (development only, never deployed).

Failed transactions. moto rolls a failed DynamoDB transaction back by deep-copying every table it names,
once per action, and swapping the copy in on failure. That costs time growing with the table and its stream (a few
hundred referrals made every request take seconds), and it replaces the table's stream shard, so a
stream reader then sees the rolled-back writes as records and never sees later ones (every failed
transaction, such as a 409 on a reused reference, silenced the notifiers). Here a transaction instead
snapshots the partitions its actions name (all it can change) and the stream's length, and a failure
restores them in place.

Transactions of this project only Put, Delete and ConditionCheck, which replace items rather than
change them in place, so a copy of the item maps is a full snapshot.

Item size. moto checks an item against DynamoDB's 400 KB limit at each attribute it sets, adding up the
whole item every time: quadratic in the attributes, most of a write's time for a referral's items. Here a new
item is checked once, for the same limit.

Event delivery. moto's EventBridge compiles each of a target's JSONPath input paths (ten by default) with
jsonpath_ng's parser at every event and target, ~2 ms each: most of a PutEvents. Here a path is compiled once.

DynamoDB answers. moto writes each attribute value of an answer out through the API model, member by
member (~50 ms for a referral with its personal data). moto keeps items in DynamoDB's JSON form already, so
a value that holds only strings, booleans, lists and maps is written out as it is; others (binary) go the
model's way.

Queries. moto answers every Query by sorting all of the table's items, comparing moto's own value objects
(~50 ms at a thousand items: the webhook fan-out's two lookups made each event slower as the table grew). Here
the same order comes from each key's plain value, computed once per item.
"""

import copy
import functools
from collections.abc import Callable
from typing import Any

import jsonpath_ng.ext
from moto.core.serialize import BaseJSONSerializer
from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.exceptions import ItemSizeTooLarge
from moto.dynamodb.models.dynamo_type import DynamoType, Item, LimitedSizeDict
from moto.dynamodb.models.table import Table
from moto.dynamodb.models.utilities import bytesize


class _CopyWithoutTableSnapshots:
    """Stands in for the `copy` module inside moto.dynamodb.models."""

    def deepcopy(self, waarde: Any, memo: dict[int, Any] | None = None) -> Any:
        return waarde if isinstance(waarde, Table) else copy.deepcopy(waarde, memo)

    def __getattr__(self, naam: str) -> Any:
        return getattr(copy, naam)


def _partities(tabel: Table, naam: str, transact_items: list[dict[str, Any]]) -> set[DynamoType]:
    """The partitions (hash keys) of this table the transaction's actions name: all it can change."""
    sleutels = [
        inhoud.get("Item") or inhoud.get("Key") or {}
        for inhoud in (next(iter(actie.values())) for actie in transact_items)
        if inhoud.get("TableName") == naam
    ]
    return {DynamoType(s[tabel.hash_key_attr]) for s in sleutels if tabel.hash_key_attr in s}


def _item_init(self: Item, hash_key: DynamoType, range_key: DynamoType | None, attrs: dict[str, Any]) -> None:
    self.hash_key = hash_key
    self.range_key = range_key
    waarden = {naam: DynamoType(waarde) for naam, waarde in attrs.items()}
    # The limit moto's LimitedSizeDict applies (between DynamoDB's documented and measured limits).
    if sum(bytesize(naam) + waarde.size() for naam, waarde in waarden.items()) > 405000:
        raise ItemSizeTooLarge
    self.attrs = LimitedSizeDict()
    dict.update(self.attrs, waarden)  # dict's own update: LimitedSizeDict would check each attribute again


def _draadvorm(waarde: Any) -> bool:
    """True when the value is DynamoDB's JSON as it goes over the wire: maps, lists, strings, booleans."""
    if isinstance(waarde, dict):
        return all(isinstance(naam, str) and _draadvorm(deel) for naam, deel in waarde.items())
    if isinstance(waarde, list):
        return all(_draadvorm(deel) for deel in waarde)
    return isinstance(waarde, str | bool)


def _structuur_schrijver(origineel: Callable[..., None]) -> Callable[..., None]:
    def schrijf(self: BaseJSONSerializer, serialized: dict[str, Any], value: Any, shape: Any, key: str) -> None:
        if key and shape.name == "AttributeValue" and _draadvorm(value):
            self._default_serialize(serialized, value, shape, key)
        else:
            origineel(self, serialized, value, shape, key)

    schrijf.warmdoor_fix = True  # type: ignore[attr-defined]
    return schrijf


def _alle_items(self: Table) -> list[Item]:
    items: list[Item] = []
    for partitie in self.items.values():
        if self.range_key_attr:
            items.extend(partitie.values())
        else:
            items.append(partitie)  # type: ignore[arg-type]  # a table without sort key keeps the item itself
    # What DynamoType's comparisons compare (its cast_value), taken once per item.
    return sorted(
        items, key=lambda x: (x.hash_key.cast_value, x.range_key.cast_value) if x.range_key else x.hash_key.cast_value
    )


def apply() -> None:
    Item.__init__ = _item_init  # type: ignore[method-assign]
    Table.all_items = _alle_items  # type: ignore[method-assign]
    if not getattr(BaseJSONSerializer._serialize_type_structure, "warmdoor_fix", False):
        BaseJSONSerializer._serialize_type_structure = _structuur_schrijver(  # type: ignore[method-assign]
            BaseJSONSerializer._serialize_type_structure
        )
    parse = getattr(jsonpath_ng.ext, "parse")  # noqa: B009 - not in the module's declared exports
    if not hasattr(parse, "cache_info"):
        # moto imports it inside the function at every call: replacing the module's attribute is enough.
        setattr(jsonpath_ng.ext, "parse", functools.cache(parse))  # noqa: B010
    backend = dynamodb_models.DynamoDBBackend
    if getattr(backend.transact_write_items, "warmdoor_fix", False):
        return
    origineel: Callable[..., None] = backend.transact_write_items
    setattr(dynamodb_models, "copy", _CopyWithoutTableSnapshots())  # noqa: B010 - replaces a module moto imported

    def transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
        snapshots = []
        for naam in {next(iter(actie.values())).get("TableName") for actie in transact_items}:
            tabel = self.tables.get(naam)
            if tabel is not None:
                partities = _partities(tabel, naam, transact_items)
                # `items` is a defaultdict: .get, so that looking does not add an empty partition.
                bewaard = {h: dict(p) if isinstance(p, dict) else p for h in partities if (p := tabel.items.get(h))}
                stream = len(tabel.stream_shard.items) if tabel.stream_shard else 0
                snapshots.append((tabel, partities, bewaard, stream))
        try:
            origineel(self, transact_items)
        except Exception:
            for tabel, partities, bewaard, stream in snapshots:
                for h in partities:
                    if h in bewaard:
                        tabel.items[h] = bewaard[h]
                    else:
                        tabel.items.pop(h, None)
                if tabel.stream_shard:
                    del tabel.stream_shard.items[stream:]
            raise

    transact_write_items.warmdoor_fix = True  # type: ignore[attr-defined]
    backend.transact_write_items = transact_write_items  # type: ignore[method-assign]
