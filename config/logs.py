"""Structured logs: JSON lines with the request id, with personal data scrubbed out."""

import contextvars
import datetime
import json
import logging
import re

request_id_var = contextvars.ContextVar("request_id", default="-")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Swedish personal identity numbers (personnummer): [YY]YYMMDD-XXXX or without the dash.
PERSONNUMMER = re.compile(r"\b(?:\d{2})?\d{6}[-+]?\d{4}\b")


def scrub(text):
    """Replace e-mail addresses and personal identity numbers in `text`."""
    return PERSONNUMMER.sub("[personnummer]", EMAIL.sub("[email]", text))


class RequestIdFilter(logging.Filter):
    """Adds `record.request_id`: the id of the request being served, or "-"."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class PersonalDataFilter(logging.Filter):
    """Scrubs e-mail addresses and personal identity numbers from the message and traceback.

    Feedback text must never be logged at all (no code logs it); this filter is the net
    under that rule for the identifiers a message may carry by accident.
    """

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            message = str(record.msg)
        record.msg, record.args = scrub(message), ()
        if record.name == "django.request" and getattr(record, "status_code", 500) < 500:
            # A 404 or 403 raised as an exception: the status and path say it all, and
            # formatting its traceback cost a millisecond for every bad address asked for.
            record.exc_info = record.exc_text = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
            record.exc_info = None  # the scrubbed text is what gets printed
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and context."""

    EXTRA = ("status_code", "method", "path", "duration_ms")

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id_var.get()),
        }
        for name in self.EXTRA:
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            entry.setdefault("method", request.method)
            entry.setdefault("path", scrub(request.path))
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)
