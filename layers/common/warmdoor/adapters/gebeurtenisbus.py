"""Domain events on the stack's EventBridge bus. A rule per consumer routes them to that consumer's queue,
so the table's stream has one reader however many consumers there are."""

from typing import Any

from warmdoor.models.events import Gebeurtenis

BRON = "warmdoor"


class EventBridgeBus:
    def __init__(self, client: Any, naam: str) -> None:
        self._client = client
        self._naam = naam

    def publiceer(self, gebeurtenis: Gebeurtenis) -> None:
        """The event with its facts as detail, its kind as detail-type (what the rules select on)."""
        antwoord = self._client.put_events(
            Entries=[
                {
                    "Source": BRON,
                    "DetailType": gebeurtenis.soort.value,
                    "Detail": gebeurtenis.model_dump_json(),
                    "EventBusName": self._naam,
                }
            ]
        )
        if antwoord.get("FailedEntryCount"):
            fout = antwoord["Entries"][0]
            raise RuntimeError(f"event {gebeurtenis.id} not accepted by the bus: {fout.get('ErrorCode')}")
