"""A function's settings, read from its environment (template.yaml) when it starts. Each default is
written here once; a bad value stops the cold start with an error that names the variable."""

from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    # Validated by the environment variable's name; everything else in the environment is ignored.
    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    table_name: str = Field(default="", alias="TABLE_NAME")
    contact_termijn_dagen: int = Field(default=3, ge=1, le=30, alias="CONTACT_TERMIJN_DAGEN")
    contact_termijn_soort: Literal["kalenderdagen", "werkdagen"] = Field(
        default="kalenderdagen", alias="CONTACT_TERMIJN_SOORT"
    )
    incassostop_dagen: int = Field(default=30, ge=1, le=180, alias="INCASSOSTOP_DAGEN")
    incassostop_max_dagen: int = Field(default=90, ge=1, le=365, alias="INCASSOSTOP_MAX_DAGEN")
    bewaartermijn_dagen: int = Field(default=183, ge=1, le=3650, alias="BEWAARTERMIJN_DAGEN")
    toestemming_max_dagen: int = Field(default=14, ge=1, le=90, alias="TOESTEMMING_MAX_DAGEN")
    timer_groep: str = Field(default="", alias="TIMER_GROEP")
    gebruiksplan: str = Field(default="", alias="GEBRUIKSPLAN")
    timer_functie_arn: str = Field(default="", alias="TIMER_FUNCTIE_ARN")
    timer_rol_arn: str = Field(default="", alias="TIMER_ROL_ARN")
    timer_dlq_arn: str = Field(default="", alias="TIMER_DLQ_ARN")
    public_base_url: str = Field(default="", alias="PUBLIC_BASE_URL")
    idempotentie_tabel: str = Field(default="", alias="IDEMPOTENTIE_TABEL")
    gebeurtenisbus: str = Field(default="", alias="GEBEURTENISBUS")
    mail_afzender: str = Field(default="WarmDoor <noreply@warmdoor.nl>", alias="MAIL_AFZENDER")
    mail_antwoordadres: str = Field(default="", alias="MAIL_ANTWOORDADRES")
    sms_afzender: str = Field(default="WarmDoor", alias="SMS_AFZENDER")
    gebruikerspool_id: str = Field(default="", alias="GEBRUIKERSPOOL_ID")
    gebruikerspool_client_id: str = Field(default="", alias="GEBRUIKERSPOOL_CLIENT_ID")
    # The pages' own base URL (a custom domain); empty: the URL the request came in on.
    web_base_url: str = Field(default="", alias="WEB_BASE_URL")
    # Federation (optional): the identity provider's name in the pool and the pool's sign-in domain.
    federatie_naam: str = Field(default="", alias="FEDERATIE_NAAM")
    federatie_domein: str = Field(default="", alias="FEDERATIE_DOMEIN")
    # Webhooks: the sender's queue (retry schedules in WEBHOOK_GROEP put a message back on it when it is due, and
    # what they cannot deliver in WEBHOOK_DLQ_ARN), and after how many days of failing an endpoint is switched off.
    webhook_wachtrij_url: str = Field(default="", alias="WEBHOOK_WACHTRIJ_URL")
    webhook_wachtrij_arn: str = Field(default="", alias="WEBHOOK_WACHTRIJ_ARN")
    webhook_groep: str = Field(default="", alias="WEBHOOK_GROEP")
    webhook_dlq_arn: str = Field(default="", alias="WEBHOOK_DLQ_ARN")
    webhook_rol_arn: str = Field(default="", alias="WEBHOOK_ROL_ARN")
    webhook_uitschakelen_na_dagen: int = Field(default=5, ge=1, le=30, alias="WEBHOOK_UITSCHAKELEN_NA_DAGEN")
    # Only the local stack and tests set this (template.yaml never does): exact origins such as
    # http://127.0.0.1:8000 that may receive webhooks although they are not https on a public address.
    webhook_lokale_ontvangers: str = Field(default="", alias="WEBHOOK_LOKALE_ONTVANGERS")

    @classmethod
    def uit(cls, omgeving: Mapping[str, str]) -> "Settings":
        """From a function's environment; empty variables (a template parameter left empty) take the default."""
        return cls.model_validate({naam: waarde for naam, waarde in omgeving.items() if waarde != ""})
