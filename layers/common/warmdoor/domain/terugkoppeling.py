"""What a creditor may learn of a final result (domain.md's disclosure table): the result itself where
that is allowed, "not taken up" for the other reason (never the reason), and otherwise its category."""

from warmdoor.models.enums import Eindresultaat, Terugkoppelingsuitkomst

_UITKOMST = {
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: Terugkoppelingsuitkomst.NIET_OPGEPAKT_HERHAALDE_MELDING,
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT_SIGNAAL: Terugkoppelingsuitkomst.NIET_OPGEPAKT_ONTERECHT_SIGNAAL,
    Eindresultaat.OVERLEDEN: Terugkoppelingsuitkomst.OVERLEDEN,
    Eindresultaat.GEEN_INWONER: Terugkoppelingsuitkomst.GEEN_INWONER,
    # Unlawful stay, detention, safety list...: the creditor learns only that it was not taken up.
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: Terugkoppelingsuitkomst.NIET_OPGEPAKT,
    Eindresultaat.AL_BEKEND_BIJ_SCHULDHULP: Terugkoppelingsuitkomst.HULP_LOOPT_AL,
    Eindresultaat.ANDER_LOPEND_TRAJECT: Terugkoppelingsuitkomst.HULP_LOOPT_AL,
    Eindresultaat.GEEN_CONTACT: Terugkoppelingsuitkomst.GEEN_CONTACT,
    # There was contact: "no contact could be made" would not be true.
    Eindresultaat.GEEN_REACTIE_NA_CONTACT: Terugkoppelingsuitkomst.GEEN_REACTIE,
    Eindresultaat.GEEN_HULP_GEWENST: Terugkoppelingsuitkomst.GEEN_HULP_GEWENST,
    Eindresultaat.ZELF_OPGELOST: Terugkoppelingsuitkomst.OPGELOST,
    Eindresultaat.QUICK_FIX: Terugkoppelingsuitkomst.OPGELOST,
    Eindresultaat.VERVOLGHULP_FINANCIEEL: Terugkoppelingsuitkomst.VERVOLGHULP,
    Eindresultaat.VERWIJZING_ZONDER_CONTACT: Terugkoppelingsuitkomst.VERVOLGHULP,
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: Terugkoppelingsuitkomst.VERVOLGHULP,
}


def uitkomst(code: Eindresultaat) -> Terugkoppelingsuitkomst:
    return _UITKOMST[code]
