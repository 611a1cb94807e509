"""Health, the favicon, a bare baseline for benchmarks, error pages that leak nothing, the lockout
page."""

from axes.helpers import get_cool_off
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

MESSAGES = {
    400: lambda: _("The request could not be understood."),
    403: lambda: _("You may not see this page."),
    404: lambda: _("There is no page at this address."),
    500: lambda: _("Something went wrong on our side. Please try again in a moment."),
}


@never_cache
@require_safe
def healthz(request):
    """Answer 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@require_safe
def favicon(request):
    """Send browsers that ask for /favicon.ico to the SVG icon the pages link to."""
    return redirect(static("favicon.svg"))


@require_safe
def baseline(request):
    """The least a request can cost here: the middleware stack and a tiny response."""
    return HttpResponse("ok", content_type="text/plain")


def error(request, status):
    # A request refused before LocaleMiddleware ran (a foreign Host) is answered in its language.
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        message = MESSAGES[status]()
        if request.path.startswith("/api/"):
            return JsonResponse({"errors": {"request": [message]}}, status=status)
        if status == 400:
            # A foreign Host or a forged header: nothing of the request goes into the page.
            return plain_error(status, message, _("Error %(status)s") % {"status": status})
        return render(request, "error.html", {"status": status, "message": message}, status=status)


def plain_error(status, message, title=""):
    """An error page rendered without the request, so it cannot fail the same way again."""
    html = render_to_string("500.html", {"message": message, "title": title})
    return HttpResponse(html, status=status)


def bad_request(request, exception=None):
    return error(request, 400)


def permission_denied(request, exception=None):
    return error(request, 403)


def page_not_found(request, exception=None):
    return error(request, 404)


def server_error(request):
    """Render without the request context: whatever failed must not fail again here."""
    if request.path.startswith("/api/"):
        return JsonResponse({"errors": {"request": [str(MESSAGES[500]())]}}, status=500)
    return plain_error(500, MESSAGES[500]())


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a sign-in during a lockout: a page saying how long it lasts."""
    now = timezone.now()
    context = {"duration": timeuntil(now + get_cool_off(request), now)}
    return render(request, "locked-out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
