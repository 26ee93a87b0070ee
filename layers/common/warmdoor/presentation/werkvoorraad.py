"""What a caseworker sees: the work queue (most urgent first, filters, counts) and a referral's timeline."""

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from warmdoor.domain import doorverwijzing as dv
from warmdoor.domain.terugkoppeling import uitkomst
from warmdoor.models.entities import Doorverwijzing, Medewerker
from warmdoor.models.enums import Eindresultaat, Status, Terugkoppelingsuitkomst
from warmdoor.presentation import labels
from warmdoor.presentation.opmaak import datum, datum_tijd, tijd_over

Toon = Literal["alle", "mijn", "vrij"]


@dataclass(frozen=True)
class Filter:
    toon: Toon = "alle"
    status: Status | None = None
    gemeente: str | None = None

    def past(self, d: Doorverwijzing, wie: Medewerker | None) -> bool:
        if self.status is not None and d.status != self.status:
            return False
        if self.gemeente and d.gemeentecode != self.gemeente:
            return False
        if self.toon == "mijn":
            return d.toegewezenAan is not None and wie is not None and d.toegewezenAan.sub == wie.sub
        if self.toon == "vrij":
            return d.toegewezenAan is None
        return True


@dataclass(frozen=True)
class Tellingen:
    open: int
    te_laat: int
    niet_opgepakt: int
    mijn: int


def wacht_op_contact(d: Doorverwijzing) -> bool:
    return d.status == Status.AANGEMELD


def te_laat(d: Doorverwijzing, nu: datetime) -> bool:
    return wacht_op_contact(d) and nu >= d.contactUiterlijk


def urgentie(d: Doorverwijzing) -> tuple[int, datetime, str]:
    """Who still waits for a first contact comes first, the nearest (or longest passed) deadline on top;
    then those already reached, oldest first."""
    if wacht_op_contact(d):
        return (0, d.contactUiterlijk, d.id)
    return (1, d.aangemeldOp, d.id)


def werkvoorraad(
    items: list[Doorverwijzing], filter: Filter, wie: Medewerker | None, nu: datetime
) -> tuple[list[Doorverwijzing], Tellingen]:
    tellingen = Tellingen(
        open=len(items),
        te_laat=sum(te_laat(d, nu) for d in items),
        niet_opgepakt=sum(d.toegewezenAan is None for d in items),
        mijn=sum(d.toegewezenAan is not None and wie is not None and d.toegewezenAan.sub == wie.sub for d in items),
    )
    return sorted((d for d in items if filter.past(d, wie)), key=urgentie), tellingen


@dataclass(frozen=True)
class Gebeurd:
    tijdstip: datetime
    tekst: str
    toelichting: str | None = None
    let_op: bool = False  # something went wrong or late: shown as a warning


_KANAAL = {"email": "E-mail", "sms": "Sms"}
_REDEN = {"betaald": "de klant heeft betaald", "onterecht": "de aanmelding was onterecht", "overig": "een andere reden"}


def tijdlijn(d: Doorverwijzing) -> list[Gebeurd]:
    """Everything that happened to the referral, oldest first."""
    regels = [Gebeurd(d.aangemeldOp, f"Aangemeld door {d.schuldeiserNaam}")]
    problemen = [p for p in d.bezorgproblemen if p.gebeurtenis == "DoorverwijzingAangemeld"]
    if not problemen:
        regels.append(Gebeurd(d.aangemeldOp, "E-mail en sms aan de organisatie gestuurd"))
    for p in d.bezorgproblemen:
        wat = "geweigerd door de provider" if p.reden == "geweigerd" else "niet gelukt, ook niet na herhalen"
        regels.append(Gebeurd(p.tijdstip, f"{_KANAAL[p.kanaal]} aan {p.ontvanger} niet bezorgd: {wat}", let_op=True))
        if p.opgelostOp:
            regels.append(Gebeurd(p.opgelostOp, f"{_KANAAL[p.kanaal]} aan {p.ontvanger} alsnog verstuurd"))
    for c in d.contactpogingen:
        uitkomst_ = "bereikt" if c.bereikt else "niet bereikt"
        tekst = f"Contactpoging: {labels.CONTACTSOORT[c.soort].lower()} ({labels.DAGDEEL[c.dagdeel]}), {uitkomst_}"
        regels.append(Gebeurd(c.tijdstip, tekst, c.toelichting))
    if d.contactTermijnVerlopenOp:
        regels.append(
            Gebeurd(d.contactTermijnVerlopenOp, "Contacttermijn verlopen: de coördinator is gewaarschuwd", let_op=True)
        )
    for v in d.verlengingen:
        regels.append(Gebeurd(v.tijdstip, f"Incassostop verlengd met {v.dagen} dagen, tot {datum(v.tot)}", v.reden))
    if d.eindresultaat:
        r = d.eindresultaat
        regels.append(Gebeurd(r.tijdstip, f"Afgerond: {labels.EINDRESULTAAT[r.code]}", r.toelichting))
        if r.gecorrigeerdOp:
            regels.append(Gebeurd(r.gecorrigeerdOp, "Eindresultaat gecorrigeerd"))
    if d.intrekking:
        i = d.intrekking
        regels.append(Gebeurd(i.tijdstip, f"Ingetrokken door de schuldeiser: {_REDEN[i.reden]}", i.toelichting))
    if d.incassostopBeeindigdOp:
        regels.append(Gebeurd(d.incassostopTot, "Incassostop afgelopen"))
    if d.herinnerdOp:
        regels.append(Gebeurd(d.herinnerdOp, "Herinnering: rond af voordat de persoonsgegevens worden verwijderd"))
    if d.persoonsgegevensVerwijderdOp:
        regels.append(Gebeurd(d.persoonsgegevensVerwijderdOp, "Persoonsgegevens verwijderd"))
    return sorted(regels, key=lambda g: g.tijdstip)


@dataclass(frozen=True)
class Voorbeeld:
    """Exactly what the creditor will learn of a final result (presentation.doorverwijzing.terugkoppeling)."""

    code: Eindresultaat
    uitkomst: Terugkoppelingsuitkomst
    tekst: str


def voorbeeld(code: Eindresultaat) -> Voorbeeld:
    gevolg = uitkomst(code)
    return Voorbeeld(code, gevolg, labels.TERUGKOPPELING[gevolg])


def termijntekst(d: Doorverwijzing, nu: datetime) -> str:
    """The contact deadline, as the queue and the referral page say it."""
    if d.contactGelegdOp is not None:
        return f"Contact gelegd op {datum_tijd(d.contactGelegdOp)}"
    if not dv.is_open(d):
        return labels.STATUS[d.status]
    return tijd_over(d.contactUiterlijk, nu)
