"""Which pages a signed-in person gets follows from their groups in the user pool: exactly one role."""

import pytest

from warmdoor.models.enums import Rol
from warmdoor.web.omgeving import MENU, STARTPAGINA
from warmdoor.web.sessie import GeenToegang, principal


def claims(*groepen: str) -> dict[str, object]:
    return {"sub": "s-1", "cognito:username": "jan@example.nl", "cognito:groups": list(groepen)}


def test_a_caseworker_a_coordinator_a_creditors_staff_member_and_the_operator() -> None:
    medewerker = principal(claims("organisatie-walcheren"))
    assert (medewerker.rol, medewerker.organisatieId, medewerker.coordinator) == (Rol.ORGANISATIE, "walcheren", False)
    assert principal(claims("organisatie-walcheren", "coordinator")).coordinator
    agent = principal(claims("schuldeiser-evides"))
    assert (agent.rol, agent.schuldeiserId, agent.organisatieId) == (Rol.SCHULDEISER, "evides", None)
    assert agent.medewerker is not None and agent.medewerker.gebruikersnaam == "jan@example.nl"
    beheer = principal(claims("beheer"))
    assert (beheer.rol, beheer.organisatieId, beheer.schuldeiserId) == (Rol.BEHEER, None, None)
    # "coordinator" means nothing outside an organisation.
    assert not principal(claims("schuldeiser-evides", "coordinator")).coordinator


@pytest.mark.parametrize(
    "groepen",
    [
        (),
        ("coordinator",),
        ("organisatie-",),
        ("schuldeiser-",),
        ("organisatie-a", "schuldeiser-b"),
        ("organisatie-a", "organisatie-b"),
        ("beheer", "schuldeiser-b"),
        ("beheerders",),
    ],
)
def test_no_role_or_more_than_one_gets_no_pages(groepen: tuple[str, ...]) -> None:
    with pytest.raises(GeenToegang):
        principal(claims(*groepen))


def test_every_role_starts_on_the_first_page_of_its_own_menu() -> None:
    assert set(STARTPAGINA) == set(MENU) == {r.value for r in Rol}
    assert STARTPAGINA == {
        "organisatie": "/werkvoorraad",
        "schuldeiser": "/mijn-doorverwijzingen",
        "beheer": "/beheer/organisaties",
    }
