"""Finds Swedish personal identity numbers (personnummer, samordningsnummer) in free text.

A resident's message should not carry anyone's identity number, so the feedback form
refuses one. The text is normalised first (Unicode NFKC: full-width digits become ASCII;
invisible format characters such as a zero-width space are dropped). A candidate is a
date part of six digits (YYMMDD) or eight (YYYYMMDD, from the 1800s to the 2000s), which
may be written with hyphens (YY-MM-DD, YYYY-MM-DD), then any run of whitespace, dashes or
"+" (or nothing), then four digits. It counts only when python-stdnum's
`se.personnummer` finds a real date (day + 60 for a samordningsnummer) and the Luhn
check digit right, so phone numbers ("010-565 41 30", "0701 23 45 67"), dates
("2025-03-14") and order numbers pass.
"""

import re
import unicodedata

from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import personnummer

# Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign, small and
# full-width hyphen-minus (NFKC already maps the last two to "-").
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"
_CANDIDATE = re.compile(
    r"(?<![0-9])"
    r"(?P<century>1[89]|20)?"
    rf"(?P<yy>[0-9]{{2}})(?P<datesep>[{_DASHES}]?)(?P<mm>[0-9]{{2}})(?P=datesep)(?P<dd>[0-9]{{2}})"
    rf"(?P<sep>[\s{_DASHES}+]*)"
    r"(?P<serial>[0-9]{4})"
    # Not a date range ("2025-03-14 – 2025-04-01") nor any longer run of digits.
    rf"(?![0-9]|[{_DASHES}][0-9])"
)


def normalise(text):
    """NFKC, without the format characters (Cf) that show nothing but split a number."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def is_identity_number(date, serial, *, over_hundred=False):
    """Whether `date` (YYMMDD or YYYYMMDD) and `serial` (four digits) make a valid
    personnummer or samordningsnummer (whose day of birth is written plus 60)."""
    if not luhn.is_valid(date[-6:] + serial):
        return False
    day = int(date[-2:])
    if day > 60:  # samordningsnummer
        date = f"{date[:-2]}{day - 60:02d}"
    separator = "+" if over_hundred and len(date) == 6 else "-"
    try:
        personnummer.get_birth_date(f"{date}{separator}{serial}")
    except StdnumError:
        return False
    return True


def find_identity_numbers(text):
    """The personnummer and samordningsnummer in `text`, as found in its normalised form."""
    found = []
    for match in _CANDIDATE.finditer(normalise(text)):
        date = (match["century"] or "") + match["yy"] + match["mm"] + match["dd"]
        if is_identity_number(date, match["serial"], over_hundred="+" in match["sep"]):
            found.append(match.group(0))
    return found


def contains_identity_number(text):
    return bool(find_identity_numbers(text))
