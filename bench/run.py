"""Benchmark every page type against a bare view, on gunicorn and PostgreSQL, with wrk.

    .venv/bin/python bench/run.py [--seconds 5] [--connections 10] [--scale 100] [--cold]

Creates the database erasmus_portal_bench (dropped first), loads the programme (and with
--scale N, N copies of every example project), starts gunicorn with 2 workers on 127.0.0.1:8765
and runs wrk against each URL in turn. Prints requests/s, p50 and p99 latency, the ratio to the
bare view (measured again before and after each page), SQL queries per page and the compressed
bytes a first visit downloads (HTML + CSS + JS), then whether each page meets the targets.
With --cold every request adds a unique ``_=`` parameter, so no page comes from the page cache
(the programme data stays cached, as it is for any new URL), and the speed targets are those
of a new answer. BENCH_DATABASE and BENCH_PORT name another database and port, to run beside
someone else's benchmark. Needs wrk (apt-get install wrk) and PostgreSQL.
"""

import argparse
import gzip
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DATABASE = os.environ.get("BENCH_DATABASE", "erasmus_portal_bench")
ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"

BARE = "/bench/baseline"
# Seconds of the bare view before and after each page: the ratio compares a page with what the
# machine served while it ran (others' work on a shared machine changes from page to page).
BARE_SECONDS = 2
# (name, path); the static file and the bare view come first, as references.
PAGES = [
    ("static file", None),
    ("bare view", BARE),
    ("home", "/nl/"),
    ("finder, filtered", "/nl/formats/?line=KA2&managed_by=national_agency&newcomer=on"),
    ("format page", "/nl/formats/KA220-VET/"),
    ("compare", "/nl/compare/?formats=KA210-VET&formats=KA220-VET&formats=KA122-VET"),
    ("search", "/nl/search/?q=partnerschap"),
    ("eligibility page", "/nl/check/?country=NL&partners=DE&partners=FR&duration_months=24"),
    ("eligibility API", "/api/v1/eligibility?country=NL&partners=DE,FR&duration_months=24"),
    ("formats API", "/api/v1/formats/"),
    ("mobility check API", "/api/v1/mobility/check?activity=learner_short_term&days=30"),
    (
        "planner",
        "/nl/check/plan/?activity=learner_short_term&participants=20&days=30&city=Madrid"
        "&origin=Amsterdam&months=12",
    ),
    ("distance", "/nl/check/distance/?origin=Utrecht&destination=Madrid"),
    ("deadlines", "/nl/deadlines/"),
    ("activities", "/nl/activities/"),
    ("iCal feed", "/deadlines.ics"),
]
TARGETS = {"ratio": 0.5, "p99_over_p50": 5, "queries": 6, "kilobytes": 50}
# A new answer (--cold) renders what the page cache would have kept: an HTML page reaches a
# tenth of the bare view's req/s, data (JSON, CSV, iCalendar) a third.
COLD_RATIOS = {"page": 0.10, "data": 0.30}


