"""Lambda event filtering (the subset of the pattern syntax the template uses and a bit more): the local
stack filters with it as Lambda does, and a replay applies the same filter as the event source mapping."""

import json
from typing import Any


def _past_waarde(regel: Any, waarde: Any, aanwezig: bool) -> bool:
    if isinstance(regel, dict):
        if "prefix" in regel:
            return aanwezig and isinstance(waarde, str) and waarde.startswith(regel["prefix"])
        if "anything-but" in regel:
            verboden = regel["anything-but"]
            return aanwezig and waarde not in (verboden if isinstance(verboden, list) else [verboden])
        if "exists" in regel:
            return aanwezig is bool(regel["exists"])
        raise ValueError(f"unsupported filter rule: {regel}")
    return aanwezig and waarde == regel


def matches(patroon: dict[str, Any], record: dict[str, Any]) -> bool:
    for sleutel, regel in patroon.items():
        aanwezig = isinstance(record, dict) and sleutel in record
        waarde = record.get(sleutel) if isinstance(record, dict) else None
        if isinstance(regel, dict):
            if not (aanwezig and isinstance(waarde, dict) and matches(regel, waarde)):
                return False
        elif not any(_past_waarde(r, waarde, aanwezig) for r in regel):
            return False
    return True


def any_filter(filter_criteria: dict[str, Any] | None, record: dict[str, Any]) -> bool:
    """No criteria passes everything; otherwise a record passes when any one filter matches it."""
    if not filter_criteria:
        return True
    return any(matches(json.loads(f["Pattern"]), record) for f in filter_criteria.get("Filters", []))
