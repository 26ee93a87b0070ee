"""Settings read from the environment when first needed (never at import time)."""

import os
from functools import cache

from pydantic import BaseModel, Field


class Settings(BaseModel):
    table_name: str = Field(min_length=1)
    contact_termijn_dagen: int = Field(default=3, ge=1, le=30)
    contact_termijn_werkdagen: bool = False
    incassostop_dagen: int = Field(default=30, ge=1, le=180)
    incassostop_max_dagen: int = Field(default=90, ge=1, le=365)
    bewaartermijn_dagen: int = Field(default=183, ge=1, le=3650)
    timer_groep: str = ""
    gebruiksplan: str = ""
    timer_functie_arn: str = ""
    timer_rol_arn: str = ""
    timer_dlq_arn: str = ""
    public_base_url: str | None = None
    idempotentie_tabel: str = ""
    gebeurtenisbus: str = ""
    mail_afzender: str = "WarmDoor <noreply@warmdoor.nl>"
    mail_antwoordadres: str | None = None
    sms_afzender: str = "WarmDoor"


@cache
def settings() -> Settings:
    return Settings(
        table_name=os.environ.get("TABLE_NAME", ""),
        contact_termijn_dagen=int(os.environ.get("CONTACT_TERMIJN_DAGEN", "3")),
        contact_termijn_werkdagen=os.environ.get("CONTACT_TERMIJN_SOORT", "kalenderdagen") == "werkdagen",
        incassostop_dagen=int(os.environ.get("INCASSOSTOP_DAGEN", "30")),
        incassostop_max_dagen=int(os.environ.get("INCASSOSTOP_MAX_DAGEN", "90")),
        bewaartermijn_dagen=int(os.environ.get("BEWAARTERMIJN_DAGEN", "183")),
        timer_groep=os.environ.get("TIMER_GROEP", ""),
        gebruiksplan=os.environ.get("GEBRUIKSPLAN", ""),
        timer_functie_arn=os.environ.get("TIMER_FUNCTIE_ARN", ""),
        timer_rol_arn=os.environ.get("TIMER_ROL_ARN", ""),
        timer_dlq_arn=os.environ.get("TIMER_DLQ_ARN", ""),
        public_base_url=os.environ.get("PUBLIC_BASE_URL") or None,
        idempotentie_tabel=os.environ.get("IDEMPOTENTIE_TABEL", ""),
        gebeurtenisbus=os.environ.get("GEBEURTENISBUS", ""),
        mail_afzender=os.environ.get("MAIL_AFZENDER") or "WarmDoor <noreply@warmdoor.nl>",
        mail_antwoordadres=os.environ.get("MAIL_ANTWOORDADRES") or None,
        sms_afzender=os.environ.get("SMS_AFZENDER") or "WarmDoor",
    )
