"""What this API accepts as a JSON body, beyond RFC 8259: limits that keep parsing cheap and the
meaning unambiguous (a body two parsers could read differently is refused). The README lists them."""

import json
import math
from dataclasses import dataclass
from typing import Any

from warmdoor.domain.errors import InvalidParam

MAX_DIEPTE = 10  # objects and arrays within each other; the deepest body of the contract has 4
MAX_GETAL_TEKENS = 30  # characters of one number literal
MAX_TEKST_TEKENS = 10_000  # characters of one string (fields have their own, smaller maximum)
MAX_ELEMENTEN = 1_000  # items of one array, members of one object
_MAX_FOUTEN = 20
_CONSTANTEN = frozenset({"NaN", "Infinity", "-Infinity"})  # Python's json reads them; JSON has no such numbers


class _Leden(list[tuple[str, Any]]):
    """An object's members in the order sent, duplicates kept, so that they can be named."""


@dataclass(frozen=True)
class _Letterlijk:
    """A number or constant that was not turned into a value: too long, or NaN/Infinity."""

    tekst: str


def _getal(tekst: str) -> Any:
    if len(tekst) > MAX_GETAL_TEKENS:
        return _Letterlijk(tekst)
    return float(tekst) if any(teken in tekst for teken in ".eE") else int(tekst)


def _pad(ouder: str, deel: str | int) -> str:
    if isinstance(deel, int):
        return f"{ouder}[{deel}]"
    return f"{ouder}.{deel}" if ouder else deel


def _loop(waarde: Any, pad: str, diepte: int, fouten: list[InvalidParam]) -> None:
    naam = pad or "body"
    if isinstance(waarde, _Leden | list) and diepte > MAX_DIEPTE:
        fouten.append(InvalidParam(naam, "max_depth", f"Hoogstens {MAX_DIEPTE} niveaus van objecten en arrays"))
        return
    if isinstance(waarde, _Leden):
        if len(waarde) > MAX_ELEMENTEN:
            fouten.append(InvalidParam(naam, "max_items", f"Hoogstens {MAX_ELEMENTEN} velden in een object"))
        gezien: set[str] = set()
        for sleutel, lid in waarde:
            _tekst(sleutel, _pad(pad, sleutel), fouten)
            if sleutel in gezien:
                fouten.append(
                    InvalidParam(_pad(pad, sleutel), "duplicate_key", "Dit veld staat meer dan eens in het object")
                )
            gezien.add(sleutel)
            _loop(lid, _pad(pad, sleutel), diepte + 1, fouten)
    elif isinstance(waarde, list):
        if len(waarde) > MAX_ELEMENTEN:
            fouten.append(InvalidParam(naam, "max_items", f"Hoogstens {MAX_ELEMENTEN} elementen in een array"))
        for index, element in enumerate(waarde):
            _loop(element, _pad(pad, index), diepte + 1, fouten)
    elif isinstance(waarde, str):
        _tekst(waarde, naam, fouten)
    elif isinstance(waarde, _Letterlijk) and waarde.tekst in _CONSTANTEN:
        fouten.append(InvalidParam(naam, "invalid_number", f"{waarde.tekst} is geen JSON-getal"))
    elif isinstance(waarde, _Letterlijk) or (isinstance(waarde, float) and not math.isfinite(waarde)):
        fouten.append(InvalidParam(naam, "invalid_number", f"Een eindig getal van hoogstens {MAX_GETAL_TEKENS} tekens"))


def _tekst(tekst: str, naam: str, fouten: list[InvalidParam]) -> None:
    if len(tekst) > MAX_TEKST_TEKENS:
        fouten.append(InvalidParam(naam, "max_length", f"Hoogstens {MAX_TEKST_TEKENS} tekens"))
    elif not tekst.isascii():
        try:
            tekst.encode("utf-8")
        except UnicodeEncodeError:
            fouten.append(InvalidParam(naam, "character", "Een losse surrogaat (\\ud800-\\udfff) is geen tekst"))


def fouten(tekst: str) -> list[InvalidParam]:
    """What is wrong with a body, named by where it is (`client.postcode`, `gemeenten[0]`); empty if nothing."""
    try:
        waarde = json.loads(
            tekst, object_pairs_hook=_Leden, parse_int=_getal, parse_float=_getal, parse_constant=_Letterlijk
        )
    except RecursionError:
        return [InvalidParam("body", "max_depth", f"Hoogstens {MAX_DIEPTE} niveaus van objecten en arrays")]
    except json.JSONDecodeError as fout:
        reden = f"Geen geldige JSON: regel {fout.lineno}, kolom {fout.colno}"
        return [InvalidParam("body", "invalid_json", reden)]
    gevonden: list[InvalidParam] = []
    _loop(waarde, "", 1, gevonden)
    return gevonden[:_MAX_FOUTEN]
