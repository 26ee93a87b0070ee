"""The dashboard's charts, from the report as the API gives it (so the same numbers, and a creditor sees no
more): each a text summary, a data table and an SVG drawn on the server with leather.

The SVG goes inline in the page, whose CSP allows no inline style or script: leather draws with
presentation attributes only (fill, stroke, font-size), which CSP does not govern. A chart never relies on
colour alone: one colour per chart, and the target is a dashed line named in the legend and beside it."""

import itertools
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import leather  # type: ignore[import-untyped]
from leather import theme
from leather.shapes import Shape  # type: ignore[import-untyped]
from markupsafe import Markup

from warmdoor.domain.rapportage import DOEL_BINNEN_TERMIJN
from warmdoor.models.enums import Eindresultaat, Terugkoppelingsuitkomst
from warmdoor.models.responses import Cijfers, Rapport, Weekcijfers
from warmdoor.presentation import labels

# leather is styled by its theme module's settings (its documented way); set once, for contrast (WCAG 1.4.3
# and 1.4.11) and the pages' font. Its defaults are light grey text on near-white.
KLEUR = "#01689b"  # the bars
DOELKLEUR = "#a90061"  # the target line: dashed as well, so not told apart by colour alone
_LETTER = "system-ui, sans-serif"
for _naam, _waarde in {
    "background_color": "#ffffff",
    "title_color": "#1a1a1a",
    "legend_color": "#1a1a1a",
    "axis_title_color": "#1a1a1a",
    "label_color": "#1a1a1a",
    "tick_color": "#d0d0d0",
    "zero_color": "#1a1a1a",
    "title_font_family": _LETTER,
    "legend_font_family": _LETTER,
    "axis_title_font_family": _LETTER,
    "tick_font_family": _LETTER,
    "default_series_colors": [KLEUR],
}.items():
    setattr(theme, _naam, _waarde)

BREEDTE = 720
LABELRUIMTE = 600  # about the width of the columns' area: the week labels under it must not overlap
MAX_LABELTEKST = 34  # a longer category is cut short in the chart (the table has it whole)


@dataclass(frozen=True)
class Grafiek:
    id: str  # the figure's id, and the prefix of the ids inside its SVG
    titel: str
    samenvatting: str
    kop: tuple[str, ...]  # the data table's column headers; each row's first cell heads the row
    rijen: list[tuple[str, ...]]
    svg: Markup | None  # None when there is nothing to draw


# --- numbers as a Dutch reader reads them ------------------------------------------------------------


def getal(waarde: float | int | None) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, int):
        return str(waarde)
    return f"{waarde:.1f}".replace(".", ",")


def procent(waarde: float | None) -> str:
    return "–" if waarde is None else f"{getal(waarde)}%"


def weeknaam(w: Weekcijfers) -> str:
    return f"week {int(w.week.split('-W')[1])}"


def weekrij(w: Weekcijfers) -> str:
    """A week as a table's row names it: with its days, so weeks of different years are told apart."""
    return f"{weeknaam(w)} ({w.vanaf:%d-%m} t/m {w.tot:%d-%m-%Y})"


# --- drawing ---------------------------------------------------------------------------------------


class _Doellijn(Shape):  # type: ignore[misc]
    """A dashed line across the chart at the target, named in the legend."""

    def __init__(self, doel: float, liggend: bool) -> None:
        self._doel = doel
        self._liggend = liggend

    def validate_series(self, series: Any) -> None:
        """Drawn at a value of its own, whatever the series."""

    def to_svg(self, width: float, height: float, x_scale: Any, y_scale: Any, series: Any, palette: Any) -> ET.Element:
        groep = ET.Element("g", {"class": "wd-doellijn"})
        if self._liggend:
            x = x_scale.project(self._doel, 0, width)
            punten = (x, 0, x, height)
        else:
            y = y_scale.project(self._doel, height, 0)
            punten = (0, y, width, y)
        lijn = dict(zip(("x1", "y1", "x2", "y2"), map(str, punten), strict=True))
        groep.append(ET.Element("line", {**lijn, **_streep()}))
        return groep

    def legend_to_svg(self, series: Any, palette: Any) -> list[tuple[ET.Element, float]]:
        groep = ET.Element("g")
        groep.append(ET.Element("line", {"x1": "0", "y1": "-5", "x2": "24", "y2": "-5", **_streep()}))
        tekst = ET.SubElement(groep, "text", {"x": "30", "y": "0", "fill": theme.legend_color, **_letter(14)})
        tekst.text = f"Doel: {getal(self._doel)}%"
        return [(groep, 30 + (len(tekst.text) + 4) * theme.legend_font_char_width)]


