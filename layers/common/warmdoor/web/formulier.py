"""The referral page's forms as the API's own requests: the same models and domain rules, with each error
beside its field, in Dutch, and what was typed kept."""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer
from warmdoor.presentation.validatie import van_validatie
from warmdoor.tijd import AMSTERDAM

M = TypeVar("M", bound=BaseModel)
Fouten = dict[str, str]

# A field of the API's request as the form names it (the form asks date and time apart).
_VELD = {"tijdstip": "datum"}
# Dutch for the codes pydantic's messages leave in English.
_MELDINGEN = {
    "enum": "Kies een van de mogelijkheden.",
    "literal_error": "Kies een van de mogelijkheden.",
    "int_parsing": "Vul een heel getal in.",
    "int_type": "Vul een heel getal in.",
    "greater_than_equal": "Het getal is te klein.",
    "less_than_equal": "Het getal is te groot.",
    "bool_type": "Kies ja of nee.",
    "bool_parsing": "Kies ja of nee.",
    "datetime_from_date_parsing": "Vul een datum en tijd in.",
    "datetime_parsing": "Vul een datum en tijd in.",
    "date_parsing": "Vul een datum in.",
    "date_from_datetime_parsing": "Vul een datum in.",
    "required": "Dit veld is verplicht.",
}


def fouten_van(params: Sequence[InvalidParam]) -> Fouten:
    fouten: Fouten = {}
    for p in params:
        veld = _VELD.get(p.name, p.name)
        fouten.setdefault(veld, _MELDINGEN.get(p.code, p.reason.rstrip(".") + "."))
    return fouten


def lees(model: type[M], invoer: dict[str, Any]) -> M:
    """The request from the form's fields, or OngeldigeInvoer naming each field (as the API does)."""
    try:
        return model.model_validate(invoer)
    except ValidationError as fout:
        raise OngeldigeInvoer(van_validatie([dict(e) for e in fout.errors()])) from None


def tijdstip(datum: str, tijd: str, nu: datetime) -> str | None:
    """A date and a time typed in the Netherlands, as an ISO moment (None when not a date and time).

    The form asks hours and minutes: a time stands for its whole minute, and is taken at the latest moment
    of that minute that has passed. So the defaults (now) are never in the future, nor before a referral
    that came in earlier in the same minute."""
    try:
        moment = datetime.fromisoformat(f"{datum.strip()}T{tijd.strip()}").replace(second=0, microsecond=0)
    except ValueError:
        return None
    moment = moment.replace(tzinfo=AMSTERDAM)
    return max(moment, min(moment + timedelta(seconds=59), nu.astimezone(AMSTERDAM))).isoformat()


def tekst(waarde: str | None) -> str | None:
    waarde = (waarde or "").strip()
    return waarde or None


T = TypeVar("T")


def poging(actie: Callable[[], T]) -> tuple[T | None, Fouten]:
    """Runs the domain's change; bad input becomes the fields' messages instead of an error page."""
    try:
        return actie(), {}
    except OngeldigeInvoer as fout:
        return None, fouten_van(fout.params)
