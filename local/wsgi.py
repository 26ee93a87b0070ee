"""The local API Gateway as a WSGI application, for the HTTP server of `make run` and for schemathesis."""

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from local.gateway import Gateway, HttpResponse

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Extra = Callable[[str, str, bytes], HttpResponse | None]


def application(
    gateway: Gateway, extra: Extra | None = None
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
            naam[5:].replace("_", "-").title(): waarde
            for naam, waarde in environ.items()
            if naam.startswith("HTTP_")
        }
        if environ.get("CONTENT_TYPE"):
            headers["Content-Type"] = environ["CONTENT_TYPE"]
        antwoord = (extra(method, path, body) if extra else None) or gateway.handle(
            method, path, headers, body
        )
        start_response(
            f"{antwoord.status} {HTTPStatus(antwoord.status).phrase}",
            [*antwoord.headers.items(), ("Content-Length", str(len(antwoord.body)))],
        )
        return [antwoord.body]

    return app
