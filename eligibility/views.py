from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import F
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond, still_filling_in
from erasmus_portal.http import RowActionForm, error_messages, requested_language
from opportunities.caching import cached, programme_page
from opportunities.calls import active_year, keep_call
from opportunities.models import Deadline, Pathway, expected_deadlines
from opportunities.sources import guide_page

from .engine import EACEA, Situation, judge, recommend
from .forms import MAX_PARTNERS, CheckForm, StartForm, form_from_params
from .programme import current_programme
from .verdicts import ELIGIBLE, OUTCOMES

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
        "result_url": url or request.get_full_path(),
    }
    status = 200
    if answered and form.is_valid():
        context["result"] = result(form, programme, query, request.path, request.programme_token)
    elif answered and not still_filling_in(request, [form]):
        status = 400
    context["show_errors"] = status == 400
    partials = {"checker": "htmx-response", "result": "result-response"}
    return respond(request, "eligibility/check.html", context, partials, status, url)


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


@dataclass(frozen=True)
class Question:
    """A question of the form a verdict waits for: its field's anchor, label and quick answers."""

    anchor: str
    label: str
    answers: tuple[tuple[str, str], ...] = ()


# Questions with so few answers that each is offered as a link next to the verdict.
ONE_CLICK = ("accredited", "community")


def result(form, programme, query, path, token):
    """Judge the answers and group the verdicts the way the page shows them.

    With a goal (or a format asked about), the formats that serve it are grouped as fits, needs
    your answer, check with the agency and does not fit; the other formats follow apart.
    """
    data = form.cleaned_data
    situation = form.situation(partners_given=bool(data["partners"]))
    verdicts = judge(situation, programme)
    chosen, goal = data["format"], data["goal"]
    rules = {format_rules.code: format_rules for format_rules in programme.formats}
    serving = [v for v in verdicts if v.code == chosen or goal in rules[v.code].goals]
    if not chosen and not goal:
        serving = verdicts
    # The format asked about first, then the ones newcomers start with (a short-term project
    # before an accreditation), in programme order.
    serving.sort(key=lambda v: (v.code != chosen, not rules[v.code].newcomer_friendly))
    shown = {v.code for v in serving}
    others = sorted((v for v in verdicts if v.code not in shown), key=lambda v: rank(v.outcome))
    groups = {outcome: [] for outcome in OUTCOMES}
    for verdict in serving:
        groups[verdict.outcome].append(verdict)
    asked = {check.field for verdict in verdicts for check in verdict.questions}
    return {
        "situation": situation,
        "answers": answers(form),
        "per_community": programme.per_community(situation.country),
        "groups": [(outcome, groups[outcome]) for outcome in OUTCOMES if groups[outcome]],
        "counts": {outcome: len(groups[outcome]) for outcome in OUTCOMES},
        "others": others,
        "goal_choices": [] if goal or chosen else answer_links(form, query, path, "goal"),
        "questions": {name: question(form, query, path, name) for name in asked},
        "next_steps": next_steps(groups[ELIGIBLE], rules, situation, token),
        "managed_by": tuple(sorted({rules[v.code].managed_by for v in groups[ELIGIBLE]})),
        # How to submit an application (Part C: registration, pp. 413-414; forms, p. 416).
        "steps_source": guide_page(413),
        "national_agency": programme.agency(situation.country, situation.community),
        "eacea": programme.agency(situation.country, managed_by=EACEA),
        # Called by the template only when its fragment is not kept yet.
        "pathways": ways_without_applying,
    }


def ways_without_applying():
    return Pathway.objects.filter(kind=Pathway.Kind.WITHOUT_APPLYING)


def next_steps(fits, rules, situation, token):
    """Return, per format that fits: its verdict, the planner's address for a mobility format
    (else None), its next deadline (or None) and its expected deadlines (or [])."""
    deadlines = cached("deadlines-by-format", deadlines_by_format, token) if fits else {}
    now = timezone.now()
    steps = []
    for verdict in fits:
        known = deadlines.get(verdict.code, [])
        upcoming = next((d for d in known if d.moment > now), None)
        expected = [] if upcoming or not rules[verdict.code].offered else expected_deadlines(known)
        format_rules = rules[verdict.code]
        plan = plan_url(situation, format_rules) if format_rules.mobility else None
        steps.append((verdict, plan, upcoming, expected))
    return steps


def deadlines_by_format():
    """Return the call's deadlines by format code, the earliest first."""
    found = {}
    deadlines = Deadline.objects.filter(format__call_id=active_year()).annotate(
        code=F("format__code")
    )
    for deadline in deadlines.order_by("date", "time"):
        found.setdefault(deadline.code, []).append(deadline)
    return found


def plan_url(situation, rules):
    """The planner, with what the checker already knows of the plan filled in: the format when
    the planner does not check its project rules by default."""
    known = {
        "participants": situation.participants,
        "months": situation.duration_months,
        "format": None if rules.plannable else rules.code,
    }
    query = urlencode({name: value for name, value in known.items() if value})
    return keep_call(f"{reverse('mobility:plan')}?{query}" if query else reverse("mobility:plan"))


def rank(outcome):
    return OUTCOMES.index(outcome)


def question(form, query, path, name):
    field = form[name]
    anchor = "partner-0" if name == "partners" else field.id_for_label
    links = answer_links(form, query, path, name) if name in ONE_CLICK else ()
    return Question(anchor, str(field.label), tuple(links))


def answer_links(form, query, path, name):
    """Return (answer, URL of the answers with that answer given) for each of a field's choices."""
    others = urlencode([(key, v) for key, values in query.lists() if key != name for v in values])
    start = f"{path}?{others}&" if others else f"{path}?"
    return [
        (str(label), start + urlencode({name: value}))
        for value, label in form.fields[name].choices
        if value
    ]


def answers(form):
    """Return (question, answer) pairs of what was answered, for the summary above the result."""
    countries = form.programme.countries
    rows = []
    for name, value in form.cleaned_data.items():
        if value in (None, "", []) or name == "format":
            continue
        field = form.fields[name]
        if name == "partners":
            shown = ", ".join(countries[code].name for code in value)
        elif name == "country":
            shown = countries[value].name
        elif getattr(field, "choices", None):
            key = ("1" if value else "0") if isinstance(value, bool) else str(value)
            shown = {str(choice): label for choice, label in field.choices}.get(key, value)
        else:
            shown = value
        rows.append((field.label, shown))
    return rows


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
    if answered and not form.is_valid() and still_filling_in(request, [form]):
        context["form"] = StartForm(initial=request.GET.dict(), programme=form.programme)
    elif answered and form.is_valid():
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
    partials = {"start": "htmx-response", "suggestion": "suggestion-response"}
    return respond(request, "eligibility/start.html", context, partials, status)


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


def check_data(check):
    """A check; ``asks`` names the parameter whose answer would settle an unknown check."""
    return {
        "rule": check.rule,
        "status": check.status,
        "message": check.message,
        "asks": check.field or None,
    }


def verdict_data(verdict):
    agency = verdict.apply_to
    return {
        "code": verdict.code,
        "name": verdict.name,
        "verdict": verdict.verdict,
        "checks": [check_data(check) for check in verdict.checks],
        "apply_to": {"name": agency.name, "url": agency.url, "kind": agency.kind}
        if agency
        else None,
        "suggestions": list(verdict.suggestions),
    }