def _streep() -> dict[str, str]:
    return {"stroke": DOELKLEUR, "stroke-width": "3", "stroke-dasharray": "8 5"}


def _letter(grootte: int) -> dict[str, str]:
    return {"font-family": _LETTER, "font-size": str(grootte)}


def _schaal(maximum: float) -> tuple[int, list[int]]:
    """A round top for the value axis and about five whole-numbered ticks up to it."""
    stappen = (s * 10**macht for macht in itertools.count() for s in (1, 2, 5))
    stap = next(s for s in stappen if s * 5 >= maximum)
    top = max(stap, stap * math.ceil(maximum / stap))
    return top, list(range(0, top + 1, stap))


def tekening(
    id: str,
    naam: str,
    punten: Sequence[tuple[str, float | int | None]],
    reeks: str,
    doel: float | None = None,
    liggend: bool = False,
    procenten: bool = False,
) -> Markup | None:
    """Columns (one per label, left to right) or, `liggend`, bars (top to bottom); a value None is drawn as
    nothing. `naam` is the SVG's accessible name; the SVG is a picture, the table beside it the numbers."""
    if all(waarde is None for _, waarde in punten):
        return None
    gegevens = [(label, None if waarde is None else Decimal(str(waarde))) for label, waarde in punten]
    hoogste = max([float(w) for _, w in gegevens if w is not None] + [doel or 0])
    top, ticks = (100, list(range(0, 101, 20))) if procenten else _schaal(hoogste)
    opmaak = (lambda v, i, n: f"{v}%") if procenten else (lambda v, i, n: str(v))
    grafiek = leather.Chart()
    rijen: list[tuple[object, object]]
    if liggend:
        # leather draws bars from the bottom up: reversed, the first is on top.
        rijen = [(waarde, label) for label, waarde in reversed(gegevens)]
        vorm = leather.Bars()
        grafiek.set_x_scale(leather.Linear(0, top))
        grafiek.add_x_axis(ticks=ticks, tick_formatter=opmaak)
        hoogte = 120 + 36 * len(gegevens)
    else:
        rijen = list(gegevens)
        vorm = leather.Columns()
        grafiek.set_y_scale(leather.Linear(0, top))
        grafiek.add_y_axis(ticks=ticks, tick_formatter=opmaak)
        weken = [label for label, _ in gegevens]
        # Every week, or every other (third, ...) where their labels would not fit side by side.
        past = LABELRUIMTE // ((max(map(len, weken)) + 2) * theme.tick_font_char_width)
        grafiek.add_x_axis(ticks=weken[:: math.ceil(len(weken) / past)], name="Week")
        hoogte = 320
    grafiek.add_series(leather.Series(rijen, name=reeks), vorm)
    if doel is not None:
        grafiek.add_series(leather.Series(rijen, name="doel"), _Doellijn(doel, liggend))
    svg = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {BREEDTE} {hoogte}",
            "width": str(BREEDTE),
            "height": str(hoogte),
            "class": "wd-grafiek",
            "role": "img",
            "aria-labelledby": f"{id}-naam",
            "focusable": "false",
        },
    )
    ET.SubElement(svg, "title", {"id": f"{id}-naam"}).text = naam
    svg.append(_afgerond(grafiek.to_svg_group(BREEDTE, hoogte)))
    return Markup(ET.tostring(svg, encoding="unicode"))  # noqa: S704 (ElementTree escapes every text)


_MATEN = ("x", "y", "x1", "y1", "x2", "y2", "width", "height")


def _afgerond(element: ET.Element) -> ET.Element:
    """leather computes in Decimal, 28 digits a coordinate: a tenth of a pixel is plenty."""
    for deel in element.iter():
        for naam in _MATEN:
            if naam in deel.attrib:
                deel.set(naam, f"{float(deel.attrib[naam]):.1f}".removesuffix(".0"))
    return element


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= MAX_LABELTEKST else tekst[: MAX_LABELTEKST - 1].rstrip() + "…"


def _labels(namen: Sequence[str]) -> list[str]:
    """Short labels, each its own: leather draws equal labels as one bar, so a label that two names share
    gets its number in the list."""
    korte = [_kort(n) for n in namen]
    return [f"{k} ({i})" if korte.count(k) > 1 else k for i, k in enumerate(korte, start=1)]


# --- the dashboard's charts ------------------------------------------------------------------------


