"""The body of both notifier functions: a batch of domain events from the channel's queue -> its messages."""

from typing import Literal

from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.batch.types import PartialItemFailureResponse
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from warmdoor.domain import meldingen
from warmdoor.models.events import Gebeurtenis
from warmdoor.wiring import Diensten

_processor = BatchProcessor(event_type=EventType.SQS)
# A send is started only while the function has this much time left: one send's worst case (retries and
# timeouts, wiring.GEDULDIG) and then some to record the outcome. What is not sent comes again.
_RESERVE_MS = 25_000


def verwerk(
    event: dict[str, object], context: LambdaContext, kanaal: Literal["email", "sms"], diensten: Diensten
) -> PartialItemFailureResponse:
    """Each record on its own: a failed one is reported (and retried), the others go through."""

    def record_handler(record: SQSRecord) -> None:
        gebeurtenis = Gebeurtenis.uit_bericht(record.body)
        poging = meldingen.Poging(
            int(record.attributes.approximate_receive_count),
            lambda: context.get_remaining_time_in_millis() > _RESERVE_MS,
        )
        ctx, teksten, eenmalig = diensten.context, diensten.teksten, diensten.eenmalig
        if kanaal == "email":
            meldingen.emails(ctx, gebeurtenis, teksten, diensten.email_verzender, eenmalig, poging)
        else:
            meldingen.sms(ctx, gebeurtenis, teksten, diensten.sms_verzender, eenmalig, poging)

    return process_partial_response(event=event, record_handler=record_handler, processor=_processor, context=context)
