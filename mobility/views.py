"""The KA1 mobility planner: activity check API, project planner, distance bands, estimate."""

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond, still_filling_in
from erasmus_portal.http import (
    RowActionForm,
    error_messages,
    plain_errors,
    requested_language,
)
from erasmus_portal.spreadsheet import CsvWriter
from opportunities.caching import cached, programme_page

from .budget import Row, estimate, load_rates
from .distance import band_for, distance_km, load_bands, suggest
from .engine import (
    Mobility,
    check_activity,
    check_plan,
    load_activities,
    load_mobility_formats,
)
from .forms import ActivityCheckForm, DistanceForm, PlaceSuggestForm, PlanForm, plan_rows

ROW_FIELDS = ("activity", "participants", "days", "city", "travel", "fewer")


@require_safe
@programme_page
def api_check(request):
    """GET /api/v1/mobility/check: one activity judged against its rules, as JSON."""
    with translation.override(requested_language(request)):
        activities = cached("activities", load_activities, request.programme_token)
        form = ActivityCheckForm(request.GET, activities=activities)
        if not form.is_valid():
            return JsonResponse({"errors": error_messages(form)}, status=400)
        verdict = check_activity(form.mobility(), activities)
        return JsonResponse(
            {
                "activity": verdict.activity,
                "verdict": verdict.verdict,
                "checks": [
                    {"rule": check.rule, "status": check.status, "message": check.message}
                    for check in verdict.checks
                ],
                "suggestions": list(verdict.suggestions),
            },
            json_dumps_params={"ensure_ascii": False},
        )


# A change re-renders the result only, so what someone types is never replaced; adding or
# removing a row re-renders the whole planner.
PLAN_PARTIALS = {"planner": "htmx-response", "plan-result": "result-response"}


@require_safe
@programme_page
def plan(request):
    """The planner: the plan is the URL; checks and estimate are a partial of the same page.

    "Add an activity" and "Remove" submit the form with their action; the plan then moves to
    its own URL, without the action: a redirect without JavaScript, a pushed URL with htmx.
    """
    query, url = request.GET, None
    actions = RowActionForm(query, "row", row_count(query))
    if actions.asked():
        query = change_rows(actions)
        url = f"{request.path}?{query.urlencode()}"
        if not request.htmx:
            return HttpResponseRedirect(url)
    context = plan_context(query, request.programme_token)
    if actions.adds():
        context["rows"][-1].fields["activity"].widget.attrs["autofocus"] = True
    if still_filling_in(request, [context["form"], *context["rows"]]):
        context["invalid"] = False  # still being filled in: no alarm on every change
    status = 400 if context["invalid"] else 200
    return respond(request, "mobility/plan.html", context, PLAN_PARTIALS, status, url)


def row_count(query):
    return max(len(query.getlist(name)) for name in ROW_FIELDS) or 1


def change_rows(actions):
    """Return the plan with an activity row added or removed, and no action left in it."""
    query = actions.without_actions()
    count = row_count(query)
    lists = {
        name: query.getlist(name) + [""] * (count - len(query.getlist(name))) for name in ROW_FIELDS
    }
    for values in lists.values():
        if actions.adds():
            values.append("")
        elif (index := actions.removed()) is not None:
            values.pop(index)
    for name, values in lists.items():
        query.setlist(name, values or [""])
    return query


def plan_context(query, token):
    """Validate the plan in the query; judge and estimate it when it is complete.

    What it reads from the programme is cached per programme version: seven queries when cold.
    """
    activities = cached("activities", load_activities, token)
    rates = cached("rates", load_rates, token)
    answered = any(query.getlist(name) for name in (*ROW_FIELDS, "months", "origin", "host_led"))
    formats = cached("mobility-formats", load_mobility_formats, token)
    form = PlanForm(query if answered else None, groups=rates.group_numbers, formats=formats.names)
    rows = plan_rows(query, activities)
    filled = [row for row in rows if not row.is_blank()]
    valid = form.is_valid() and all([row.is_valid() for row in filled])
    context = {
        "form": form,
        "rows": rows,
        "result": None,
        "invalid": answered and not valid,
        "query": query.urlencode(),
        "rate_fields": [form[name] for name in form.rate_names],
    }
    if answered and valid and filled:
        context["result"] = plan_result(form, filled, activities, rates, formats, token)
    return context


