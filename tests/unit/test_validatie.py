"""Dutch validation and normalisation of what a creditor sends, without AWS."""

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.conftest import aanmelding
from warmdoor.models.requests import DoorverwijzingVerzoek, OrganisatieVerzoek


def fouten(body):
    with pytest.raises(ValidationError) as info:
        DoorverwijzingVerzoek.model_validate(body)
    return {".".join(str(p) for p in e["loc"]): e["type"] for e in info.value.errors()}


def test_postcode_and_phone_are_stored_normalised():
    body = aanmelding()
    body["adres"]["postcode"] = "4331 ab"
    body["client"]["telefoonnummer"] = "06-12345678"
    verzoek = DoorverwijzingVerzoek.model_validate(body)
    assert verzoek.adres.postcode == "4331AB"
    assert verzoek.client.telefoonnummer == "+31612345678"


def test_what_may_be_spelled_differently_is_stored_one_way():
    body = aanmelding()
    body["toestemming"]["tijdstip"] = "2026-11-27T08:30:00Z"
    body["client"]["email"] = "Jan.Dijk@Example.NL"
    body["adres"]["huisnummertoevoeging"] = "bis"
    verzoek = DoorverwijzingVerzoek.model_validate(body)
    assert verzoek.toestemming.tijdstip.isoformat() == "2026-11-27T09:30:00+01:00"
    assert verzoek.client.email == "Jan.Dijk@example.nl"  # the part before the @ is the mail server's to judge
    assert verzoek.adres.huisnummertoevoeging == "BIS"


@pytest.mark.parametrize("tijdstip", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00"])
def test_an_instant_without_a_dutch_local_time_is_bad_input(tijdstip):
    body = aanmelding()
    body["toestemming"]["tijdstip"] = tijdstip
    assert fouten(body) == {"toestemming.tijdstip": "range"}


@pytest.mark.parametrize("postcode", ["0331 AB", "4331 SA", "4331", "43311 AB", "ABCD EF", "4331 A B"])
def test_invalid_postcodes_are_refused(postcode):
    body = aanmelding()
    body["adres"]["postcode"] = postcode
    assert "adres.postcode" in fouten(body)


@pytest.mark.parametrize("nummer", ["12345", "06 1234", "+31 6 1234 5678 9", "telefoon"])
def test_invalid_phone_numbers_are_refused(nummer):
    body = aanmelding()
    body["client"]["telefoonnummer"] = nummer
    assert "client.telefoonnummer" in fouten(body)


def test_landline_and_international_numbers_become_e164():
    body = aanmelding()
    body["client"]["telefoonnummer"] = "0118 123456"
    assert DoorverwijzingVerzoek.model_validate(body).client.telefoonnummer == "+31118123456"
    body["client"]["telefoonnummer"] = "+32 470 12 34 56"
    assert DoorverwijzingVerzoek.model_validate(body).client.telefoonnummer == "+32470123456"


@pytest.mark.parametrize("bedrag", ["0", "0.00", "-5", "12.345", "1e3", 123.45, "abc", ""])
def test_amounts_are_positive_decimal_strings_with_at_most_two_decimals(bedrag):
    body = aanmelding()
    body["achterstand"]["bedrag"] = bedrag
    assert "achterstand.bedrag" in fouten(body)


def test_amount_is_kept_with_two_decimals():
    body = aanmelding()
    body["achterstand"]["bedrag"] = "80.5"
    assert DoorverwijzingVerzoek.model_validate(body).achterstand.bedrag == "80.50"


def test_without_consent_there_is_no_warm_referral():
    body = aanmelding()
    body["toestemming"]["verleend"] = False
    assert fouten(body) == {"toestemming.verleend": "consent_required"}


def test_consent_must_be_a_real_boolean():
    body = aanmelding()
    body["toestemming"]["verleend"] = "yes"
    assert "toestemming.verleend" in fouten(body)


def test_unknown_fields_are_refused_at_every_level():
    body = aanmelding(extra="x")
    body["client"]["bsn"] = "123456782"
    assert fouten(body) == {"extra": "extra_forbidden", "client.bsn": "extra_forbidden"}


TEKSTVELDEN = [
    ("schuldeiserReferentie",),
    ("client", "voorletters"),
    ("client", "voornaam"),
    ("client", "voorvoegsel"),
    ("client", "achternaam"),
    ("adres", "straatnaam"),
    ("adres", "plaatsnaam"),
    ("toelichting",),
]

# Every character of these Unicode categories: controls, format characters (bidi overrides, zero-width),
# line and paragraph separators, private use and surrogates.
ONZICHTBAAR = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Co", "Cs"])


def met_waarde(pad, waarde):
    body = aanmelding()
    doel = body
    for deel in pad[:-1]:
        doel = doel[deel]
    doel[pad[-1]] = waarde
    return body


@settings(max_examples=150, deadline=None)
@given(pad=st.sampled_from(TEKSTVELDEN), voor=st.text(max_size=3), teken=ONZICHTBAAR, na=st.text(max_size=3))
def test_invisible_and_control_characters_are_refused_in_every_text_field(pad, voor, teken, na):
    if pad == ("toelichting",) and teken in "\n\r\t":
        return  # a note may hold paragraphs
    assert ".".join(pad) in fouten(met_waarde(pad, f"a{voor}{teken}{na}z"))


@settings(max_examples=150, deadline=None)
@given(
    pad=st.sampled_from(TEKSTVELDEN),
    tekst=st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=16),
)
def test_names_in_any_script_with_punctuation_and_symbols_are_accepted(pad, tekst):
    waarde = f"a{tekst}z"
    verzoek = DoorverwijzingVerzoek.model_validate(met_waarde(pad, waarde))
    opgeslagen: Any = verzoek.model_dump()
    for deel in pad:
        opgeslagen = opgeslagen[deel]
    assert opgeslagen == waarde


def test_a_note_may_hold_paragraphs_but_a_name_may_not():
    body = aanmelding(toelichting="Bel 's ochtends.\r\nNiet na 17:00.\tDank")
    assert DoorverwijzingVerzoek.model_validate(body).toelichting == "Bel 's ochtends.\r\nNiet na 17:00.\tDank"
    assert fouten(met_waarde(("client", "achternaam"), "van\nDijk")) == {"client.achternaam": "character"}


@pytest.mark.parametrize(
    "adres",
    ["jan@exam\u2028ple.nl", "jan\u202e@example.nl", "jan@example.nl\r\nBcc: x@y.nl", "jan @example.nl", "jan@-x.nl"],
)
def test_email_addresses_are_plain_ascii_addresses(adres):
    assert "client.email" in fouten(met_waarde(("client", "email"), adres))


def test_every_bad_field_is_reported_at_once():
    body = aanmelding()
    body["adres"]["postcode"] = "x"
    body["client"]["telefoonnummer"] = "1"
    del body["achterstand"]["ontstaansdatum"]
    assert set(fouten(body)) == {"adres.postcode", "client.telefoonnummer", "achterstand.ontstaansdatum"}


def test_postcode_ranges_must_run_forward():
    with pytest.raises(ValidationError) as info:
        OrganisatieVerzoek.model_validate(
            {
                "naam": "x",
                "email": "a@b.nl",
                "gemeenten": [{"code": "GM0687", "naam": "M", "postcodegebieden": ["4339-4330"]}],
            }
        )
    assert info.value.errors()[0]["loc"] == ("gemeenten", 0, "postcodegebieden")
