"""Demo data of the pilot region: seven debt-assistance organisations in the Evides area (Zeeland and the
Rotterdam region, real CBS municipality codes, plausible postcode areas), one water company, keys with
fixed ids and secrets, four referrals with fixed ids, and a caseworker and a coordinator per organisation, a
staff member of the water company and an operator who sign in to the pages with a known password: the ids and
keys that events/ refers to."""

import dataclasses
import functools
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from local import aws
from local.gateway import Gateway
from local.lambdas import Runtime
from warmdoor.adapters.cognito import CognitoGebruikers
from warmdoor.domain import intake, webhooks
from warmdoor.domain import sleutels as sleutelbeheer
from warmdoor.domain.context import GeenMetingen
from warmdoor.models.entities import Principal
from warmdoor.models.enums import Rol
from warmdoor.models.gebruikers import rolgroepen
from warmdoor.models.requests import DoorverwijzingVerzoek
from warmdoor.models.webhooks import SOORTEN, WebhookVerzoek
from warmdoor.ports import Clock, Gebruiksplan

ORGANISATIES: dict[str, dict[str, Any]] = {
    "walcheren": {
        "naam": "Schuldhulp Walcheren (demo)",
        "gemeenten": [
            ("GM0687", "Middelburg", ["4330-4339"]),
            ("GM0718", "Vlissingen", ["4380-4389"]),
            ("GM0717", "Veere", ["4350-4374"]),
        ],
    },
    "bevelanden": {
        "naam": "Schuldhulp De Bevelanden (demo)",
        "gemeenten": [
            ("GM0664", "Goes", ["4460-4469"]),
            ("GM0654", "Borsele", ["4430-4439", "4450-4459"]),
            ("GM0678", "Kapelle", ["4420-4429"]),
            ("GM0703", "Reimerswaal", ["4400-4419"]),
            ("GM1695", "Noord-Beveland", ["4480-4494"]),
        ],
    },
    "schouwen-tholen": {
        "naam": "Schuldhulp Schouwen-Duiveland en Tholen (demo)",
        "gemeenten": [("GM1676", "Schouwen-Duiveland", ["4300-4329"]), ("GM0716", "Tholen", ["4690-4699"])],
    },
    "zeeuws-vlaanderen": {
        "naam": "Schuldhulp Zeeuws-Vlaanderen (demo)",
        "gemeenten": [
            ("GM0715", "Terneuzen", ["4530-4559"]),
            ("GM0677", "Hulst", ["4560-4589"]),
            ("GM1714", "Sluis", ["4500-4529"]),
        ],
    },
    "rotterdam": {
        "naam": "Kredietbank Rotterdam (demo)",
        "gemeenten": [("GM0599", "Rotterdam", ["3000-3099"])],
    },
    "waterweg": {
        "naam": "Schuldhulp Nieuwe Waterweg (demo)",
        "gemeenten": [
            ("GM0606", "Schiedam", ["3110-3125"]),
            ("GM0622", "Vlaardingen", ["3130-3138"]),
            ("GM0556", "Maassluis", ["3140-3147"]),
        ],
    },
    "ijsselgemeenten": {
        "naam": "Schuldhulp IJsselgemeenten (demo)",
        "gemeenten": [
            ("GM0502", "Capelle aan den IJssel", ["2900-2909"]),
            ("GM0542", "Krimpen aan den IJssel", ["2920-2925"]),
        ],
    },
}

SCHULDEISER_ID = "evides-demo"
SCHULDEISER = {"naam": "Evides Waterbedrijf (demo)", "type": "water", "email": "incasso@evides.example"}
# The referrals' creditor, apart from Evides so that what a newcomer does as Evides (the README's curl
# session) shows only their own referrals, and what they do in Walcheren only their own alerts.
ENERGIE_ID = "energie-demo"
ENERGIE = {"naam": "Zeeuwse Energie (demo)", "type": "energie", "email": "incasso@energie.example"}

# The referrals, one in each stage a developer wants to see an event of.
OPEN = "de000000-0000-4000-8000-000000000001"  # registered, waiting for contact (Terneuzen)
AFGEROND = "de000000-0000-4000-8000-000000000002"  # reached, closed with a result, stop extended (Hulst)
INGETROKKEN = "de000000-0000-4000-8000-000000000003"  # withdrawn by the creditor (Sluis)
SCHIEDAM = "de000000-0000-4000-8000-000000000004"  # registered, waiting for contact (Schiedam)


