"""E-mail and SMS from the stream: the right messages to the right people, each exactly once."""

import json
import logging
import time
import unicodedata

import boto3
import pytest
from botocore.exceptions import ClientError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local import aws, outbox, template
from local import replay as lokale_replay
from tests.conftest import aanmelding
from warmdoor import notifier
from warmdoor.adapters.eenmalig import BEZIG_SECONDEN, DynamoEenmalig
from warmdoor.adapters.ses import SesEmailVerzender
from warmdoor.adapters.sns import SnsSmsVerzender
from warmdoor.domain import meldingen
from warmdoor.ops import replay
from warmdoor.ops.replay import lambda_record
from warmdoor.ports import EenmaligBezig, Email, PermanenteBezorgfout


def verstuur(pilot, body=None):
    d = pilot.callers["evides"].post("/v1/doorverwijzingen", body or aanmelding()).body
    pilot.pumps.drain()
    return d


def mails_aan(pilot, adres):
    return [m for m in pilot.outbox()["emails"] if adres in m["to"]]


def test_a_new_referral_mails_the_organisation_what_it_needs_to_phone(pilot):
    d = verstuur(pilot)
    [mail] = mails_aan(pilot, "intake@walcheren.example")
    assert mail["subject"] == "Warme doorverwijzing Middelburg: bel uiterlijk maandag 30 november 2026 om 10:00"
    assert mail["from"] == "WarmDoor <noreply@warmdoor.example>"
    for verwacht in (
        "Jan van Dijk",
        "Telefoon:     06 12345678",
        "Achterstand:  €\u00a0123,45 (sinds dinsdag 1 september 2026)",
        "Liefst 's ochtends bellen",
        "Evides Waterbedrijf",
        d["id"],
        "maandag 30 november 2026 om 10:00",
        "Lange Delft 12A, 4331 AB Middelburg",
        "EVD-2026-000123",
    ):
        assert verwacht in mail["text"], verwacht
    assert "Jan van Dijk" in mail["html"]
    assert '<a href="tel:+31612345678">06 12345678</a>' in mail["html"]
    assert "€\u00a0123,45 (sinds dinsdag 1 september 2026)" in mail["html"]
    assert "Liefst &#39;s ochtends bellen" in mail["html"]
    assert f'<a href="https://web.warmdoor.test/doorverwijzingen/{d["id"]}">' in mail["html"]


def test_the_organisation_gets_an_sms_without_personal_data(pilot):
    verstuur(pilot)
    [sms] = [s for s in pilot.outbox()["sms"] if s["to"] == "+31611111111"]
    assert "Middelburg" in sms["text"] and "ma 30 nov 10:00" in sms["text"]
    for persoonsgegeven in ("Jan", "Dijk", "0612345678", "Lange Delft", "4331"):
        assert persoonsgegeven not in sms["text"]
    assert len(sms["text"]) <= 160


def test_the_person_gets_an_sms_naming_who_will_call_only_with_consent_and_a_mobile(pilot):
    verstuur(pilot)
    [sms] = [s for s in pilot.outbox()["sms"] if s["to"] == "+31612345678"]
    assert sms["text"].startswith("Schuldhulp Walcheren belt u uiterlijk maandag 30 november 2026 om 10:00")
    zonder = aanmelding("ZONDER-SMS")
    zonder["toestemming"]["smsBevestiging"] = False
    zonder["client"]["telefoonnummer"] = "06 87654321"
    vast = aanmelding("VASTE-LIJN")
    vast["client"]["telefoonnummer"] = "0118 123456"
    verstuur(pilot, zonder)
    verstuur(pilot, vast)
    nummers = {s["to"] for s in pilot.outbox()["sms"]}
    assert "+31687654321" not in nummers and "+31118123456" not in nummers


def test_an_organisation_may_choose_mails_without_personal_data(pilot):
    org = pilot.callers["beheer"].get("/v1/organisaties/walcheren").body
    org.pop("id")
    pilot.callers["beheer"].put("/v1/organisaties/walcheren", {**org, "emailZonderPersoonsgegevens": True})
    d = verstuur(pilot)
    [mail] = mails_aan(pilot, "intake@walcheren.example")
    assert d["id"] in mail["text"]
    # Then the link to the referral's page is the only way in: there the caseworker signs in and lands.
    assert f'href="https://web.warmdoor.test/doorverwijzingen/{d["id"]}"' in mail["html"]
    for persoonsgegeven in ("Jan", "Dijk", "+31612345678", "06 12345678", "Lange Delft", "123,45", "123.45"):
        assert persoonsgegeven not in mail["text"] and persoonsgegeven not in mail["html"]


