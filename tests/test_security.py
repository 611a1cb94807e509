import pytest
from django.contrib.auth.models import User
from django.test import override_settings

pytestmark = pytest.mark.django_db

PAGES = [
    "/nl/",
    "/en/check/?country=NL&partners=DE",
    "/nl/check/start/",
    "/api/v1/formats/",
    "/api/v1/eligibility?country=NL",
    "/admin/login/",
    "/healthz",
    "/nl/bestaat-niet/",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_type_sends_the_security_headers(client, path):
    response = client.get(path, secure=True)

    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_pages_need_no_nonce_so_a_cached_page_never_carries_a_stale_one(client):
    first = client.get("/nl/", secure=True)
    cached = client.get("/nl/", secure=True)

    for response in (first, cached):
        assert "nonce" not in response["Content-Security-Policy"]
        assert "nonce" not in response.text
        assert '<script src="/static/django_htmx/htmx' in response.text
        assert "<script>" not in response.text and " style=" not in response.text


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/nl/")

    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_cookies_are_secure_and_http_only(settings):
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_session_cookie_is_sent_secure(client):
    User.objects.create_user("eva", password="a long passphrase here", is_staff=True)

    response = client.post(
        "/admin/login/",
        {"username": "eva", "password": "a long passphrase here", "next": "/admin/"},
        secure=True,
    )

    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"]


def test_repeated_failed_logins_lock_the_account_out(client):
    User.objects.create_user("eva", password="a long passphrase here", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "eva", "password": "wrong"}, secure=True)

    response = client.post(
        "/admin/login/",
        {"username": "eva", "password": "a long passphrase here", "next": "/admin/"},
        secure=True,
    )

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("path", "status", "text"),
    [
        ("/nl/bestaat-niet/", 404, "Er is geen pagina op dit adres"),
        ("/en/does-not-exist/", 404, "There is no page at this address"),
        ("/en/forbidden/", 403, "You may not see this page"),
        ("/en/tampered/", 400, "The request could not be understood"),
    ],
)
@override_settings(ROOT_URLCONF="tests.urls")
def test_own_error_pages_in_both_languages(client, path, status, text):
    response = client.get(path)

    assert response.status_code == status
    assert text in response.text
    assert '<html lang="' in response.text


@override_settings(ROOT_URLCONF="tests.urls")
def test_server_error_page_leaks_nothing(client):
    client.raise_request_exception = False

    response = client.get("/nl/fail/")

    assert response.status_code == 500
    assert "Er ging iets mis" in response.text
    assert "secret" not in response.text and "Traceback" not in response.text


@override_settings(ROOT_URLCONF="tests.urls")
def test_api_errors_are_json(client):
    client.raise_request_exception = False

    missing = client.get("/api/v1/nothing-here")
    failing = client.get("/api/v1/fail")

    assert missing.status_code == 404 and missing.json()["errors"]
    assert failing.status_code == 500 and "secret" not in failing.text
    assert failing.json()["errors"]["request"]


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_says_503_when_the_database_is_down(client, monkeypatch):
    from django.db import DatabaseError
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise DatabaseError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "down"


@override_settings(ROOT_URLCONF="tests.urls")
def test_database_outage_is_a_503_not_a_stack_trace(client):
    page = client.get("/nl/database-down/")
    api = client.get("/api/v1/database-down")

    assert page.status_code == 503 and api.status_code == 503
    assert page["Retry-After"] == "30"
    assert "Probeer het over een minuut opnieuw" in page.text
    assert "secret" not in page.text and "secret" not in api.text
    assert api.json()["errors"]["request"]


def test_the_benchmark_view_is_not_there_without_benchmarking(client):
    assert client.get("/bench/baseline").status_code == 404
