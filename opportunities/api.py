"""Read-only open data: the programme as JSON, or as CSV with ``?format=csv``."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from erasmus_portal.http import ExportForm, json_errors
from erasmus_portal.spreadsheet import CsvWriter

from .caching import cached, programme_page
from .calls import published_years
from .forms import FinderForm
from .models import Agency, Country, Format
from .rules import RULES
from .sources import source_label

LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'


def both(obj, field):
    return {"nl": getattr(obj, f"{field}_nl"), "en": getattr(obj, f"{field}_en")}


def source(obj):
    url = obj.source_url
    return {"url": url, "label": source_label(url), "confirmed": obj.confirmed}


def agency_data(agency):
    return {
        "code": agency.code,
        "name": agency.name,
        "kind": agency.kind,
        "country": agency.country_id,
        "community": agency.community or None,
        "url": agency.url,
        "email": agency.email or None,
        "phone": agency.phone or None,
        "address": agency.address or None,
        "contact_source_url": agency.contact_source_url or None,
        "confirmed": agency.confirmed,
    }


def format_data(fmt):
    deadlines = fmt.deadlines.all()
    return {
        "code": fmt.code,
        "call": fmt.call_id,
        "action_line": fmt.action_line.code,
        "name": both(fmt, "name"),
        "summary": both(fmt, "summary"),
        "managed_by": fmt.managed_by,
        **rule_data(fmt),
        "newcomer_friendly": fmt.newcomer_friendly,
        "offered": fmt.offered,
        "offer_note": both(fmt, "offer_note"),
        "confirmed": fmt.confirmed,
        "unconfirmed_rules": fmt.unconfirmed_rules,
        "deadlines": [
            {
                "call_year": d.call_year,
                "round": d.round,
                "date": d.date.isoformat(),
                "time": d.time.strftime("%H:%M") if d.time else None,
                "time_zone": d.time_zone,
                "confirmed": d.confirmed,
            }
            for d in deadlines
        ],
        "sources": [source(record) for record in fmt.sources],
    }


def rule_data(fmt):
    """Return every rule's fields under the keys the rules declare."""
    return {
        rule.api_key(name): json_value(getattr(fmt, name)) for rule in RULES for name in rule.fields
    }


def json_value(value):
    """Return a field's value for JSON: a many-to-many field gives its records' keys."""
    if hasattr(value, "all"):
        return [record.pk for record in value.all()]
    return value


def country_data(country):
    return {
        "code": country.code,
        "name": both(country, "name"),
        "status": country.status,
        "region": country.region,
        "region_note": region_note(country),
        "authorities_excluded": country.authorities_excluded,
        "member_state": country.member_state_id,
        "agencies": [
            {"name": a.name, "url": a.url, "community": a.community or None}
            for a in country.agencies.all()
        ],
    }


def region_note(country):
    """Say why a non-associated country has no region: the guide places it in none, or unknown."""
    if country.status != Country.Status.NON_ASSOCIATED or country.region is not None:
        return None
    if not country.confirmed:
        return _(
            "Not confirmed: no source says under which status organisations from here take part."
        )
    return _("The Programme Guide 2026 places it in none of the regions 1 to 14 (pp. 34–36).")


def load_formats():
    """Return every format, and by code what the API tells of it and that as JSON (four queries)."""
    formats = list(
        Format.objects.in_call()
        .select_related("action_line")
        .prefetch_related("grant_tiers", "deadlines", "excluded_countries")
    )
    data = {fmt.code: format_data(fmt) for fmt in formats}
    return formats, data, {code: json_text(row) for code, row in data.items()}


def json_text(value):
    """Return the JSON that ``JsonResponse(value)`` sends."""
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def json_list(name, texts):
    """Answer as ``JsonResponse({name: rows})`` would, from each row's JSON written before.

    Writing the formats' JSON took a fifth of the formats API's time.
    """
    return HttpResponse(f'{{"{name}": [{", ".join(texts)}]}}', content_type="application/json")


def flatten(value):
    """Turn one JSON value into a CSV cell."""
    if isinstance(value, list):
        return "; ".join(flatten(item) for item in value)
    if isinstance(value, dict):
        return " ".join(flatten(item) for item in value.values() if item not in (None, ""))
    if value is None:
        return ""
    return str(value).lower() if isinstance(value, bool) else str(value)


def csv_response(name, rows):
    """Write rows of JSON objects as CSV; a {"nl", "en"} value becomes two columns."""
    columns = []
    flat_rows = []
    for row in rows:
        flat = {}
        for key, value in row.items():
            if isinstance(value, dict) and set(value) == {"nl", "en"}:
                flat[f"{key}_nl"], flat[f"{key}_en"] = value["nl"], value["en"]
            else:
                flat[key] = flatten(value)
        flat_rows.append(flat)
        columns += [key for key in flat if key not in columns]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    writer = CsvWriter(response)
    writer.writerow(columns)
    for flat in flat_rows:
        writer.writerow([flat.get(column, "") for column in columns])
    return response


def respond(request, name, rows, texts=None):
    """Answer with JSON ``{name: rows}``, or CSV when asked with ``?format=csv``.

    ``texts``, when given, are the rows already written as JSON.
    """
    query = request.GET.copy()
    query.setdefault("format", "json")
    form = ExportForm(query)
    if not form.is_valid():
        return json_errors(form)
    if form.cleaned_data["format"] == "csv":
        response = csv_response(name, rows)
    elif texts is not None:
        response = json_list(name, texts)
    else:
        response = JsonResponse({name: rows}, json_dumps_params={"ensure_ascii": False})
    return licensed(response)


def licensed(response):
    """Say in the answer itself that the data is open under CC BY 4.0 (RFC 8288 link)."""
    response["Link"] = LICENCE_LINK
    return response


@require_safe
@programme_page
def formats(request):
    """Every format, or those the finder's filters leave (same parameters as the finder page)."""
    catalogue, data, texts = cached("api-formats", load_formats, request.programme_token)
    form = FinderForm(request.GET, formats=catalogue)
    if not form.is_valid():
        errors = {field: list(messages) for field, messages in form.errors.items()}
        return JsonResponse({"errors": errors}, status=400)
    codes = [fmt.code for fmt in form.results()]
    return respond(request, "formats", [data[code] for code in codes], [texts[c] for c in codes])


@require_safe
@programme_page
def format_detail(request, code):
    _catalogue, _data, texts = cached("api-formats", load_formats, request.programme_token)
    if code not in texts:
        message = _("No format with code “%(code)s”.") % {"code": code[:60]}
        return JsonResponse({"errors": {"code": [message]}}, status=404)
    return licensed(HttpResponse(texts[code], content_type="application/json"))


@require_safe
@programme_page
def countries(request):
    rows = Country.objects.in_call().prefetch_related("agencies")
    return respond(request, "countries", [country_data(c) for c in rows])


@require_safe
@programme_page
def agencies(request):
    return respond(request, "agencies", [agency_data(a) for a in Agency.objects.all()])


@require_safe
@programme_page
def calls(request):
    """The published calls, newest first; the current one (the newest) is used by default."""
    years = published_years()
    rows = [{"year": year, "current": year == years[0]} for year in years]
    return respond(request, "calls", rows)
