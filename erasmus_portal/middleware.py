import re

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def permissions_policy(get_response):
    """Tell browsers the portal uses no camera, microphone, location or payment APIs."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


# No address of ours holds a control character, and PostgreSQL refuses NUL in text.
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def odd_requests(get_response):
    """Refuse a foreign Host with a 400 and a path with a control character with a 404.

    Runs before static files and every view, so no path answers a foreign Host and no view
    or query sees a NUL byte.
    """

    def middleware(request):
        request.get_host()  # raises DisallowedHost, which Django answers with a 400
        if CONTROL_CHARACTER.search(request.path):
            raise Http404
        return get_response(request)

    return middleware


class DatabaseUnavailable:
    """Answer 503 with a short page (or JSON) while the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        message = _("The portal is briefly unavailable. Please try again in a minute.")
        if request.path.startswith("/api/"):
            response = JsonResponse({"errors": {"request": [message]}}, status=503)
        else:
            context = {"message": message, "title": _("Unavailable")}
            response = render(request, "500.html", context, status=503)
        response["Retry-After"] = "30"
        return response
