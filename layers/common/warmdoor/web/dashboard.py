"""What the pilot dashboard does (the routes are in dashboardpaginas.py): the report of the API for a
period, each role over its own, as figures, charts with their tables, and CSV. Imported at the dashboard's
first request: the charting library is for this page alone."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from aws_lambda_powertools.event_handler import Response

from warmdoor.domain import rapportage
from warmdoor.domain.errors import OngeldigeInvoer
from warmdoor.models.enums import Rol
from warmdoor.models.responses import Cijfers, Rapport
from warmdoor.presentation import grafieken
from warmdoor.presentation.rapport import als_csv, rapport
from warmdoor.tijd import vandaag
from warmdoor.web.formulier import Fouten
from warmdoor.web.omgeving import Aanvraag, Sessie
from warmdoor.web.pagina import pagina

WEKEN = 12  # the period shown first: this week and the eleven before it

# The domain's messages about a period, as the form says them.
_MELDINGEN = {
    "minimum": "De einddatum ligt voor de begindatum.",
    "maximum": "Kies een periode van hoogstens drie jaar.",
}


@dataclass(frozen=True)
class Periode:
    vanaf: date
    tot: date


def standaard(dag: date) -> Periode:
    maandag = dag - timedelta(days=dag.weekday())
    return Periode(maandag - timedelta(weeks=WEKEN - 1), dag)


def _datum(waarde: str) -> date | None:
    """A date as a Dutch person types it (27-11-2026, 27/11/2026) or as a link carries it (2026-11-27)."""
    gevonden = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", waarde.strip())
    try:
        if gevonden:
            dag, maand, jaar = map(int, gevonden.groups())
            return date(jaar, maand, dag)
        return date.fromisoformat(waarde.strip())
    except ValueError:
        return None


def _periode(a: Aanvraag) -> tuple[Periode, dict[str, str], Fouten]:
    """The period asked (or the default), the fields' values, and a message beside each that is no date.
    A date field is plain text: Chromium's own date field follows the browser's language, not the page's."""
    eerst = standaard(vandaag(a.web.diensten.klok.now()))
    getypt = {
        "vanaf": a.event.get_query_string_value("vanaf") or eerst.vanaf.isoformat(),
        "tot": a.event.get_query_string_value("tot") or eerst.tot.isoformat(),
    }
    datums = {veld: _datum(waarde) for veld, waarde in getypt.items()}
    invoer = {veld: d.strftime("%d-%m-%Y") if d else getypt[veld] for veld, d in datums.items()}
    fouten = {veld: "Vul een datum in, zoals 27-11-2026." for veld, d in datums.items() if d is None}
    return Periode(datums["vanaf"] or eerst.vanaf, datums["tot"] or eerst.tot), invoer, fouten


def _rapport(a: Aanvraag) -> tuple[Sessie, Periode, dict[str, str], Rapport | None, Fouten]:
    sessie = a.sessie(Rol.BEHEER, Rol.ORGANISATIE, Rol.SCHULDEISER)
    periode, invoer, fouten = _periode(a)
    if fouten:
        return sessie, periode, invoer, None, fouten
    try:
        gemaakt = rapportage.doorverwijzingen_rapport(
            a.web.diensten.context, sessie.principal, periode.vanaf, periode.tot
        )
    except OngeldigeInvoer as fout:
        return sessie, periode, invoer, None, {p.name: _MELDINGEN.get(p.code, p.reason) for p in fout.params}
    return sessie, periode, invoer, rapport(sessie.principal, gemaakt), {}


def _cijfertabellen(r: Rapport) -> list[tuple[str, str, str, list[tuple[str, Cijfers]]]]:
    """The report's figures: the whole period, then per organisation and per creditor where there are any."""
    totaal: list[tuple[str, Cijfers]] = [("Totaal", r)]
    tabellen = [("cijfers-totaal", "Alle doorverwijzingen in de periode", "Periode", totaal)]
    for id, bijschrift, kop, groepen in (
        ("cijfers-organisaties", "Per organisatie", "Organisatie", r.perOrganisatie),
        ("cijfers-schuldeisers", "Per schuldeiser", "Schuldeiser", r.perSchuldeiser),
    ):
        if groepen:
            tabellen.append((id, bijschrift, kop, [(g.naam, g) for g in groepen]))
    return tabellen


def dashboard(a: Aanvraag) -> Response[str]:
    sessie, periode, invoer, r, fouten = _rapport(a)
    schuldeiser = sessie.principal.rol == Rol.SCHULDEISER
    return pagina(
        a,
        sessie,
        "dashboard.html",
        400 if fouten else 200,
        titel="Dashboard",
        invoer=invoer,
        fouten=fouten,
        periode=periode,
        rapport=r,
        cijfertabellen=_cijfertabellen(r) if r else [],
        grafieken=grafieken.grafieken(r, schuldeiser) if r else [],
        doel=rapportage.DOEL_BINNEN_TERMIJN,
        getal=grafieken.getal,
        procent=grafieken.procent,
    )


def csv(a: Aanvraag) -> Response[str]:
    """The same numbers as the API's CSV (one formula-safe writer); a bad period gets the page with its errors."""
    _, periode, _, r, fouten = _rapport(a)
    if r is None or fouten:
        return dashboard(a)
    naam = f"warmdoor-dashboard-{periode.vanaf.isoformat()}-{periode.tot.isoformat()}.csv"
    return Response(
        200,
        "text/csv; charset=utf-8",
        als_csv(r),
        {"Content-Disposition": f'attachment; filename="{naam}"', "Cache-Control": "no-store"},
    )
