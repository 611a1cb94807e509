"""Fault: restart PostgreSQL under load; the portal answers 503 while it is down and recovers.

    .venv/bin/python bench/fault.py [--down 5]

Starts gunicorn on PostgreSQL, requests a page, an API answer and /healthz every 50 ms from 4
threads, stops PostgreSQL for --down seconds, starts it again, and prints the status codes seen
while it was down (503, or 200 for pages still in the cache; never 500) and how long after it
came back /healthz, which always asks the database, answered 200 again. Restarts the local cluster:
run it on a development machine or in CI, never next to anything else that uses PostgreSQL.
"""

import argparse
import collections
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from run import HOST, PORT, environment, prepare, start_server

PATHS = ["/nl/", "/api/v1/formats/KA220-VET/", "/healthz"]


def cluster(action):
    version = sorted(path.name for path in Path("/etc/postgresql").iterdir())[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", action],
        check=True,
    )


def status(path):
    try:
        with urllib.request.urlopen(f"http://{HOST}:{PORT}{path}", timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return "no answer"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--down", type=float, default=5, help="seconds PostgreSQL stays down")
    args = parser.parse_args()
    env = environment()
    prepare(env, 1)
    server = start_server(env)
    log = []  # (time, path, status)
    stop = threading.Event()

    def poll(offset):
        index = offset
        while not stop.is_set():
            path = PATHS[index % len(PATHS)]
            log.append((time.monotonic(), path, status(path)))
            index += 1
            time.sleep(0.05)

    threads = [threading.Thread(target=poll, args=(n,)) for n in range(4)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(3)
        down_at = time.monotonic()
        cluster("stop")
        time.sleep(args.down)
        cluster("start")
        up_at = time.monotonic()
        time.sleep(10)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        server.terminate()
        server.wait()

    before = collections.Counter(s for t, _p, s in log if t < down_at)
    during = collections.Counter(s for t, _p, s in log if down_at <= t < up_at)
    after_ok = [t for t, p, s in log if t >= up_at and p == "/healthz" and s == 200]
    recovered = after_ok[0] - up_at if after_ok else None
    after_errors = [s for t, _p, s in log if after_ok and t > after_ok[0] and s != 200]
    print(f"before the outage:         {dict(before)}")
    print(f"while PostgreSQL was down: {dict(during)} ({args.down:.0f} s)")
    print(f"/healthz 200 again after:  {recovered:.2f} s" if recovered is not None else "never")
    print(f"non-200 after recovery:    {len(after_errors)}")
    failed = (
        set(during) - {200, 503}
        or recovered is None
        or recovered > 5
        or after_errors
        or set(before) != {200}
    )
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
