import json
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
VNU = (
    Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `apt-get install -y chromium`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def assert_accessible():
    """Fail with the list of violations when axe-core finds a WCAG 2.2 A/AA problem."""
    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture(scope="session")
def nu_checker():
    """Run the Nu HTML Checker once, as a local web service, and return its URL.

    One Java start per session instead of one per page saves about 2 s a page.
    """
    if not VNU.exists():
        pytest.fail(f"The Nu HTML Checker is missing at {VNU}: run `npm ci`.")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            "java",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/?out=json"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                pytest.fail("The Nu HTML Checker did not start.")
            time.sleep(0.25)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def assert_valid_html(nu_checker):
    """Fail with the Nu HTML Checker's errors for the page's HTML."""

    def check(html):
        request = urllib.request.Request(
            nu_checker,
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        errors = [
            f"line {m.get('lastLine', '?')}: {m['message']} ({m.get('extract', '').strip()})"
            for m in messages
            if m["type"] in ("error", "non-document-error")
        ]
        assert not errors, "\n".join(errors)

    return check
