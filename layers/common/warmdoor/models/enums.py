"""Closed vocabularies of the contract, named as in the VNG early-signalling information model."""

from enum import StrEnum


class Rol(StrEnum):
    SCHULDEISER = "schuldeiser"
    ORGANISATIE = "organisatie"
    BEHEER = "beheer"


class Status(StrEnum):
    AANGEMELD = "aangemeld"
    CONTACT_GELEGD = "contact_gelegd"
    AFGEROND = "afgerond"
    INGETROKKEN = "ingetrokken"


OPEN_STATUSSEN = frozenset({Status.AANGEMELD, Status.CONTACT_GELEGD})


class Signaalpartner(StrEnum):
    ENERGIE = "energie"
    HUUR = "huur"
    HYPOTHEEK = "hypotheek"
    ZORG = "zorg"
    CAK_ZORGVERZEKERINGEN = "cak_zorgverzekeringen"
    CAK_EIGEN_BIJDRAGE = "cak_eigen_bijdrage"
    WATER = "water"
    DUO = "duo"
    BELASTINGDIENST = "belastingdienst"
    DIENST_TOESLAGEN = "dienst_toeslagen"
    OVERIGE = "overige"


class Toestemmingskanaal(StrEnum):
    TELEFOON = "telefoon"
    BALIE = "balie"
    MAIL = "mail"
    CHAT = "chat"
    BRIEF = "brief"
    HUISBEZOEK = "huisbezoek"
    OVERIGE = "overige"


class IntrekkingReden(StrEnum):
    BETAALD = "betaald"
    ONTERECHT = "onterecht"
    OVERIG = "overig"
