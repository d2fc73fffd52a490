"""gunicorn's access log as JSON lines built with json.dumps (config/gunicorn.conf.py uses it).

gunicorn's own access log fills a format string: a path with `%0A` (a newline once decoded)
split the line, and one with `%5C%22` (a backslash and a quote) made it invalid JSON. Here each
value is encoded by json.dumps, so one request is always one line of valid JSON.
Only gunicorn imports this module; Django never does.
"""

import datetime
import json
import traceback
import urllib.parse

from gunicorn.glogging import Logger

from .logs import scrub


def _status_code(status):
    """200 from 200 or "200 OK"; None when there is none (the client went away early)."""
    try:
        return int(str(status).split(None, 1)[0])
    except (TypeError, ValueError, IndexError):
        return None


def _path(environ):
    """The path as the client sent it (RAW_URI), percent-decoded as UTF-8.

    Not PATH_INFO: Django rewrites it in the same dict (WSGIRequest.META is the environ), so by
    the time the line is written it may be text or WSGI's latin-1 reading of the bytes.
    """
    raw = environ.get("RAW_URI") or environ.get("PATH_INFO", "")
    if not raw.startswith("/"):  # absolute form: GET http://host/path
        raw = urllib.parse.urlsplit(raw).path
    return urllib.parse.unquote(raw.split("?", 1)[0].split("#", 1)[0], errors="replace")


def access_log_line(resp, environ, request_time):
    """One request as one JSON line: time, request id, method, path, status, size, duration."""
    request_id = next(
        (value for name, value in resp.headers if name.lower() == "x-request-id"), "-"
    )
    entry = {
        "time": datetime.datetime.now(tz=datetime.UTC).isoformat(timespec="milliseconds"),
        "logger": "gunicorn.access",
        "request_id": request_id,
        "method": environ.get("REQUEST_METHOD", "-"),
        "path": scrub(_path(environ)),
        "status_code": _status_code(resp.status),
        "bytes": getattr(resp, "sent", None),
        "duration_ms": int(request_time.total_seconds() * 1000),
    }
    return json.dumps(entry)  # ASCII: no raw control or line-separator character gets through


class JsonAccessLogger(Logger):
    """gunicorn's logger, with the access log written by `access_log_line`."""

    def access(self, resp, req, environ, request_time):
        cfg = self.cfg
        if not (
            cfg.accesslog
            or cfg.logconfig
            or cfg.logconfig_dict
            or cfg.logconfig_json
            or (cfg.syslog and not cfg.disable_redirect_access_to_syslog)
        ):
            return
        try:
            self.access_log.info("%s", access_log_line(resp, environ, request_time))
        except Exception:  # a log line must never fail the request
            self.error(traceback.format_exc())
