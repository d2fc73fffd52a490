"""Swedish personal identity numbers in free text: found when real, left alone otherwise."""

import pytest

from followup.personnummer import contains_identity_number, find_identity_numbers, luhn_valid


@pytest.mark.parametrize(
    "text",
    [
        "Mitt personnummer är 811228-9874.",  # ten digits with a hyphen
        "811228+9874 är över hundra år",  # plus: born more than 100 years ago
        "8112289874",  # ten digits, no hyphen
        "19811228-9874",  # with the century and a hyphen
        "198112289874",  # with the century, no hyphen
        "20150101-1231",  # with the century, born in this century
        "701063-2391",  # samordningsnummer: day 3 + 60
        "197010632391",  # samordningsnummer with the century
        "Han heter Sven (811228–9874).",  # an en dash from a word processor
        "Personnumret 811228 9874 står på lappen",  # a space instead of the hyphen
        "19811228\u00a09874",  # a no-break space
    ],
)
def test_a_valid_identity_number_is_found(text):
    assert contains_identity_number(text)


@pytest.mark.parametrize(
    "text",
    [
        "811228-9875",  # wrong check digit
        "19811228-9875",
        "701063-2392",  # samordningsnummer with a wrong check digit
        "811332-9877",  # the check digit is right, but there is no 32 December
        "Ring Niklas på 010-565 41 30.",  # a phone number from the demo data
        "Ring 010-565 41 38 eller 031-739 10 00",
        "Det hände 2025-03-14 kl 21.30.",  # a date
        "Mellan 20250314 och 20250401",  # dates without hyphens
        "Ordernummer 1234567890",  # ten digits that are no date
        "Postnummer 431 30 Mölndal",
        "Ring 031-739 10 00 eller 0701 23 45 67",  # phone numbers with spaces
        "Ärende 811228 9875",  # a space, but the wrong check digit
        "",
    ],
)
def test_no_identity_number_is_found_in_other_numbers(text):
    assert find_identity_numbers(text) == []


def test_the_luhn_check_digit_is_computed_over_the_ten_digits():
    assert luhn_valid("8112289874")
    assert not luhn_valid("8112289873")


def test_every_number_in_a_text_is_listed_as_written():
    assert find_identity_numbers("A: 811228-9874, B: 701063-2391.") == [
        "811228-9874",
        "701063-2391",
    ]
