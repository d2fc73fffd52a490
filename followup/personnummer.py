"""Finds Swedish personal identity numbers (personnummer, samordningsnummer) in free text.

A resident's message should not carry anyone's identity number, so the feedback form
refuses one. A candidate is ten digits (YYMMDD-NNNN, with "-", "+", a space or nothing between)
or twelve (YYYYMMDD-NNNN); it counts only when the date is a real date (day + 60 for a
samordningsnummer) and the last digit is the Luhn check digit of the other nine, so
phone numbers ("010-565 41 30"), dates ("2025-03-14") and order numbers pass.
"""

import datetime
import re

_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_CANDIDATE = re.compile(
    r"(?<![0-9])"
    r"(?P<century>1[89]|20)?"
    r"(?P<yy>[0-9]{2})(?P<mm>[0-9]{2})(?P<dd>[0-9]{2})"
    rf"(?P<sep>[{_DASHES}+ \u00a0]?)"
    r"(?P<serial>[0-9]{4})"
    r"(?![0-9])"
)


def luhn_valid(digits):
    """True when the last digit of `digits` is the Luhn check digit of the others."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _real_date(centuries, yy, mm, dd):
    if dd > 60:  # samordningsnummer: the day of birth plus 60
        dd -= 60
    for century in centuries:
        try:
            datetime.date(century * 100 + yy, mm, dd)
        except ValueError:
            continue
        return True
    return False


def find_identity_numbers(text):
    """The personnummer and samordningsnummer in `text`, as written."""
    found = []
    for match in _CANDIDATE.finditer(text or ""):
        century = match["century"]
        centuries = [int(century)] if century else [19, 20, 18]
        yy, mm, dd = int(match["yy"]), int(match["mm"]), int(match["dd"])
        ten = match["yy"] + match["mm"] + match["dd"] + match["serial"]
        if _real_date(centuries, yy, mm, dd) and luhn_valid(ten):
            found.append(match.group(0))
    return found


def contains_identity_number(text):
    return bool(find_identity_numbers(text))
