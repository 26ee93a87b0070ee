"""The web function: the caseworkers' pages (warmdoor/web), server-rendered from the templates beside this
file, on the same domain as the API. Errors become Dutch pages with a way on, in one place."""

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.domain.errors import DomainError, NietGevonden, Verboden
from warmdoor.web import beheerpaginas, dashboardpaginas, http, inlogpaginas, schuldeiserpaginas, werkpaginas
from warmdoor.web.http import Verzoek
from warmdoor.web.omgeving import STATISCH_CACHE, VERZOEK, WEB, FormulierVerlopen, NietIngelogd, NietVoorU, Web
from warmdoor.web.sessie import GeenToegang
from warmdoor.wiring import Diensten, PerFunctie

logger = Logger(service="warmdoor-web")
# The domain's business metrics (a referral registered, a contact made) count from the pages too.
metrics = Metrics(service="warmdoor-web")
diensten = PerFunctie()
app = APIGatewayRestResolver()
app.include_router(inlogpaginas.router)
app.include_router(werkpaginas.router)
app.include_router(schuldeiserpaginas.router)
app.include_router(beheerpaginas.router)
app.include_router(dashboardpaginas.router)


@lru_cache(maxsize=1)
def _web_voor(d: Diensten) -> Web:
    return Web(d, Path(__file__).parent)


def web() -> Web:
    """One per function instance, with its Diensten (the local stack hands each instance its own)."""
    return _web_voor(diensten())


def _verzoek() -> Verzoek:
    verzoek: Verzoek = app.context[VERZOEK]
    return verzoek


def _foutpagina(
    status: int, titel: str, uitleg: str, verder: str = "Naar de startpagina", **extra: Any
) -> Response[str]:
    body = web().render(
        "fout.html",
        _verzoek(),
        titel=titel,
        uitleg=uitleg,
        verder=verder,
        verder_url="/",
        sessie=None,
        csrf="",
        kenmerk=extra.get("kenmerk"),
    )
    return http.html(body, status)


@app.get("/static/<bestand>")
def statisch(bestand: str) -> Response[str]:
    gevonden = web().statisch.get(bestand)
    if gevonden is None:
        return _foutpagina(404, "Niet gevonden", "Dit bestand bestaat niet (meer).")
    return Response(200, gevonden.type, gevonden.inhoud.decode(), {"Cache-Control": STATISCH_CACHE})


@app.exception_handler(NietIngelogd)
def niet_ingelogd(_: NietIngelogd) -> Response[str]:
    # Back to this page after signing in (the path holds no personal data: a referral's id at most).
    event = app.current_event
    terug = event.path if event.http_method == "GET" else "/"
    return http.doorsturen(f"/inloggen?terug={quote(terug, safe='/')}")


@app.exception_handler(GeenToegang)
def geen_toegang(_: GeenToegang) -> Response[str]:
    return _foutpagina(
        403,
        "Geen toegang",
        "Uw account hoort (nog) niet bij een organisatie of schuldeiser. Vraag de beheerder van WarmDoor om "
        "uw account aan uw organisatie te koppelen.",
        "Inloggen met een ander account",
    )


@app.exception_handler(NietVoorU)
def niet_voor_u(_: NietVoorU) -> Response[str]:
    return _foutpagina(403, "Geen toegang", "Deze pagina is niet voor uw account.")


@app.exception_handler(FormulierVerlopen)
def formulier_verlopen(_: FormulierVerlopen) -> Response[str]:
    return _foutpagina(
        403,
        "Formulier verlopen",
        "We hebben dit formulier niet verwerkt: het kwam niet van deze pagina, of u bent intussen opnieuw "
        "ingelogd. Laad de pagina opnieuw en probeer het nog eens.",
    )


@app.exception_handler(DomainError)
def domeinfout(fout: DomainError) -> Response[str]:
    match fout:
        case NietGevonden():
            # Another organisation's referral is "not found", exactly like one that does not exist.
            return _foutpagina(
                404, "Niet gevonden", "Deze doorverwijzing bestaat niet, of hoort niet bij uw organisatie."
            )
        case Verboden():
            return _foutpagina(403, "Dit mag niet", str(fout))
    return _foutpagina(409, "Dat kan niet", str(fout))


@app.not_found
def niet_gevonden(_: Exception) -> Response[str]:
    return _foutpagina(404, "Niet gevonden", "Deze pagina bestaat niet.")


@app.exception_handler(Exception)
def fout(fout: Exception) -> Response[str]:
    # Only the kind of error: messages of validation errors can hold what was typed, personal data included.
    logger.error("onverwachte fout", extra={"fout": type(fout).__name__})
    kenmerk = app.current_event.request_context.request_id
    return _foutpagina(
        500,
        "Er ging iets mis",
        "Uw wijziging is misschien niet opgeslagen. Kijk op de pagina of het gelukt is en probeer het anders nog eens.",
        kenmerk=kenmerk,
    )


@metrics.log_metrics
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    omgeving = web()
    verzoek = omgeving.verzoek(event)
    app.append_context(**{WEB: omgeving, VERZOEK: verzoek})  # type: ignore[no-untyped-call]
    antwoord = app.resolve(event, context)
    logger.info(
        "request",
        extra={"method": event.get("httpMethod"), "resource": event.get("resource"), "status": antwoord["statusCode"]},
    )
    return http.met_cookies_en_koppen(antwoord, verzoek)
