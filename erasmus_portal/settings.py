"""Settings for the Erasmus+ VET portal, read from the environment (see .env.example)."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url):
    """Return a DATABASES entry for a postgres:// or sqlite:/// URL; unset, db.sqlite3 here."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    try:
        database = dj_database_url.parse(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {error}") from None
    if database["ENGINE"] == "django.db.backends.postgresql":
        # Reuse a connection for a minute, and check it first: the server may have restarted.
        database.update(CONN_MAX_AGE=60, CONN_HEALTH_CHECKS=True)
    elif database["ENGINE"] != "django.db.backends.sqlite3":
        raise ImproperlyConfigured("DATABASE_URL must start with postgres:// or sqlite:///.")
    return database


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (a long random string), or DJANGO_DEBUG=true for development."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-debug-is-on"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")


def site_url(value, debug, allowed_hosts):
    """Return the portal's own address, ``scheme://host[:port]``, for links that leave the page.

    Canonical and hreflang links, the sitemap and the calendar feed use it, never the request's
    Host header. Unset, it is the development server with debug, else https:// and the first
    allowed host.
    """
    if not value:
        if debug:
            return "http://127.0.0.1:8000"
        host = allowed_hosts[0] if allowed_hosts else ""
        if not host or host == "*" or host.startswith("."):
            raise ImproperlyConfigured(
                "Set DJANGO_SITE_URL (e.g. https://erasmus-vet.example.org): the first of "
                "DJANGO_ALLOWED_HOSTS is no single host name to build it from."
            )
        return f"https://{host}"
    parts = urlsplit(value.rstrip("/"))
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or "@" in parts.netloc
        or parts[2:] != ("", "", "")
    ):
        raise ImproperlyConfigured(
            f"DJANGO_SITE_URL must be http(s)://host[:port] and nothing more, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


SITE_URL = site_url(os.environ.get("DJANGO_SITE_URL", "").strip(), DEBUG, ALLOWED_HOSTS)
# bench/run.py switches this on for its server: it adds the bare view /bench/baseline.
BENCHMARK = env_bool("DJANGO_BENCHMARK")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Who runs this installation: named in the footer and on the about, contact and privacy pages.
PORTAL_OPERATOR_NAME = os.environ.get("PORTAL_OPERATOR_NAME", "").strip() or "Erasmus+ VET portal"
PORTAL_CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL", "").strip()

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "opportunities",
    "eligibility",
    "mobility",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "erasmus_portal.middleware.permissions_policy",
    "erasmus_portal.middleware.odd_requests",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # An ETag on every answer: a calendar or API client polling an unchanged feed gets a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # One programme version per request, read when first needed.
    "opportunities.caching.request_state",
    # ?call=2026: describe another published call, or refuse an unknown year (400).
    "opportunities.calls.call_middleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "erasmus_portal.middleware.DatabaseUnavailable",
    # Last, as django-axes asks: it turns a lockout into the lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "erasmus_portal.urls"
WSGI_APPLICATION = "erasmus_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "erasmus_portal.context_processors.languages",
                "opportunities.calls.context",
                "erasmus_portal.context_processors.portal",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", ""))}

# Pages: local memory per process by default; Redis (REDIS_URL) shares them, and the programme
# version, between app servers. Cached pages are keyed by the programme version, so either way
# an edit shows at once.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # What is built from the programme (its data, page fragments), keyed by its version. Always
    # in the process, apart from the pages, so that a stream of new URLs cannot push it out.
    "programme": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "programme",
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    },
}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Security: strict by default; every relaxation is an environment variable (.env.example).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_SECONDS", 8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# The admin's messages live in the session: the session and CSRF cookies are the only cookies
# the portal sets (the privacy statement says so).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("DJANGO_BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 60 * 60)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # Our own files only, no nonce: a page from the cache must not carry an old one.
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


def client_address(trusted_proxies):
    """Return django-axes' ipware settings: where to read the client's address, and how.

    Each proxy appends the address it got the request from to X-Forwarded-For, so behind N
    trusted proxies the client is the N-th address from the right, whatever a client wrote
    further left. ipware counts the proxies named in that header: N - 1 (the nearest proxy is
    REMOTE_ADDR). Without trusted proxies the header is ignored.
    """
    if trusted_proxies < 0:
        raise ImproperlyConfigured("DJANGO_TRUSTED_PROXY_COUNT must be 0 or more.")
    if not trusted_proxies:
        return ("REMOTE_ADDR",), None
    return ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), trusted_proxies - 1


# Admin sign-in: five failed attempts for a user name from an address lock it for an hour;
# attempts during the lockout do not extend it. The lockout page says how long it lasts.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "erasmus_portal.views.locked_out"
AXES_VERBOSE = False
AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT = client_address(
    env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
)
# Take the address at its place from the right even when a client sent an X-Forwarded-For of
# its own (ipware's strict mode would fall back to the proxy's address for everyone).
IPWARE_STRICT = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
