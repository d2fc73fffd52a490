"""gunicorn's settings (config/gunicorn.conf.py) as gunicorn reads them."""

import os
import runpy
from pathlib import Path

import pytest
from gunicorn.config import Config
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
    from tests.ops.test_deploy_check import production_settings

    assert production_settings("SECURE_PROXY_SSL_HEADER") == ["None"]
