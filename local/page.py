"""A small page at /_local/ that shows the outbox and the webhooks received to a person, newest first."""

import json
from html import escape
from typing import Any


def _webhook(w: dict[str, Any]) -> str:
    handtekening = "handtekening klopt" if w["handtekeningKlopt"] else "HANDTEKENING KLOPT NIET"
    soort = w["inhoud"].get("type", "") if isinstance(w["inhoud"], dict) else ""
    return (
        f"<article><h3>{escape(soort)}</h3>"
        f"<p class=meta>naar {escape(w['ontvanger'])} · {escape(w['ontvangenOp'])} · {escape(w['webhook-id'] or '')}"
        f" · {handtekening} · antwoord {w['antwoord']}</p>"
        f"<pre>{escape(json.dumps(w['inhoud'], indent=2, ensure_ascii=False))}</pre></article>"
    )


def outbox_page(inhoud: dict[str, Any], webhooks: list[dict[str, Any]]) -> str:
    mails = "".join(
        f"<article><h3>{escape(m.get('subject') or '')}</h3>"
        f"<p class=meta>aan {escape(', '.join(m.get('to') or []))} · van {escape(m.get('from') or '')}</p>"
        f"<pre>{escape(m.get('text') or m.get('body') or '')}</pre></article>"
        for m in reversed(inhoud["emails"])
    )
    berichten = "".join(
        f"<article><p class=meta>aan {escape(s['to'])}</p><pre>{escape(s['text'])}</pre></article>"
        for s in reversed(inhoud["sms"])
    )
    return f"""<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>WarmDoor lokaal - outbox</title>
<style>body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}
article{{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;margin:.5rem 0}}
.meta{{color:#555;font-size:.9rem}}pre{{white-space:pre-wrap}}</style></head>
<body><h1>WarmDoor lokaal</h1>
<p>Alles wat de lokale stack verstuurde, nieuwste eerst. JSON: <a href="/_local/outbox">/_local/outbox</a>,
<a href="/_local/webhooks">/_local/webhooks</a>; klok: <a href="/_local/clock">/_local/clock</a>.</p>
<h2>E-mail ({len(inhoud["emails"])})</h2>{mails or "<p>Nog niets verstuurd.</p>"}
<h2>SMS ({len(inhoud["sms"])})</h2>{berichten or "<p>Nog niets verstuurd.</p>"}
<h2>Webhooks ({len(webhooks)})</h2>
<p>Ontvangen op <code>/_local/webhooks/&lt;naam&gt;</code>; met <code>?status=503</code> in de URL van een webhook
antwoordt de ontvanger met die status (zo zie je de herpogingen; verzet de klok om ze te laten komen).</p>
{"".join(_webhook(w) for w in reversed(webhooks)) or "<p>Nog niets ontvangen.</p>"}
</body></html>"""
