"""API Gateway (REST, v1) as the template declares it: routes from the functions' Api events, the
REQUEST authorizer, gateway responses; each request becomes the proxy event Lambda would get."""

import json
import re
import time
import traceback
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from local import aws, template
from local.doseerder import Doseerder
from local.lambdas import Runtime

MAX_BODY = 10 * 1024 * 1024
STAGE = "local"
ACCOUNT = "123456789012"
REGION = "eu-west-1"
# Ten lowercase letters and digits, as API Gateway makes them.
API_ID = "warmdoor01"
WEB_API_ID = "warmdoorw1"
API_ARN = f"arn:aws:execute-api:{REGION}:{ACCOUNT}:{API_ID}"


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: tuple[str, ...] = ()  # Set-Cookie, one header each (they cannot be joined with commas)


# API Gateway's own status of each response type it answers with here (used when the template leaves a
# type to DEFAULT_4XX or DEFAULT_5XX).
_STATUS = {
    "UNAUTHORIZED": 401,
    "ACCESS_DENIED": 403,
    "INVALID_API_KEY": 403,
    "MISSING_AUTHENTICATION_TOKEN": 403,
    "REQUEST_TOO_LARGE": 413,
    "THROTTLED": 429,
    "AUTHORIZER_FAILURE": 500,
    "INTEGRATION_FAILURE": 504,
}


def _past(patroon: str, arn: str) -> bool:
    """IAM's wildcards in a policy resource: * is any run of characters, ? any one character."""
    regex = "".join(".*" if teken == "*" else "." if teken == "?" else re.escape(teken) for teken in patroon)
    return re.fullmatch(regex, arn, re.DOTALL) is not None


def _toegestaan(statements: list[dict[str, Any]], method_arn: str) -> bool:
    """How API Gateway reads an authorizer's policy: an explicit Deny wins, else some Allow must match."""

    def geldt(statement: dict[str, Any]) -> bool:
        resources = statement["Resource"]
        return any(_past(r, method_arn) for r in ([resources] if isinstance(resources, str) else resources))

    if any(s["Effect"] == "Deny" and geldt(s) for s in statements):
        return False
    return any(s["Effect"] == "Allow" and geldt(s) for s in statements)


def _pattern(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{([^}]+)\\\}", r"(?P<\1>[^/]+)", re.escape(path)) + "$")


def proxy_event(
    resource: str,
    params: dict[str, str],
    method: str,
    path: str,
    query: str,
    headers: dict[str, str],
    body: bytes,
    host: str,
    moment_ms: int | None = None,
) -> dict[str, Any]:
    """The REST API's proxy event for one request (before the authorizer's context is added)."""
    paren = parse_qsl(query, keep_blank_values=True)
    multi: dict[str, list[str]] = {}
    for naam, waarde in paren:
        multi.setdefault(naam, []).append(waarde)
    try:
        tekst: str | None = body.decode() if body else None
        base64 = False
    except UnicodeDecodeError:
        import base64 as b64

        tekst, base64 = b64.b64encode(body).decode(), True
    moment_ms = int(time.time() * 1000) if moment_ms is None else moment_ms
    return {
        "resource": resource,
        "path": path,
        "httpMethod": method.upper(),
        "headers": dict(headers),
        "multiValueHeaders": {naam: [waarde] for naam, waarde in headers.items()},
        "queryStringParameters": {naam: waarden[-1] for naam, waarden in multi.items()} or None,
        "multiValueQueryStringParameters": multi or None,
        "pathParameters": params or None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": resource,
            "httpMethod": method.upper(),
            "path": f"/{STAGE}{path}",
            "stage": STAGE,
            "requestId": str(uuid.uuid4()),
            "requestTime": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(moment_ms / 1000)),
            "requestTimeEpoch": moment_ms,
            "protocol": "HTTP/1.1",
            "domainName": host,
            "apiId": API_ID,
            "accountId": ACCOUNT,
            "identity": {"sourceIp": "127.0.0.1"},
        },
        "body": tekst,
        "isBase64Encoded": base64,
    }


def request_authorizer_event(event: dict[str, Any]) -> dict[str, Any]:
    """What a REQUEST authorizer gets for a proxy event: its request, and the ARN of the method called."""
    return {
        "type": "REQUEST",
        "methodArn": f"{API_ARN}/{STAGE}/{event['httpMethod']}{event['path']}",
        **{
            k: event[k]
            for k in (
                "resource",
                "path",
                "httpMethod",
                "headers",
                "multiValueHeaders",
                "queryStringParameters",
                "multiValueQueryStringParameters",
                "pathParameters",
                "stageVariables",
                "requestContext",
            )
        },
    }


def authorized(event: dict[str, Any], beleid: dict[str, Any]) -> dict[str, Any]:
    """The proxy event as the API function gets it after the authorizer allowed it: with its context."""
    context = {**beleid.get("context", {}), "principalId": beleid["principalId"]}
    return {**event, "requestContext": {**event["requestContext"], "authorizer": context}}


