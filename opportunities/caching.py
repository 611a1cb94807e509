"""Cache what is built from the programme, keyed by its version.

``ProgrammeVersion`` counts the changes to the programme: every change adds one in its own
transaction (connected in apps.py), so the number changes exactly when a change is committed,
whatever the order in which concurrent transactions commit. The number itself is cached for
TOKEN_SECONDS and forgotten when a record changes and again when that change commits, so a
cached page costs no query at all: an editor's change shows at once on the server that saved
it (and on all of them with the shared Redis cache), and within TOKEN_SECONDS on the others.
"""

from contextvars import ContextVar
from functools import wraps
from hashlib import blake2b

from django.core.cache import cache, caches
from django.db import transaction
from django.db.models import CharField, F, StringAgg, Subquery, Value
from django.db.models.functions import Cast
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from erasmus_portal.htmx import VARY, variant

TIMEOUT = 60 * 60
# Pages say which deadlines are still to come, so the clock changes them too: a deadline that
# has just passed leaves "upcoming" within a minute. Rendering a page once a minute costs little.
PAGE_SECONDS = 60
TOKEN_KEY = "programme-token"
TOKEN_SECONDS = 2


# What a request read first (``request_state``): the rest of it describes the same version,
# and a page reads the shared cache once, not once for every link to another call.
REQUEST_STATE = ContextVar("request_state", default=None)


def current_state():
    """Return the programme version and the published call years, newest first, read from the
    database at most every TOKEN_SECONDS, and once per request."""
    kept = REQUEST_STATE.get()
    if kept:
        return kept[0]
    state = cache.get(TOKEN_KEY)
    if state is None:
        state = programme_state()
        cache.set(TOKEN_KEY, state, TOKEN_SECONDS)
    if kept is not None:
        kept.append(state)
    return state


def request_state(get_response):
    """Keep the programme state a request reads for the rest of that request.

    Read when first needed, not before: an error page needs no database."""

    def middleware(request):
        token = REQUEST_STATE.set([])
        try:
            return get_response(request)
        finally:
            REQUEST_STATE.reset(token)

    return middleware


def current_token():
    return current_state()[0]


def programme_state():
    """Return the programme version as committed and the published call years (one query).

    The years come with the version: which call a page describes is known before anything is
    read for it.
    """
    from .models import Call, ProgrammeVersion

    years = (
        Call.objects.published()
        .order_by()
        .annotate(group=Value(1))
        .values("group")
        .annotate(years=StringAgg(Cast("year", CharField()), Value(",")))
        .values("years")
    )
    row = ProgrammeVersion.objects.values_list("number", Subquery(years)).first()
    if row is None:  # no change counted yet: a new, empty database
        return "0", sorted(Call.objects.published().values_list("year", flat=True), reverse=True)
    number, joined = row
    return str(number), sorted(
        (int(year) for year in (joined or "").split(",") if year), reverse=True
    )


def programme_token():
    """Return the programme version as committed (one query)."""
    return programme_state()[0]


def forget_token():
    cache.delete(TOKEN_KEY)
    if kept := REQUEST_STATE.get():
        kept.clear()


def programme_changed(action="post_save", **kwargs):
    """Count a change to a programme record, in the transaction that makes it."""
    from .models import ProgrammeVersion

    if action.startswith("pre_"):
        return  # a many-to-many change signals before and after: count it once
    if not ProgrammeVersion.objects.filter(pk=1).update(number=F("number") + 1):
        ProgrammeVersion.objects.create(pk=1, number=1)
    # Now for this transaction's own later reads; after the commit for everybody else's (a
    # request may have cached the old number meanwhile).
    forget_token()
    transaction.on_commit(forget_token)


# The call year a request asked for (``calls.py``); None: the current call.
ACTIVE_CALL = ContextVar("active_call", default=None)

# What this process last built or read from the cache, so that a request does not unpickle
# it again (the engine's programme takes longer to unpickle than to judge a situation).
KEPT = {}
MAX_KEPT = 1000


def cached(name, build, token=None):
    """Return ``build()`` for the current programme, language and call, from the cache.

    The value is shared by every request of the process: callers must not change it.
    """
    key = f"programme:{token or current_token()}:{get_language()}:{ACTIVE_CALL.get()}:{name}"
    store = caches["programme"]
    # Only while the cache holds the key: clearing the cache drops it.
    if key in KEPT and store.has_key(key):
        return KEPT[key]
    value = store.get(key)
    if value is None:
        value = build()
        if value is None:  # reads as missing: nothing to keep
            return None
        store.set(key, value, TIMEOUT)
    if len(KEPT) >= MAX_KEPT:
        KEPT.clear()
    KEPT[key] = value
    return value


def digest(*values):
    """Return a short name for values in a cache key: they may come from a request."""
    return blake2b(repr(values).encode(), digest_size=12).hexdigest()


def page_key(request, token):
    """Name a page by everything that changes it: programme, language, site, URL and variant."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"page:{token}:{get_language()}:{variant(request)}:{digest(address)}"


def programme_page(view):
    """Cache a view's successful GET answers per programme version (see ``page_key``)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token = current_token()
        request.programme_token = token
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request, token)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.cookies and not response.streaming:
                cache.set(key, response, PAGE_SECONDS)
        patch_vary_headers(response, VARY)
        return response

    return wrapper
