"""Which webhook URLs WarmDoor may call: https to a host whose every address is on the public internet.

A subscriber chooses the URL, so without this rule a webhook would let an API key make our functions
call internal services (the instance metadata at 169.254.169.254, a VPC address, localhost). The rule is
checked when a subscription is made or changed and again at every send: a name may resolve to a public
address today and to 127.0.0.1 tomorrow (DNS rebinding), so a send connects to the addresses this check
returned, never to a fresh lookup.
"""

import ipaddress
import socket
from collections.abc import Callable, Collection
from dataclasses import dataclass
from urllib.parse import urlsplit

from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer

MAX_LENGTE = 2000

# host, port -> the IP addresses a connection could go to
Resolver = Callable[[str, int], list[str]]

_STANDAARDPOORT = {"https": 443, "http": 80}
_HOSTNAAMTEKENS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


class OngeldigAdres(OngeldigeInvoer, ValueError):
    """A 400 naming the field `url`. Also a ValueError: the HTTP adapter, which may not import the domain,
    recognises a refused address by that."""

    def __init__(self, code: str, reden: str) -> None:
        super().__init__([InvalidParam("url", code, reden)])
        self.reden = reden

    def __str__(self) -> str:
        return self.reden


@dataclass(frozen=True)
class Doel:
    """What a send connects to: `adressen` are the checked IP addresses, `host` goes in the Host header
    and the TLS name check, `pad` is the path with its query."""

    url: str
    host: str
    port: int
    pad: str
    https: bool
    adressen: tuple[str, ...]


def dns(host: str, port: int) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def toegestaan(ip: str) -> bool:
    """Whether an address is on the public internet. IPv6 forms that carry an IPv4 address (mapped,
    NAT64, 6to4) are judged by that IPv4 address: ::ffff:127.0.0.1 reaches localhost."""
    adres = ipaddress.ip_address(ip)
    if isinstance(adres, ipaddress.IPv6Address):
        ingebed = adres.ipv4_mapped or adres.sixtofour or (_ipv4_achter(adres) if adres in _NAT64 else None)
        if ingebed is not None:
            return _openbaar(ingebed)
    return _openbaar(adres)


def controleer(url: str, resolver: Resolver = dns, lokaal: Collection[str] = frozenset()) -> Doel:
    """The checked target of `url`, or OngeldigAdres saying why not. `lokaal` holds exact origins
    (`http://127.0.0.1:8123`) that only the local stack and tests allow: they may be http and private,
    but must still resolve."""
    if len(url) > MAX_LENGTE:
        raise OngeldigAdres("max_length", f"De URL is langer dan {MAX_LENGTE} tekens")
    if any(not "!" <= teken <= "~" for teken in url):
        raise OngeldigAdres(
            "character",
            "De URL mag alleen zichtbare ASCII-tekens bevatten (geen spaties); "
            "schrijf een internationale domeinnaam in punycode (xn--…)",
        )
    try:
        delen = urlsplit(url)
    except ValueError as fout:  # an unclosed [ of an IPv6 address
        raise OngeldigAdres("host", "De URL heeft geen geldige hostnaam") from fout
    schema = delen.scheme.lower()
    if schema not in _STANDAARDPOORT:
        raise OngeldigAdres("https", "De URL moet https zijn")
    if "@" in delen.netloc:
        raise OngeldigAdres("userinfo", "De URL mag geen gebruikersnaam of wachtwoord bevatten")
    try:
        poort = delen.port
    except ValueError:  # not a number, or above 65535
        poort = 0
    if poort is None:
        poort = _STANDAARDPOORT[schema]
    if not 1 <= poort <= 65535:
        raise OngeldigAdres("port", "De poort moet een getal van 1 tot en met 65535 zijn")
    host, ip = _host(delen.hostname or "")
    oorsprong = f"{schema}://{f'[{host}]' if ':' in host else host}:{poort}"
    is_lokaal = oorsprong in {o.lower().rstrip("/") for o in lokaal}
    if schema != "https" and not is_lokaal:
        raise OngeldigAdres("https", "De URL moet https zijn")

    adressen = [ip] if ip else _opzoeken(host, poort, resolver)
    if not is_lokaal:
        for adres in adressen:
            if not toegestaan(adres):
                raise OngeldigAdres("internal_address", f"De URL verwijst naar een intern adres ({adres})")
    pad = (delen.path or "/") + (f"?{delen.query}" if delen.query else "")
    return Doel(url, host, poort, pad, schema == "https", tuple(dict.fromkeys(adressen)))


def _host(naam: str) -> tuple[str, str | None]:
    """The host as it goes in the Host header, and the address when it is an IP literal. IPv4 is read the
    way inet_aton reads it (2130706433, 0x7f.1 and 0177.0.0.1 are all 127.0.0.1), as clients do."""
    ongeldig = OngeldigAdres("host", "De URL heeft geen geldige hostnaam")
    if ":" in naam:
        try:
            v6 = ipaddress.IPv6Address(naam)
        except ValueError as fout:
            raise ongeldig from fout
        if v6.scope_id:
            raise ongeldig
        return str(v6), str(v6)
    labels = naam.removesuffix(".").split(".")
    if any(not 1 <= len(label) <= 63 or not _HOSTNAAMTEKENS.issuperset(label) for label in labels):
        raise ongeldig
    try:
        v4 = str(ipaddress.IPv4Address(socket.inet_aton(naam.removesuffix("."))))
    except OSError:
        return naam, None
    return v4, v4


def _opzoeken(host: str, poort: int, resolver: Resolver) -> list[str]:
    try:
        adressen = resolver(host, poort)
    except (OSError, UnicodeError) as fout:
        raise OngeldigAdres("unresolvable", f"De hostnaam {host} kan niet worden opgezocht") from fout
    if not adressen:
        raise OngeldigAdres("unresolvable", f"De hostnaam {host} kan niet worden opgezocht")
    return adressen


def _ipv4_achter(adres: ipaddress.IPv6Address) -> ipaddress.IPv4Address:
    return ipaddress.IPv4Address(int(adres) & 0xFFFFFFFF)


def _openbaar(adres: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    # is_global alone lets multicast through, and the IPv4-compatible ::a.b.c.d forms (reserved ::/8)
    return adres.is_global and not adres.is_multicast and not adres.is_reserved
