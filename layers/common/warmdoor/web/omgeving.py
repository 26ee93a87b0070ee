"""What the pages work with, built once per function instance: the domain's Diensten, the templates, the
static files with their content hashes, the user pool and its keys."""

import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from aws_lambda_powertools.event_handler.api_gateway import Router
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from warmdoor.presentation import labels, opmaak
from warmdoor.web import csrf
from warmdoor.web.http import (
    CSRF_COOKIE,
    ID_COOKIE,
    TOEGANG_COOKIE,
    VERVERS_COOKIE,
    VERVERS_DUUR,
    Verzoek,
    formulier,
    van_elders,
)
from warmdoor.web.inloggen import Geweigerd, Inloggen, Tokens
from warmdoor.web.sessie import GeenToegang, OngeldigToken, Pool, Sleutelbos, principal, sessie_id, verifieer

if TYPE_CHECKING:
    from warmdoor.models.entities import Principal
    from warmdoor.models.enums import Rol
    from warmdoor.wiring import Diensten

# Static files are named by their content (name.<hash>.css), so browsers may keep them a year.
STATISCH_CACHE = "public, max-age=31536000, immutable"
INHOUDSTYPEN = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


# Where a request finds its Web and its Verzoek in the resolver's context (the handler puts them there).
WEB, VERZOEK = "web", "verzoek"


def web_van(router: Router) -> "Web":
    web: Web = router.context[WEB]
    return web


def verzoek_van(router: Router) -> Verzoek:
    verzoek: Verzoek = router.context[VERZOEK]
    return verzoek


@dataclass(frozen=True)
class Aanvraag:
    """One request to the pages, as a page's code sees it."""

    web: "Web"
    verzoek: Verzoek
    event: Any  # Powertools' APIGatewayProxyEvent

    @classmethod
    def van(cls, router: Router) -> "Aanvraag":
        return cls(web_van(router), verzoek_van(router), router.current_event)

    def sessie(self, rol: "Rol", *rollen: "Rol") -> "Sessie":
        """The person signed in, if a page for their role: NietVoorU for anyone else."""
        sessie = self.web.sessie(self.verzoek)
        if sessie.principal.rol not in (rol, *rollen):
            raise NietVoorU
        return sessie

    def formulier(self, rol: "Rol", *rollen: "Rol") -> tuple["Sessie", dict[str, str]]:
        """A posted form's fields, if from this site and with this session's token: else FormulierVerlopen."""
        sessie = self.sessie(rol, *rollen)
        velden = formulier(self.event.decoded_body)
        if van_elders(self.verzoek, self.web.basis_url(self.verzoek.event)) or not self.web.geldig_formulier(
            self.verzoek, sessie, velden.get("csrf")
        ):
            raise FormulierVerlopen
        return sessie, velden


class NietIngelogd(Exception):
    """No valid session: the person signs in, and comes back where they were."""


class NietVoorU(Exception):
    """A page for another role (a creditor's staff member on an operator's page): 403."""


class FormulierVerlopen(Exception):
    """A form from another site, or with another session's token."""


# Each role's menu; its first page is where the role starts (and lands after signing in, without a page to
# go back to).
MENU = {
    "organisatie": [
        ("/werkvoorraad", "Werkvoorraad"),
        ("/dashboard", "Dashboard"),
        ("/organisatie", "Mijn organisatie"),
    ],
    "schuldeiser": [
        ("/mijn-doorverwijzingen", "Mijn doorverwijzingen"),
        ("/aanmelden", "Aanmelden"),
        ("/dashboard", "Dashboard"),
    ],
    "beheer": [
        ("/beheer/organisaties", "Organisaties"),
        ("/beheer/schuldeisers", "Schuldeisers"),
        ("/beheer/sleutels", "API-sleutels"),
        ("/beheer/gebruikers", "Gebruikers"),
        ("/beheer/audit", "Audittrail"),
        ("/dashboard", "Dashboard"),
    ],
}
STARTPAGINA = {rol: menu[0][0] for rol, menu in MENU.items()}


@dataclass(frozen=True)
class Bestand:
    naam: str  # as the pages link it: with its hash
    inhoud: bytes
    type: str


@dataclass(frozen=True)
class Sessie:
    principal: "Principal"
    sessie_id: str  # one sign-in, across refreshes
    csrf: str  # the token every form of this session carries


