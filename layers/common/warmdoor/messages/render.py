"""Renders the Dutch texts. HTML is autoescaped (a name like <script> or 't Hart renders safely);
plain text and SMS are not HTML and are rendered as written."""

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from warmdoor.presentation import opmaak

_TEMPLATES = Path(__file__).parent / "templates"


@cache
def _jinja() -> Environment:
    # .html templates are autoescaped; .txt templates (plain text, SMS) are not HTML.
    jinja = Environment(
        loader=FileSystemLoader(_TEMPLATES),
        autoescape=select_autoescape(enabled_extensions=("html",), disabled_extensions=("txt",), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Every amount, date and phone number goes through the same Dutch formats as the web pages.
    jinja.filters.update(opmaak.FILTERS)
    return jinja


def email(template: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """(subject, text, html). The text template's first line is the subject."""
    tekst = _jinja().get_template(f"email/{template}.txt").render(context)
    onderwerp, _, lichaam = tekst.partition("\n")
    html = _jinja().get_template(f"email/{template}.html").render(context)
    return onderwerp.strip(), lichaam.strip() + "\n", html


def sms(template: str, context: dict[str, Any]) -> str:
    return _jinja().get_template(f"sms/{template}.txt").render(context).strip()