@dataclass(frozen=True)
class DemoKey:
    label: str
    rol: str
    subject: str | None
    secret: str
    id: str


def sleutels() -> list[DemoKey]:
    """Fixed secrets and ids, so that the README's curl session and events/ work as printed. Local only."""
    return [
        DemoKey(
            "schuldeiser Evides (demo)", "schuldeiser", SCHULDEISER_ID, "demo-schuldeiser-evides", "de00000000000001"
        ),
        DemoKey(
            "schuldeiser Zeeuwse Energie (demo)",
            "schuldeiser",
            ENERGIE_ID,
            "demo-schuldeiser-energie",
            "de00000000000002",
        ),
        *(
            DemoKey(org["naam"], "organisatie", org_id, f"demo-organisatie-{org_id}", f"de000000000000{nummer:02x}")
            for nummer, (org_id, org) in enumerate(ORGANISATIES.items(), start=0x10)
        ),
    ]


# A key of Evides that was revoked (the authorizer's event of a revoked key uses it).
INGETROKKEN_SLEUTEL = DemoKey(
    "ingetrokken sleutel (demo)", "schuldeiser", SCHULDEISER_ID, "demo-ingetrokken-sleutel", "de0000000000dead"
)
BEHEER_SLEUTEL_ID = "de00000000000000"
# The operator key of `make run` unless WARMDOOR_ADMIN_KEY names another (the events use this one).
BEHEER_SLEUTEL = "local-admin-key"


# Everyone of the demo accounts signs in to the pages with this password (local only; it meets the user pool's
# password policy). medewerker@<organisation>.example is a caseworker, coordinator@<...> a coordinator;
# medewerker@evides-demo.example works for the creditor, beheer@warmdoor.example is the operator.
WACHTWOORD = "Demo-wachtwoord-1!"

# A caseworker and a coordinator per organisation (fictitious names).
_NAMEN: dict[str, tuple[str, str]] = {
    "walcheren": ("Mila Jansen", "Daan de Jong"),
    "bevelanden": ("Sem Bakker", "Fenna Visser"),
    "schouwen-tholen": ("Lotte Smit", "Jesse Meijer"),
    "zeeuws-vlaanderen": ("Noah de Wit", "Saar Mulder"),
    "rotterdam": ("Yara Bos", "Omar El Idrissi"),
    "waterweg": ("Tess Vos", "Bram Peters"),
    "ijsselgemeenten": ("Finn Hendriks", "Lina van Dijk"),
}


@dataclass(frozen=True)
class DemoMedewerker:
    organisatie: str | None
    email: str
    naam: str
    coordinator: bool
    sub: str  # fixed, as events/ and a restored state refer to it (Cognito's own would differ per run)
    schuldeiser: str | None = None
    beheer: bool = False

    @property
    def rol(self) -> str:
        if self.beheer:
            return "beheer"
        if self.schuldeiser:
            return "schuldeiser"
        return "coördinator" if self.coordinator else "medewerker"


# The creditor's staff member who refers by form, and the operator.
SCHULDEISER_MEDEWERKER = DemoMedewerker(
    organisatie=None,
    email=f"medewerker@{SCHULDEISER_ID}.example",
    naam="Eva Evers",
    coordinator=False,
    sub="de000000-0000-4000-8002-000000000001",
    schuldeiser=SCHULDEISER_ID,
)
BEHEERDER = DemoMedewerker(
    organisatie=None,
    email="beheer@warmdoor.example",
    naam="Bas Beheer",
    coordinator=False,
    sub="de000000-0000-4000-8003-000000000001",
    beheer=True,
)


def medewerkers() -> list[DemoMedewerker]:
    return [
        *(
            DemoMedewerker(
                org_id,
                f"{'coordinator' if coordinator else 'medewerker'}@{org_id}.example",
                _NAMEN[org_id][coordinator],
                coordinator,
                f"de000000-0000-4000-8001-{nummer:010x}{int(coordinator):02x}",
            )
            for nummer, org_id in enumerate(ORGANISATIES, start=1)
            for coordinator in (False, True)
        ),
        SCHULDEISER_MEDEWERKER,
        BEHEERDER,
    ]


def medewerker(org_id: str, coordinator: bool = False) -> DemoMedewerker:
    return next(m for m in medewerkers() if m.organisatie == org_id and m.coordinator == coordinator)


