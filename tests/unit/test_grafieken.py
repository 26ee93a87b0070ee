"""The dashboard's charts as SVG: a bar for each number and of its size, the target as a dashed line at its
value, a name for assistive technology, nothing the pages' CSP would block; and their summaries."""

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import Any

import pytest

from warmdoor.models.responses import Rapport, Uitsplitsing, Weekcijfers
from warmdoor.presentation import grafieken as g

SVG = "{http://www.w3.org/2000/svg}"


def boom(svg: str | None) -> ET.Element:
    assert svg is not None
    return ET.fromstring(svg)  # noqa: S314 (our own output)


def staven(svg: ET.Element) -> list[ET.Element]:
    return [r for r in svg.iter(f"{SVG}rect") if r.get("fill") == g.KLEUR and r.get("width") != "10"]


def doellijnen(svg: ET.Element) -> tuple[ET.Element, ET.Element]:
    """The target line in the chart, and its sample in the legend."""
    in_grafiek = [lijn for groep in svg.iter(f"{SVG}g") if groep.get("class") == "wd-doellijn" for lijn in groep]
    alle = [lijn for lijn in svg.iter(f"{SVG}line") if lijn.get("stroke") == g.DOELKLEUR]
    assert len(in_grafiek) == 1 and len(alle) == 2
    return in_grafiek[0], next(lijn for lijn in alle if lijn is not in_grafiek[0])


def tick(svg: ET.Element, tekst: str) -> float:
    """The position of the value axis' tick labelled `tekst`."""
    for groep in svg.iter(f"{SVG}g"):
        label = groep.find(f"{SVG}text")
        if groep.get("class") == "tick" and label is not None and label.text == tekst:
            lijn = groep.find(f"{SVG}line")
            assert lijn is not None
            return float(lijn.get("y1") or 0) if lijn.get("y1") == lijn.get("y2") else float(lijn.get("x1") or 0)
    raise AssertionError(f"no tick {tekst}")


def test_a_column_for_each_number_as_tall_as_its_number():
    svg = boom(g.tekening("t", "Aangemeld per week", [("47", 3), ("48", None), ("49", 6), ("50", 0)], "Aangemeld"))
    kolommen = staven(svg)
    assert len(kolommen) == 3  # None is drawn as nothing; 0 as a column of no height
    hoogtes = [float(k.get("height") or 0) for k in kolommen]
    assert hoogtes[1] == pytest.approx(2 * hoogtes[0], abs=0.2) and hoogtes[2] == 0
    assert [t.text for t in svg.iter(f"{SVG}text") if t.text in {"47", "48", "49", "50"}] == ["47", "48", "49", "50"]


def test_the_target_is_a_dashed_line_at_its_value_and_in_the_legend():
    svg = boom(g.tekening("t", "Binnen de termijn", [("47", 80.0), ("48", 95.0)], "Binnen", 90, procenten=True))
    lijn, legenda = doellijnen(svg)
    assert lijn.get("stroke-dasharray") and lijn.get("y1") == lijn.get("y2")
    assert float(lijn.get("y1") or 0) == pytest.approx((tick(svg, "80%") + tick(svg, "100%")) / 2, abs=0.2)
    assert legenda.get("stroke-dasharray") == lijn.get("stroke-dasharray")
    assert "Doel: 90%" in [t.text for t in svg.iter(f"{SVG}text")]


def test_bars_lie_down_for_categories_with_the_target_upright():
    svg = boom(
        g.tekening("o", "Per organisatie", [("Walcheren", 40.0), ("Rotterdam", 100.0)], "Binnen", 90, True, True)
    )
    breedtes = [float(s.get("width") or 0) for s in staven(svg)]
    assert sorted(breedtes)[1] == pytest.approx(2.5 * sorted(breedtes)[0], abs=0.2)
    lijn, _ = doellijnen(svg)
    assert lijn.get("x1") == lijn.get("x2")
    assert float(lijn.get("x1") or 0) == pytest.approx(
        tick(svg, "80%") + (tick(svg, "100%") - tick(svg, "80%")) / 2, abs=0.2
    )


def test_the_svg_is_an_image_with_a_name_and_nothing_the_csp_blocks():
    tekst = g.tekening("t", "Escalaties <per> week", [("47", 1)], "Escalaties")
    assert tekst is not None
    svg = boom(tekst)
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "t-naam"
    titel = svg.find(f"{SVG}title")
    assert titel is not None and titel.get("id") == "t-naam" and titel.text == "Escalaties <per> week"
    assert "<style" not in tekst and "<script" not in tekst and " style=" not in tekst
    assert svg.get("viewBox") == f"0 0 {g.BREEDTE} 320"


