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

    @classmethod
    def uit(cls, omgeving: Mapping[str, str]) -> "Settings":
        """From a function's environment; empty variables (a template parameter left empty) take the default."""
        return cls.model_validate({naam: waarde for naam, waarde in omgeving.items() if waarde != ""})
