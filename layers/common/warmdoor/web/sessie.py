"""Who is signed in: the user pool's ID token, from an HttpOnly cookie, verified on every request
(signature against the pool's JWKS, issuer, audience, token_use, expiry), and what it makes of them."""

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from warmdoor.models.entities import Principal

# Some seconds of difference between Cognito's clock and Lambda's.
SPELING = 30
# A key the cached JWKS does not have is looked up again at most this often (the pool rotated its keys).
JWKS_OPNIEUW = 300


class OngeldigToken(Exception):
    """Not a token of this pool and client, or no longer valid: the person signs in (again)."""


class GeenToegang(Exception):
    """A valid token of someone with no role (or several): no pages for them."""


@dataclass(frozen=True)
class Pool:
    region: str
    pool_id: str
    client_id: str
    # Where the pool's public keys are; in AWS derived from the issuer, locally the emulation's.
    jwks_url: str

    @property
    def issuer(self) -> str:
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.pool_id}"

    @classmethod
    def van(cls, region: str, pool_id: str, client_id: str, endpoint: str | None) -> "Pool":
        basis = endpoint.rstrip("/") if endpoint else f"https://cognito-idp.{region}.amazonaws.com"
        return cls(region, pool_id, client_id, f"{basis}/{pool_id}/.well-known/jwks.json")


class Sleutelbos:
    """The pool's JWKS, fetched at first use and kept; fetched again for an unknown key id, but not more
    often than JWKS_OPNIEUW (a forged kid must not make every request fetch)."""

    def __init__(self, pool: Pool) -> None:
        self._pool = pool
        self._sleutels: dict[str, Any] | None = None
        self._opgehaald = 0.0

    def _ophalen(self) -> dict[str, Any]:
        import urllib.request

        with urllib.request.urlopen(self._pool.jwks_url, timeout=3) as antwoord:  # noqa: S310 - fixed https URL
            sleutels: dict[str, Any] = json.load(antwoord)
        self._opgehaald = time.monotonic()
        return sleutels

    def voor(self, kid: str) -> dict[str, Any]:
        if self._sleutels is None or (
            kid not in _kids(self._sleutels) and time.monotonic() - self._opgehaald > JWKS_OPNIEUW
        ):
            self._sleutels = self._ophalen()
        return self._sleutels


def _kids(jwks: dict[str, Any]) -> set[str]:
    return {str(k.get("kid")) for k in jwks.get("keys", [])}


def verifieer(token: str, pool: Pool, sleutelbos: Sleutelbos, nu: float | None = None) -> dict[str, Any]:
    """The ID token's claims, or OngeldigToken. Expiry is judged by real time, as Cognito issued it (the
    local stack's movable clock is the domain's, not the token issuer's)."""
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    try:
        sleutels = KeySet.import_key_set(sleutelbos.voor(_kid(token)))  # type: ignore[arg-type]
        gelezen = jwt.decode(token, sleutels, algorithms=["RS256"])
        claims = dict(gelezen.claims)
        moment = int(time.time() if nu is None else nu)
        jwt.JWTClaimsRegistry(
            now=moment,
            leeway=SPELING,
            iss={"essential": True, "value": pool.issuer},
            aud={"essential": True, "value": pool.client_id},
            token_use={"essential": True, "value": "id"},
            exp={"essential": True},
            sub={"essential": True},
        ).validate(claims)
    except (JoseError, ValueError, KeyError, TypeError, OSError) as fout:
        raise OngeldigToken(type(fout).__name__) from fout
    return claims


def _kid(token: str) -> str:
    """The key id in the token's header (read before its signature is checked, only to find the key)."""
    import base64

    kop = token.split(".", 1)[0]
    gegevens: dict[str, Any] = json.loads(base64.urlsafe_b64decode(kop + "=" * (-len(kop) % 4)))
    return str(gegevens.get("kid"))


def principal(claims: dict[str, Any]) -> "Principal":
    """The role of the person the token names, from exactly one role group: `organisatie-<id>` (a caseworker;
    `coordinator` as well for a coordinator), `schuldeiser-<id>` (a creditor's staff member) or `beheer`."""
    from warmdoor.models.entities import Medewerker, Principal
    from warmdoor.models.enums import Rol
    from warmdoor.models.gebruikers import BEHEERGROEP, COORDINATORGROEP, ORGANISATIEGROEP, SCHULDEISERGROEP

    groepen = [str(g) for g in claims.get("cognito:groups", [])]
    rollen = [
        *((Rol.ORGANISATIE, g.removeprefix(ORGANISATIEGROEP)) for g in groepen if g.startswith(ORGANISATIEGROEP)),
        *((Rol.SCHULDEISER, g.removeprefix(SCHULDEISERGROEP)) for g in groepen if g.startswith(SCHULDEISERGROEP)),
        *((Rol.BEHEER, "") for g in groepen if g == BEHEERGROEP),
    ]
    if len(rollen) != 1:
        raise GeenToegang("geen of meer dan één rol")
    rol, bij = rollen[0]
    if rol != Rol.BEHEER and not bij:
        raise GeenToegang("een groep zonder organisatie of schuldeiser")
    medewerker = Medewerker(
        sub=str(claims["sub"]),
        gebruikersnaam=str(claims.get("cognito:username") or claims["sub"]),
        naam=claims.get("name") or None,
    )
    return Principal(
        sleutelId=f"medewerker:{medewerker.sub}",
        rol=rol,
        organisatieId=bij if rol == Rol.ORGANISATIE else None,
        schuldeiserId=bij if rol == Rol.SCHULDEISER else None,
        medewerker=medewerker,
        coordinator=rol == Rol.ORGANISATIE and COORDINATORGROEP in groepen,
    )


def sessie_id(claims: dict[str, Any]) -> str:
    """What stays the same for one sign-in across refreshes (Cognito's origin_jti), to bind forms to it."""
    return str(claims.get("origin_jti") or claims["sub"])