def plan_result(form, rows, activities, rates, formats, token):
    data = form.cleaned_data
    mobilities = [
        Mobility(
            row.cleaned_data["activity"],
            row.cleaned_data["days"],
            row.cleaned_data["participants"],
            fewer_opportunities=row.cleaned_data["fewer"],
            host_led=data["host_led"],
            **place_facts(row.cleaned_data["city"], rates),
        )
        for row in rows
    ]
    project = formats.project
    # Another mobility format than the one whose project rules the planner knows: its
    # activities and budget only.
    other = None
    if data["format"] and (project is None or data["format"] != project.code):
        other, project = (data["format"], formats.names[data["format"]]), None
    verdict = check_plan(mobilities, data["months"], project, activities)
    origin = data["origin"]
    budget_rows = []
    for row in rows:
        place = row.cleaned_data["city"]
        budget_rows.append(
            Row(
                number=row.number,
                activity=activities[row.cleaned_data["activity"]],
                participants=row.cleaned_data["participants"],
                days=row.cleaned_data["days"],
                destination=place.label if place else "",
                country=place.country if place else "",
                km=distance_km(origin, place) if origin and place else None,
                green=row.cleaned_data["travel"] == "green",
            )
        )
    return {
        "verdict": verdict,
        "rows": [
            (row, checked, [activities[code].name for code in checked.suggestions])
            for row, checked in zip(rows, verdict.activities, strict=True)
        ],
        "project": project,
        "other_format": other,
        "activities": activities,
        "estimate": estimate(
            budget_rows,
            rates,
            form.own_rates(),
            fewer_opportunities(data, rows),
            origin.country if origin else "",
        ),
        "rates": rates,
    }


def place_facts(place, rates):
    """Where a row's activity takes place, and whether that is in the programme's countries."""
    if place is None:
        return {}
    return {"place": place.label, "place_in_programme": place.country in rates.in_programme}


def fewer_opportunities(data, rows):
    """The participants for inclusion support: as entered, else those of the rows marked so."""
    if data["fewer_opportunities"] is not None:
        return data["fewer_opportunities"]
    return sum(row.cleaned_data["participants"] for row in rows if row.cleaned_data["fewer"])


@require_safe
@programme_page
def plan_csv(request):
    """The plan with its estimate as CSV (one header row; amounts in whole euros)."""
    context = plan_context(request.GET, request.programme_token)
    result = context["result"]
    if result is None:
        return HttpResponse(
            _("The plan is incomplete or has errors: open it in the planner first."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mobility-plan.csv"'
    writer = CsvWriter(response)
    writer.writerow(
        [
            _("Row"),
            _("Activity"),
            _("Participants"),
            _("Days"),
            _("Destination"),
            _("Cost"),
            _("Calculation"),
            _("Amount (EUR)"),
            _("Call year"),
            _("Confirmed"),
        ]
    )
    rows = {form.number: form.cleaned_data for form, *_rest in result["rows"]}
    activities = result["activities"]
    for line in result["estimate"].lines:
        row = rows.get(line.row, {})
        place = row.get("city")
        writer.writerow(
            [
                line.row or "",
                activities[row["activity"]].name if row else "",
                row.get("participants", ""),
                row.get("days", ""),
                place.label if place else "",
                line.label,
                line.detail,
                amount_cell(line.amount, line.high),
                line.call_year or "",
                "" if line.amount is None else (_("yes") if line.confirmed else _("no")),
            ]
        )
    total = result["estimate"]
    writer.writerow(
        ["", "", "", "", "", _("Total"), "", amount_cell(total.total, total.total_high), "", ""]
    )
    return response


def amount_cell(low, high):
    """An amount for the CSV: whole euros, or "low-high" for a range; empty when unknown."""
    if low is None:
        return ""
    return low if high is None or high == low else f"{low}-{high}"


@require_safe
@programme_page
def distance(request):
    """Distance band calculator: two places, the great-circle distance, band and amounts."""
    answered = "origin" in request.GET or "destination" in request.GET
    form = DistanceForm(request.GET if answered else None)
    context = {"form": form, "result": None}
    status = 200
    if answered and not form.is_valid() and still_filling_in(request, [form]):
        form = DistanceForm(initial=request.GET.dict())  # still being filled in
        context["form"] = form
    elif answered and form.is_valid():
        origin, destination = form.cleaned_data["origin"], form.cleaned_data["destination"]
        km = distance_km(origin, destination)
        bands = cached("bands", load_bands, request.programme_token)
        context["result"] = {
            "origin": origin,
            "destination": destination,
            "km": km,
            "band": band_for(km, bands),
            "bands": bands,
        }
    elif answered:
        status = 400
    return respond(request, "mobility/distance.html", context, "result-response", status)


@require_safe
@programme_page
def places(request):
    """Place names for a field's datalist while the coordinator types (HTMX only)."""
    form = PlaceSuggestForm(request.GET)
    if not form.is_valid():
        return plain_errors(form)
    found = suggest(form.typed())
    return render(request, "mobility/distance.html#suggestions", {"places": found})
