"""Dutch validation and normalisation of what a creditor sends, without AWS."""

import pytest
from pydantic import ValidationError

from tests.conftest import aanmelding
from warmdoor.models.requests import DoorverwijzingAanmelding, OrganisatieInvoer


def fouten(body):
    with pytest.raises(ValidationError) as info:
        DoorverwijzingAanmelding.model_validate(body)
    return {".".join(str(p) for p in e["loc"]): e["type"] for e in info.value.errors()}


def test_postcode_and_phone_are_stored_normalised():
    body = aanmelding()
    body["adres"]["postcode"] = "4331 ab"
    body["client"]["telefoonnummer"] = "06-12345678"
    verzoek = DoorverwijzingAanmelding.model_validate(body)
    assert verzoek.adres.postcode == "4331AB"
    assert verzoek.client.telefoonnummer == "+31612345678"


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
    assert DoorverwijzingAanmelding.model_validate(body).client.telefoonnummer == "+31118123456"
    body["client"]["telefoonnummer"] = "+32 470 12 34 56"
    assert DoorverwijzingAanmelding.model_validate(body).client.telefoonnummer == "+32470123456"


@pytest.mark.parametrize("bedrag", ["0", "0.00", "-5", "12.345", "1e3", 123.45, "abc", ""])
def test_amounts_are_positive_decimal_strings_with_at_most_two_decimals(bedrag):
    body = aanmelding()
    body["achterstand"]["bedrag"] = bedrag
    assert "achterstand.bedrag" in fouten(body)


def test_amount_is_kept_with_two_decimals():
    body = aanmelding()
    body["achterstand"]["bedrag"] = "80.5"
    assert DoorverwijzingAanmelding.model_validate(body).achterstand.bedrag == "80.50"


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


def test_nul_bytes_and_control_characters_are_refused():
    body = aanmelding()
    body["client"]["achternaam"] = "Dijk\x00"
    body["toelichting"] = "bel\x07 me"
    assert set(fouten(body)) == {"client.achternaam", "toelichting"}


def test_every_bad_field_is_reported_at_once():
    body = aanmelding()
    body["adres"]["postcode"] = "x"
    body["client"]["telefoonnummer"] = "1"
    del body["achterstand"]["ontstaansdatum"]
    assert set(fouten(body)) == {"adres.postcode", "client.telefoonnummer", "achterstand.ontstaansdatum"}


def test_postcode_ranges_must_run_forward():
    with pytest.raises(ValidationError) as info:
        OrganisatieInvoer.model_validate(
            {
                "naam": "x",
                "email": "a@b.nl",
                "gemeenten": [{"code": "GM0687", "naam": "M", "postcodegebieden": ["4339-4330"]}],
            }
        )
    assert info.value.errors()[0]["loc"] == ("gemeenten", 0, "postcodegebieden")
