"""Routing: which organisation serves an address. A municipality belongs to at most one organisation,
and a postcode area to at most one municipality."""

from warmdoor.domain.errors import Conflict, GeenDeelnemendeOrganisatie, TegenstrijdigAdres
from warmdoor.models.entities import Organisatie, Routering, RouteringGemeente, RouteringOrganisatie


def bereik(gebied: str) -> tuple[int, int]:
    start, _, end = gebied.partition("-")
    return int(start), int(end or start)


def _overlapt(a: str, b: str) -> bool:
    (a_start, a_end), (b_start, b_end) = bereik(a), bereik(b)
    return a_start <= b_end and b_start <= a_end


def _gemeente_van_postcode(routering: Routering, postcode: str) -> str | None:
    pc4 = int(postcode[:4])
    for code, gemeente in routering.gemeenten.items():
        if any(bereik(gebied)[0] <= pc4 <= bereik(gebied)[1] for gebied in gemeente.postcodegebieden):
            return code
    return None


def gemeente_voor(routering: Routering, gemeentecode: str | None, postcode: str) -> str:
    """The participating municipality for an address: the one named, else the one holding its PC4. A named
    municipality that another municipality's area contradicts is refused, never guessed between (a PC4
    that crosses a border belongs to no area, so naming the municipality settles it)."""
    van_postcode = _gemeente_van_postcode(routering, postcode)
    if gemeentecode is not None:
        if van_postcode is not None and van_postcode != gemeentecode:
            raise TegenstrijdigAdres(gemeentecode, postcode, van_postcode)
        if gemeentecode in routering.gemeenten:
            return gemeentecode
        raise GeenDeelnemendeOrganisatie(f"Geen deelnemende organisatie voor gemeente {gemeentecode}")
    if van_postcode is not None:
        return van_postcode
    raise GeenDeelnemendeOrganisatie(
        f"Geen deelnemende organisatie voor postcode {postcode[:4]}; geef de gemeentecode mee als de "
        "postcode in meer gemeenten ligt"
    )


def met_organisatie(routering: Routering, organisatie: Organisatie) -> Routering:
    """The routing with this organisation's municipalities replaced, or Conflict naming the holder."""
    anderen = {
        code: gemeente for code, gemeente in routering.gemeenten.items() if gemeente.organisatieId != organisatie.id
    }
    for code in (g.code for g in organisatie.gemeenten):
        if code in anderen:
            raise Conflict(f"Gemeente {code} hoort al bij organisatie {anderen[code].organisatieId}")
    eigen = {
        gemeente.code: RouteringGemeente(
            organisatieId=organisatie.id, naam=gemeente.naam, postcodegebieden=gemeente.postcodegebieden
        )
        for gemeente in organisatie.gemeenten
    }
    alle = {**anderen, **eigen}
    for code, gemeente in eigen.items():
        for ander_code, ander in alle.items():
            if ander_code == code:
                continue
            for gebied in gemeente.postcodegebieden:
                for ander_gebied in ander.postcodegebieden:
                    if _overlapt(gebied, ander_gebied):
                        raise Conflict(
                            f"Postcodegebied {gebied} van {code} overlapt met {ander_gebied} van gemeente "
                            f"{ander_code} (organisatie {ander.organisatieId})"
                        )
    organisaties = {**routering.organisaties, organisatie.id: voor_intake(organisatie)}
    return Routering(gemeenten=alle, organisaties=organisaties, versie=routering.versie + 1)


def voor_intake(organisatie: Organisatie) -> RouteringOrganisatie:
    return RouteringOrganisatie(id=organisatie.id, naam=organisatie.naam, sluitingsdagen=organisatie.sluitingsdagen)
