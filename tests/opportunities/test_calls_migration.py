"""The calls migration keeps every record and every editor's change."""

import json
import os
import subprocess
import sys

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch_database(tmp_path):
    """An empty database of the kind the tests run on, for a process of its own."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'migration.sqlite3'}"
        return
    params = settings.DATABASES["default"]
    name = f"{params['NAME']}_migration"
    server = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_today_s_programme_becomes_call_2026_with_its_history(scratch_database):
    env = {**os.environ, "DATABASE_URL": scratch_database, "DJANGO_DEBUG": "true"}
    env["DJANGO_SETTINGS_MODULE"] = "erasmus_portal.settings"
    done = subprocess.run(
        [sys.executable, "-m", "tests.opportunities.calls_migration"],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    result = json.loads(done.stdout.splitlines()[-1])

    assert result["calls"] == [[2026, "published"]]
    assert result["status"] == [2026, "associated", None, "https://example.org/ch"]
    assert result["status_history"] == [["non_associated", "+", None], ["associated", "~", "eva"]]
    assert result["format"] == [2026, 4]
    assert result["format_history"] == [[2026, 4, "eva"]]
