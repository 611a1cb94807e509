"""The production settings, with the environment a test run needs (as CI's settings would set)."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "only-for-tests-" + "x" * 40)
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,testserver")
# Links that leave the page name this address, never the test client's host (testserver).
os.environ.setdefault("DJANGO_SITE_URL", "https://erasmus-vet.example.org")
# The test client and live server speak plain HTTP; tests/test_security.py checks the redirect.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
# Playwright's sync API runs an event loop; the live server's ORM calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from erasmus_portal.settings import *  # noqa: E402, F403

# Serve static files by their plain names from the source folders, as the live server's
# finders do (nothing is collected). tests/test_static.py builds the production files.
STATIC_ROOT = None
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
