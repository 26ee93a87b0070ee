"""Demo data of the pilot region: seven debt-assistance organisations in the Evides area (Zeeland and the
Rotterdam region, real CBS municipality codes, plausible postcode areas), one water company, and keys."""

import json
from dataclasses import dataclass
from typing import Any

from local.gateway import Gateway

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


@dataclass(frozen=True)
class DemoKey:
    label: str
    rol: str
    subject: str | None
    secret: str


def sleutels() -> list[DemoKey]:
    """Fixed secrets, so that the README's curl session works as printed. Local only."""
    return [
        DemoKey("schuldeiser Evides (demo)", "schuldeiser", SCHULDEISER_ID, "demo-schuldeiser-evides"),
        *(
            DemoKey(org["naam"], "organisatie", org_id, f"demo-organisatie-{org_id}")
            for org_id, org in ORGANISATIES.items()
        ),
    ]


def organisatie_body(org_id: str, org: dict[str, Any]) -> dict[str, Any]:
    return {
        "naam": org["naam"],
        "email": f"intake@{org_id}.example",
        "escalatieEmail": f"coordinator@{org_id}.example",
        "smsNummers": ["06 12000001"],
        "gemeenten": [{"code": c, "naam": n, "postcodegebieden": p} for c, n, p in org["gemeenten"]],
    }


def seed(gateway: Gateway, admin_key: str) -> None:
    headers = {"Authorization": f"Bearer {admin_key}", "Content-Type": "application/json"}
    verzoeken = [(f"/v1/organisaties/{org_id}", organisatie_body(org_id, org)) for org_id, org in ORGANISATIES.items()]
    verzoeken.append((f"/v1/schuldeisers/{SCHULDEISER_ID}", SCHULDEISER))
    for pad, body in verzoeken:
        antwoord = gateway.handle("PUT", pad, headers, json.dumps(body).encode())
        if antwoord.status not in (200, 201):
            raise RuntimeError(f"seeding {pad} failed: {antwoord.status} {antwoord.body!r}")