def test_names_render_safely_in_html(pilot):
    body = aanmelding("XSS-1")
    body["client"]["voornaam"] = "<script>alert(1)</script>"
    body["client"]["achternaam"] = "'t Hart"
    body["client"]["voorvoegsel"] = None
    verstuur(pilot, body)
    [mail] = mails_aan(pilot, "intake@walcheren.example")
    assert "<script>" not in mail["html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#39;t Hart" in mail["html"]
    assert "<script>alert(1)</script> 't Hart" in mail["text"]


def test_a_withdrawal_tells_the_organisation(pilot):
    d = verstuur(pilot)
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "betaald"})
    pilot.pumps.drain()
    ingetrokken = [m for m in mails_aan(pilot, "intake@walcheren.example") if "ingetrokken" in m["subject"]]
    assert len(ingetrokken) == 1
    assert "de klant heeft betaald" in ingetrokken[0]["text"]


def stroom_records(pilot):
    """The table's stream as Lambda hands it to the VerdelerFunction (what its filter lets through)."""
    stream_arn = boto3.client("dynamodb").describe_table(TableName=pilot.table)["Table"]["LatestStreamArn"]
    streams = aws.client("dynamodbstreams")
    shard = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]["ShardId"]
    it = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    alle = [lambda_record(r, stream_arn) for r in streams.get_records(ShardIterator=it["ShardIterator"])["Records"]]
    return stream_arn, shard, alle


def is_gebeurtenis(record):
    return record["eventName"] == "INSERT" and record["dynamodb"]["Keys"]["SK"]["S"].startswith("GEBEURTENIS#")


def test_a_replayed_or_duplicated_event_sends_nothing_twice(pilot):
    """The stream may deliver a record twice, and the bus and queues an event twice: each message goes once."""
    verstuur(pilot)
    records = [r for r in stroom_records(pilot)[2] if is_gebeurtenis(r)]
    assert records
    voor = pilot.outbox()
    for _ in range(2):
        assert pilot.runtime.invoke("VerdelerFunction", {"Records": records}) == {"batchItemFailures": []}
        pilot.pumps.drain()
    assert pilot.outbox() == voor


class Haperend:
    """Fault injection at the SES adapter: fails a number of times (throttling), then sends for real."""

    def __init__(self, monkeypatch, fouten):
        self.fouten, self.pogingen = fouten, 0
        echt = SesEmailVerzender.verstuur

        def verstuur(verzender, email):
            self.pogingen += 1
            if self.pogingen <= self.fouten:
                raise ClientError({"Error": {"Code": "TooManyRequestsException", "Message": "slow down"}}, "SendEmail")
            echt(verzender, email)

        monkeypatch.setattr(SesEmailVerzender, "verstuur", verstuur)


def test_ses_failing_then_recovering_sends_exactly_one_email(pilot, monkeypatch):
    haperend = Haperend(monkeypatch, fouten=3)
    verstuur(pilot)
    assert haperend.pogingen == 4
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1


def test_a_retry_after_one_of_two_sms_failed_sends_only_that_one(pilot, monkeypatch):
    """The event's record lists each message as it goes out: the retry does not send the other one again."""
    pogingen = []
    echt = SnsSmsVerzender.verstuur

    def verstuur_sms(verzender, sms):
        pogingen.append(sms.aan)
        if len(pogingen) == 1:
            raise ClientError({"Error": {"Code": "Throttling", "Message": "slow down"}}, "Publish")
        echt(verzender, sms)

    monkeypatch.setattr(SnsSmsVerzender, "verstuur", verstuur_sms)
    verstuur(pilot)
    eerste, tweede = pogingen[:2]
    assert eerste != tweede and pogingen[2:] == [eerste]
    assert sorted(s["to"] for s in pilot.outbox()["sms"]) == sorted([eerste, tweede])


def test_an_events_record_is_held_by_one_invocation_at_a_time(pilot, monkeypatch):
    eenmalig = DynamoEenmalig(boto3.client("dynamodb"), pilot.refs["IdempotentieTabel"])
    assert eenmalig.beginnen("gebeurtenis-1#sms") == frozenset()
    eenmalig.verstuurd("gebeurtenis-1#sms", "bericht-a", laatste=False)
    with pytest.raises(EenmaligBezig):
        eenmalig.beginnen("gebeurtenis-1#sms")  # a duplicate delivery while the first still sends
    assert eenmalig.beginnen("gebeurtenis-1#email") == frozenset()  # the other channel's record is its own

    nu = time.time()
    monkeypatch.setattr(time, "time", lambda: nu + BEZIG_SECONDEN + 1)  # the first invocation died holding it
    assert eenmalig.beginnen("gebeurtenis-1#sms") == {"bericht-a"}
    eenmalig.verstuurd("gebeurtenis-1#sms", "bericht-b", laatste=True)
    assert eenmalig.beginnen("gebeurtenis-1#sms") == {"bericht-a", "bericht-b"}  # freed by the last message


