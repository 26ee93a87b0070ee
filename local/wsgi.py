"""The local API Gateway as a WSGI application, for the HTTP server of `make run` and for schemathesis."""

import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from local.gateway import Gateway, HttpResponse

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Extra = Callable[[str, str, dict[str, str], bytes], HttpResponse | None]


def _log_pad(environ: dict[str, Any]) -> str:
    """The path for the access log, with anything unprintable percent-encoded again: a decoded %0d%0a in a
    URL would otherwise start a forged log line."""
    pad = environ.get("PATH_INFO", "/").encode("latin-1", "replace")  # WSGI decodes the raw bytes as latin-1
    return quote(pad, safe="/-._~!$&'()*+,;=:@%")


def application(
    gateway: Gateway, extra: Extra | None = None, access_log: bool = False
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """`extra` answers paths of the local stack itself (/_local/...) before the gateway sees them."""

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        lengte = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(lengte) if lengte else b""
        path = environ.get("PATH_INFO", "/")
        if environ.get("QUERY_STRING"):
            path += "?" + environ["QUERY_STRING"]
        method = environ["REQUEST_METHOD"]
        headers = {
            naam[5:].replace("_", "-").title(): waarde for naam, waarde in environ.items() if naam.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        begin = time.monotonic()
        antwoord = (extra(method, path, headers, body) if extra else None) or gateway.handle(
            method, path, headers, body
        )
        if access_log:
            duur = (time.monotonic() - begin) * 1000
            print(f"{method} {_log_pad(environ)} -> {antwoord.status} ({duur:.0f} ms)", flush=True)
        start_response(
            f"{antwoord.status} {HTTPStatus(antwoord.status).phrase}",
            [
                *antwoord.headers.items(),
                *(("Set-Cookie", cookie) for cookie in antwoord.cookies),
                ("Content-Length", str(len(antwoord.body))),
            ],
        )
        return [antwoord.body]

    return app