def _week_as(rapport: Rapport) -> list[str]:
    """The weeks' labels on the axis: their numbers, or where a period of over a year repeats a number,
    their ISO names (the chart places a label by its text)."""
    nummers = [weeknaam(w).removeprefix("week ") for w in rapport.perWeek]
    return nummers if len(set(nummers)) == len(nummers) else [w.week for w in rapport.perWeek]


def _beoordeeld(c: Cijfers) -> int:
    return c.aantal - c.nogBinnenTermijn


def _weekgrafiek(
    rapport: Rapport,
    id: str,
    naam: str,
    samenvatting: str,
    kop: str,
    as_naam: str,
    waarde: Callable[[Weekcijfers], float | None],
    getekend: bool = True,
) -> Grafiek:
    """A chart of one figure per week of the period, with its table; `getekend` False: only the table."""
    weken = rapport.perWeek
    return Grafiek(
        id,
        naam,
        samenvatting,
        ("Week", kop),
        [(weekrij(w), getal(waarde(w))) for w in weken],
        tekening(id, f"{naam}. {samenvatting}", list(zip(_week_as(rapport), map(waarde, weken), strict=True)), as_naam)
        if getekend
        else None,
    )


def per_week(rapport: Rapport) -> Grafiek:
    weken = rapport.perWeek
    naam = "Doorverwijzingen per week"
    drukste = max(weken, key=lambda w: w.aantal, default=None)
    if not rapport.aantal or drukste is None:
        samenvatting = "In deze periode zijn geen doorverwijzingen aangemeld."
    else:
        samenvatting = (
            f"In deze periode {'is' if rapport.aantal == 1 else 'zijn'} {rapport.aantal} "
            f"{'doorverwijzing' if rapport.aantal == 1 else 'doorverwijzingen'} aangemeld, de meeste in "
            f"{weeknaam(drukste)} ({drukste.aantal})."
        )
    return _weekgrafiek(
        rapport, "per-week", naam, samenvatting, "Aangemeld", "Aangemeld", lambda w: w.aantal, bool(rapport.aantal)
    )


def _termijn_rij(naam: str, c: Cijfers) -> tuple[str, ...]:
    return (
        naam,
        getal(c.aantal),
        getal(c.gecontacteerdBinnenTermijn),
        getal(c.nogBinnenTermijn),
        procent(c.percentageBinnenTermijn),
    )


_TERMIJN_KOP = ("Aangemeld", "Binnen de termijn bereikt", "Nog binnen de termijn", "Binnen de termijn (%)")


def binnen_termijn_per_week(rapport: Rapport, doel: float = DOEL_BINNEN_TERMIJN) -> Grafiek:
    weken = rapport.perWeek
    naam = "Binnen de termijn bereikt, per week"
    beoordeeld = [w for w in weken if w.percentageBinnenTermijn is not None]
    if not beoordeeld:
        samenvatting = f"Er is in deze periode nog niets te beoordelen. Het doel is {getal(doel)}%."
    else:
        laatste = beoordeeld[-1]
        gehaald = sum((w.percentageBinnenTermijn or 0) >= doel for w in beoordeeld)
        samenvatting = (
            f"In {weeknaam(laatste)} werd {procent(laatste.percentageBinnenTermijn)} binnen de termijn bereikt; "
            f"het doel is {getal(doel)}%."
        )
        if len(beoordeeld) > 1:
            samenvatting += (
                f" {gehaald} van de {len(beoordeeld)} beoordeelde weken {'haalde' if gehaald == 1 else 'haalden'} "
                "het doel."
            )
    punten = list(zip(_week_as(rapport), [w.percentageBinnenTermijn for w in weken], strict=True))
    return Grafiek(
        "binnen-termijn-per-week",
        naam,
        samenvatting,
        ("Week", *_TERMIJN_KOP),
        [_termijn_rij(weekrij(w), w) for w in weken],
        tekening(
            "binnen-termijn-per-week",
            f"{naam}. {samenvatting}",
            punten,
            "Binnen de termijn bereikt",
            doel,
            procenten=True,
        ),
    )