def test_a_permanently_refused_address_is_recorded_not_retried(pilot, monkeypatch):
    pogingen = []

    def weiger(verzender, email):
        pogingen.append(email)
        raise PermanenteBezorgfout("MessageRejected")

    monkeypatch.setattr(SesEmailVerzender, "verstuur", weiger)
    d = verstuur(pilot)
    assert len(pogingen) == 1
    gelezen = pilot.callers["beheer"].get(f"/v1/doorverwijzingen/{d['id']}").body
    assert [(p["kanaal"], p["ontvanger"]) for p in gelezen["bezorgproblemen"]] == [("email", "organisatie")]
    assert "intake@walcheren" not in json.dumps(gelezen)


def test_a_poison_record_goes_to_the_queue_and_the_rest_is_delivered(pilot):
    dynamodb = boto3.client("dynamodb")
    dynamodb.put_item(
        TableName=pilot.table,
        Item={"PK": {"S": "DOORVERWIJZING#gif"}, "SK": {"S": "GEBEURTENIS#2026#gif"}, "soort": {"S": "Onzin"}},
    )
    verstuur(pilot)
    for _ in range(20):
        pilot.pumps.drain()
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1
    sqs = boto3.client("sqs")
    url = sqs.get_queue_url(QueueName=pilot.refs["MisluktQueue.QueueName"])["QueueUrl"]
    berichten = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)["Messages"]
    infos = [json.loads(b["Body"])["DDBStreamBatchInfo"] for b in berichten]
    assert {i["batchSize"] for i in infos} == {1}
    consumers = [f for f in template.functions().values() if any(e["Type"] == "DynamoDB" for e in f.events.values())]
    assert len(infos) == len(consumers)  # the poison record, once per consumer


@pytest.mark.parametrize("keer", [1, 2])
def test_replay_redrives_the_queue_and_is_safe_to_run_twice(pilot, monkeypatch, keer):
    haperend = Haperend(monkeypatch, fouten=100)
    verstuur(pilot)
    pilot.pumps.drain()
    assert mails_aan(pilot, "intake@walcheren.example") == []
    assert lokale_replay.nog_mislukt(pilot.refs) == 1  # the event, on the e-mail consumer's failure queue
    haperend.fouten = 0
    for _ in range(keer):
        lokale_replay.opnieuw(pilot.runtime, pilot.refs)
        pilot.pumps.drain()
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1
    assert lokale_replay.nog_mislukt(pilot.refs) == 0


