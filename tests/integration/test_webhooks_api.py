"""Creditors, organisations and the operator keep webhook endpoints through the API: the secret is shown
once, URLs that lead inside are refused, each sees only its own, and the delivery log can be read."""

import json
from datetime import datetime, timedelta

import pytest
from pydantic.json_schema import models_json_schema

from warmdoor.models.webhooks import WebhookBericht, Webhooksoort

URL = "https://ontvanger.example.nl/warmdoor/webhooks"
SCHULDEISER = {"url": URL, "soorten": ["incassostop.gestart", "incassostop.beeindigd"]}
ORGANISATIE = {"url": URL, "soorten": ["doorverwijzing.aangemeld"]}
ONBEKEND = "00000000-0000-4000-8000-000000000000"
ONBEKEND_BERICHT = "msg_" + "0" * 32


def velden(antwoord):
    assert antwoord.headers["content-type"] == "application/problem+json", antwoord.body
    return [p["name"] for p in antwoord.body.get("invalidParams", [])]


def aanmaken(pilot, wie="evides", body=None):
    antwoord = pilot.callers[wie].post("/v1/webhooks", body or SCHULDEISER)
    assert antwoord.status == 201, antwoord.body
    return antwoord.body


@pytest.mark.parametrize(
    ("wie", "body", "eigenaar"),
    [
        ("evides", SCHULDEISER, {"rol": "schuldeiser", "id": "evides"}),
        ("walcheren", ORGANISATIE, {"rol": "organisatie", "id": "walcheren"}),
    ],
)
def test_an_owner_creates_reads_lists_replaces_and_deletes_its_webhook(pilot, dns, wie, body, eigenaar):
    caller = pilot.callers[wie]
    voor = pilot.clock.now()
    nieuw = caller.post("/v1/webhooks", {**body, "omschrijving": "Incassosysteem"})
    assert nieuw.status == 201
    webhook_id = nieuw.body["id"]
    assert nieuw.headers["location"] == f"/v1/webhooks/{webhook_id}"
    assert nieuw.body["geheim"].startswith("whsec_")
    assert nieuw.body["eigenaar"] == eigenaar
    assert nieuw.body["actief"] is True
    assert nieuw.body["aangemaaktOp"].endswith("+01:00")
    assert voor <= datetime.fromisoformat(nieuw.body["aangemaaktOp"]) <= pilot.clock.now()
    assert nieuw.body["geheimWisseltTot"] is None

    gelezen = caller.get(f"/v1/webhooks/{webhook_id}")
    assert gelezen.status == 200
    assert gelezen.body == {k: v for k, v in nieuw.body.items() if k != "geheim"}
    assert [w["id"] for w in caller.get("/v1/webhooks").body["items"]] == [webhook_id]

    vervangen = caller.put(f"/v1/webhooks/{webhook_id}", {**body, "url": URL + "/v2", "actief": False})
    assert vervangen.status == 200
    assert (vervangen.body["url"], vervangen.body["actief"], vervangen.body["omschrijving"]) == (
        URL + "/v2",
        False,
        None,
    )
    assert caller.get(f"/v1/webhooks/{webhook_id}").body["url"] == URL + "/v2"

    assert caller.delete(f"/v1/webhooks/{webhook_id}").status == 204
    assert caller.get(f"/v1/webhooks/{webhook_id}").status == 404
    assert caller.get("/v1/webhooks").body["items"] == []


def test_the_secret_is_shown_only_when_it_is_made(pilot, dns):
    nieuw = aanmaken(pilot)
    evides = pilot.callers["evides"]
    for antwoord in (
        evides.get(f"/v1/webhooks/{nieuw['id']}"),
        evides.get("/v1/webhooks"),
        evides.put(f"/v1/webhooks/{nieuw['id']}", SCHULDEISER),
        pilot.callers["beheer"].get("/v1/webhooks"),
    ):
        assert antwoord.status == 200
        tekst = json.dumps(antwoord.body)
        assert "whsec_" not in tekst and nieuw["geheim"] not in tekst and '"geheim"' not in tekst


@pytest.mark.parametrize(
    "url",
    [
        "http://ontvanger.example.nl/warmdoor",
        "https://127.0.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "https://10.1.2.3/",
        "https://[::1]/",
        "https://[::ffff:10.1.2.3]/",
        "https://intern.example.nl/webhooks",
        "https://gebruiker:wachtwoord@ontvanger.example.nl/",
        "ftp://ontvanger.example.nl/",
    ],
)
def test_a_url_that_is_not_https_to_a_public_address_is_refused(pilot, dns, url):
    dns["intern.example.nl"] = ["93.184.215.14", "10.0.0.5"]
    antwoord = pilot.callers["evides"].post("/v1/webhooks", {**SCHULDEISER, "url": url})
    assert antwoord.status == 400
    assert velden(antwoord) == ["url"]
    assert pilot.callers["evides"].get("/v1/webhooks").body["items"] == []


