"""The one CSV dialect of the admin's bulk work, as Swedish Excel expects it: `;` between
cells, UTF-8 with a byte-order mark, CRLF. A cell a spreadsheet would run as a formula is
written with an apostrophe before it (`guard`), which reading removes again (`unguard`), so
an unchanged export imports as no change."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

BOM = "\ufeff"
DELIMITER = ";"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000

YES = {"ja", "yes", "j", "y", "1", "x", "true", "sant"}
NO = {"", "nej", "no", "n", "0", "false", "falskt"}


def guard(value):
    """A cell as it is written: a leading formula character gets an apostrophe."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def unguard(value):
    """A cell as it is read: the apostrophe `guard` added is removed."""
    value = (value or "").strip("\r\n")
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def write_csv(header, rows):
    """The CSV text (with its BOM) of `rows` under `header`."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow([guard(h) for h in header])
    for row in rows:
        writer.writerow([guard(cell) for cell in row])
    return BOM + out.getvalue()


def read_csv(data, columns, required):
    """[(row number, {column key: value})] from uploaded bytes or text, the header row
    naming `columns` ({key: label}) by label or key, `required` keys among them; raises
    ValidationError with a Swedish message for what cannot be read at all."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ValidationError(_("The file is too large (at most 2 MB)."))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(
                _("The file is not UTF-8 text. Save it as “CSV UTF-8 (semicolon separated)”.")
            ) from None
    data = data.removeprefix(BOM)
    try:
        rows = list(csv.reader(io.StringIO(data), delimiter=DELIMITER))
    except csv.Error:
        raise ValidationError(_("The file cannot be read as CSV.")) from None
    if not rows:
        raise ValidationError(_("The file is empty."))
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("The file has too many rows (at most 2000)."))
    labels = {str(label).lower(): key for key, label in columns.items()}
    labels.update({key: key for key in columns})
    header = [labels.get(unguard(h).strip().lower()) for h in rows[0]]
    missing = [str(columns[k]) for k in required if k not in header]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    parsed = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        parsed.append(
            (number, {key: unguard(cell) for key, cell in zip(header, cells, strict=False) if key})
        )
    return parsed


@dataclass
class RowError:
    """A row of an import that cannot be saved: where (row, column) and why, in Swedish."""

    row: int
    column: str
    message: str


@dataclass
class Plan:
    """What an import would do: every change and every error; saved only with no error."""

    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    unchanged: int = 0


def import_step(*, upload, content, confirm, read, plan, apply):
    """One step of an import page: read the uploaded file (or, with "confirm", the content
    the preview sent back), plan every change, and apply them only when confirmed without
    an upload and without any error: all or nothing.

    Returns (plan, text for the next preview, saved count or None). Raises ValidationError
    when the file cannot be read at all."""
    text = upload.read(MAX_BYTES + 1) if upload else content
    planned = plan(read(text))
    if confirm and not upload and not planned.errors:
        return planned, None, apply(planned)
    if isinstance(text, bytes):
        text = text.decode("utf-8-sig")
    return planned, text, None
