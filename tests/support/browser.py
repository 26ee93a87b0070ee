"""A browser without a screen for the pages on the in-process stack: a cookie jar, redirects followed,
forms read from the HTML (their hidden CSRF token included)."""

import re
from dataclasses import dataclass, field
from html import unescape
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from local.gateway import Gateway, HttpResponse


@dataclass
class Pagina:
    status: int
    pad: str
    headers: dict[str, str]
    html: str
    cookies: tuple[str, ...] = ()

    def tekst(self) -> str:
        """The visible text, whitespace folded (what a person reads)."""
        zonder = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", self.html, flags=re.S)
        return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", zonder))).strip()

    def csrf(self) -> str:
        gevonden = re.search(r'name="csrf" value="([^"]*)"', self.html)
        assert gevonden, "no form with a CSRF token on this page"
        return gevonden.group(1)

    def links(self) -> list[str]:
        return re.findall(r'href="([^"]+)"', self.html)


@dataclass
class Browser:
    gateway: Gateway
    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    def _cookie_header(self) -> dict[str, str]:
        if not self.cookies:
            return {}
        return {"Cookie": "; ".join(f"{naam}={waarde}" for naam, waarde in self.cookies.items())}

    def _bewaar(self, antwoord: HttpResponse) -> None:
        for regel in antwoord.cookies:
            koek: SimpleCookie = SimpleCookie()
            koek.load(regel)
            for naam, morsel in koek.items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(naam, None)
                else:
                    self.cookies[naam] = morsel.value

    def verzoek(self, methode: str, pad: str, velden: dict[str, str] | None = None, volgen: bool = True) -> Pagina:
        body = urlencode(velden or {}).encode() if methode == "POST" else b""
        headers = {"Host": "web.warmdoor.test", **self.headers, **self._cookie_header()}
        if methode == "POST":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        antwoord = self.gateway.handle(methode, pad, headers, body)
        self._bewaar(antwoord)
        pagina = Pagina(antwoord.status, pad, antwoord.headers, antwoord.body.decode(), antwoord.cookies)
        if volgen and antwoord.status in (301, 302, 303) and "Location" in antwoord.headers:
            return self.verzoek("GET", antwoord.headers["Location"].split("#")[0])
        return pagina

    def get(self, pad: str, volgen: bool = True) -> Pagina:
        return self.verzoek("GET", pad, volgen=volgen)

    def post(self, pad: str, velden: dict[str, str], volgen: bool = True) -> Pagina:
        return self.verzoek("POST", pad, velden, volgen)

    def formulier(self, pagina: Pagina, actie: str, velden: dict[str, str], volgen: bool = True) -> Pagina:
        """Fills in and sends a form of the page, with the page's own CSRF token."""
        return self.post(actie, {"csrf": pagina.csrf(), **velden}, volgen)

    def inloggen(self, email: str, wachtwoord: str, terug: str = "/werkvoorraad") -> Pagina:
        pagina = self.get(f"/inloggen?terug={terug}")
        return self.formulier(pagina, "/inloggen", {"email": email, "wachtwoord": wachtwoord, "terug": terug})
