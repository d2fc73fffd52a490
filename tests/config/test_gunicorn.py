"""gunicorn's settings (config/gunicorn.conf.py) as gunicorn reads them."""

import datetime
import json
import os
import runpy
from pathlib import Path

import pytest
from gunicorn.config import Config
from gunicorn.http import wsgi
from gunicorn.http.message import Request
from gunicorn.http.unreader import IterUnreader

CONF = Path(__file__).resolve().parents[2] / "config" / "gunicorn.conf.py"


def gunicorn_config(**env):
    """A gunicorn Config loaded from config/gunicorn.conf.py with `env` as the environment."""
    saved = dict(os.environ)
    os.environ.pop("FORWARDED_ALLOW_IPS", None)
    os.environ.update(env)
    try:
        values = runpy.run_path(str(CONF))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    cfg = Config()
    for name, value in values.items():
        if name in cfg.settings:
            cfg.set(name, value)
    return cfg


def _scheme(cfg, peer, headers=b"X-Forwarded-Proto: https\r\n"):
    raw = b"GET /robots.txt HTTP/1.1\r\nHost: medborgarloften.example.se\r\n" + headers + b"\r\n"
    return Request(cfg, IterUnreader([raw]), peer, 1).scheme


# Forwarded headers are trusted only as configured (issue 11, point 14)


def test_no_address_is_trusted_with_forwarded_headers_by_default():
    cfg = gunicorn_config()

    assert cfg.forwarded_allow_ips == []
    assert cfg.secure_scheme_headers == {}


@pytest.mark.parametrize("peer", [("127.0.0.1", 40000), ("::1", 40000), ("203.0.113.7", 40000)])
def test_x_forwarded_proto_from_any_address_does_not_make_the_request_https(peer):
    assert _scheme(gunicorn_config(), peer) == "http"


def test_even_a_configured_proxy_address_does_not_set_the_scheme_django_does():
    cfg = gunicorn_config(FORWARDED_ALLOW_IPS="10.0.0.5")

    assert cfg.forwarded_allow_ips == ["10.0.0.5"]
    assert _scheme(cfg, ("10.0.0.5", 40000)) == "http"  # SECURE_PROXY_SSL_HEADER decides


def test_django_takes_the_scheme_from_no_header_unless_secure_proxy_ssl_header_is_set():
    from tests.config.test_deploy_check import production_settings

    assert production_settings("SECURE_PROXY_SSL_HEADER") == ["None"]


# The access log is JSON built with json.dumps (issue 11, point 15)

ATTACK_PATH = "/sok%0A%7B%22injected%22%3A%201%7D%5C%22/s%C3%B6k"
DECODED_PATH = '/sok\n{"injected": 1}\\"/sök'


def _access_log(tmp_path, raw_path):
    """What the configured access logger writes for one request to `raw_path`."""
    cfg = gunicorn_config(GUNICORN_ACCESS_LOG=str(tmp_path / "access.log"))
    logger = cfg.logger_class(cfg)
    raw = f"GET {raw_path} HTTP/1.1\r\nHost: medborgarloften.example.se\r\n\r\n".encode()
    req = Request(cfg, IterUnreader([raw]), ("203.0.113.7", 40000), 1)
    resp, environ = wsgi.create(req, None, req.peer_addr, ("127.0.0.1", 8000), cfg)
    environ["PATH_INFO"] = "/rewritten-by-django"  # WSGIRequest.META is this very dict
    resp.status = "404 Not Found"
    resp.headers = [("Content-Type", "text/html"), ("X-Request-ID", "req-12345678")]
    resp.sent = 179
    try:
        logger.access(resp, req, environ, datetime.timedelta(milliseconds=42))
    finally:
        for handler in list(logger.access_log.handlers):
            handler.close()
            logger.access_log.removeHandler(handler)
    return (tmp_path / "access.log").read_text()


def test_a_path_with_an_encoded_newline_and_quote_is_one_line_of_valid_json(tmp_path):
    text = _access_log(tmp_path, ATTACK_PATH)

    assert text.count("\n") == 1 and text.endswith("\n")
    entry = json.loads(text)
    assert entry["path"] == DECODED_PATH
    assert "injected" not in entry
    assert entry["logger"] == "gunicorn.access"
    assert entry["request_id"] == "req-12345678"
    assert entry["method"] == "GET"
    assert entry["status_code"] == 404
    assert entry["bytes"] == 179
    assert entry["duration_ms"] == 42


def test_email_addresses_in_a_path_are_scrubbed_from_the_access_log(tmp_path):
    entry = json.loads(_access_log(tmp_path, "/s%C3%B6k/anna.svensson%40example.se/"))

    assert entry["path"] == "/sök/[email]/"


@pytest.mark.parametrize(
    ("target", "path"),
    [("//evil.example/x?q=1", "//evil.example/x"), ("http://h.example/a%20b?q", "/a b")],
)
def test_the_access_log_keeps_the_path_of_any_request_target_without_its_query(
    tmp_path, target, path
):
    assert json.loads(_access_log(tmp_path, target))["path"] == path
