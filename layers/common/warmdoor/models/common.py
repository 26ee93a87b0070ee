"""Value types shared by requests, entities and stored items, validated and normalised the Dutch way."""

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

# Printable text: tabs and newlines are fine in free text, other control characters (NUL!) are not.
_PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
_SINGLE_LINE = r"^[^\x00-\x1f\x7f]*$"


class StrictModel(BaseModel):
    """Unknown fields are invalid input (contract: 'Unknown JSON fields are invalid input')."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Naam = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=_SINGLE_LINE)]
Kort = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40, pattern=_SINGLE_LINE)]
Identificatie = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
Toelichting = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000, pattern=_PRINTABLE)
]
Gemeentecode = Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")]
Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, max_length=254, pattern=r"^[^@\s\x00-\x1f]+@[^@\s\x00-\x1f]+\.[A-Za-z]{2,}$"
    ),
]

_POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")


def _postcode(value: str) -> str:
    match = _POSTCODE.match(value.strip().upper())
    # SA, SD and SS are never issued as postcode letters in the Netherlands.
    if not match or match.group(2) in {"SA", "SD", "SS"}:
        raise PydanticCustomError("pattern", "Geen geldige Nederlandse postcode (1234 AB)")
    return match.group(1) + match.group(2)


Postcode = Annotated[
    str,
    StringConstraints(max_length=10),
    AfterValidator(_postcode),
    Field(examples=["4331 AB"], description="Dutch postcode; stored as 4331AB"),
]


def _telefoonnummer(value: str) -> str:
    import phonenumbers  # a large import only the routes with phone numbers need

    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise PydanticCustomError("phone_number", "Geen geldig telefoonnummer")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


Telefoonnummer = Annotated[
    str,
    StringConstraints(max_length=30, pattern=r"^[0-9+() -]+$"),
    AfterValidator(_telefoonnummer),
    Field(examples=["06 12345678"], description="Phone number; Dutch numbers without country code; stored E.164"),
]


def is_mobiel(e164: str) -> bool:
    import phonenumbers

    number = phonenumbers.parse(e164)
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def _bedrag(value: str) -> str:
    try:
        amount = Decimal(value)
    except InvalidOperation:
        amount = Decimal(0)
    if amount <= 0:
        raise PydanticCustomError("minimum", "Het bedrag moet groter zijn dan 0")
    return f"{amount:.2f}"


Bedrag = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{1,9}(\.[0-9]{1,2})?$"),
    AfterValidator(_bedrag),
    Field(examples=["123.45"], description="Amount in euro as a decimal string, at most 2 decimals"),
]
