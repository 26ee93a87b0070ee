"""Accounts in the emulated user pool, as the operator's invitation makes them, and the pool's keys for
in-process moto (which answers boto3, not the urllib the pages fetch their JWKS with)."""

import contextlib
import gzip
import json
from pathlib import Path
from typing import Any

import boto3
import moto.cognitoidp

from warmdoor.web import sessie

WACHTWOORD = "Tijdelijk-wachtwoord-1!"
NIEUW = "Mijn-eigen-wachtwoord-2!"
_MOTO = Path(moto.cognitoidp.__file__).parent / "resources"


def moto_bestand(naam: str) -> Any:
    with gzip.open(_MOTO / naam) as bestand:
        return json.loads(bestand.read())


def jwks_van_moto() -> None:
    """Every pool's public keys, from moto's own file (moto signs every pool's tokens with one key)."""
    sleutels = moto_bestand("jwks-public.json.gz")
    sessie.Sleutelbos._ophalen = lambda self: sleutels  # type: ignore[method-assign]


def gebruiker(pool: str, email: str, *groepen: str, client: Any = None) -> str:
    """An account with a temporary password, in these groups (made where missing)."""
    c = client or boto3.client("cognito-idp")
    c.admin_create_user(
        UserPoolId=pool,
        Username=email,
        TemporaryPassword=WACHTWOORD,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )
    for groep in groepen:
        with contextlib.suppress(c.exceptions.GroupExistsException):
            c.create_group(UserPoolId=pool, GroupName=groep)
        c.admin_add_user_to_group(UserPoolId=pool, Username=email, GroupName=groep)
    return email


def medewerker(
    pool: str, email: str, organisatie: str | None = "walcheren", coordinator: bool = False, client: Any = None
) -> str:
    """A caseworker with a temporary password, in the organisation's group (and the coordinators')."""
    groepen = [*([f"organisatie-{organisatie}"] if organisatie else []), *(["coordinator"] if coordinator else [])]
    return gebruiker(pool, email, *groepen, client=client)
