"""Routing of an address to the organisation of its municipality."""

from datetime import date

import pytest

from warmdoor.domain.errors import Conflict, GeenDeelnemendeOrganisatie, TegenstrijdigAdres
from warmdoor.domain.routering import gemeente_voor, met_organisatie
from warmdoor.models.entities import Gemeente, Organisatie, Routering


def organisatie(org_id, *gemeenten):
    return Organisatie(
        id=org_id,
        naam=org_id,
        email=f"{org_id}@example.nl",
        gemeenten=[Gemeente(code=code, naam=code, postcodegebieden=list(gebieden)) for code, gebieden in gemeenten],
    )


@pytest.fixture
def routering():
    r = met_organisatie(Routering(), organisatie("walcheren", ("GM0687", ["4330-4339"]), ("GM0718", ["4380-4389"])))
    return met_organisatie(r, organisatie("rotterdam", ("GM0599", ["3000-3099"])))


def test_postcode_area_decides_the_municipality(routering):
    assert gemeente_voor(routering, None, "4331AB") == "GM0687"
    assert gemeente_voor(routering, None, "4389ZZ") == "GM0718"
    assert gemeente_voor(routering, None, "3011AA") == "GM0599"


def test_a_named_municipality_that_the_postcode_contradicts_is_refused_naming_both(routering):
    with pytest.raises(TegenstrijdigAdres) as fout:
        gemeente_voor(routering, "GM0599", "4331AB")
    assert [(p.name, p.reason) for p in fout.value.params] == [
        ("gemeentecode", "De postcode 4331AB ligt niet in GM0599"),
        ("adres.postcode", "De postcode 4331AB ligt in GM0687"),
    ]


def test_a_named_municipality_settles_a_postcode_outside_every_area(routering):
    assert gemeente_voor(routering, "GM0599", "4400AA") == "GM0599"
    assert gemeente_voor(routering, "GM0687", "4331AB") == "GM0687"


def test_no_participating_organisation(routering):
    with pytest.raises(GeenDeelnemendeOrganisatie):
        gemeente_voor(routering, None, "9999AA")
    with pytest.raises(GeenDeelnemendeOrganisatie):
        gemeente_voor(routering, "GM0363", "1011AB")


def test_a_municipality_belongs_to_one_organisation(routering):
    with pytest.raises(Conflict, match="GM0687 hoort al bij organisatie walcheren"):
        met_organisatie(routering, organisatie("andere", ("GM0687", [])))


def test_a_postcode_area_belongs_to_one_municipality(routering):
    with pytest.raises(Conflict, match="4335 van GM0664 overlapt met 4330-4339 van gemeente GM0687"):
        met_organisatie(routering, organisatie("andere", ("GM0664", ["4335"])))


def test_replacing_an_organisation_releases_its_old_municipalities(routering):
    kleiner = met_organisatie(routering, organisatie("walcheren", ("GM0687", ["4330-4339"])))
    assert "GM0718" not in kleiner.gemeenten
    overgenomen = met_organisatie(kleiner, organisatie("andere", ("GM0718", ["4380-4389"])))
    assert overgenomen.gemeenten["GM0718"].organisatieId == "andere"
    assert overgenomen.versie == routering.versie + 2


def test_the_routing_keeps_what_a_referral_takes_from_each_organisation(routering):
    """The intake reads the routing alone: the organisation's name and closing days come with it."""
    dicht = organisatie("rotterdam", ("GM0599", ["3000-3099"])).model_copy(
        update={"naam": "Kredietbank Rotterdam", "sluitingsdagen": [date(2026, 12, 24)]}
    )
    r = met_organisatie(routering, dicht)
    assert r.organisaties["rotterdam"].naam == "Kredietbank Rotterdam"
    assert r.organisaties["rotterdam"].sluitingsdagen == [date(2026, 12, 24)]
    assert r.organisaties["walcheren"].naam == "walcheren"  # the other organisation's, kept as it was
