"""The Dutch words people read for the codes of the information model (pages and, where they fit, e-mails)."""

from warmdoor.models.enums import (
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    IntrekkingReden,
    Status,
    Terugkoppelingsuitkomst,
    Toestemmingskanaal,
)

STATUS = {
    Status.AANGEMELD: "Nog geen contact",
    Status.CONTACT_GELEGD: "Contact gelegd",
    Status.AFGEROND: "Afgerond",
    Status.INGETROKKEN: "Ingetrokken",
}

CONTACTSOORT = {
    Contactsoort.TELEFOON: "Telefoon",
    Contactsoort.MAIL: "E-mail",
    Contactsoort.SMS_WHATSAPP: "Sms of WhatsApp",
    Contactsoort.HUISBEZOEK: "Huisbezoek",
    Contactsoort.BRIEF: "Brief",
    Contactsoort.KAARTJE: "Kaartje in de bus",
    Contactsoort.ADMINISTRATIEF: "Administratief",
    Contactsoort.OVERIGE: "Anders",
}

DAGDEEL = {Dagdeel.OCHTEND: "ochtend", Dagdeel.MIDDAG: "middag", Dagdeel.AVOND: "avond"}

EINDRESULTAAT = {
    Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING: "Niet opgepakt: dit is een herhaalde melding",
    Eindresultaat.NIET_OPGEPAKT_ONTERECHT_SIGNAAL: "Niet opgepakt: het signaal klopte niet",
    Eindresultaat.OVERLEDEN: "De persoon is overleden",
    Eindresultaat.GEEN_INWONER: "De persoon woont niet in ons gebied",
    Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN: "Niet opgepakt: een andere reden",
    Eindresultaat.AL_BEKEND_BIJ_SCHULDHULP: "Al bekend bij schuldhulp",
    Eindresultaat.ANDER_LOPEND_TRAJECT: "Zit al in een ander hulptraject",
    Eindresultaat.GEEN_CONTACT: "Geen contact gekregen",
    Eindresultaat.GEEN_REACTIE_NA_CONTACT: "Geen reactie meer na eerder contact",
    Eindresultaat.GEEN_HULP_GEWENST: "Wil geen hulp",
    Eindresultaat.ZELF_OPGELOST: "Heeft zelf betaald of een regeling getroffen",
    Eindresultaat.QUICK_FIX: "Budgetadvies of snelle oplossing",
    Eindresultaat.VERVOLGHULP_FINANCIEEL: "Vervolghulp, financieel (schuldhulp, budgetcoaching, administratie)",
    Eindresultaat.VERWIJZING_ZONDER_CONTACT: "Doorverwezen zonder contact (bijvoorbeeld naar zorg)",
    Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL: "Vervolghulp, niet financieel (maatschappelijk werk, zorg)",
}

# The result form's groups, in the order a caseworker thinks of them.
EINDRESULTAAT_GROEPEN: list[tuple[str, list[Eindresultaat]]] = [
    (
        "Geholpen",
        [
            Eindresultaat.ZELF_OPGELOST,
            Eindresultaat.QUICK_FIX,
            Eindresultaat.VERVOLGHULP_FINANCIEEL,
            Eindresultaat.VERVOLGHULP_NIET_FINANCIEEL,
            Eindresultaat.VERWIJZING_ZONDER_CONTACT,
        ],
    ),
    (
        "Contact, geen nieuw traject",
        [
            Eindresultaat.AL_BEKEND_BIJ_SCHULDHULP,
            Eindresultaat.ANDER_LOPEND_TRAJECT,
            Eindresultaat.GEEN_HULP_GEWENST,
            Eindresultaat.GEEN_REACTIE_NA_CONTACT,
        ],
    ),
    ("Geen contact", [Eindresultaat.GEEN_CONTACT]),
    (
        "Niet opgepakt",
        [
            Eindresultaat.NIET_OPGEPAKT_HERHAALDE_MELDING,
            Eindresultaat.NIET_OPGEPAKT_ONTERECHT_SIGNAAL,
            Eindresultaat.NIET_OPGEPAKT_ANDERE_REDEN,
            Eindresultaat.GEEN_INWONER,
            Eindresultaat.OVERLEDEN,
        ],
    ),
]

TERUGKOPPELING = {
    Terugkoppelingsuitkomst.NIET_OPGEPAKT_HERHAALDE_MELDING: "Niet opgepakt: herhaalde melding",
    Terugkoppelingsuitkomst.NIET_OPGEPAKT_ONTERECHT_SIGNAAL: "Niet opgepakt: onterecht signaal",
    Terugkoppelingsuitkomst.OVERLEDEN: "Overleden",
    Terugkoppelingsuitkomst.GEEN_INWONER: "Geen inwoner van het werkgebied",
    Terugkoppelingsuitkomst.NIET_OPGEPAKT: "Niet opgepakt",
    Terugkoppelingsuitkomst.HULP_LOOPT_AL: "Er loopt al hulp",
    Terugkoppelingsuitkomst.GEEN_CONTACT: "Geen contact",
    Terugkoppelingsuitkomst.GEEN_REACTIE: "Geen reactie",
    Terugkoppelingsuitkomst.GEEN_HULP_GEWENST: "Geen hulp gewenst",
    Terugkoppelingsuitkomst.OPGELOST: "Opgelost",
    Terugkoppelingsuitkomst.VERVOLGHULP: "Vervolghulp",
}

TOESTEMMINGSKANAAL = {
    Toestemmingskanaal.TELEFOON: "Telefoon",
    Toestemmingskanaal.BALIE: "Aan de balie",
    Toestemmingskanaal.MAIL: "E-mail",
    Toestemmingskanaal.CHAT: "Chat",
    Toestemmingskanaal.BRIEF: "Brief",
    Toestemmingskanaal.HUISBEZOEK: "Huisbezoek",
    Toestemmingskanaal.OVERIGE: "Anders",
}

INTREKKINGSREDEN = {
    IntrekkingReden.BETAALD: "De klant heeft betaald",
    IntrekkingReden.ONTERECHT: "Onterecht aangemeld",
    IntrekkingReden.OVERIG: "Een andere reden",
}
