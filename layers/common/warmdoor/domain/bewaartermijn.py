"""Retention: how long a referral keeps its personal data, and what is left of it afterwards.

What is left (dates, organisation, creditor, municipality, outcome codes) is what the report counts.
"""

from datetime import datetime

from warmdoor.domain.omgeving import Omgeving
from warmdoor.domain.tijd import termijn
from warmdoor.models.entities import Doorverwijzing


def einde(d: Doorverwijzing) -> datetime | None:
    """When the referral ended: withdrawn, closed, or (still open) its collection stop expired."""
    if d.intrekking:
        return d.intrekking.tijdstip
    if d.eindresultaat:
        return d.eindresultaat.tijdstip
    return d.incassostopTot if d.incassostopBeeindigdOp else None


def zonder_persoonsgegevens(d: Doorverwijzing) -> Doorverwijzing:
    """The referral without anything about the person: who they are, where they live, what they owe, every note."""
    return d.model_copy(
        update={
            "toestemming": None,
            "client": None,
            "adres": None,
            "achterstand": None,
            "toelichting": None,
            "intrekking": d.intrekking and d.intrekking.model_copy(update={"toelichting": None}),
            "contactpogingen": [p.model_copy(update={"toelichting": None}) for p in d.contactpogingen],
            "eindresultaat": d.eindresultaat and d.eindresultaat.model_copy(update={"toelichting": None}),
            "verlengingen": [v.model_copy(update={"reden": None}) for v in d.verlengingen],
        }
    )


def verstreken(d: Doorverwijzing, nu: datetime) -> bool:
    tot = d.persoonsgegevensVerwijderenOp
    return d.persoonsgegevensVerwijderdOp is not None or (tot is not None and nu >= tot)


def verwijderd(d: Doorverwijzing, moment: datetime) -> Doorverwijzing:
    return zonder_persoonsgegevens(d).model_copy(update={"persoonsgegevensVerwijderdOp": moment})


def bijwerken(d: Doorverwijzing, bewaartermijn_dagen: int, nu: datetime) -> tuple[Doorverwijzing, bool]:
    """Sets when the personal data go (`bewaartermijn_dagen` after the end), and removes them once that has come.

    Returns the referral and whether this removed the personal data.
    """
    if d.persoonsgegevensVerwijderdOp is not None:
        return d, False
    geeindigd = einde(d)
    tot = termijn(geeindigd, bewaartermijn_dagen, werkdagen=False) if geeindigd else None
    d = d.model_copy(update={"persoonsgegevensVerwijderenOp": tot})
    if tot is None or nu < tot:
        return d, False
    return verwijderd(d, nu), True


def zoals_nu(d: Doorverwijzing, nu: datetime) -> Doorverwijzing:
    """The referral as anyone may read it now: personal data past their time are gone, whether or not
    DynamoDB's TTL or the retention timer has deleted them yet."""
    if d.persoonsgegevensVerwijderdOp is None and verstreken(d, nu):
        assert d.persoonsgegevensVerwijderenOp is not None
        return verwijderd(d, d.persoonsgegevensVerwijderenOp)
    return d


def lees(omg: Omgeving, doorverwijzing_id: str) -> Doorverwijzing | None:
    d = omg.repo.doorverwijzing(doorverwijzing_id)
    return zoals_nu(d, omg.clock.now()) if d else None
