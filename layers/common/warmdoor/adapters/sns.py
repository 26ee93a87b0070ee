"""SMS through SNS: transactional, with a sender id."""

from typing import Any

from botocore.exceptions import ClientError

from warmdoor.ports import PermanenteBezorgfout, Sms

_PERMANENT = {"InvalidParameter", "InvalidParameterValue", "InvalidParameterException", "OptedOut"}


class SnsSmsVerzender:
    def __init__(self, client: Any, afzender: str) -> None:
        self._client = client
        self._afzender = afzender

    def verstuur(self, sms: Sms) -> None:
        try:
            self._client.publish(
                PhoneNumber=sms.aan,
                Message=sms.tekst,
                MessageAttributes={
                    "AWS.SNS.SMS.SMSType": {"DataType": "String", "StringValue": "Transactional"},
                    "AWS.SNS.SMS.SenderID": {"DataType": "String", "StringValue": self._afzender},
                },
            )
        except ClientError as fout:
            if fout.response["Error"]["Code"] in _PERMANENT:
                raise PermanenteBezorgfout(fout.response["Error"]["Code"]) from fout
            raise
