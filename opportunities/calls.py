"""Which call a request describes: the current one, or another published year it asks for.

The current call is the newest published one. A request may ask for another published year
with ``?call=2026`` (middleware below); everything built from the programme for the request
(``cached``, the engine, the planner, pages and the API) then describes that call.
"""

from contextlib import contextmanager

from django import forms
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from erasmus_portal.http import requested_language

from .caching import ACTIVE_CALL, current_state


def published_years():
    """Return the published call years, newest first (read with the programme version)."""
    return current_state()[1]


def current_year():
    years = published_years()
    return years[0] if years else None


def active_year():
    """Return the year of the call this request describes."""
    return ACTIVE_CALL.get() or current_year()


def call_query(year):
    """Return the query string that selects ``year``'s call: none for the current call."""
    return "" if year == current_year() else f"?call={year}"


def keep_call(url):
    """Return ``url``, a link to a page about the programme, selecting the call this request
    asked for: ``&call=`` after a query, before an anchor; unchanged for the current call."""
    year = ACTIVE_CALL.get()
    if year is None or year == current_year():
        return url
    address, hash_mark, anchor = url.partition("#")
    joint = "&" if "?" in address else "?"
    return f"{address}{joint}call={year}{hash_mark}{anchor}"


@contextmanager
def override(year):
    token = ACTIVE_CALL.set(year)
    try:
        yield
    finally:
        ACTIVE_CALL.reset(token)


class CallForm(forms.Form):
    call = forms.IntegerField(required=False)

    def clean_call(self):
        year = self.cleaned_data["call"]
        if year is not None and year not in published_years():
            raise forms.ValidationError("unknown", code="unknown")
        return year


def unknown_call_message():
    years = ", ".join(str(year) for year in sorted(published_years()))
    return _("There is no published call for that year. Choose one of: %(years)s.") % {
        "years": years
    }


def call_middleware(get_response):
    """Describe the call a request asks for (``?call=``); refuse an unknown or draft year.

    An unknown year gets a 400 with the valid years: JSON ``{"errors": …}`` from the API, a
    page elsewhere.
    """

    def middleware(request):
        if "call" not in request.GET:
            return get_response(request)
        form = CallForm(request.GET)
        if not form.is_valid():
            return unknown_call(request)
        with override(form.cleaned_data["call"]):
            return get_response(request)

    return middleware


def unknown_call(request):
    if request.path.startswith("/api/"):
        with translation.override(requested_language(request)):
            message = unknown_call_message()
        return JsonResponse({"errors": {"call": [message]}}, status=400)
    message = unknown_call_message()
    context = {"message": message, "status": 400}
    return render(request, "error.html", context, status=400)


def context(request):
    """Tell every page which call it describes, and link to the other published calls.

    ``asked_call`` is the year a request asked for: forms carry it on. Read only when a page
    shows them, so an error page needs no database.
    """

    def other_calls():
        year, links = active_year(), []
        for other in published_years():
            if other != year:
                query = request.GET.copy()
                query.pop("call", None)
                if other != current_year():
                    query["call"] = other
                links.append((other, f"{request.path}?{query.urlencode()}".rstrip("?")))
        return links

    def changes_url():
        year = active_year()
        if any(other < year for other in published_years()):
            return keep_call(reverse("opportunities:call-changes", args=[year]))
        return ""

    return {
        "asked_call": ACTIVE_CALL.get(),
        "call_year": active_year,
        "other_calls": other_calls,
        "call_changes_url": changes_url,
    }
