"""`make loadtest`: gunicorn (4 workers) on 127.0.0.1 under wrk, 20 s per page, 32 connections.

Each page is measured uncached (PUBLIC_PAGE_CACHE_SECONDS=0) and cached (the page cache on
Redis when REDIS_URL is set, else each worker's local memory), against a static file served
by the same gunicorn (WhiteNoise) as the ceiling. Writes its table to bench/results.md.
Run through make (production-like settings); DATABASE_URL picks the database, which gets
the demo data and LOADTEST_LOCALITIES generated localities (default 300) when it has none.

Then the mixed rows (a cache shared with the writer is needed: REDIS_URL or CACHE_URL):
every public page (`bench/mixed.py`), drawn with a Zipf popularity (exponent 1.0 over the
pages in a fixed seeded order: a few pages popular, a long tail), every page fetched once
before each run (the steady state of a site that has run a while), 30 s a run, the median
of 3 runs; reads only, and with a writer publishing a follow-up note in a random locality
every 5 s through the services; with per-locality invalidation and with the global version
(PUBLIC_PAGE_CACHE_PER_LOCALITY=false, as before). LOADTEST_ONLY=mixed (or =pages) runs one
part only.
"""

import concurrent.futures
import datetime
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
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
ONLY = os.environ.get("LOADTEST_ONLY", "")
MIXED_DURATION = os.environ.get("LOADTEST_MIXED_DURATION", "30s")
MIXED_RUNS = int(os.environ.get("LOADTEST_MIXED_RUNS", "3"))
# With the global version every page is stale after a run with writes, and the warm-up before
# the next run renders them all again: LOADTEST_GLOBAL_RUNS=1 saves that on a slow host, and
# LOADTEST_GLOBAL_READS=0 compares with the per-locality reads-only row (the same load: no write);
# LOADTEST_GLOBAL_RUNS=0 leaves the global version out (e.g. to compare PUBLIC_PAGE_CACHE_WAIT_SECONDS=0).
GLOBAL_RUNS = int(os.environ.get("LOADTEST_GLOBAL_RUNS", str(MIXED_RUNS)))
GLOBAL_READS = os.environ.get("LOADTEST_GLOBAL_READS", "1") != "0"
# Long enough that no page expires between the warm-up and the end of a run.
MIXED_CACHE_SECONDS = "3600"
ZIPF_EXPONENT = 1.0
SEED = 16
SEQUENCE = 50_000  # requests drawn once; each wrk connection thread walks them from its own offset
WRITE_EVERY = 5.0
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
    def __init__(self, cached, **extra_env):
        env = (
            os.environ
            | extra_env
            | {
                "GUNICORN_BIND": f"127.0.0.1:{PORT}",
                "GUNICORN_WORKERS": WORKERS,
                "GUNICORN_ACCESS_LOG": "",
                "LOG_LEVEL": "WARNING",
                "PUBLIC_PAGE_CACHE_SECONDS": "300" if cached else "0",
            }
        )
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


def wrk(url, script=None, duration=DURATION):
    out = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{duration}",
            "--latency",
            *(["-s", script] if script else []),
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
    cache = re.search(r"^CACHE hits (\d+) misses (\d+)$", out, re.M)
    return {
        "hits": int(cache.group(1)) if cache else None,
        "misses": int(cache.group(2)) if cache else None,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": ms("50"),
        "p99": ms("99"),
        "errors": errors,
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
    }


def main():
    static_url, size = prepare_data()
    if ONLY != "mixed":
        pages(static_url, size)
    if ONLY != "pages":
        mixed(static_url, size)


def pages(static_url, size):
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


# --- The mixed rows ----------------------------------------------------------------------

LUA = """
local paths = {%s}
local threads = {}
local count = 0
function setup(thread)
  thread:set("id", count)
  count = count + 1
  table.insert(threads, thread)
end
function init(args)
  i = (id * 7919) %% #paths
  hits = 0
  misses = 0
end
function request()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
function response(status, headers, body)
  local x = headers["X-Cache"]
  if x == "hit" then hits = hits + 1 elseif x == "miss" then misses = misses + 1 end
end
function done(summary, latency, requests)
  local h, m = 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses") end
  io.write(string.format("CACHE hits %%d misses %%d\\n", h, m))
end
"""


def lua_script(paths, directory):
    path = Path(directory) / f"paths-{len(paths)}.lua"
    path.write_text(LUA % ", ".join(f'"{p}"' for p in paths))
    return str(path)


def zipf_sequence(urls):
    """SEQUENCE requests over `urls`: their popularity order fixed by the seed, the k-th
    most popular drawn with weight 1/k^ZIPF_EXPONENT."""
    rng = random.Random(SEED)
    order = sorted(urls)
    rng.shuffle(order)
    weights = [1 / (k**ZIPF_EXPONENT) for k in range(1, len(order) + 1)]
    return rng.choices(order, weights=weights, k=SEQUENCE)


def warm(urls):
    """Every page fetched once (4 at a time): the URLs that answered 200."""
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(status, urls))
    return [url for url, code in zip(urls, answers, strict=True) if code == 200]


class Writer:
    def __init__(self, per_locality):
        self.process = subprocess.Popen(
            [BIN / "python", "-m", "bench.mixed", "writer", str(WRITE_EVERY)],
            cwd=ROOT,
            env=os.environ | {"PUBLIC_PAGE_CACHE_PER_LOCALITY": per_locality},
            stdout=subprocess.PIPE,
            text=True,
        )

    def stop(self):
        self.process.terminate()
        out, _ = self.process.communicate(timeout=60)
        return int(out.strip() or 0)