def test_nothing_to_draw_is_no_chart():
    assert g.tekening("t", "Leeg", [("47", None), ("48", None)], "Mediane uren") is None


def test_the_value_axis_ends_on_a_round_number():
    assert g._schaal(0) == (1, [0, 1])
    assert g._schaal(7) == (8, [0, 2, 4, 6, 8])
    assert g._schaal(480) == (500, [0, 100, 200, 300, 400, 500])


def _rapport() -> Rapport:
    leeg: dict[str, Any] = {
        "aantal": 0,
        "gecontacteerdBinnenTermijn": 0,
        "nogBinnenTermijn": 0,
        "percentageBinnenTermijn": None,
        "medianeUrenTotContact": None,
        "contactTermijnVerlopen": 0,
        "ingetrokken": 0,
        "verlengd": 0,
        "perEindresultaat": {},
    }
    maandag = date(2026, 11, 16)
    weken = [
        Weekcijfers(
            week=f"2026-W{47 + i}", vanaf=maandag + timedelta(weeks=i), tot=maandag + timedelta(weeks=i, days=6), **c
        )
        for i, c in enumerate(
            [
                {**leeg, "aantal": 10, "gecontacteerdBinnenTermijn": 9, "percentageBinnenTermijn": 90.0},
                {**leeg, "aantal": 5, "gecontacteerdBinnenTermijn": 4, "percentageBinnenTermijn": 80.0},
                {**leeg, "aantal": 2, "nogBinnenTermijn": 2},
            ]
        )
    ]
    return Rapport(
        vanaf=date(2026, 11, 16),
        tot=date(2026, 12, 6),
        **{**leeg, "aantal": 17, "gecontacteerdBinnenTermijn": 13, "nogBinnenTermijn": 2},
        perOrganisatie=[Uitsplitsing(id="walcheren", naam="Schuldhulp Walcheren", **{**leeg, "aantal": 17})],
        perSchuldeiser=[],
        perWeek=weken,
    )


def test_the_summaries_say_in_words_what_the_charts_show():
    r = _rapport()
    per_week, binnen, *_ = g.grafieken(r, schuldeiser=False)
    assert per_week.samenvatting == "In deze periode zijn 17 doorverwijzingen aangemeld, de meeste in week 47 (10)."
    assert binnen.samenvatting == (
        "In week 48 werd 80,0% binnen de termijn bereikt; het doel is 90%. "
        "1 van de 2 beoordeelde weken haalde het doel."
    )
    assert binnen.rijen[2] == ("week 49 (30-11 t/m 06-12-2026)", "2", "0", "2", "–")
    assert len(staven(boom(binnen.svg))) == 2  # week 49 has nothing to judge yet


def test_a_period_of_over_a_year_names_its_weeks_with_their_year():
    """The chart places a column by its label: week 48 of two years must be two labels."""
    r = _rapport()
    maandag = date(2025, 11, 17)
    weken = [
        w.model_copy(update={"week": f"{2025 + i // 53}-W{i % 53 + 1:02d}", "vanaf": maandag + timedelta(weeks=i)})
        for i, w in enumerate(r.perWeek * 20)
    ]
    labels = g._week_as(r.model_copy(update={"perWeek": weken}))
    assert len(set(labels)) == 60 and labels[0] == "2025-W01"
    svg = boom(g.per_week(r.model_copy(update={"perWeek": weken, "aantal": 1})).svg)
    assert len(staven(svg)) == 60
    genoemd = [t.text for t in svg.iter(f"{SVG}text") if t.text and "-W" in t.text]
    assert 1 < len(genoemd) < 10  # only some weeks named, so their labels do not overlap


def test_two_organisations_with_the_same_name_get_a_bar_each():
    leeg = _rapport().perOrganisatie[0].model_dump()
    gelijk = [
        Uitsplitsing(**{**leeg, "id": i, "naam": "Schuldhulp", "percentageBinnenTermijn": p})
        for i, p in (("a", 40.0), ("b", 80.0))
    ]
    grafiek = g.binnen_termijn_per_organisatie(_rapport().model_copy(update={"perOrganisatie": gelijk}))
    assert len({staaf.get("y") for staaf in staven(boom(grafiek.svg))}) == 2  # not one on top of the other
