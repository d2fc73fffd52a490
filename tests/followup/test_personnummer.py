"""Swedish personal identity numbers in free text: found when real, left alone otherwise."""

import pytest

from followup.personnummer import contains_identity_number, find_identity_numbers


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


# Ways around a check that knew only "-", "+", one space or nothing (issue 11, point 9).
@pytest.mark.parametrize(
    "text",
    [
        "811218 - 9876",  # spaces around the hyphen
        "811218 -9876",
        "811218  9876",  # two spaces
        "811218\n9876",  # a line break between the parts
        "811218\r\n\t9876",
        "1981-12-18-9876",  # hyphens inside the date too
        "81-12-18-9876",
        "\uff18\uff11\uff11\uff12\uff11\uff18\uff0d\uff19\uff18\uff17\uff16",  # full width
        "811218\u22129876",  # a minus sign
        "811218 \u2013 9876",  # an en dash between spaces
        "811218\u200b9876",  # a zero-width space
        "8112\u200b18-9876",  # a zero-width space inside the date
        "811218\u202f9876",  # a narrow no-break space
        "701063 - 2391",  # a samordningsnummer, spaced
        "19701063\n2391",
        "Sven, 811218 - 9876, bor här",
    ],
)
def test_an_identity_number_written_to_slip_past_is_found(text):
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
        "Från 2025-03-05 – 2025-04-01",  # a date range (2503052025 passes Luhn)
        "Från 2025-03-05 - 2025-04-01",
        "Ring 0701 23 45 67 eller 08-123 456 78",
        "Organisationsnummer 556036-0793",  # a company: month 60 is no date
        "",
    ],
)
def test_no_identity_number_is_found_in_other_numbers(text):
    assert find_identity_numbers(text) == []


def test_a_wrong_check_digit_is_no_identity_number():
    assert contains_identity_number("8112289874")
    assert not contains_identity_number("8112289873")


def test_every_number_in_a_text_is_listed_as_written():
    assert find_identity_numbers("A: 811228-9874, B: 701063-2391.") == [
        "811228-9874",
        "701063-2391",
    ]
