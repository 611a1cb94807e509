from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.utils import translation
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond
from erasmus_portal.http import RowActionForm, error_messages, requested_language
from opportunities.caching import programme_page
from opportunities.models import Pathway

from .engine import EACEA, Situation, judge, recommend
from .forms import MAX_PARTNERS, CheckForm, StartForm, form_from_params
from .programme import current_programme
from .verdicts import ELIGIBLE, NOT_ELIGIBLE, UNKNOWN

CHECK_FIELDS = ("country", "goal", "participants")


@require_safe
@programme_page
def check(request):
    """The checker: the answers are the URL; the result is a partial of the same page.

    "Add a partner" and "Remove" submit the form with their action; the answers then move to
    their own URL, without the action: a redirect without JavaScript, a pushed URL with htmx.
    """
    query, url = request.GET, None
    actions = RowActionForm(query, "partner", len(partner_rows(query)))
    if actions.asked():
        query = change_partner_rows(actions)
        url = f"{request.path}?{query.urlencode()}"
        if not request.htmx:
            return HttpResponseRedirect(url)
    answered = "country" in query
    programme = current_programme(request.programme_token)
    form = CheckForm(query if answered else None, initial=query.dict(), programme=programme)
    rows = partner_rows(query)
    context = {
        "form": form,
        "partner_rows": rows,
        "may_add_partner": len(rows) < MAX_PARTNERS,
        "result": None,
        "focus_row": len(rows) - 1 if actions.adds() else None,
    }
    status = 200
    if answered and form.is_valid():
        context["result"] = result(form, programme)
    elif answered:
        status = 400
    return respond(request, "eligibility/check.html", context, "htmx-response", status, url)


def change_partner_rows(actions):
    """Return the answers with a partner row added or removed, and no action left in them."""
    query = actions.without_actions()
    rows = partner_rows(query)
    if actions.adds() and len(rows) < MAX_PARTNERS:
        rows.append("")
    elif (index := actions.removed()) is not None:
        rows.pop(index)
    query.setlist("partners", rows or [""])
    return query


def partner_rows(query):
    """Return the partner rows as entered (empty rows kept), at most ``MAX_PARTNERS``."""
    return [code.strip().upper()[:2] for code in query.getlist("partners")][:MAX_PARTNERS] or [""]


def result(form, programme):
    """Judge the answers and group the verdicts the way the page shows them."""
    data = form.cleaned_data
    situation = form.situation(partners_given=bool(data["partners"]))
    verdicts = order(judge(situation, programme), programme, data["format"], data["goal"])
    groups = {ELIGIBLE: [], UNKNOWN: [], NOT_ELIGIBLE: []}
    for verdict in verdicts:
        groups[verdict.verdict].append(verdict)
    return {
        "situation": situation,
        "answers": answers(form),
        "per_community": programme.per_community(situation.country),
        "fits": groups[ELIGIBLE],
        "unknown": groups[UNKNOWN],
        "not_fits": groups[NOT_ELIGIBLE],
        "national_agency": programme.agency(situation.country, situation.community),
        "eacea": programme.agency(situation.country, managed_by=EACEA),
        "pathways": Pathway.objects.filter(kind=Pathway.Kind.WITHOUT_APPLYING),
    }


def answers(form):
    """Return (question, answer) pairs of what was answered, for the summary above the result."""
    names = {country.code: country.name for country in form.countries}
    rows = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", []) or name == "format":
            continue
        field = form.fields[name]
        if name == "partners":
            shown = ", ".join(names[code] for code in value)
        elif getattr(field, "choices", None):
            key = ("1" if value else "0") if isinstance(value, bool) else str(value)
            shown = {str(choice): label for choice, label in field.choices}.get(key, value)
        else:
            shown = value
        rows.append((field.label, shown))
    return rows


def order(verdicts, programme, chosen_format, goal):
    """Put the format asked about first, then those serving the goal, keeping programme order."""
    goals = {rules.code: rules.goals for rules in programme.formats}

    def relevance(verdict):
        return (verdict.code != chosen_format, bool(goal) and goal not in goals[verdict.code])

    return sorted(verdicts, key=relevance)


@require_safe
@programme_page
def start(request):
    """ "Which format suits us?": a few plain questions, answered by the same engine."""
    answered = "country" in request.GET
    form = StartForm(
        request.GET if answered else None, programme=current_programme(request.programme_token)
    )
    context = {"form": form, "recommended": None}
    status = 200
    if answered and form.is_valid():
        data = form.cleaned_data
        situation = Situation(country=data["country"], participants=data["participants"])
        found = recommend(
            situation,
            form.programme,
            data["goal"],
            bool(data["first_time"]),
            data["partner_count"],
        )
        context.update(
            recommended=found[:1],
            alternatives=found[1:],
            check_query=urlencode({k: v for k, v in data.items() if k in CHECK_FIELDS and v}),
            pathways=Pathway.objects.filter(kind=Pathway.Kind.WITHOUT_APPLYING),
        )
    elif answered:
        status = 400
    return respond(request, "eligibility/start.html", context, "htmx-response", status)


@require_safe
@programme_page
def api(request):
    """GET /api/v1/eligibility: the same check as JSON."""
    with translation.override(requested_language(request)):
        return api_response(request)


def api_response(request):
    programme = current_programme(request.programme_token)
    form, partners_given = form_from_params(request.GET.dict(), programme)
    if not form.is_valid():
        return JsonResponse({"errors": error_messages(form)}, status=400)
    return JsonResponse(
        verdicts_data(form, partners_given), json_dumps_params={"ensure_ascii": False}
    )


def verdicts_data(form, partners_given):
    """Return the API's answer: the situation echoed and a verdict per (chosen) format."""
    situation = form.situation(partners_given=partners_given)
    verdicts = judge(situation, form.programme)
    if form.cleaned_data["format"]:
        verdicts = [v for v in verdicts if v.code == form.cleaned_data["format"]]
    return {
        "situation": situation_data(situation),
        "formats": [verdict_data(v) for v in verdicts],
    }


def situation_data(situation):
    data = dict(situation.__dict__)
    data["partners"] = list(situation.partners) if situation.partners is not None else None
    return data


def verdict_data(verdict):
    agency = verdict.apply_to
    return {
        "code": verdict.code,
        "name": verdict.name,
        "verdict": verdict.verdict,
        "checks": [c.__dict__ for c in verdict.checks],
        "apply_to": {"name": agency.name, "url": agency.url, "kind": agency.kind}
        if agency
        else None,
        "suggestions": list(verdict.suggestions),
    }
