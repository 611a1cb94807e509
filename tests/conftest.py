import io
import threading

import pytest
from django.core.cache import caches
from django.core.management import call_command
from pytest_django.live_server_helper import LiveServer

from mobility.distance import gazetteer


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the whole programme once; each test runs in a transaction that rolls back."""
    with django_db_blocker.unblock():
        call_command("load_programme", verbosity=0, stdout=io.StringIO())


@pytest.fixture(autouse=True)
def empty_cache():
    """Start every test with an empty cache: the same backend production uses, nothing stale.

    A test's changes roll back, and with them the programme version they counted: a page
    cached under that version by one test must not answer the next.
    """
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def one_at_a_time(app):
    lock = threading.Lock()

    def serve(environ, start_response):
        with lock:
            return app(environ, start_response)

    return serve


@pytest.fixture(scope="session")
def portal_server(django_db_setup, django_db_blocker):
    """One live server for every browser test, serving the programme loaded at session start.

    The browser tests only read, so each runs in a rolled-back transaction like any other test
    instead of flushing and reloading the database (pytest-django's ``live_server`` would).
    In-memory SQLite is shared with the server thread; PostgreSQL sees the committed programme.
    """
    gazetteer()  # as erasmus_portal/wsgi.py does when a worker starts
    with django_db_blocker.unblock():
        server = LiveServer("localhost")
    if server.thread.connections_override:
        # In-memory SQLite: the server's threads share the test's one connection. Two requests
        # at once (a suggestion and a submit) can then read each other's rows, as Django's
        # LiveServerTestCase documentation warns, so requests take turns.
        httpd = server.thread.httpd
        httpd.set_app(one_at_a_time(httpd.get_app()))
    yield server
    server.stop()


@pytest.fixture
def live_programme(db, portal_server):
    """The live server, for a test that may use the database while the browser drives it."""
    portal_server._live_server_modified_settings.enable()
    yield portal_server
    portal_server._live_server_modified_settings.disable()