def test_a_webhook_cannot_be_changed_to_a_private_address(pilot, dns):
    dns["intern.example.nl"] = ["192.168.1.10"]
    nieuw = aanmaken(pilot)
    antwoord = pilot.callers["evides"].put(
        f"/v1/webhooks/{nieuw['id']}", {**SCHULDEISER, "url": "https://intern.example.nl/"}
    )
    assert antwoord.status == 400
    assert velden(antwoord) == ["url"]
    assert pilot.callers["evides"].get(f"/v1/webhooks/{nieuw['id']}").body["url"] == URL


def test_a_name_that_does_not_resolve_is_refused(pilot, dns):
    antwoord = pilot.callers["evides"].post("/v1/webhooks", {**SCHULDEISER, "url": "https://bestaat-niet.invalid/"})
    assert antwoord.status == 400
    assert velden(antwoord) == ["url"]


@pytest.mark.parametrize(
    ("wie", "soorten"),
    [
        ("evides", ["incassostop.gestart", "doorverwijzing.aangemeld"]),
        ("evides", ["contacttermijn.verlopen"]),
        ("walcheren", ["incassostop.gestart"]),
        ("walcheren", ["doorverwijzing.afgerond", "doorverwijzing.ingetrokken"]),
    ],
)
def test_event_kinds_of_the_other_role_are_refused(pilot, dns, wie, soorten):
    antwoord = pilot.callers[wie].post("/v1/webhooks", {"url": URL, "soorten": soorten})
    assert antwoord.status == 400
    assert velden(antwoord) == ["soorten"]


def test_the_kinds_shared_by_both_roles_are_allowed_to_both(pilot, dns):
    for wie in ("evides", "walcheren"):
        assert aanmaken(pilot, wie, {"url": URL, "soorten": ["doorverwijzing.ingetrokken"]})["soorten"] == [
            "doorverwijzing.ingetrokken"
        ]


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({"url": URL, "soorten": []}, "soorten"),
        ({"url": URL, "soorten": ["incassostop.gepauzeerd"]}, "soorten[0]"),
        ({"soorten": ["incassostop.gestart"]}, "url"),
        ({**SCHULDEISER, "actief": "ja"}, "actief"),
        ({**SCHULDEISER, "geheim": "whsec_eigen"}, "geheim"),
    ],
)
def test_a_malformed_request_names_the_field(pilot, dns, body, veld):
    antwoord = pilot.callers["evides"].post("/v1/webhooks", body)
    assert antwoord.status == 400
    assert veld in velden(antwoord)


def test_someone_elses_webhook_is_not_found(pilot, dns):
    van_evides = aanmaken(pilot)["id"]
    for wie in ("oasen", "walcheren"):
        caller = pilot.callers[wie]
        for webhook_id in (van_evides, ONBEKEND):
            for antwoord in (
                caller.get(f"/v1/webhooks/{webhook_id}"),
                caller.put(f"/v1/webhooks/{webhook_id}", SCHULDEISER),
                caller.delete(f"/v1/webhooks/{webhook_id}"),
                caller.post(f"/v1/webhooks/{webhook_id}/geheimen"),
                caller.get(f"/v1/webhooks/{webhook_id}/berichten"),
                caller.post(f"/v1/webhooks/{webhook_id}/herbezorgingen", {"vanaf": "2026-11-01T00:00:00Z"}),
                caller.post(f"/v1/webhooks/{webhook_id}/berichten/{ONBEKEND_BERICHT}/herbezorgingen"),
            ):
                assert antwoord.status == 404, (wie, webhook_id, antwoord.body)
        assert caller.get("/v1/webhooks").body["items"] == []
    assert pilot.callers["evides"].get(f"/v1/webhooks/{van_evides}").status == 200


