"""Pydantic's validation errors as the contract's invalid parameters (field name, code, Dutch reason), for
the API's problems and the pages' messages beside each field alike."""

from collections.abc import Sequence
from typing import Any

from warmdoor.domain.errors import InvalidParam

# Pydantic's error types, as the codes the contract's invalidParams use.
_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown",
    "string_pattern_mismatch": "pattern",
    "string_too_long": "max_length",
    "string_too_short": "min_length",
    "too_long": "max_items",
    "too_short": "min_items",
    "greater_than_equal": "minimum",
    "less_than_equal": "maximum",
    "json_invalid": "invalid_json",
    "enum": "enum",
    "literal_error": "enum",
}

# Dutch reasons for pydantic's own errors; this project's validators already speak Dutch.
_REDENEN = {
    "missing": "Dit veld is verplicht",
    "extra_forbidden": "Dit veld is onbekend",
    "string_pattern_mismatch": "De waarde heeft niet de juiste vorm",
    "string_too_long": "De waarde is te lang",
    "string_too_short": "De waarde is te kort of leeg",
    "too_long": "Er staan te veel elementen in",
    "too_short": "Er staan te weinig elementen in",
    "json_invalid": "De body is geen geldige JSON",
}


def _naam(loc: Sequence[Any]) -> str:
    # ("body", "client", "postcode") -> "client.postcode"
    # ("body", "gemeenten", 0, "code") -> "gemeenten[0].code"
    delen = list(loc[1:]) if loc and loc[0] in {"body", "query", "path", "header"} else list(loc)
    if loc and loc[0] == "body" and delen and isinstance(delen[0], int):
        return "body"  # a position in unparseable JSON, not a field
    naam = ""
    for deel in delen:
        naam += f"[{deel}]" if isinstance(deel, int) else (f".{deel}" if naam else str(deel))
    return naam or "body"


def van_validatie(errors: Sequence[dict[str, Any]]) -> list[InvalidParam]:
    params = []
    for error in errors:
        code = _CODES.get(error["type"], error["type"])
        reden = _REDENEN.get(error["type"]) or str(error.get("msg") or "Ongeldige waarde")
        params.append(InvalidParam(_naam(error.get("loc", ())), code, reden))
    return params