def medewerkers_aanmaken(refs: dict[str, str]) -> None:
    """The demo accounts, invited as the operator invites (their role's group, the coordinators'), then given
    the demo password as if they had chosen it, and their fixed sub."""
    pool = refs["Gebruikerspool"]
    cognito = aws.client("cognito-idp")
    gebruikers = CognitoGebruikers(cognito, pool)
    for m in medewerkers():
        gebruikers.uitnodigen(m.email, m.naam, rolgroepen(m.organisatie, m.schuldeiser, m.beheer, m.coordinator))
        cognito.admin_set_user_password(UserPoolId=pool, Username=m.email, Password=WACHTWOORD, Permanent=True)
        aws.sub_zetten(pool, m.email, m.sub)


def organisatie_body(org_id: str, org: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": org["naam"],
        "email": f"intake@{org_id}.example",
        "escalatieEmail": f"coordinator@{org_id}.example",
        "smsNummers": ["06 12000001"],
        "gemeenten": [{"code": c, "naam": n, "postcodegebieden": p} for c, n, p in org["gemeenten"]],
    }


def _aanmelding(
    referentie: str, client: dict[str, Any], adres: dict[str, Any], toestemming_op: datetime
) -> DoorverwijzingVerzoek:
    return DoorverwijzingVerzoek.model_validate(
        {
            "schuldeiserReferentie": referentie,
            "toestemming": {
                "verleend": True,
                "tijdstip": toestemming_op.isoformat(),
                "kanaal": "telefoon",
                "smsBevestiging": True,
            },
            "client": client,
            "adres": adres,
            "achterstand": {"bedrag": "312.40", "ontstaansdatum": "2026-08-01"},
            "toelichting": "Bereikbaar na 16.00 uur",
        }
    )


# Fictitious people at real streets of the municipalities their postcodes route to.
_PERSONEN: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    OPEN: (
        "ZE-DEMO-0001",
        {
            "voorletters": "S.",
            "voornaam": "Sanne",
            "achternaam": "Visser",
            "geboortedatum": "1987-03-14",
            "telefoonnummer": "06 11111111",
            "email": "sanne.visser@example.nl",
        },
        {"straatnaam": "Noordstraat", "huisnummer": 20, "postcode": "4531 GE", "plaatsnaam": "Terneuzen"},
    ),
    AFGEROND: (
        "ZE-DEMO-0002",
        {
            "voorletters": "M.",
            "voornaam": "Mohamed",
            "achternaam": "El Amrani",
            "geboortedatum": "1979-11-02",
            "telefoonnummer": "06 22222222",
        },
        {"straatnaam": "Steenstraat", "huisnummer": 5, "postcode": "4561 AS", "plaatsnaam": "Hulst"},
    ),
    INGETROKKEN: (
        "ZE-DEMO-0003",
        {
            "voorletters": "P.",
            "voornaam": "Petra",
            "voorvoegsel": "de",
            "achternaam": "Bruijn",
            "geboortedatum": "1992-06-21",
            "telefoonnummer": "06 33333333",
        },
        {"straatnaam": "Kaai", "huisnummer": 8, "postcode": "4524 CK", "plaatsnaam": "Sluis"},
    ),
    SCHIEDAM: (
        "ZE-DEMO-0004",
        {
            "voorletters": "K.",
            "voornaam": "Kees",
            "achternaam": "Jansen",
            "geboortedatum": "1965-01-30",
            "telefoonnummer": "06 44444444",
        },
        {"straatnaam": "Hoogstraat", "huisnummer": 80, "postcode": "3111 HL", "plaatsnaam": "Schiedam"},
    ),
}


# Who has a webhook to the local receiver (at <receiver>/<owner>), with which (fixed) id: the creditors and
# the organisations the demo referrals and the README's curl session go to, each for every kind it may have.
WEBHOOKS = {
    SCHULDEISER_ID: "de000000-0000-4000-8000-00000000e001",
    ENERGIE_ID: "de000000-0000-4000-8000-00000000e002",
    "walcheren": "de000000-0000-4000-8000-00000000e010",
    "zeeuws-vlaanderen": "de000000-0000-4000-8000-00000000e011",
}


