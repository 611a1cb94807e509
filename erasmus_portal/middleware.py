from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def permissions_policy(get_response):
    """Tell browsers the portal uses no camera, microphone, location or payment APIs."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

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
