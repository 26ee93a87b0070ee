import os
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

os.environ.update(
    {
        "AWS_DEFAULT_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
    }
)
os.environ.pop("AWS_ENDPOINT_URL", None)
os.environ.pop("AWS_PROFILE", None)

# 2026-11-27 10:00 in Amsterdam: a Friday.
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def aanmelding(
    referentie: str = "EVD-2026-000123", *, toestemming_op: str | None = None, **overrides: Any
) -> dict[str, Any]:
    """A valid warm referral as the water company's CRM would send it: consent given at 09:30 on the day of
    START, or at `toestemming_op` (consent may be at most 14 days old when the referral comes in)."""
    body: dict[str, Any] = {
        "schuldeiserReferentie": referentie,
        "toestemming": {
            "verleend": True,
            "tijdstip": "2026-11-27T09:30:00+01:00",
            "kanaal": "telefoon",
            "smsBevestiging": True,
        },
        "client": {
            "voorletters": "J.",
            "voornaam": "Jan",
            "voorvoegsel": "van",
            "achternaam": "Dijk",
            "geboortedatum": "1980-05-01",
            "telefoonnummer": "06 12345678",
            "email": "jan@example.nl",
        },
        "adres": {
            "straatnaam": "Lange Delft",
            "huisnummer": 12,
            "huisnummertoevoeging": "A",
            "postcode": "4331 AB",
            "plaatsnaam": "Middelburg",
        },
        "achterstand": {"bedrag": "123.45", "ontstaansdatum": "2026-09-01"},
        "toelichting": "Liefst 's ochtends bellen",
    }
    if toestemming_op is not None:
        body["toestemming"]["tijdstip"] = toestemming_op
    body.update(overrides)
    return body


ORGANISATIE_WALCHEREN = {
    "naam": "Schuldhulp Walcheren",
    "email": "intake@walcheren.example",
    "escalatieEmail": "coordinator@walcheren.example",
    "smsNummers": ["06 11111111"],
    "gemeenten": [
        {"code": "GM0687", "naam": "Middelburg", "postcodegebieden": ["4330-4339"]},
        {"code": "GM0718", "naam": "Vlissingen", "postcodegebieden": ["4380-4389"]},
    ],
}
ORGANISATIE_ROTTERDAM = {
    "naam": "Kredietbank Rotterdam",
    "email": "intake@rotterdam.example",
    "gemeenten": [{"code": "GM0599", "naam": "Rotterdam", "postcodegebieden": ["3000-3099"]}],
}


@pytest.fixture
def aws() -> Iterator[None]:
    from moto import mock_aws

    with mock_aws():
        yield


@pytest.fixture
def stack(aws: None) -> Any:
    from tests.support.stack import build_stack

    return build_stack(START)


@pytest.fixture
def pilot(stack: Any) -> Any:
    """Two organisations, two creditors, and a key for every role."""
    from warmdoor.models.enums import Rol

    beheer = stack.caller(stack.register_key(Rol.BEHEER))
    assert beheer.put("/v1/organisaties/walcheren", ORGANISATIE_WALCHEREN).status == 201
    assert beheer.put("/v1/organisaties/rotterdam", ORGANISATIE_ROTTERDAM).status == 201
    for schuldeiser_id, naam in (("evides", "Evides Waterbedrijf"), ("oasen", "Oasen")):
        antwoord = beheer.put(
            f"/v1/schuldeisers/{schuldeiser_id}",
            {"naam": naam, "type": "water", "email": f"incasso@{schuldeiser_id}.example"},
        )
        assert antwoord.status == 201
    stack.callers = {
        "beheer": beheer,
        "evides": stack.caller(stack.register_key(Rol.SCHULDEISER, schuldeiser_id="evides")),
        "oasen": stack.caller(stack.register_key(Rol.SCHULDEISER, schuldeiser_id="oasen")),
        "walcheren": stack.caller(stack.register_key(Rol.ORGANISATIE, organisatie_id="walcheren")),
        "rotterdam": stack.caller(stack.register_key(Rol.ORGANISATIE, organisatie_id="rotterdam")),
        "anoniem": stack.caller(None),
    }
    return stack


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names the test resolves itself (there is no DNS here): add `naam: [addresses]`; others resolve as usual."""
    import socket

    namen: dict[str, list[str]] = {"ontvanger.example.nl": ["93.184.215.14"]}
    echt = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host in namen:
            return [
                (socket.AF_INET6 if ":" in ip else socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port or 0))
                for ip in namen[host]
            ]
        return echt(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return namen
