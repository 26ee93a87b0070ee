"""Renders the Dutch texts. HTML is autoescaped (a name like <script> or 't Hart renders safely);
plain text and SMS are not HTML and are rendered as written."""

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from warmdoor.domain.tijd import lokaal

_TEMPLATES = Path(__file__).parent / "templates"
_DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def datum_tijd(moment: datetime) -> str:
    """'maandag 30 november 2026 om 10:00', in Dutch local time."""
    t = lokaal(moment)
    return f"{_DAGEN[t.weekday()]} {t.day} {_MAANDEN[t.month - 1]} {t.year} om {t:%H:%M}"


def kort(moment: datetime) -> str:
    """'ma 30 nov 10:00', for SMS."""
    t = lokaal(moment)
    return f"{_DAGEN[t.weekday()][:2]} {t.day} {_MAANDEN[t.month - 1][:3]} {t:%H:%M}"


def datum(moment: datetime) -> str:
    t = lokaal(moment)
    return f"{t.day} {_MAANDEN[t.month - 1]} {t.year}"


@cache
def _omgeving() -> Environment:
    # .html templates are autoescaped; .txt templates (plain text, SMS) are not HTML.
    omgeving = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    omgeving.filters["datum_tijd"] = datum_tijd
    omgeving.filters["datum"] = datum
    omgeving.filters["kort"] = kort
    return omgeving


def email(template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """(subject, text, html). The text template's first line is the subject."""
    tekst = _omgeving().get_template(f"email/{template}.txt").render(context)
    onderwerp, _, lichaam = tekst.partition("\n")
    html = _omgeving().get_template(f"email/{template}.html").render(context)
    return onderwerp.strip(), lichaam.strip() + "\n", html


def sms(template: str, context: dict[str, Any]) -> str:
    return _omgeving().get_template(f"sms/{template}.txt").render(context).strip()
