"""Collects the figures and writes them, as a table, to bench/results.md and stdout."""

import datetime
import os
import platform
import re
from pathlib import Path

from django.conf import settings
from django.db import connection

RESULTS = Path(__file__).resolve().parent / "results.md"
ROWS = {}  # (size, page) -> dict
FLOOR = {}  # size -> median ms of a minimal view through the same middleware
SIZES = {}


def _machine():
    cpus = os.cpu_count()
    return (
        f"{platform.system()} {platform.machine()}, {cpus} CPUs, Python {platform.python_version()}"
    )


def replace_section(name, text):
    """Rewrite the `name` section of results.md, keeping the other one."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n\n"
    block = f"{start}\n{text.rstrip()}\n{end}"
    if start in current:
        current = re.sub(
            re.escape(start) + ".*?" + re.escape(end), lambda _m: block, current, flags=re.S
        )
    else:
        current = current.rstrip() + "\n\n" + block + "\n"
    RESULTS.write_text(current)


def write_bench_section():
    lines = [
        "## `make bench`: server time, queries and compressed bytes per page",
        "",
        f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {_machine()}, "
        f"database: {connection.vendor}, cache: {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
        f"load average {os.getloadavg()[0]:.1f}. Server time is the median of Django's full request cycle "
        "(middleware included) through the test client, templates rendered as in production "
        "(without the test environment's per-template signal); "
        '"cached" is the same request served by '
        'the public page cache. Bytes are gzip-compressed (level 6); "with assets" adds the page\'s '
        "CSS and JS.",
        "",
    ]
    for size, description in SIZES.items():
        lines.append(f"- **{size}**: {description}")
    floors = ", ".join(f"{size} {ms:.3f} ms" for size, ms in FLOOR.items())
    lines += [
        "",
        "The floor is a minimal view (`bench/urls.py`: no query, no template) through the same "
        f'middleware stack in the same run: {floors or "not measured"}. "× floor" is the '
        "uncached time as a multiple of it, comparable across machines.",
        "",
        "| data | page | URL | uncached median ms | × floor | cached median ms | queries | gzip bytes | with assets |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for (size, page), row in ROWS.items():
        if row.get("url") is None:
            lines.append(f"| {size} | {page} | not available | – | – | – | – | – | – |")
            continue
        uncached = row.get("uncached", float("nan"))
        multiple = f"{uncached / FLOOR[size]:.0f}" if FLOOR.get(size) else "–"
        lines.append(
            f"| {size} | {page} | `{row['url']}` | {uncached:.2f} | {multiple} | "
            f"{row.get('cached_note') or format(row.get('cached', float('nan')), '.2f')} | "
            f"{row.get('queries', '–')} | "
            f"{row.get('gzip', '–')} | {row.get('gzip_assets', '–')} |"
        )
    text = "\n".join(lines)
    replace_section("bench", text)
    print("\n" + text)
