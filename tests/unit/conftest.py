"""The domain on in-memory ports: a pilot with two organisations and two creditors, a fixed clock."""

from dataclasses import dataclass
from typing import Any

import pytest

from tests import fakes
from tests.conftest import ORGANISATIE_ROTTERDAM, ORGANISATIE_WALCHEREN, START, aanmelding
from warmdoor.domain import beheer, intake
from warmdoor.domain.context import Context
from warmdoor.domain.doorverwijzing import Beleid
from warmdoor.messages.teksten import JinjaTeksten
from warmdoor.models.entities import Doorverwijzing, Principal
from warmdoor.models.enums import Rol
from warmdoor.models.requests import DoorverwijzingVerzoek, OrganisatieVerzoek, SchuldeiserVerzoek

BEHEER = Principal(sleutelId="beheer", rol=Rol.BEHEER)
EVIDES = Principal(sleutelId="evides", rol=Rol.SCHULDEISER, schuldeiserId="evides")
OASEN = Principal(sleutelId="oasen", rol=Rol.SCHULDEISER, schuldeiserId="oasen")
WALCHEREN = Principal(sleutelId="walcheren", rol=Rol.ORGANISATIE, organisatieId="walcheren")
ROTTERDAM = Principal(sleutelId="rotterdam", rol=Rol.ORGANISATIE, organisatieId="rotterdam")


@dataclass
class Wereld:
    ctx: Context
    repo: fakes.GeheugenRepository
    klok: fakes.Klok
    metingen: fakes.Metingen
    teksten: JinjaTeksten

    def aanmelden(self, referentie: str = "EVD-1", wie: Principal = EVIDES, **overrides: Any) -> Doorverwijzing:
        verzoek = DoorverwijzingVerzoek.model_validate(aanmelding(referentie, **overrides))
        d, nieuw = intake.aanmelden(self.ctx, wie, verzoek, None)
        assert nieuw
        return d

    def met_beleid(self, **beleid: Any) -> "Wereld":
        self.ctx = Context(self.repo, self.klok, Beleid(**beleid), self.metingen)
        return self


@pytest.fixture
def wereld() -> Wereld:
    repo, klok, metingen = fakes.GeheugenRepository(), fakes.Klok(START), fakes.Metingen()
    ctx = Context(repo, klok, Beleid(), metingen)
    for org_id, org in (("walcheren", ORGANISATIE_WALCHEREN), ("rotterdam", ORGANISATIE_ROTTERDAM)):
        beheer.organisatie_opslaan(ctx, BEHEER, org_id, OrganisatieVerzoek.model_validate(org))
    for schuldeiser_id, naam in (("evides", "Evides Waterbedrijf"), ("oasen", "Oasen")):
        invoer = {"naam": naam, "type": "water", "email": f"incasso@{schuldeiser_id}.example"}
        beheer.schuldeiser_opslaan(ctx, BEHEER, schuldeiser_id, SchuldeiserVerzoek.model_validate(invoer))
    return Wereld(ctx, repo, klok, metingen, JinjaTeksten("https://web.warmdoor.test"))
