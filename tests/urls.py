"""The portal's URLs plus views that fail on purpose, to test the error pages."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from erasmus_portal.urls import *  # noqa: F403
from erasmus_portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("secret database password in the traceback")


def forbid(request):
    raise PermissionDenied


def tamper(request):
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("nl/fail/", fail),
    path("api/v1/fail", fail),
    path("en/forbidden/", forbid),
    path("en/tampered/", tamper),
    *portal_urlpatterns,
]
