"""Value types shared by requests, entities and stored items, validated and normalised the Dutch way."""

import re
import unicodedata
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from warmdoor.tijd import lokaal

# What text may hold, decided per Unicode general category rather than by listing bad characters:
# letters, marks, numbers, punctuation, symbols and ordinary spaces. Refused everywhere: control
# characters (Cc), format characters (Cf: bidirectional overrides, zero-width characters), line and
# paragraph separators (Zl, Zp), private-use, surrogate and unassigned code points. Such characters
# hide or reorder what a caseworker reads, and break e-mail headers and CSV files.
_TEKST = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No"}
    | {"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs"}
)
# Free text (notes) may also hold paragraphs and tabs.
_ALINEA = frozenset("\n\r\t")
_SOORTEN = {"Cc": "stuurteken", "Cf": "onzichtbaar opmaakteken", "Zl": "regelscheiding", "Zp": "alineascheiding"}


def _tekens(toegestaan_extra: frozenset[str]) -> AfterValidator:
    def controleer(value: str) -> str:
        for teken in value:
            if teken not in toegestaan_extra and unicodedata.category(teken) not in _TEKST:
                soort = _SOORTEN.get(unicodedata.category(teken), "geen tekst")
                raise PydanticCustomError(
                    "character",
                    "Het teken U+{code} ({soort}) mag hier niet",
                    {"code": f"{ord(teken):04X}", "soort": soort},
                )
        return value

    return AfterValidator(controleer)


_EEN_REGEL = _tekens(frozenset())
_VRIJE_TEKST = _tekens(_ALINEA)


class StrictModel(BaseModel):
    """Unknown fields are invalid input (contract: 'Unknown JSON fields are invalid input')."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _regel(max_length: int) -> tuple[StringConstraints, AfterValidator, Any]:
    """One line of text (a name, a reference, a reason)."""
    return (
        StringConstraints(strip_whitespace=True, min_length=1, max_length=max_length),
        _EEN_REGEL,
        Field(description=f"Eén regel tekst, hoogstens {max_length} tekens, zonder stuur- of opmaaktekens"),
    )


Naam = Annotated[str, *_regel(200)]
Kort = Annotated[str, *_regel(40)]
Voorletters = Annotated[str, *_regel(20)]
Referentie = Annotated[str, *_regel(100)]
Reden = Annotated[str, *_regel(500)]
Identificatie = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")]
Toelichting = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    _VRIJE_TEKST,
    Field(
        description="Vrije tekst, hoogstens 2000 tekens; regeleinden en tabs mogen, andere stuur- of opmaaktekens niet"
    ),
]
Gemeentecode = Annotated[str, StringConstraints(pattern=r"^GM[0-9]{4}$")]


# An address SES and every mail system accept: RFC 5321 dot-atom local part, LDH domain labels (ASCII;
# internationalised domains in their xn-- form).
def _domein_klein(adres: str) -> str:
    """Domains are case-insensitive, so Example.NL is example.nl; the local part may not be, so it stays."""
    lokaal_deel, _, domein = adres.rpartition("@")
    return f"{lokaal_deel}@{domein.lower()}"


Email = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        max_length=254,
        pattern=r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
        r"@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$",
    ),
    AfterValidator(_domein_klein),
]


def _tijdstip(moment: datetime) -> datetime:
    # Year 1 or 9999 with an offset has no Dutch local time (and lies far outside any referral).
    if not 1900 <= moment.year <= 2999:
        raise PydanticCustomError("range", "Het tijdstip ligt buiten de jaren 1900-2999")
    return lokaal(moment)


# An instant with its offset, kept in Dutch local time: 08:30Z and 09:30+01:00 are the same value.
Tijdstip = Annotated[AwareDatetime, AfterValidator(_tijdstip)]
# A house-number addition as the BAG writes it (a and A are the same addition).
Huisnummertoevoeging = Annotated[
    str, StringConstraints(strip_whitespace=True, to_upper=True, min_length=1, max_length=4, pattern=r"^[A-Za-z0-9]+$")
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
