"""The webhook sender's queue (SQS): a message per (endpoint, message) to send now."""

import json
from collections.abc import Sequence
from typing import Any

_PER_KEER = 10  # SendMessageBatch's limit


class SqsBerichtwachtrij:
    def __init__(self, client: Any, url: str) -> None:
        self._client = client
        self._url = url

    def plaats(self, berichten: Sequence[tuple[str, str]]) -> None:
        for begin in range(0, len(berichten), _PER_KEER):
            deel = berichten[begin : begin + _PER_KEER]
            antwoord = self._client.send_message_batch(
                QueueUrl=self._url,
                Entries=[
                    {"Id": str(i), "MessageBody": json.dumps({"webhookId": w, "berichtId": b})}
                    for i, (w, b) in enumerate(deel)
                ],
            )
            if antwoord.get("Failed"):
                raise RuntimeError(f"{len(antwoord['Failed'])} webhook message(s) not queued")
