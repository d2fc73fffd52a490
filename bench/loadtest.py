"""`make loadtest`: gunicorn (4 workers) on 127.0.0.1 under wrk, 20 s per page, 32 connections.

Each page is measured uncached (PUBLIC_PAGE_CACHE_SECONDS=0) and cached (the page cache on
Redis when REDIS_URL is set, else each worker's local memory), against a static file served
by the same gunicorn (WhiteNoise) as the ceiling. Writes its table to bench/results.md.
Run through make (production-like settings); DATABASE_URL picks the database, which gets
the demo data and LOADTEST_LOCALITIES generated localities (default 300) when it has none.
"""

import datetime
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import PAGES, STATIC_FILE  # noqa: E402

PORT = int(os.environ.get("LOADTEST_PORT", "8071"))
DURATION = os.environ.get("LOADTEST_DURATION", "20s")
CONNECTIONS = int(os.environ.get("LOADTEST_CONNECTIONS", "32"))
WORKERS = os.environ.get("GUNICORN_WORKERS", "4")
BIN = ROOT / ".venv" / "bin"


def manage(*args, env=None):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, check=True, env=env)


def prepare_data():
    manage("migrate", "--no-input", "-v0")
    manage("collectstatic", "--no-input", "-v0")
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "django.setup();"
        "from promises.models import Locality;"
        "from promises.demo.loader import load_demo_data; from promises.demo.scale import generate_scale_data;"
        "Locality.objects.filter(slug='molndal').exists() or load_demo_data();"
        "n = int(os.environ.get('LOADTEST_LOCALITIES', '300'));"
        "have = Locality.objects.filter(slug__startswith='skala-').count();"
        "have >= n or generate_scale_data(n - have);"
        "from django.templatetags.static import static;"
        f"print(static({STATIC_FILE.removeprefix('/static/')!r}));"
        "print(Locality.objects.count(), 'localities')"
    )
    out = subprocess.run(
        [BIN / "python", "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.split("\n")
    return out[0].strip(), out[1].strip()


class Server:
    def __init__(self, cached):
        env = os.environ | {
            "GUNICORN_BIND": f"127.0.0.1:{PORT}",
            "GUNICORN_WORKERS": WORKERS,
            "GUNICORN_ACCESS_LOG": "",
            "LOG_LEVEL": "WARNING",
            "PUBLIC_PAGE_CACHE_SECONDS": "300" if cached else "0",
        }
        self.process = subprocess.Popen(
            [BIN / "gunicorn", "--config", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not start")

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def status(url):
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{PORT}{url}", timeout=60).status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(url):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}",
            "--latency",
            f"http://127.0.0.1:{PORT}{url}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    time.sleep(2)  # let the workers finish what wrk left behind

    def ms(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = (sum(int(n) for n in socket.groups()) if socket else 0) + (
        int(non2xx.group(1)) if non2xx else 0
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def main():
    static_url, size = prepare_data()
    load_before = os.getloadavg()[0]
    rows = []
    for cached in (False, True):
        server = Server(cached)
        try:
            mode = "cached" if cached else "uncached"
            rows.append(("static file (ceiling)", mode, static_url, wrk(static_url)))
            print(f"  {mode} static file: {rows[-1][3]['rps']:.0f} req/s", flush=True)
            for name, urls in PAGES:
                url = next((u for u in urls if status(u) == 200), None)
                if url and cached:
                    status(url)  # fill the cache
                if url is None:
                    rows.append((name, mode, None, None))
                    continue
                rows.append((name, mode, url, wrk(url)))
                print(f"  {mode} {name}: {rows[-1][3]['rps']:.0f} req/s", flush=True)
        finally:
            server.stop()

    load_after = os.getloadavg()[0]
    ceiling = {mode: r["rps"] for name, mode, _u, r in rows if name.startswith("static")}
    lines = [
        "## `make loadtest`: gunicorn under wrk",
        "",
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on this machine "
        f"({os.cpu_count()} CPUs, wrk and gunicorn on the same host): gunicorn with {WORKERS} sync "
        f"workers on 127.0.0.1, wrk 2 threads, {CONNECTIONS} connections, {DURATION} per row; "
        f"data: {size} ({os.environ.get('DATABASE_URL', 'SQLite').split('://')[0]}); cache: "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'local memory per worker'}. Load average "
        f"before/after: {load_before:.1f}/{load_after:.1f} (other work on the host skews the figures).",
        "",
        "| page | mode | URL | req/s | p50 ms | p99 ms | errors | vs static |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, mode, url, r in rows:
        if r is None:
            lines.append(f"| {name} | {mode} | not available | – | – | – | – | – |")
            continue
        share = r["rps"] / ceiling[mode] * 100
        lines.append(
            f"| {name} | {mode} | `{url}` | {r['rps']:.0f} | {r['p50']:.1f} | {r['p99']:.1f} | "
            f"{r['errors']} | {share:.0f} % |"
        )
    text = "\n".join(lines)
    from bench.results import replace_section

    replace_section("loadtest", text)
    print("\n" + text)


if __name__ == "__main__":
    main()