def webhooks_aanmaken(runtime: Runtime, ontvanger: str) -> None:
    """The demo's webhooks (WEBHOOKS), through the domain: the API would give each a random id."""
    diensten = runtime.diensten("ApiFunction")
    for sleutel in sleutels():
        if sleutel.subject not in WEBHOOKS:
            continue
        rol = Rol(sleutel.rol)
        wie = Principal(sleutelId=sleutel.id, rol=rol, **{f"{rol.value}Id": sleutel.subject})
        verzoek = WebhookVerzoek(
            url=f"{ontvanger}/{sleutel.subject}", soorten=sorted(SOORTEN[rol]), omschrijving="lokale ontvanger"
        )
        ctx = dataclasses.replace(diensten.context, nieuw_id=functools.partial(str, WEBHOOKS[sleutel.subject]))
        webhooks.maken(ctx, diensten.webhooks, diensten.webhookadres, wie, verzoek)


def seed(
    gateway: Gateway, runtime: Runtime, plan: Gebruiksplan, admin_key: str, klok: Clock, ontvanger: str | None
) -> None:
    """Everything above: keys in the store, organisations and the creditor through the API, webhooks to the
    local receiver `ontvanger`, the referrals through the domain itself (the API would give each a random id),
    what happened to them through the API."""
    # The API function's repository and policy; its metrics would be flushed into its first real invocation.
    ctx = dataclasses.replace(runtime.diensten("ApiFunction").context, metingen=GeenMetingen())
    nu = klok.now()
    sleutelbeheer.registreren(
        ctx.repo, plan, admin_key, nu, Rol.BEHEER, omschrijving="lokale beheersleutel", sleutel_id=BEHEER_SLEUTEL_ID
    )
    for key in [*sleutels(), INGETROKKEN_SLEUTEL]:
        subject = {"schuldeiser_id" if key.rol == "schuldeiser" else "organisatie_id": key.subject}
        sleutelbeheer.registreren(
            ctx.repo, plan, key.secret, nu, Rol(key.rol), omschrijving=key.label, sleutel_id=key.id, **subject
        )

    def verzoek(geheim: str, method: str, pad: str, body: dict[str, Any] | None = None) -> None:
        headers = {"Authorization": f"Bearer {geheim}", "Content-Type": "application/json"}
        antwoord = gateway.handle(method, pad, headers, json.dumps(body).encode() if body is not None else b"")
        if antwoord.status not in (200, 201, 204):
            raise RuntimeError(f"seeding {method} {pad} failed: {antwoord.status} {antwoord.body!r}")

    for org_id, org in ORGANISATIES.items():
        verzoek(admin_key, "PUT", f"/v1/organisaties/{org_id}", organisatie_body(org_id, org))
    medewerkers_aanmaken(runtime.refs)
    verzoek(admin_key, "PUT", f"/v1/schuldeisers/{SCHULDEISER_ID}", SCHULDEISER)
    verzoek(admin_key, "PUT", f"/v1/schuldeisers/{ENERGIE_ID}", ENERGIE)
    verzoek(admin_key, "DELETE", f"/v1/api-sleutels/{INGETROKKEN_SLEUTEL.id}")

    if ontvanger is not None:
        webhooks_aanmaken(runtime, ontvanger)

    energie_sleutel = next(k for k in sleutels() if k.subject == ENERGIE_ID)
    energie = Principal(sleutelId=energie_sleutel.id, rol=Rol.SCHULDEISER, schuldeiserId=ENERGIE_ID)
    for doorverwijzing_id, (referentie, client, adres) in _PERSONEN.items():
        toestemming_op = klok.now().replace(microsecond=0) - timedelta(hours=1)
        ctx_met_id = dataclasses.replace(ctx, nieuw_id=functools.partial(str, doorverwijzing_id))
        intake.aanmelden(ctx_met_id, energie, _aanmelding(referentie, client, adres, toestemming_op), None)

    organisatie = "demo-organisatie-zeeuws-vlaanderen"
    pad = f"/v1/doorverwijzingen/{AFGEROND}"
    gesprek = {"soort": "telefoon", "bereikt": True, "tijdstip": klok.now().replace(microsecond=0).isoformat()}
    verzoek(organisatie, "POST", f"{pad}/contactpogingen", gesprek)
    verzoek(organisatie, "PUT", f"{pad}/eindresultaat", {"code": "vervolghulp_financieel"})
    verzoek(organisatie, "POST", f"{pad}/verlengingen", {"dagen": 30, "reden": "Betalingsregeling loopt nog"})
    verzoek(energie_sleutel.secret, "POST", f"/v1/doorverwijzingen/{INGETROKKEN}/intrekkingen", {"reden": "betaald"})
