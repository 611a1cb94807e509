"""Catalogue pages. Each renders one page template through ``respond``; the finder, compare and
search pages name the partial their forms swap (same URL, same data).

What a page shows of the programme is rendered once per programme version (``{% load programme
%}``), so views hand templates querysets and lazy objects: a page from cached fragments reads
nothing, and what every request needs comes from ``cached``.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.functions import Lower
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond

from . import call_years
from . import search as catalogue_search
from .caching import cached, digest, programme_page
from .calls import published_years
from .forms import CompareForm, FinderForm, SearchForm
from .models import (
    ActionLine,
    Agency,
    Award,
    Call,
    CostCategory,
    Country,
    ExampleProject,
    Format,
    MobilityActivity,
    Pathway,
    Platform,
    Priority,
    Term,
    unique_sources,
)
from .rules import FACTS


@require_safe
@programme_page
def home(request):
    action_lines = ActionLine.objects.prefetch_related(
        Prefetch("formats", queryset=Format.objects.in_call().prefetch_related("grant_tiers"))
    )
    context = {
        "action_lines": action_lines,
        "programme_countries": Country.objects.programme_countries().count,
        "priorities": Priority.objects.all(),
    }
    return respond(request, "opportunities/home.html", context)


@require_safe
@programme_page
def format_list(request):
    formats = cached(
        "catalogue", lambda: list(Format.objects.in_call().catalogue()), request.programme_token
    )
    form = FinderForm(request.GET, formats=formats)
    found = form.results()
    codes = [fmt.code for fmt in found]  # for the link that compares them
    context = {"form": form, "formats": found, "codes": codes, "groups": form.groups()}
    status = 400 if form.errors else 200
    return respond(request, "opportunities/format_list.html", context, "htmx-response", status)


@require_safe
@programme_page
def compare(request):
    catalogue = cached("compare", load_comparable, request.programme_token)
    form = CompareForm(request.GET, formats=catalogue)
    context = {"form": form, "formats": form.chosen(), "facts": FACTS}
    status = 400 if form.tampered else 200
    return respond(request, "opportunities/compare.html", context, "htmx-response", status)


@require_safe
@programme_page
def format_detail(request, code):
    fmt = cached(f"format:{digest(code)}", lambda: load_format(code), request.programme_token)
    if fmt is None:
        fmt = get_object_or_404(Format.objects.in_call(), code__iexact=code)
        return redirect(fmt, permanent=True)
    context = {
        "format": fmt,
        "facts": FACTS,
        "activities": MobilityActivity.objects.all() if fmt.action_line.is_mobility else None,
    }
    return respond(request, "opportunities/format_detail.html", context)


def load_comparable():
    """Return every format with what the comparison shows (four queries)."""
    formats = (
        Format.objects.in_call().catalogue().with_eacea_url().prefetch_related("excluded_countries")
    )
    return list(formats)


def load_format(code):
    """Return the format with what its page shows, or None."""
    formats = Format.objects.in_call().select_related("action_line").with_eacea_url()
    fmt = formats.filter(code=code).first()
    if fmt is not None:
        prefetch_related_objects([fmt], *fmt.page_lookups())
    return fmt


@require_safe
@programme_page
def action_line_detail(request, code):
    line = get_object_or_404(ActionLine, code=code)
    context = {
        "line": line,
        "formats": line.formats.in_call().catalogue(),
        "pathways": Pathway.objects.all() if line.is_mobility else None,
        "sources": [line],
    }
    return respond(request, "opportunities/action_line_detail.html", context)


@require_safe
@programme_page
def agency_list(request):
    countries = Country.objects.programme_countries().prefetch_related(
        Prefetch("agencies", queryset=Agency.objects.national())
    )
    formats = SimpleLazyObject(lambda: list(Format.objects.in_call()))
    context = {
        "countries": SimpleLazyObject(lambda: sorted(countries, key=lambda c: c.name)),
        "eacea": SimpleLazyObject(Agency.objects.filter(kind=Agency.Kind.EACEA).first),
        "national_formats": SimpleLazyObject(
            lambda: [f for f in formats if f.managed_by == Format.ManagedBy.NATIONAL_AGENCY]
        ),
        "eacea_formats": SimpleLazyObject(
            lambda: [f for f in formats if f.managed_by == Format.ManagedBy.EACEA]
        ),
    }
    return respond(request, "opportunities/agency_list.html", context)


@require_safe
@programme_page
def activities(request):
    order = list(MobilityActivity.Participant.values)
    activities = SimpleLazyObject(
        lambda: sorted(MobilityActivity.objects.all(), key=lambda a: order.index(a.participant))
    )
    costs = CostCategory.objects.all()
    context = {
        "activities": activities,
        "costs": costs,
        "pathways": Pathway.objects.all(),
        "sources": SimpleLazyObject(lambda: unique_sources([*activities, *costs])),
    }
    return respond(request, "opportunities/activities.html", context)


@require_safe
@programme_page
def inspiration(request):
    projects = ExampleProject.objects.prefetch_related("formats")
    awards = Award.objects.all()
    platforms = Platform.objects.select_related("succeeded_by")
    context = {
        "projects": projects,
        "awards": awards,
        "platforms": platforms,
        "sources": SimpleLazyObject(lambda: unique_sources([*projects, *awards, *platforms])),
    }
    return respond(request, "opportunities/inspiration.html", context)


@require_safe
@programme_page
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    context = {"form": form, "query": query, "hits": catalogue_search.search(query)}
    status = 400 if form.errors else 200
    return respond(request, "opportunities/search.html", context, "htmx-response", status)


@require_safe
@programme_page
def terms(request):
    # Alphabetical as a reader expects it, whatever the database's collation: "eTwinning"
    # between "Erasmus" and "Europees", not after every capital.
    terms = Term.objects.select_related("format", "action_line").order_by(Lower("name_nl"))
    context = {"terms": terms}
    return respond(request, "opportunities/terms.html", context)


@require_safe
@programme_page
def call_changes(request, year):
    """What changes from the previous published call to the published call ``year``."""
    years = published_years()
    older = [other for other in years if other < year]
    if year not in years or not older:
        raise Http404
    old, new = Call.objects.get(year=older[0]), Call.objects.get(year=year)
    changes = cached(
        f"call-changes:{year}", lambda: call_years.compare(old, new), request.programme_token
    )
    context = {"old": old, "new": new, "changes": changes}
    return respond(request, "opportunities/call_changes.html", context)