def test_each_message_states_the_facts_of_its_own_event(pilot):
    """An extension, then at once a withdrawal: the extension's mail names the extension's end date."""
    d = verstuur(pilot)
    pilot.callers["walcheren"].post(f"/v1/doorverwijzingen/{d['id']}/verlengingen", {"dagen": 10, "reden": "Regeling"})
    pilot.callers["evides"].post(f"/v1/doorverwijzingen/{d['id']}/intrekkingen", {"reden": "betaald"})
    pilot.pumps.drain()  # both events reach the notifier only after both changes
    [verlengd] = [m for m in mails_aan(pilot, "incasso@evides.example") if "verlengd" in m["subject"]]
    assert verlengd["subject"] == "Incassostop verlengd tot woensdag 6 januari 2027: EVD-2026-000123"
    assert "De incassostop loopt nu tot woensdag 6 januari 2027 om 10:00" in verlengd["text"]
    [ingetrokken] = [m for m in mails_aan(pilot, "intake@walcheren.example") if "ingetrokken" in m["subject"]]
    assert "Reden: de klant heeft betaald" in ingetrokken["text"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(tekst=st.text(max_size=40))
def test_a_subject_is_one_line_whatever_text_it_is_made_of(aws, tekst):
    """Independently of input validation: no text can split or add an e-mail header."""
    ses = boto3.client("sesv2")
    ses.create_email_identity(EmailIdentity="warmdoor.example")
    verzender = SesEmailVerzender(ses, "WarmDoor <noreply@warmdoor.example>", None)
    onderwerp = f"Incassostop verlengd: LS{tekst}\r\nBcc: x@evil.example"
    verzender.verstuur(Email(aan=("incasso@evides.example",), onderwerp=onderwerp, tekst="t", html="<p>h</p>"))
    verstuurd = outbox.emails()[-1]
    assert verstuurd["to"] == ["incasso@evides.example"]
    assert verstuurd["subject"].endswith(" Bcc: x@evil.example")
    assert not any(unicodedata.category(teken)[0] == "C" or teken in "\u2028\u2029" for teken in verstuurd["subject"])


def test_a_message_that_fails_for_good_is_logged_counted_listed_and_sent_by_a_replay(
    pilot, monkeypatch, caplog, capsys
):
    caplog.set_level(logging.INFO)
    capsys.readouterr()
    haperend = Haperend(monkeypatch, fouten=100)
    d = verstuur(pilot)
    for _ in range(10):
        pilot.pumps.drain()
    assert haperend.pogingen == meldingen.POGINGEN  # the stream's first try and its retries, then the failure queue
    assert mails_aan(pilot, "intake@walcheren.example") == []

    # 1. the referral lists it, for the creditor and the organisation alike
    problemen = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert [(p["kanaal"], p["ontvanger"], p["gebeurtenis"], p["reden"], p["opgelostOp"]) for p in problemen] == [
        ("email", "organisatie", "DoorverwijzingAangemeld", "mislukt", None)
    ]
    # 2. a log line says so, with ids only
    [regel] = [r for r in caplog.records if r.getMessage().startswith("message failed for good")]
    assert regel.__dict__["doorverwijzing_id"] == d["id"]
    assert regel.__dict__["kanaal"] == "email"
    for r in caplog.records:
        assert "intake@walcheren" not in f"{r.getMessage()} {r.__dict__}"
    # 3. the metric its alarm watches is counted
    emf = [r for r in capsys.readouterr().out.splitlines() if '"CloudWatchMetrics"' in r]
    assert any('"MeldingenMislukt":[1.0]' in r and '"service":"warmdoor-email"' in r for r in emf)

    haperend.fouten = 0
    uitkomst = lokale_replay.opnieuw(pilot.runtime, pilot.refs)
    pilot.pumps.drain()
    assert (uitkomst.opnieuw_verwerkt, uitkomst.mislukt) == (1, 0)
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1
    [probleem] = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert probleem["opgelostOp"] is not None


def test_a_replay_of_a_batch_that_still_fails_reports_it_and_keeps_it(pilot):
    verstuur(pilot)
    sqs = boto3.client("sqs")
    url = sqs.get_queue_url(QueueName=pilot.refs["MisluktQueue.QueueName"])["QueueUrl"]
    stream_arn = boto3.client("dynamodb").describe_table(TableName=pilot.table)["Table"]["LatestStreamArn"]
    shard = aws.client("dynamodbstreams").describe_stream(StreamArn=stream_arn)["StreamDescription"]["Shards"][0]
    begin = shard["SequenceNumberRange"]["StartingSequenceNumber"]
    info = {"shardId": shard["ShardId"], "startSequenceNumber": begin, "endSequenceNumber": begin}
    sqs.send_message(
        QueueUrl=url,
        MessageBody=json.dumps(
            {"requestContext": {"functionArn": "arn:x"}, "DDBStreamBatchInfo": {**info, "streamArn": stream_arn}}
        ),
    )

    def kapot(arn, event):
        raise RuntimeError("the function failed as a whole")

    uitkomst = replay.stroom_opnieuw(sqs, aws.client("dynamodbstreams"), url, kapot, lambda *_: None)
    assert (uitkomst.opnieuw_verwerkt, uitkomst.mislukt) == (0, 1)
    namen = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
    telling = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=namen)["Attributes"]
    assert sum(int(telling[naam]) for naam in namen) == 1  # not deleted: the next replay tries it again


def test_while_ses_is_not_set_up_mails_wait_are_alarmed_and_go_out_once_it_is(pilot, capsys):
    """MessageRejected (an unverified identity) is SES not being ready, not a bad address."""
    ses = boto3.client("sesv2")
    ses.delete_email_identity(EmailIdentity="warmdoor.example")
    capsys.readouterr()
    d = verstuur(pilot)
    for _ in range(10):
        pilot.pumps.drain()
    assert mails_aan(pilot, "intake@walcheren.example") == []
    [probleem] = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert (probleem["reden"], probleem["opgelostOp"]) == ("mislukt", None)
    emf = [r for r in capsys.readouterr().out.splitlines() if '"CloudWatchMetrics"' in r]
    assert any('"BezorgingNietIngericht"' in r and '"service":"warmdoor-email"' in r for r in emf)
    assert not any('"MeldingenGeweigerd"' in r for r in emf)

    ses.create_email_identity(EmailIdentity="warmdoor.example")  # the operator verifies the domain
    replay_alles(pilot)
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1
    [probleem] = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert probleem["opgelostOp"] is not None


