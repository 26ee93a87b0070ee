"""The body of both notifier functions: a batch of domain events from the channel's queue -> its messages."""

from typing import Any, Literal

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor import wiring
from warmdoor.adapters.gebeurtenisbus import gebeurtenis_uit_bericht
from warmdoor.domain import meldingen

_processor = BatchProcessor(event_type=EventType.SQS)
# A send is started only while the function has this much time left: one send's worst case (retries and
# timeouts, wiring.GEDULDIG) and then some to record the outcome. What is not sent comes again.
_RESERVE_MS = 25_000


def verwerk(
    event: dict[str, Any], context: LambdaContext, kanaal: Literal["email", "sms"]
) -> PartialItemFailureResponse:
    """Each record on its own: a failed one is reported (and retried), the others go through."""
    wiring.eenmalig().config.register_lambda_context(context)

    def record_handler(record: SQSRecord) -> None:
        gebeurtenis = gebeurtenis_uit_bericht(record.body)
        omg, eenmalig = wiring.omgeving(), wiring.eenmalig()
        poging = meldingen.Poging(
            int(record.attributes.approximate_receive_count),
            lambda: context.get_remaining_time_in_millis() > _RESERVE_MS,
        )
        if kanaal == "email":
            meldingen.emails(omg, gebeurtenis, wiring.email_verzender(), eenmalig, poging)
        else:
            meldingen.sms(omg, gebeurtenis, wiring.sms_verzender(), eenmalig, poging)

    return process_partial_response(event=event, record_handler=record_handler, processor=_processor, context=context)