class Gateway:
    def __init__(self, runtime: Runtime, host: str) -> None:
        self._runtime = runtime
        self._host = host
        self._routes = [(route, _pattern(route.path)) for route in template.routes()]
        self._authorizer = template.authorizer_function()
        api = template.resources("AWS::Serverless::Api")["Api"]
        self._gateway_responses: dict[str, Any] = api["Properties"].get("GatewayResponses", {})
        plan = template.usage_plan(runtime.refs)
        self._plan = plan.name
        self._plan_id = ""
        self._apigateway: Any = None
        self.doseerder = Doseerder(plan.rate, plan.burst)

    def _gateway_response(self, soort: str, status: int | None = None, melding: str = "") -> HttpResponse:
        """The template's gateway response of this type, or its DEFAULT_4XX/5XX with the type's own status."""
        definitie = self._gateway_responses.get(soort)
        status = status or _STATUS.get(soort, 500)
        if definitie is None:
            definitie = self._gateway_responses["DEFAULT_5XX" if status >= 500 else "DEFAULT_4XX"]
        headers = {
            naam: waarde.strip("'")
            for naam, waarde in definitie.get("ResponseParameters", {}).get("Headers", {}).items()
        }
        body = (
            definitie["ResponseTemplates"]["application/json"]
            .replace("$context.requestId", str(uuid.uuid4()))
            .replace("$context.error.messageString", json.dumps(melding))
        )
        return HttpResponse(int(definitie.get("StatusCode", status)), headers, body.encode())

    def handle(self, method: str, raw_path: str, headers: dict[str, str], body: bytes) -> HttpResponse:
        path, _, query = raw_path.partition("?")
        if len(body) > MAX_BODY:
            return self._gateway_response("REQUEST_TOO_LARGE")
        gevonden = [(route, match) for route, pattern in self._routes if (match := pattern.match(path))]
        route_match = next(((r, m) for r, m in gevonden if r.method == method.upper()), None)
        if route_match is None:
            return self._gateway_response("MISSING_AUTHENTICATION_TOKEN")
        route, match = route_match
        event = proxy_event(route.path, match.groupdict(), method, path, query, headers, body, self._host)
        if route.authorized:
            beleid = self._authorize(event)
            if isinstance(beleid, HttpResponse):
                return beleid
            event = authorized(event, beleid)
            if route.api_key_required and (geweigerd := self._gebruiksplan(beleid.get("usageIdentifierKey"))):
                return geweigerd
        try:
            antwoord = self._runtime.invoke(route.function, event)
        except Exception:
            traceback.print_exc()  # where Lambda would log it
            # What API Gateway makes of a Lambda proxy integration that failed.
            return self._gateway_response("DEFAULT_5XX", status=502, melding="Internal server error")
        return self._http(antwoord)

    def _authorize(self, event: dict[str, Any]) -> dict[str, Any] | HttpResponse:
        if not any(naam.lower() == "authorization" for naam in event["headers"]):
            return self._gateway_response("UNAUTHORIZED")
        authorizer_event = request_authorizer_event(event)
        try:
            beleid = self._runtime.invoke(self._authorizer, authorizer_event)
        except Exception as fout:
            if str(fout) == "Unauthorized":
                return self._gateway_response("UNAUTHORIZED")
            return self._gateway_response("AUTHORIZER_FAILURE")
        if not _toegestaan(beleid["policyDocument"]["Statement"], authorizer_event["methodArn"]):
            return self._gateway_response("ACCESS_DENIED")
        return dict(beleid)

    def _gebruiksplan(self, waarde: str | None) -> HttpResponse | None:
        """The usage plan: a key it does not hold is refused, a key past its allowance throttled."""
        if self._apigateway is None:
            self._apigateway = aws.client("apigateway")
            plannen = self._apigateway.get_usage_plans()["items"]
            self._plan_id = next(p["id"] for p in plannen if p["name"] == self._plan)
        sleutels = self._apigateway.get_usage_plan_keys(usagePlanId=self._plan_id)["items"]
        if waarde is None or waarde not in {s["value"] for s in sleutels}:
            return self._gateway_response("INVALID_API_KEY")
        if not self.doseerder.neem(waarde):
            return self._gateway_response("THROTTLED")
        return None

    @staticmethod
    def _http(antwoord: dict[str, Any]) -> HttpResponse:
        headers = dict(antwoord.get("headers") or {})
        cookies: list[str] = []
        for naam, waarden in (antwoord.get("multiValueHeaders") or {}).items():
            if naam.lower() == "set-cookie":
                cookies.extend(str(w) for w in waarden)
            else:
                headers[naam] = ", ".join(str(w) for w in waarden)
        body = antwoord.get("body") or ""
        if antwoord.get("isBase64Encoded"):
            import base64

            return HttpResponse(int(antwoord["statusCode"]), headers, base64.b64decode(body), tuple(cookies))
        return HttpResponse(int(antwoord["statusCode"]), headers, body.encode(), tuple(cookies))

    @staticmethod
    def json(response: HttpResponse) -> Any:
        return json.loads(response.body) if response.body else None