def test_the_operator_keeps_webhooks_for_a_creditor_and_an_organisation(pilot, dns):
    beheer = pilot.callers["beheer"]
    voor_oasen = aanmaken(pilot, "beheer", {**SCHULDEISER, "schuldeiserId": "oasen"})
    assert voor_oasen["eigenaar"] == {"rol": "schuldeiser", "id": "oasen"}
    voor_rotterdam = aanmaken(pilot, "beheer", {**ORGANISATIE, "organisatieId": "rotterdam"})
    assert voor_rotterdam["eigenaar"] == {"rol": "organisatie", "id": "rotterdam"}
    eigen = aanmaken(pilot, "evides")

    assert [w["id"] for w in pilot.callers["oasen"].get("/v1/webhooks").body["items"]] == [voor_oasen["id"]]
    assert [w["id"] for w in pilot.callers["rotterdam"].get("/v1/webhooks").body["items"]] == [voor_rotterdam["id"]]
    # The operator sees everyone's, page by page.
    eerste = beheer.get("/v1/webhooks?limiet=2").body
    assert len(eerste["items"]) == 2 and eerste["volgende"]
    tweede = beheer.get(f"/v1/webhooks?limiet=2&volgende={eerste['volgende']}").body
    assert tweede["volgende"] is None
    assert {w["id"] for w in eerste["items"] + tweede["items"]} == {
        voor_oasen["id"],
        voor_rotterdam["id"],
        eigen["id"],
    }
    # ... and changes and deletes them, but an owner stays the owner.
    verplaatst = beheer.put(f"/v1/webhooks/{voor_oasen['id']}", {**SCHULDEISER, "schuldeiserId": "evides"})
    assert verplaatst.status == 400
    assert beheer.put(f"/v1/webhooks/{voor_oasen['id']}", {**SCHULDEISER, "actief": False}).status == 200
    assert beheer.delete(f"/v1/webhooks/{eigen['id']}").status == 204
    assert pilot.callers["evides"].get("/v1/webhooks").body["items"] == []


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({**SCHULDEISER, "schuldeiserId": "onbekend"}, "schuldeiserId"),
        ({**ORGANISATIE, "organisatieId": "onbekend"}, "organisatieId"),
        (SCHULDEISER, "schuldeiserId"),
        ({**SCHULDEISER, "schuldeiserId": "evides", "organisatieId": "walcheren"}, "schuldeiserId"),
        ({**ORGANISATIE, "schuldeiserId": "evides"}, "soorten"),
    ],
)
def test_the_operator_names_exactly_one_existing_owner_whose_kinds_fit(pilot, dns, body, veld):
    antwoord = pilot.callers["beheer"].post("/v1/webhooks", body)
    assert antwoord.status == 400
    assert velden(antwoord) == [veld]


def test_only_the_operator_chooses_the_owner(pilot, dns):
    antwoord = pilot.callers["evides"].post("/v1/webhooks", {**SCHULDEISER, "schuldeiserId": "oasen"})
    assert antwoord.status == 400
    assert velden(antwoord) == ["schuldeiserId"]
    assert pilot.callers["oasen"].get("/v1/webhooks").body["items"] == []


def test_an_owner_has_at_most_ten_webhooks(pilot, dns):
    for _ in range(10):
        aanmaken(pilot)
    antwoord = pilot.callers["evides"].post("/v1/webhooks", SCHULDEISER)
    assert antwoord.status == 409
    assert aanmaken(pilot, "oasen")["eigenaar"]["id"] == "oasen"


def test_rotation_gives_a_new_secret_and_the_old_one_signs_along_for_a_day(pilot, dns):
    nieuw = aanmaken(pilot)
    evides = pilot.callers["evides"]
    pilot.clock.advance(timedelta(hours=1))
    voor = pilot.clock.now()
    geroteerd = evides.post(f"/v1/webhooks/{nieuw['id']}/geheimen")
    assert geroteerd.status == 201
    assert geroteerd.body["geheim"].startswith("whsec_")
    assert geroteerd.body["geheim"] != nieuw["geheim"]
    assert geroteerd.body["geheimWisseltTot"].endswith("+01:00")
    tot = datetime.fromisoformat(geroteerd.body["geheimWisseltTot"])
    assert voor + timedelta(hours=24) <= tot <= pilot.clock.now() + timedelta(hours=24)
    assert evides.get(f"/v1/webhooks/{nieuw['id']}").body["geheimWisseltTot"] == geroteerd.body["geheimWisseltTot"]
    assert "whsec_" not in json.dumps(evides.get(f"/v1/webhooks/{nieuw['id']}").body)

    pilot.clock.advance(timedelta(hours=24, seconds=1))
    assert evides.get(f"/v1/webhooks/{nieuw['id']}").body["geheimWisseltTot"] is None


