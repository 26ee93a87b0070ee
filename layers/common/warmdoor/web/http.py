"""HTTP for the pages: cookies, forms, security headers, redirects. One place for what every page sends."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

from aws_lambda_powertools.event_handler import Response
from aws_lambda_powertools.shared.cookies import Cookie, SameSite

# The session's cookies. `__Host-` would pin them to the host, but needs Secure, which a local http://
# stack cannot set; the names say what they hold instead.
ID_COOKIE = "wd_id"
TOEGANG_COOKIE = "wd_toegang"
VERVERS_COOKIE = "wd_ververs"
CSRF_COOKIE = "wd_csrf"
UITDAGING_COOKIE = "wd_uitdaging"
SESSIE_COOKIES = (ID_COOKIE, TOEGANG_COOKIE, VERVERS_COOKIE)
VERVERS_DUUR = 12 * 3600  # the pool client's refresh token validity (template.yaml)
MAX_FORMULIER = 64 * 1024

# No inline script or style at all; the pages load only their own CSS (and one small script).
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
BEVEILIGING = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass
class Verzoek:
    """One request's state that outlives a route: cookies to set on whatever response it ends with."""

    event: dict[str, Any]
    veilig: bool  # https: cookies get Secure
    # The path the pages live under: "/<stage>" on API Gateway's own URL, "" on a domain of their own.
    prefix: str = ""
    nieuwe_cookies: list[Cookie] = field(default_factory=list)

    @property
    def cookies(self) -> dict[str, str]:
        return lees_cookies(self.event.get("headers") or {})

    def header(self, naam: str) -> str | None:
        for sleutel, waarde in (self.event.get("headers") or {}).items():
            if sleutel.lower() == naam.lower():
                return str(waarde)
        return None

    def cookie(self, naam: str, waarde: str, max_age: int | None = None, pad: str = "/", streng: bool = False) -> None:
        self.nieuwe_cookies.append(
            Cookie(
                name=naam,
                value=waarde,
                path=(self.prefix + pad).rstrip("/") or "/",
                secure=self.veilig,
                http_only=True,
                max_age=max_age,
                same_site=SameSite.STRICT_MODE if streng else SameSite.LAX_MODE,
            )
        )

    def wis(self, naam: str, pad: str = "/") -> None:
        self.cookie(naam, "", max_age=0, pad=pad)


def lees_cookies(headers: Mapping[str, str]) -> dict[str, str]:
    waarde = next((v for k, v in headers.items() if k.lower() == "cookie"), "")
    koek: SimpleCookie = SimpleCookie()
    try:
        koek.load(waarde)
    except CookieError:
        return {}
    return {naam: morsel.value for naam, morsel in koek.items()}


def formulier(body: str | None) -> dict[str, str]:
    """An url-encoded form, each field's last value; a form that is too large counts as empty."""
    if not body or len(body) > MAX_FORMULIER:
        return {}
    return {naam: waarden[-1] for naam, waarden in parse_qs(body, keep_blank_values=True).items()}


def html(body: str, status: int = 200) -> Response[str]:
    # Pages hold personal data: no cache anywhere keeps them.
    return Response(status, "text/html; charset=utf-8", body, {"Cache-Control": "no-store"})


def doorsturen(naar: str) -> Response[str]:
    """POST-redirect-GET (303), and every other redirect of the pages."""
    return Response(303, "text/plain; charset=utf-8", "", {"Location": naar, "Cache-Control": "no-store"})


def lokaal_pad(pad: str | None, standaard: str = "/") -> str:
    """Only a path on this site is followed after sign-in (no open redirect to another site)."""
    if not pad or not pad.startswith("/") or pad.startswith("//") or "\\" in pad:
        return standaard
    delen = urlsplit(pad)
    if delen.scheme or delen.netloc:
        return standaard
    return pad


def van_elders(verzoek: Verzoek, basis: str) -> bool:
    """A form posted from another site: the browser says so (Sec-Fetch-Site) or its Origin is not ours."""
    if (verzoek.header("sec-fetch-site") or "same-origin") not in ("same-origin", "none"):
        return True
    origin = verzoek.header("origin")
    if origin and origin != "null":
        eigen = urlsplit(basis)
        return urlsplit(origin)._replace(path="").geturl() != f"{eigen.scheme}://{eigen.netloc}"
    return False


def met_cookies_en_koppen(antwoord: dict[str, Any], verzoek: Verzoek | None) -> dict[str, Any]:
    """The security headers on every response, and the request's cookies added to whatever it returns."""
    meer = antwoord.setdefault("multiValueHeaders", {})
    if verzoek and verzoek.prefix:
        # The routes redirect to paths of the pages; under a stage, the browser needs the stage in front.
        for kop in (meer, antwoord.get("headers") or {}):
            locatie = kop.get("Location")
            if isinstance(locatie, list):
                kop["Location"] = [verzoek.prefix + w if w.startswith("/") else w for w in locatie]
            elif isinstance(locatie, str) and locatie.startswith("/"):
                kop["Location"] = verzoek.prefix + locatie
    for naam, waarde in BEVEILIGING.items():
        meer.setdefault(naam, [waarde])
    if not any(naam.lower() == "cache-control" for naam in [*meer, *(antwoord.get("headers") or {})]):
        meer["Cache-Control"] = ["no-store"]
    if verzoek and verzoek.nieuwe_cookies:
        meer.setdefault("Set-Cookie", []).extend(str(c) for c in verzoek.nieuwe_cookies)
    return antwoord