def environment():
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SITE_URL": f"http://{HOST}:{PORT}",
        "DJANGO_BENCHMARK": "true",
        "DJANGO_SETTINGS_MODULE": "erasmus_portal.settings",
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env, scale):
    import psycopg

    with psycopg.connect(ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_programme", "-v0")
    manage(env, "collectstatic", "--no-input", "-v0")
    if scale > 1:
        code = f"from bench.scale import copy_example_projects; copy_example_projects({scale})"
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def start_server(env):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "erasmus_portal.wsgi",
            "--workers=2",
            f"--bind={HOST}:{PORT}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://{HOST}:{PORT}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def fetch(path, encoding="gzip"):
    request = urllib.request.Request(
        f"http://{HOST}:{PORT}{path}", headers={"Accept-Encoding": encoding}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, b"", error.headers


def compressed_size(body, headers):
    return len(body) if headers.get("Content-Encoding") else len(gzip.compress(body))


def page_weight(path):
    """Bytes of the page and the CSS and JS it loads, as a browser gets them compressed."""
    status, body, headers = fetch(path)
    total = compressed_size(body, headers)
    html = gzip.decompress(body).decode() if headers.get("Content-Encoding") == "gzip" else ""
    html = html or body.decode(errors="replace")
    for asset in set(re.findall(r'(?:src|href)="(/static/[^"]+\.(?:css|js))"', html)):
        _status, asset_body, asset_headers = fetch(asset)
        total += compressed_size(asset_body, asset_headers)
    return status, total


def count_queries(env, paths):
    """Count the SQL queries of each page with Django's test client, in another process."""
    code = (
        "import django, json, sys; django.setup()\n"
        "from django.db import connection\n"
        "from django.test import Client\n"
        "from django.test.utils import CaptureQueriesContext\n"
        "client = Client(HTTP_HOST='127.0.0.1')\n"
        "counts = {}\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    with CaptureQueriesContext(connection) as queries:\n"
        "        client.get(path)\n"
        "    counts[path] = len(queries)\n"
        "print(json.dumps(counts))\n"
    )
    import json

    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(paths)],
        cwd=ROOT,
        env={**env, "DJANGO_LOG_LEVEL": "ERROR"},
        capture_output=True,
        text=True,
    )
    if result.returncode:
        raise SystemExit(f"counting queries failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# Each wrk thread has its own Lua state: the table's address tells the threads' URLs apart.
COLD_SCRIPT = """
local counter, thread = 0, tostring({}):match("0x(%%x+)")
request = function()
  counter = counter + 1
  return wrk.format("GET", "%s" .. "%s_=" .. thread .. "-" .. counter)
end
"""


def wrk(path, seconds, connections, cold=False):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    command += ["-H", "Accept-Encoding: gzip"]
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        if cold:
            script.write(COLD_SCRIPT % (path, "&" if "?" in path else "?"))
            script.flush()
            command += ["-s", script.name]
        command.append(f"http://{HOST}:{PORT}{path}")
        output = subprocess.run(
            command, capture_output=True, text=True, check=True, timeout=seconds + 30
        ).stdout
    if "Latency Distribution" not in output:
        raise SystemExit(f"wrk failed on {path}:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return (
        rate,
        milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
        int(errors.group(1)) if errors else 0,
    )


def milliseconds(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise SystemExit(f"cannot read wrk's latency {text!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per page")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--scale", type=int, default=1, help="copies of the example projects")
    parser.add_argument("--cold", action="store_true", help="a unique URL per request")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    env = environment()
    prepare(env, args.scale)
    server = start_server(env)
    try:
        _status, home, _headers = fetch("/nl/", encoding="identity")
        css = re.search(rb'href="(/static/css/[^"]+)"', home).group(1).decode()
        pages = [(name, path or css) for name, path in PAGES]
        answers = {path: fetch(path) for _name, path in pages}
        present = [(name, path) for name, path in pages if answers[path][0] == 200]
        missing = [name for name, path in pages if (name, path) not in present]
        queries = count_queries(env, [path for _name, path in present[1:]])
        rows = []
        before = wrk(BARE, BARE_SECONDS, args.connections, args.cold)[0]
        for name, path in present:
            rate, p50, p99, errors = wrk(path, args.seconds, args.connections, args.cold)
            after = wrk(BARE, BARE_SECONDS, args.connections, args.cold)[0]
            _status, weight = page_weight(path)
            html = answers[path][2].get("Content-Type", "").startswith("text/html")
            kind = "page" if html else "data"
            ratio = rate / ((before + after) / 2)
            rows.append((name, kind, rate, p50, p99, ratio, errors, queries.get(path, 0), weight))
            before = after
    finally:
        server.terminate()
        server.wait()
    report(rows, missing, args)


def report(rows, missing, args):
    print(
        f"\n{args.seconds}s per page, {args.connections} connections, gunicorn 2 workers, "
        f"PostgreSQL, example projects x{args.scale}"
        f"{', a unique URL per request (page cache missed)' if args.cold else ''}\n"
    )
    header = f"{'page':<20}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'ratio':>7}{'non-2xx':>9}"
    print(header + f"{'queries':>9}{'kB gz':>8}  targets")
    failures = 0
    for name, kind, rate, p50, p99, ratio, errors, queries, weight in rows:
        misses = []
        if name not in ("static file", "bare view"):
            if ratio < (COLD_RATIOS[kind] if args.cold else TARGETS["ratio"]):
                misses.append("speed")
            if p99 > TARGETS["p99_over_p50"] * p50:
                misses.append("p99")
            if queries > TARGETS["queries"]:
                misses.append("queries")
            if weight / 1000 > TARGETS["kilobytes"]:
                misses.append("size")
        misses += ["errors"] if errors else []
        failures += bool(misses)
        print(
            f"{name:<20}{rate:>9.0f}{p50:>9.1f}{p99:>9.1f}{ratio:>7.2f}{errors:>9}"
            f"{queries:>9}{weight / 1000:>8.1f}  {', '.join(misses) or 'met'}"
        )
    if missing:
        print(f"\nnot measured (no such page yet): {', '.join(missing)}")
    speed = (
        f"HTML pages >= {COLD_RATIOS['page']:.0%} and data >= {COLD_RATIOS['data']:.0%}"
        if args.cold
        else f">= {TARGETS['ratio']:.0%}"
    )
    print(
        f"\ntargets: {speed} of the bare view's req/s (measured before and after each page), "
        f"p99 <= {TARGETS['p99_over_p50']} x p50, <= {TARGETS['queries']} queries, "
        f"<= {TARGETS['kilobytes']} kB compressed; {failures} page(s) miss one"
    )


if __name__ == "__main__":
    main()
