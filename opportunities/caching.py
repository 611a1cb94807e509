"""Cache what is built from the programme, keyed by a token that changes with every edit.

Every change to a programme record adds a row to its history table (django-simple-history),
so the highest history id of each table, read in one query, identifies the data exactly. The
token itself is cached for TOKEN_SECONDS and forgotten when a record is saved, so a cached page
costs no query at all: an editor's change shows at once on the server that saved it (and on
all of them with the shared Redis cache), and within TOKEN_SECONDS on the others.
"""

from functools import wraps
from hashlib import blake2b

from django.apps import apps
from django.core.cache import cache
from django.db import connection
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

TIMEOUT = 60 * 60
# Pages say which deadlines are still to come, so the clock changes them too: a deadline that
# has just passed leaves "upcoming" within a minute. Rendering a page once a minute costs little.
PAGE_SECONDS = 60
TOKEN_KEY = "programme-token"
TOKEN_SECONDS = 2


def current_token():
    """Return the programme token, read from the database at most every TOKEN_SECONDS."""
    token = cache.get(TOKEN_KEY)
    if token is None:
        token = programme_token()
        cache.set(TOKEN_KEY, token, TOKEN_SECONDS)
    return token


def forget_token(**kwargs):
    """Drop the cached token when a programme record changes (connected in apps.py)."""
    cache.delete(TOKEN_KEY)


def programme_token():
    """Return a string that changes whenever any programme record is added, changed or deleted."""
    quote = connection.ops.quote_name
    tables = sorted(
        (model._meta.db_table, model._meta.pk.column)
        for model in apps.get_app_config("opportunities").get_models()
        if model.__name__.startswith("Historical")
    )
    sql = " UNION ALL ".join(
        f"SELECT {number}, MAX({quote(column)}) FROM {quote(table)}"
        for number, (table, column) in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM ({sql}) AS latest ORDER BY 1")
        return ".".join(str(latest or 0) for _number, latest in cursor.fetchall())


# What this process last built or read from the cache, so that a request does not unpickle
# it again (the engine's programme takes longer to unpickle than to judge a situation).
KEPT = {}
MAX_KEPT = 1000


def cached(name, build, token=None):
    """Return ``build()`` for the current programme and language, from the cache when there.

    The value is shared by every request of the process: callers must not change it.
    """
    key = f"programme:{token or current_token()}:{get_language()}:{name}"
    # Only while the cache holds the key: clearing the cache (or none configured) drops it.
    if key in KEPT and cache.has_key(key):
        return KEPT[key]
    value = cache.get(key)
    if value is None:
        value = build()
        if value is None:  # reads as missing: nothing to keep
            return None
        cache.set(key, value, TIMEOUT)
    if len(KEPT) >= MAX_KEPT:
        KEPT.clear()
    KEPT[key] = value
    return value


def digest(*values):
    """Return a short name for values in a cache key: they may come from a request."""
    return blake2b(repr(values).encode(), digest_size=12).hexdigest()


def programme_page(view):
    """Cache a GET view's successful responses per programme version, language, URL and HTMX."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        token = current_token()
        request.programme_token = token
        digest = blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
        key = f"page:{token}:{get_language()}:{bool(request.htmx)}:{digest}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, response, PAGE_SECONDS)
        patch_vary_headers(response, ["HX-Request"])
        return response

    return wrapper
