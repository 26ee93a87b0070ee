"""The web function's deployment: its CSS is the NL Design System's from npm, and nothing from elsewhere."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NPM = ROOT / "node_modules" / "@utrecht"


def test_the_bundled_css_is_the_nl_design_system_packages_from_npm():
    """`make assets` writes it; after an npm upgrade this fails until it is written again."""
    tokens = (NPM / "design-tokens" / "dist" / "index.css").read_bytes()
    componenten = (NPM / "component-library-css" / "dist" / "index.css").read_bytes()
    bundel = ROOT / "functions" / "web" / "static" / "nl-design-system.css"
    assert bundel.read_bytes() == tokens + componenten


def test_the_pages_load_nothing_from_another_site():
    for pad in (ROOT / "functions" / "web" / "templates").glob("*.html"):
        tekst = pad.read_text()
        assert "http://" not in tekst and "https://" not in tekst, pad.name
        assert "<script>" not in tekst and "style=" not in tekst, pad.name  # the CSP allows neither inline
