"""gunicorn settings; every value can be overridden from the environment (GUNICORN_*)."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the pages are short, CPU-bound renders; scale out with more workers or hosts.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so a slow leak can never take the site down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = 200
# Import the application before forking (faster start, shared memory); database connections
# are opened per worker on first use, never before the fork.
preload_app = True
# No runtime control socket: one fixed path in $HOME would clash between instances on one host.
control_socket_disable = True
# Forwarded headers are trusted only as configured. gunicorn takes no scheme from headers (its
# default trusts X-Forwarded-Proto from 127.0.0.1 and from any UNIX socket, so whatever sits
# on the host could make plain-http visitors get https:// links from the page cache): Django
# does, from SECURE_PROXY_SSL_HEADER; the client address comes from NUM_PROXIES. Other forwarded
# headers (SCRIPT_NAME, PATH_INFO) only from the addresses in FORWARDED_ALLOW_IPS (none unless set).
secure_scheme_headers = {}
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "")
# Logs to stdout/stderr; the access log carries the request id (set by config.middleware).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# JSON lines built with json.dumps (a format string let a path split a line or break the JSON).
logger_class = "config.gunicorn_logs.JsonAccessLogger"
