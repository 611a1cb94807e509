"""Load: a mix of pages for 60 s at 50 connections on gunicorn + PostgreSQL; count every error.

.venv/bin/python bench/load.py [--seconds 60] [--connections 50]
"""

import argparse
import re
import subprocess
import tempfile

from run import HOST, PORT, environment, prepare, start_server

MIX = [
    "/nl/",
    "/en/",
    "/nl/check/?country=NL&partners=DE&partners=FR&duration_months=24",
    "/en/check/start/?country=BE&goal=cooperate&partner_count=1",
    "/api/v1/eligibility?country=NL&partners=DE,FR",
    "/api/v1/formats/",
    "/api/v1/countries/",
    "/nl/formats/KA220-VET/",
    "/nl/formats/?line=KA2",
    "/nl/compare/?formats=KA210-VET&formats=KA220-VET",
    "/nl/search/?q=partnerschap",
    "/nl/deadlines/",
    "/deadlines.ics",
    "/en/check/plan/?activity=learner_group&participants=12&days=10&city=Madrid&origin=Utrecht",
    "/api/v1/mobility/check?activity=staff_job_shadowing&days=75",
    "/en/check/distance/?origin=Utrecht&destination=Lisbon",
    "/healthz",
]
SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    env = environment()
    prepare(env, 1)
    server = start_server(env)
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(SCRIPT % ", ".join(f'"{path}"' for path in MIX))
            script.flush()
            output = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{args.connections}",
                    f"-d{args.seconds}s",
                    "--timeout=10s",
                    "--latency",
                    "-s",
                    script.name,
                    f"http://{HOST}:{PORT}",
                ],
                capture_output=True,
                text=True,
                check=True,
                timeout=args.seconds + 60,
            ).stdout
    finally:
        server.terminate()
        server.wait()
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    socket_errors = sum(int(n) for n in socket.groups()) if socket else 0
    print(output)
    print(
        f"{len(MIX)} pages, {args.connections} connections, {args.seconds} s: {requests} requests, "
        f"{int(non_2xx.group(1)) if non_2xx else 0} non-2xx responses, "
        f"{socket_errors} socket errors"
    )
    raise SystemExit(1 if non_2xx or socket_errors else 0)


if __name__ == "__main__":
    main()
