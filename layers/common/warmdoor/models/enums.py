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


class Contactsoort(StrEnum):
    """EnumContactsoort of the VNG information model."""

    TELEFOON = "telefoon"
    MAIL = "mail"
    BRIEF = "brief"
    SMS_WHATSAPP = "sms_whatsapp"
    HUISBEZOEK = "huisbezoek"
    KAARTJE = "kaartje"
    OVERIGE = "overige"
    ADMINISTRATIEF = "administratief"


class Dagdeel(StrEnum):
    OCHTEND = "ochtend"
    MIDDAG = "middag"
    AVOND = "avond"


class Eindresultaat(StrEnum):
    """EnumEindresultaat of the VNG information model."""

    NIET_OPGEPAKT_HERHAALDE_MELDING = "niet_opgepakt_herhaalde_melding"
    NIET_OPGEPAKT_ONTERECHT_SIGNAAL = "niet_opgepakt_onterecht_signaal"
    OVERLEDEN = "overleden"
    GEEN_INWONER = "geen_inwoner"
    NIET_OPGEPAKT_ANDERE_REDEN = "niet_opgepakt_andere_reden"
    AL_BEKEND_BIJ_SCHULDHULP = "al_bekend_bij_schuldhulp"
    ANDER_LOPEND_TRAJECT = "ander_lopend_traject"
    GEEN_CONTACT = "geen_contact"
    GEEN_REACTIE_NA_CONTACT = "geen_reactie_na_contact"
    GEEN_HULP_GEWENST = "geen_hulp_gewenst"
    ZELF_OPGELOST = "zelf_opgelost"
    QUICK_FIX = "quick_fix"
    VERVOLGHULP_FINANCIEEL = "vervolghulp_financieel"
    VERWIJZING_ZONDER_CONTACT = "verwijzing_zonder_contact"
    VERVOLGHULP_NIET_FINANCIEEL = "vervolghulp_niet_financieel"


class Terugkoppelingsuitkomst(StrEnum):
    """What a creditor may learn of a final result (domain.md's disclosure table)."""

    NIET_OPGEPAKT_HERHAALDE_MELDING = "niet_opgepakt_herhaalde_melding"
    NIET_OPGEPAKT_ONTERECHT_SIGNAAL = "niet_opgepakt_onterecht_signaal"
    OVERLEDEN = "overleden"
    GEEN_INWONER = "geen_inwoner"
    NIET_OPGEPAKT = "niet_opgepakt"
    HULP_LOOPT_AL = "hulp_loopt_al"
    GEEN_CONTACT = "geen_contact"
    GEEN_REACTIE = "geen_reactie"
    GEEN_HULP_GEWENST = "geen_hulp_gewenst"
    OPGELOST = "opgelost"
    VERVOLGHULP = "vervolghulp"


class IntrekkingReden(StrEnum):
    BETAALD = "betaald"
    ONTERECHT = "onterecht"
    OVERIG = "overig"
