"""The pilot dashboard's routes (being built)."""

from aws_lambda_powertools.event_handler.api_gateway import Router

router = Router()  # type: ignore[no-untyped-call]