def binnen_termijn_per_organisatie(rapport: Rapport, doel: float = DOEL_BINNEN_TERMIJN) -> Grafiek:
    organisaties = rapport.perOrganisatie
    naam = "Binnen de termijn bereikt, per organisatie"
    beoordeeld = [o for o in organisaties if o.percentageBinnenTermijn is not None]
    if not beoordeeld:
        samenvatting = f"Er is in deze periode nog niets te beoordelen. Het doel is {getal(doel)}%."
    else:
        gehaald = [o for o in beoordeeld if (o.percentageBinnenTermijn or 0) >= doel]
        laagst = min(beoordeeld, key=lambda o: o.percentageBinnenTermijn or 0)
        if len(beoordeeld) == 1:
            samenvatting = (
                f"{laagst.naam} bereikte {procent(laagst.percentageBinnenTermijn)} binnen de termijn; "
                f"het doel is {getal(doel)}%."
            )
        else:
            samenvatting = (
                f"{len(gehaald)} van de {len(beoordeeld)} organisaties {'haalde' if len(gehaald) == 1 else 'haalden'} "
                f"het doel van {getal(doel)}% binnen de termijn bereikt; het laagst was {laagst.naam} "
                f"({procent(laagst.percentageBinnenTermijn)})."
            )
    punten = list(
        zip(_labels([o.naam for o in organisaties]), [o.percentageBinnenTermijn for o in organisaties], strict=True)
    )
    return Grafiek(
        "binnen-termijn-per-organisatie",
        naam,
        samenvatting,
        ("Organisatie", *_TERMIJN_KOP),
        [_termijn_rij(o.naam, o) for o in organisaties],
        tekening(
            "binnen-termijn-per-organisatie",
            f"{naam}. {samenvatting}",
            punten,
            "Binnen de termijn bereikt",
            doel,
            liggend=True,
            procenten=True,
        ),
    )


def uren_tot_contact(rapport: Rapport) -> Grafiek:
    naam = "Mediane uren tot het eerste contact, per week"
    if rapport.medianeUrenTotContact is None:
        samenvatting = "In deze periode is nog niemand bereikt."
    else:
        mediaan = getal(rapport.medianeUrenTotContact)
        samenvatting = f"Over de hele periode duurde het tot het eerste contact mediaan {mediaan} uur."
    return _weekgrafiek(
        rapport,
        "uren-tot-contact",
        naam,
        samenvatting,
        "Mediane uren tot eerste contact",
        "Mediane uren",
        lambda w: w.medianeUrenTotContact,
    )


def _uitkomstnaam(code: str, schuldeiser: bool) -> str:
    if schuldeiser:
        return labels.TERUGKOPPELING[Terugkoppelingsuitkomst(code)]
    return labels.EINDRESULTAAT[Eindresultaat(code)]


def eindresultaten(rapport: Rapport, schuldeiser: bool) -> Grafiek:
    """Per final result; a creditor's report holds the feedback it may see instead, and so does this."""
    naam = "Eindresultaten" if not schuldeiser else "Terugkoppeling"
    uitkomsten = sorted(rapport.perEindresultaat.items(), key=lambda u: (-u[1], u[0]))
    totaal = sum(rapport.perEindresultaat.values())
    if not uitkomsten:
        samenvatting = "In deze periode is nog geen eindresultaat vastgelegd."
    else:
        code, aantal = uitkomsten[0]
        samenvatting = (
            f"Van {totaal} afgeronde {'doorverwijzing' if totaal == 1 else 'doorverwijzingen'} kwam het vaakst "
            f"voor: {_uitkomstnaam(code, schuldeiser)} ({aantal})."
        )
    return Grafiek(
        "eindresultaten",
        f"{naam} per categorie",
        samenvatting,
        ("Terugkoppeling" if schuldeiser else "Eindresultaat", "Aantal"),
        [(_uitkomstnaam(c, schuldeiser), getal(a)) for c, a in uitkomsten],
        tekening(
            "eindresultaten",
            f"{naam} per categorie. {samenvatting}",
            [(_kort(_uitkomstnaam(c, schuldeiser)), a) for c, a in uitkomsten],
            "Aantal",
            liggend=True,
        )
        if uitkomsten
        else None,
    )


def escalaties_per_week(rapport: Rapport) -> Grafiek:
    naam = "Escalaties per week"
    samenvatting = (
        f"In deze periode verstreek bij {rapport.contactTermijnVerlopen} "
        f"{'doorverwijzing' if rapport.contactTermijnVerlopen == 1 else 'doorverwijzingen'} de contacttermijn "
        "zonder contact en werd de coördinator gewaarschuwd (geteld in de week van aanmelding)."
    )
    return _weekgrafiek(
        rapport,
        "escalaties-per-week",
        naam,
        samenvatting,
        "Escalaties",
        "Escalaties",
        lambda w: w.contactTermijnVerlopen,
        bool(rapport.aantal),
    )


def grafieken(rapport: Rapport, schuldeiser: bool) -> list[Grafiek]:
    return [
        per_week(rapport),
        binnen_termijn_per_week(rapport),
        binnen_termijn_per_organisatie(rapport),
        uren_tot_contact(rapport),
        eindresultaten(rapport, schuldeiser),
        escalaties_per_week(rapport),
    ]
