"""SMS through SNS: transactional, with a sender id."""

from typing import Any

from botocore.exceptions import ClientError

from warmdoor.ports import BezorgingNietIngericht, PermanenteBezorgfout, Sms

_PERMANENT = {"InvalidParameter", "InvalidParameterValue", "InvalidParameterException", "OptedOut"}
# SNS may not send for this account yet (permissions, the topic key): an operator fixes it.
_NIET_INGERICHT = {"AuthorizationError", "KMSAccessDenied", "KMSDisabled", "KMSInvalidState", "KMSNotFound"}


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
            code = fout.response["Error"]["Code"]
            if code in _PERMANENT:
                raise PermanenteBezorgfout(code) from fout
            if code in _NIET_INGERICHT:
                raise BezorgingNietIngericht(code) from fout
            raise
