"""The single-table key design (documented in the README). One place for every key shape."""

from datetime import UTC, datetime

GSI_SCHULDEISER = "GSI1"  # a creditor's referrals, newest first
GSI_ORGANISATIE = "GSI2"  # an organisation's referrals, newest first
GSI_SOORT = "GSI3"  # everything of one kind, for the operator's lists
GSI_TIMER = "GSI4"  # sparse: referrals with a pending timer, by when it is due (the daily sweep)

INDEX_KEYS = {
    GSI_SCHULDEISER: ("GSI1PK", "GSI1SK"),
    GSI_ORGANISATIE: ("GSI2PK", "GSI2SK"),
    GSI_SOORT: ("GSI3PK", "GSI3SK"),
    GSI_TIMER: ("GSI4PK", "GSI4SK"),
}

ROUTERING = {"PK": "ROUTERING", "SK": "ROUTERING"}


def sorteertijd(moment: datetime) -> str:
    """Sortable UTC timestamp for sort keys."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def doorverwijzing(doorverwijzing_id: str) -> dict[str, str]:
    return {"PK": f"DOORVERWIJZING#{doorverwijzing_id}", "SK": "DOORVERWIJZING"}


def persoonsgegevens(doorverwijzing_id: str) -> dict[str, str]:
    """The referral in full, personal data included: the only item that holds them (and that TTL deletes)."""
    return {"PK": f"DOORVERWIJZING#{doorverwijzing_id}", "SK": "PERSOONSGEGEVENS"}


def gebeurtenis(doorverwijzing_id: str, tijdstip: datetime, gebeurtenis_id: str) -> dict[str, str]:
    return {
        "PK": f"DOORVERWIJZING#{doorverwijzing_id}",
        "SK": f"GEBEURTENIS#{sorteertijd(tijdstip)}#{gebeurtenis_id}",
    }


def audit(doorverwijzing_id: str, tijdstip: datetime, regel_id: str) -> dict[str, str]:
    return {"PK": f"DOORVERWIJZING#{doorverwijzing_id}", "SK": f"AUDIT#{sorteertijd(tijdstip)}#{regel_id}"}


def claim(soort: str, schuldeiser_id: str, waarde: str) -> dict[str, str]:
    return {"PK": f"SCHULDEISER#{schuldeiser_id}", "SK": f"{soort}#{waarde}"}


def pogingen(sleutel: str, venster_einde: datetime) -> dict[str, str]:
    """Attempts counted per window (signing in), removed by TTL when the window is over."""
    return {"PK": f"POGINGEN#{sleutel}", "SK": f"VENSTER#{sorteertijd(venster_einde)}"}


def organisatie(organisatie_id: str) -> dict[str, str]:
    return {"PK": f"ORGANISATIE#{organisatie_id}", "SK": "ORGANISATIE"}


def schuldeiser(schuldeiser_id: str) -> dict[str, str]:
    return {"PK": f"SCHULDEISER#{schuldeiser_id}", "SK": "SCHULDEISER"}


def sleutel(sleutel_id: str) -> dict[str, str]:
    return {"PK": f"APISLEUTEL#{sleutel_id}", "SK": "APISLEUTEL"}


def sleutelhash(sleutel_hash: str) -> dict[str, str]:
    return {"PK": f"SLEUTELHASH#{sleutel_hash}", "SK": "SLEUTELHASH"}


INDEX_KEYS_BY_PK = dict(INDEX_KEYS.values())


def webhook(webhook_id: str) -> dict[str, str]:
    return {"PK": f"WEBHOOK#{webhook_id}", "SK": "WEBHOOK"}


def webhookbericht(webhook_id: str, bericht_id: str) -> dict[str, str]:
    return {"PK": f"WEBHOOK#{webhook_id}", "SK": f"BERICHT#{bericht_id}"}