class Web:
    def __init__(self, diensten: "Diensten", map: Path) -> None:
        self.diensten = diensten
        self._map = map

    @cached_property
    def jinja(self) -> Environment:
        omgeving = Environment(
            loader=FileSystemLoader(self._map / "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        omgeving.filters.update(opmaak.FILTERS)
        omgeving.globals.update(static=self.static_url, labels=labels, menu=MENU)
        return omgeving

    def render(self, template: str, verzoek: Verzoek, **context: Any) -> str:
        """`p` in the templates: the pages' path prefix, in front of every link and form action; `pad`: this
        page's path (without it), for the menu's current item."""
        return self.jinja.get_template(template).render(p=verzoek.prefix, pad=verzoek.event.get("path", ""), **context)

    @cached_property
    def statisch(self) -> dict[str, Bestand]:
        """Every file under static/, by the name the pages link (with its content hash)."""
        bestanden = {}
        for pad in sorted((self._map / "static").iterdir()):
            inhoud = pad.read_bytes()
            naam = f"{pad.stem}.{hashlib.sha256(inhoud).hexdigest()[:12]}{pad.suffix}"
            bestanden[naam] = Bestand(naam, inhoud, INHOUDSTYPEN.get(pad.suffix, "application/octet-stream"))
        return bestanden

    def static_url(self, bron: str) -> str:
        stam, _, extensie = bron.rpartition(".")
        naam = next(n for n in self.statisch if n.startswith(f"{stam}.") and n.endswith(f".{extensie}"))
        return f"/static/{naam}"

    # --- sign-in ------------------------------------------------------------------------------

    @cached_property
    def pool(self) -> Pool:
        s = self.diensten.settings
        regio = os.environ.get("AWS_REGION", "eu-west-1")
        return Pool.van(regio, s.gebruikerspool_id, s.gebruikerspool_client_id, os.environ.get("AWS_ENDPOINT_URL"))

    @cached_property
    def sleutelbos(self) -> Sleutelbos:
        return Sleutelbos(self.pool)

    @cached_property
    def inloggen(self) -> Inloggen:
        return Inloggen(self.diensten.clients("cognito-idp"), self.pool.client_id)

    def verzoek(self, event: dict[str, Any]) -> Verzoek:
        basis = self.basis_url(event)
        return Verzoek(event, veilig=basis.startswith("https://"), prefix=urlsplit(basis).path.rstrip("/"))

    def basis_url(self, event: dict[str, Any]) -> str:
        """The pages' own base URL (WebBaseUrl), or the one this request came in on."""
        ingesteld = self.diensten.settings.web_base_url
        if ingesteld:
            return ingesteld.rstrip("/")
        headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
        context = event.get("requestContext") or {}
        host = headers.get("host") or context.get("domainName", "localhost")
        schema = headers.get("x-forwarded-proto", "https")
        stage = context.get("stage", "")
        pad = f"/{stage}" if ".execute-api." in host and stage else ""
        return f"{schema}://{host}{pad}"

    def sessie_zetten(self, verzoek: Verzoek, tokens: Tokens) -> None:
        verzoek.cookie(ID_COOKIE, tokens.id, max_age=VERVERS_DUUR)
        verzoek.cookie(TOEGANG_COOKIE, tokens.toegang, max_age=VERVERS_DUUR)
        if tokens.ververs:
            verzoek.cookie(VERVERS_COOKIE, tokens.ververs, max_age=VERVERS_DUUR, streng=True)

    def csrf_geheim(self, verzoek: Verzoek) -> str:
        """The browser's CSRF secret; made (and set) when it has none yet."""
        geheim = verzoek.cookies.get(CSRF_COOKIE)
        if not geheim:
            geheim = csrf.nieuw_geheim()
            verzoek.cookie(CSRF_COOKIE, geheim, streng=True)
        return geheim

    def sessie(self, verzoek: Verzoek) -> Sessie:
        """The person signed in, from a verified ID token; an expired one is renewed with the refresh token.
        NietIngelogd without a valid session; GeenToegang for a person without a role."""
        cookies = verzoek.cookies
        token = cookies.get(ID_COOKIE)
        if not token:
            raise NietIngelogd
        try:
            claims = verifieer(token, self.pool, self.sleutelbos)
        except OngeldigToken:
            ververs = cookies.get(VERVERS_COOKIE)
            if not ververs:
                raise NietIngelogd from None
            try:
                tokens = self.inloggen.verversen(ververs)
                claims = verifieer(tokens.id, self.pool, self.sleutelbos)
            except (Geweigerd, OngeldigToken):
                raise NietIngelogd from None
            self.sessie_zetten(verzoek, Tokens(tokens.id, tokens.toegang, None))
        wie = principal(claims)
        sid = sessie_id(claims)
        return Sessie(wie, sid, csrf.token(self.csrf_geheim(verzoek), sid))

    def geldig_formulier(self, verzoek: Verzoek, sessie: Sessie | None, gegeven: str | None) -> bool:
        """The form's token belongs to this browser's secret and this sign-in (or to the sign-in forms)."""
        geheim = verzoek.cookies.get(CSRF_COOKIE)
        return csrf.geldig(geheim, sessie.sessie_id if sessie else csrf.ZONDER_SESSIE, gegeven)


__all__ = ["Bestand", "FormulierVerlopen", "GeenToegang", "NietIngelogd", "NietVoorU", "Sessie", "Web"]
