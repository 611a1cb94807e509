"""The portal's URLs plus views that fail on purpose, to test the error pages."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import path

from erasmus_portal.urls import *  # noqa: F403
from erasmus_portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("secret database password in the traceback")


def database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: password=secret")


def forbid(request):
    raise PermissionDenied


def tamper(request):
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("nl/fail/", fail),
    path("nl/database-down/", database_down),
    path("api/v1/database-down", database_down),
    path("api/v1/fail", fail),
    path("en/forbidden/", forbid),
    path("en/tampered/", tamper),
    *portal_urlpatterns,
]
