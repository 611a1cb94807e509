import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from erasmus_portal.settings import database_from_url, env_bool, site_url


def load_settings(**env):
    """Import the settings in a fresh interpreter with only the given environment variables."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_"))
    }
    return subprocess.run(
        [sys.executable, "-c", "import erasmus_portal.settings"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_secret_key_is_required_without_debug():
    result = load_settings()

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_debug_runs_without_a_secret_key():
    assert load_settings(DJANGO_DEBUG="true").returncode == 0


def test_a_nonsense_boolean_is_refused():
    result = load_settings(DJANGO_DEBUG="maybe")

    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_database_url_for_postgresql():
    database = database_from_url("postgres://user:p%40ss@db.example:6543/portal?sslmode=require")

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["USER"], database["PASSWORD"]) == ("user", "p@ss")
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 6543, "portal")
    assert database["OPTIONS"] == {"sslmode": "require"}
    assert database["CONN_MAX_AGE"] == 60 and database["CONN_HEALTH_CHECKS"]


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("sqlite:////srv/portal/db.sqlite3", "/srv/portal/db.sqlite3"),
        ("sqlite:///portal.db", "portal.db"),
    ],
)
def test_database_url_for_a_sqlite_file(url, name):
    database = database_from_url(url)

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == name
    assert not database["CONN_HEALTH_CHECKS"]


def test_no_database_url_means_the_sqlite_file_in_the_project():
    database = database_from_url("")

    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == Path(__file__).resolve().parent.parent / "db.sqlite3"


@pytest.mark.parametrize("url", ["mysql://localhost/portal", "nonsense://x", "postgres://h:port/x"])
def test_other_database_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url(url)


def test_the_console_log_gives_time_level_and_logger():
    code = "import logging; logging.getLogger('portal.test').warning('disk full')"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "erasmus_portal.settings",
            "DJANGO_DEBUG": "true",
        },
        capture_output=True,
        text=True,
        check=True,
    )

    line = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} WARNING portal\.test: disk full"
    assert re.fullmatch(line, result.stderr.strip())


@pytest.mark.parametrize(("value", "expected"), [("1", True), ("off", False), ("", False)])
def test_env_bool(monkeypatch, value, expected):
    monkeypatch.setenv("X_FLAG", value)
    assert env_bool("X_FLAG") is expected


def test_redis_url_selects_the_shared_cache():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "erasmus_portal.settings",
            "DJANGO_DEBUG": "true",
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache"


def test_site_url_is_the_development_server_with_debug():
    assert site_url("", debug=True, allowed_hosts=[]) == "http://127.0.0.1:8000"


def test_site_url_without_debug_is_https_on_the_first_allowed_host():
    assert site_url("", debug=False, allowed_hosts=["vet.example.org", "www.vet.example.org"]) == (
        "https://vet.example.org"
    )


def test_site_url_keeps_scheme_host_and_port_only():
    assert site_url("http://vet.example.org:8080/", debug=False, allowed_hosts=[]) == (
        "http://vet.example.org:8080"
    )


@pytest.mark.parametrize(
    "value", ["vet.example.org", "ftp://vet.example.org", "https://vet.example.org/nl/", "https://"]
)
def test_a_site_url_that_is_no_plain_address_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SITE_URL must be"):
        site_url(value, debug=False, allowed_hosts=["vet.example.org"])


@pytest.mark.parametrize("hosts", [[], ["*"], [".example.org"]])
def test_without_a_site_url_a_wildcard_host_is_refused(hosts):
    with pytest.raises(ImproperlyConfigured, match="Set DJANGO_SITE_URL"):
        site_url("", debug=False, allowed_hosts=hosts)


def test_benchmarking_adds_the_bare_view():
    code = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/bench/baseline').status_code)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DJANGO_BENCHMARK": "true"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "200"