def test_the_delivery_log_of_a_new_webhook_is_empty(pilot, dns):
    webhook_id = aanmaken(pilot)["id"]
    evides = pilot.callers["evides"]
    assert evides.get(f"/v1/webhooks/{webhook_id}/berichten").body == {"items": [], "volgende": None}
    vanaf = "2026-11-27T10:00:00%2B01:00"
    antwoord = evides.get(f"/v1/webhooks/{webhook_id}/berichten?vanaf={vanaf}&limiet=100")
    assert antwoord.status == 200
    assert antwoord.body["items"] == []
    assert evides.get(f"/v1/webhooks/{webhook_id}/berichten?vanaf=2026-11-27T09:00:00Z").status == 200


@pytest.mark.parametrize(
    ("query", "veld"),
    [
        ("vanaf=gisteren", "vanaf"),
        ("vanaf=2026-11-27T10:00:00", "vanaf"),  # without an offset it is no moment
        ("vanaf=0001-01-01T00:00:00Z", "vanaf"),
        ("limiet=0", "limiet"),
        ("limiet=101", "limiet"),
        ("volgende=" + "x" * 2049, "volgende"),
        ("volgende=bestaat-niet", "volgende"),
    ],
)
def test_a_bad_delivery_log_query_names_the_parameter(pilot, dns, query, veld):
    webhook_id = aanmaken(pilot)["id"]
    antwoord = pilot.callers["evides"].get(f"/v1/webhooks/{webhook_id}/berichten?{query}")
    assert antwoord.status == 400
    assert velden(antwoord) == [veld]


def test_redelivery_of_an_unknown_message_is_not_found(pilot, dns):
    webhook_id = aanmaken(pilot)["id"]
    evides = pilot.callers["evides"]
    antwoord = evides.post(f"/v1/webhooks/{webhook_id}/berichten/{ONBEKEND_BERICHT}/herbezorgingen")
    assert antwoord.status == 404
    assert antwoord.headers["content-type"] == "application/problem+json"
    assert evides.post(f"/v1/webhooks/{webhook_id}/berichten/12345/herbezorgingen").status == 400


def test_redelivery_since_a_moment_with_nothing_sent_redelivers_nothing(pilot, dns):
    webhook_id = aanmaken(pilot)["id"]
    evides = pilot.callers["evides"]
    antwoord = evides.post(f"/v1/webhooks/{webhook_id}/herbezorgingen", {"vanaf": "2026-11-20T00:00:00+01:00"})
    assert antwoord.status == 202
    assert antwoord.body == {"aantal": 0}
    for body, veld in (({}, "vanaf"), ({"vanaf": "2026-11-20T00:00:00"}, "vanaf"), ({"vanaf": "x"}, "vanaf")):
        fout = evides.post(f"/v1/webhooks/{webhook_id}/herbezorgingen", body)
        assert fout.status == 400
        assert velden(fout) == [veld]


def test_a_bad_webhook_id_or_cursor_is_bad_input_and_no_key_is_401(pilot, dns):
    assert velden(pilot.callers["evides"].get("/v1/webhooks/niet-een-uuid")) == ["webhook_id"]
    assert velden(pilot.callers["beheer"].get("/v1/webhooks?volgende=bestaat-niet")) == ["volgende"]
    assert pilot.callers["anoniem"].get("/v1/webhooks").status == 401
    assert pilot.callers["anoniem"].post("/v1/webhooks", SCHULDEISER).status == 401


def test_the_document_describes_every_message_kind_with_its_signature_headers(pilot):
    document = pilot.callers["anoniem"].get("/v1/openapi.json").body
    assert set(document["webhooks"]) == {soort.value for soort in Webhooksoort}
    for soort, item in document["webhooks"].items():
        operatie = item["post"]
        assert operatie["requestBody"]["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/WebhookBericht"
        }
        koppen = {p["name"] for p in operatie["parameters"] if p["in"] == "header"}
        assert koppen == {"webhook-id", "webhook-timestamp", "webhook-signature"}, soort
        assert "5 seconden" in operatie["description"]
    assert "schuldeiser" in document["webhooks"]["incassostop.gestart"]["post"]["description"]
    assert "organisatie" not in document["webhooks"]["incassostop.gestart"]["post"]["summary"]
    assert "organisatie" in document["webhooks"]["doorverwijzing.aangemeld"]["post"]["summary"]
    # The payload's schemas are the models' own, even where the API's schemas share a name with them.
    _, definities = models_json_schema([(WebhookBericht, "serialization")], ref_template="#/components/schemas/{model}")
    for naam, schema in definities["$defs"].items():
        assert document["components"]["schemas"][naam] == schema, naam
