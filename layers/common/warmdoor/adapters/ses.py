"""E-mail through SES v2, as a MIME message with a text and an HTML part (and a Reply-To)."""

import unicodedata
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

from botocore.exceptions import ClientError

from warmdoor.ports import BezorgingNietIngericht, Email, PermanenteBezorgfout

# What SES says about this message or address; a retry would get the same answer.
_PERMANENT = {"BadRequestException"}
# SES cannot send yet: the domain or a sandbox recipient is not verified (MessageRejected, "Email address
# is not verified"), the MAIL FROM domain is not set up, sending is paused or suspended, a configuration
# set is missing. An operator fixes it; until then the message is retried, never dropped. (SES also
# says MessageRejected of content it refuses, such as a virus; WarmDoor's own texts never are.)
_NIET_INGERICHT = {
    "AccessDeniedException",  # the send policy does not cover this From address or (sandbox) recipient
    "MessageRejected",
    "MailFromDomainNotVerifiedException",
    "AccountSuspendedException",
    "SendingPausedException",
    "NotFoundException",
}


def koptekst(tekst: str) -> str:
    """A header value made from text that may come from a caller (a creditor's reference in a subject):
    line breaks, control and invisible characters become spaces, so the header can never be split."""
    zichtbaar = "".join(" " if unicodedata.category(teken)[0] in "CZ" else teken for teken in tekst)
    return " ".join(zichtbaar.split())


def _adres(adres: str) -> str:
    if koptekst(adres) != adres or not adres.isascii():
        raise PermanenteBezorgfout("address is not a plain e-mail address")
    return adres


class SesEmailVerzender:
    def __init__(self, client: Any, afzender: str, antwoordadres: str | None) -> None:
        self._client = client
        self._afzender = afzender
        self._antwoordadres = antwoordadres

    def verstuur(self, email: Email) -> None:
        aan = [_adres(adres) for adres in email.aan]
        bericht = EmailMessage()
        bericht["From"] = self._afzender
        bericht["To"] = ", ".join(aan)
        bericht["Subject"] = koptekst(email.onderwerp)
        bericht["Message-ID"] = make_msgid(domain="warmdoor.nl")
        if self._antwoordadres:
            bericht["Reply-To"] = self._antwoordadres
        bericht.set_content(email.tekst)
        bericht.add_alternative(email.html, subtype="html")
        try:
            self._client.send_email(
                FromEmailAddress=self._afzender,
                Destination={"ToAddresses": aan},
                Content={"Raw": {"Data": bericht.as_bytes()}},
            )
        except ClientError as fout:
            code = fout.response["Error"]["Code"]
            if code in _PERMANENT:
                raise PermanenteBezorgfout(code) from fout
            if code in _NIET_INGERICHT:
                raise BezorgingNietIngericht(code) from fout
            raise