def replay_alles(pilot):
    uitkomst = lokale_replay.opnieuw(pilot.runtime, pilot.refs)
    pilot.pumps.drain()
    return uitkomst


def test_a_failed_stream_batch_is_replayed_with_the_mappings_filter_twice_without_sending_twice(pilot):
    """A failed batch's range holds every change of the table in between, not only the events the
    VerdelerFunction's filter lets through; a replay must hand it only those, or it fails forever."""
    evides = pilot.callers["evides"]
    a = evides.post("/v1/doorverwijzingen", aanmelding("MIX-A")).body
    evides.post("/v1/doorverwijzingen", aanmelding("MIX-B"))
    evides.post(f"/v1/doorverwijzingen/{a['id']}/intrekkingen", {"reden": "betaald"})
    stream_arn, shard, records = stroom_records(pilot)
    gebeurtenissen = [r for r in records if is_gebeurtenis(r)]
    assert len(gebeurtenissen) == 3 and len(records) > 3  # referral items, personal data, claims, audit lines
    sqs = boto3.client("sqs")
    url = sqs.get_queue_url(QueueName=pilot.refs["MisluktQueue.QueueName"])["QueueUrl"]
    beschrijving = {
        "requestContext": {"functionArn": pilot.refs["VerdelerFunction.Arn"], "condition": "RetryAttemptsExhausted"},
        "DDBStreamBatchInfo": {
            "shardId": shard,
            "startSequenceNumber": records[0]["dynamodb"]["SequenceNumber"],
            "endSequenceNumber": records[-1]["dynamodb"]["SequenceNumber"],
            "batchSize": len(gebeurtenissen),
            "streamArn": stream_arn,
        },
    }
    for _ in range(2):  # Lambda may write a failed batch's description more than once
        sqs.send_message(QueueUrl=url, MessageBody=json.dumps(beschrijving))
    eerste = replay_alles(pilot)
    tweede = replay_alles(pilot)
    assert (eerste.opnieuw_verwerkt, eerste.mislukt) == (2, 0)
    assert (tweede.opnieuw_verwerkt, tweede.mislukt) == (0, 0)
    assert lokale_replay.nog_mislukt(pilot.refs) == 0
    onderwerpen = [m["subject"] for m in mails_aan(pilot, "intake@walcheren.example")]
    assert len(onderwerpen) == 3 and sum("ingetrokken" in o for o in onderwerpen) == 1


def test_a_message_that_fails_again_after_a_replay_is_reported_again(pilot, monkeypatch, caplog, capsys):
    """The queue counts deliveries from 1 again after a replay: a second round of failures is as visible."""
    caplog.set_level(logging.INFO)
    Haperend(monkeypatch, fouten=1000)
    d = verstuur(pilot)
    replay_alles(pilot)  # the cause is not fixed yet
    regels = [r for r in caplog.records if r.getMessage().startswith("message failed for good")]
    assert len(regels) == 2
    emf = [r for r in capsys.readouterr().out.splitlines() if '"MeldingenMislukt":[1.0]' in r]
    assert len(emf) == 2
    assert len(pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]) == 1
    assert lokale_replay.nog_mislukt(pilot.refs) == 1


def test_no_send_is_started_without_time_left_to_finish_it(pilot, monkeypatch):
    """A send that could outlast the function's timeout is not begun: the event comes again instead."""
    monkeypatch.setattr(notifier, "_RESERVE_MS", 10**9)
    d = verstuur(pilot)
    assert mails_aan(pilot, "intake@walcheren.example") == []
    problemen = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert {(p["kanaal"], p["reden"]) for p in problemen} == {("email", "mislukt"), ("sms", "mislukt")}
    monkeypatch.setattr(notifier, "_RESERVE_MS", 25_000)
    replay_alles(pilot)
    assert len(mails_aan(pilot, "intake@walcheren.example")) == 1
    problemen = pilot.callers["evides"].get(f"/v1/doorverwijzingen/{d['id']}").body["bezorgproblemen"]
    assert all(p["opgelostOp"] for p in problemen)
