"""Everything sent through the emulated SES and SNS, read from moto's in-process backends."""

from email import message_from_string, policy
from typing import Any

from moto.ses.models import RawMessage, ses_backends
from moto.sns.models import sns_backends

from local.aws import ACCOUNT, REGION


def _parts(raw: str) -> dict[str, Any]:
    bericht = message_from_string(raw, policy=policy.default)
    delen: dict[str, Any] = {
        "from": str(bericht.get("From", "")),
        "replyTo": str(bericht.get("Reply-To", "")) or None,
        "subject": str(bericht.get("Subject", "")).strip(),
        "to": [a.strip() for a in str(bericht.get("To", "")).split(",") if a.strip()],
        "text": None,
        "html": None,
    }
    for deel in bericht.walk():
        if deel.get_content_type() == "text/plain" and delen["text"] is None:
            delen["text"] = deel.get_content()
        elif deel.get_content_type() == "text/html" and delen["html"] is None:
            delen["html"] = deel.get_content()
    return delen


_gelezen: dict[str, dict[str, Any]] = {}


def _raw(bericht: RawMessage) -> dict[str, Any]:
    # Parsed once: the outbox is read often, and a sent message never changes.
    if bericht.id not in _gelezen:
        delen = _parts(bericht.raw_data)
        _gelezen[bericht.id] = {"id": bericht.id, **delen, "body": delen["text"] or delen["html"]}
    return _gelezen[bericht.id]


def emails() -> list[dict[str, Any]]:
    backend = ses_backends[ACCOUNT][REGION]
    result = []
    for bericht in backend.sent_messages:
        if isinstance(bericht, RawMessage):
            result.append(_raw(bericht))
        else:
            bestemming = bericht.destinations
            result.append(
                {
                    "id": bericht.id,
                    "from": bericht.source,
                    "to": bestemming.get("ToAddresses", []) if isinstance(bestemming, dict) else bestemming,
                    "subject": getattr(bericht, "subject", ""),
                    "body": getattr(bericht, "body", ""),
                }
            )
    return result


def sms() -> list[dict[str, Any]]:
    backend = sns_backends[ACCOUNT][REGION]
    return [
        {"id": bericht_id, "to": nummer, "text": tekst}
        for bericht_id, (nummer, tekst, *_) in backend.sms_messages.items()
    ]


def outbox() -> dict[str, Any]:
    return {"emails": emails(), "sms": sms()}