def mixed(static_url, size):
    if not (os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")):
        print("mixed rows skipped: the writer needs a cache shared with the server (REDIS_URL)")
        return
    urls = subprocess.run(
        [BIN / "python", "-m", "bench.mixed", "urls"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    load_before = os.getloadavg()[0]
    results, writes, answering = {}, {}, None
    with tempfile.TemporaryDirectory() as scratch:
        static_script = lua_script([static_url], scratch)
        for label, per_locality in (("per locality", "true"), ("global version", "false")):
            server = Server(
                True,
                PUBLIC_PAGE_CACHE_PER_LOCALITY=per_locality,
                PUBLIC_PAGE_CACHE_SECONDS=MIXED_CACHE_SECONDS,
            )
            is_global = per_locality == "false"
            try:
                if answering is None:
                    answering = warm(urls)
                    script = lua_script(zipf_sequence(answering), scratch)
                for run in range(GLOBAL_RUNS if is_global else MIXED_RUNS):
                    static = wrk(static_url, static_script, MIXED_DURATION)
                    results.setdefault((label, "static file"), []).append(static)
                    if GLOBAL_READS or not is_global:
                        warm(answering)
                        reads = wrk("/", script, MIXED_DURATION)
                        results.setdefault((label, "reads only"), []).append(reads)
                    warm(answering)
                    writer = Writer(per_locality)
                    try:
                        edits = wrk("/", script, MIXED_DURATION)
                    finally:
                        writes.setdefault(label, []).append(writer.stop())
                    results.setdefault((label, "reads + a note every 5 s"), []).append(edits)
                    print(
                        f"  {label} run {run + 1}: static {static['rps']:.0f}, "
                        f"with writes {edits['rps']:.0f} req/s",
                        flush=True,
                    )
            finally:
                server.stop()
    load_after = os.getloadavg()[0]
    write_mixed_section(results, writes, answering, size, load_before, load_after)


def _median_run(runs):
    return sorted(runs, key=lambda r: r["rps"])[len(runs) // 2]


def write_mixed_section(results, writes, urls, size, load_before, load_after):
    lines = [
        "## `make loadtest`: mixed load with edits",
        "",
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on this machine "
        f"({os.cpu_count()} CPUs, wrk, gunicorn, the database and the cache on the same host): "
        f"gunicorn with {WORKERS} sync workers, wrk 2 threads, {CONNECTIONS} connections; "
        f"data: {size} ({os.environ.get('DATABASE_URL', 'SQLite').split('://')[0]}); cache: "
        f"{'Redis' if os.environ.get('REDIS_URL') else 'the database'}. Requests drawn from "
        f"{len(urls)} distinct public pages (every locality page, promise page, per-locality "
        "list and feed, situation picture and place; the site's lists, feeds, API lists and "
        f"sitemap) with a Zipf popularity (exponent {ZIPF_EXPONENT}, seed {SEED}, "
        f"{SEQUENCE} requests drawn once); every page fetched once before each run; "
        f"{MIXED_DURATION} a run, the run with the median req/s of {MIXED_RUNS} shown "
        f"({GLOBAL_RUNS} with the global version); pages kept {MIXED_CACHE_SECONDS} s "
        "(wrk counts the `X-Cache` headers with a Lua script, the static file too). The writer "
        f"publishes a note (`update_post` as a draft, then `update_publish`) on a promise of a "
        f"random locality every {WRITE_EVERY:.0f} s: "
        + ", ".join(f"{label}: {sum(n)} notes in all" for label, n in writes.items())
        + f". Load average before/after: {load_before:.1f}/{load_after:.1f}.",
        "",
        "| invalidation | load | req/s | vs static | vs reads only | p50 ms | p99 ms | errors | hit ratio |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label in ("per locality", "global version"):
        if (label, "static file") not in results:  # LOADTEST_GLOBAL_RUNS=0
            continue
        static = _median_run(results[(label, "static file")])
        own_reads = (label, "reads only") in results
        reads = _median_run(results[(label if own_reads else "per locality", "reads only")])
        for load in ("static file", "reads only", "reads + a note every 5 s"):
            if (label, load) not in results:
                lines.append(
                    f"| {label} | {load} | (the per-locality row: no write, the same load) "
                    "| | | | | | |"
                )
                continue
            r = _median_run(results[(label, load)])
            counted = (r["hits"] or 0) + (r["misses"] or 0)
            ratio = (
                f"{r['hits'] / counted * 100:.1f} %" if counted and load != "static file" else "–"
            )
            lines.append(
                f"| {label} | {load} | {r['rps']:.0f} | {r['rps'] / static['rps'] * 100:.0f} % | "
                f"{r['rps'] / reads['rps'] * 100:.0f} % | {r['p50']:.1f} | {r['p99']:.1f} | "
                f"{r['errors']} | {ratio} |"
            )
    lines.append("")
    lines.append(
        "All runs (req/s): "
        + "; ".join(
            f"{label}, {load}: " + ", ".join(f"{r['rps']:.0f}" for r in runs)
            for (label, load), runs in results.items()
        )
        + "."
    )
    text = "\n".join(lines)
    from bench.results import replace_section

    replace_section("loadtest-mixed", text)
    print("\n" + text)


if __name__ == "__main__":
    main()
