"""Deadlines: a page per format and agency, and an iCalendar feed (RFC 5545) to subscribe to.

Each event's UID is built from the deadline's natural key (format, call year, round), never from
a database id, so when an editor moves a deadline, a subscribed calendar updates the same event.
Times are given in UTC; deadlines without a known time are all-day events.
"""

import datetime

import icalendar
from django import forms
from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond
from erasmus_portal.http import Choices, plain_errors, requested_language

from .caching import cached, digest, programme_page
from .calls import active_year
from .models import ActionLine, Agency, Deadline, Format, expected_deadlines

UID_DOMAIN = "deadlines.erasmus-vet-portal"
END = b"END:VCALENDAR\r\n"


class DeadlineFilterForm(forms.Form):
    format = forms.ChoiceField(label=gettext_lazy("Format"), required=False)
    action_line = forms.ChoiceField(label=gettext_lazy("Action line"), required=False)
    agency = forms.ChoiceField(
        label=gettext_lazy("Applied for at"),
        required=False,
        help_text=gettext_lazy("The deadlines of the formats this agency takes applications for."),
    )

    def __init__(self, *args, token=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices, self.agencies, self.every_deadline = cached("deadlines", load_deadlines, token)
        for name, field_choices in choices.items():
            self.fields[name].choices = field_choices

    def deadlines(self):
        """Return the deadlines the filters select, the earliest first."""
        data = self.cleaned_data
        agency = self.chosen_agency()
        return [
            deadline
            for deadline in self.every_deadline
            if data["format"] in ("", deadline.format.code)
            and data["action_line"] in ("", deadline.format.action_line.code)
            and (agency is None or deadline.format.managed_by == agency.kind)
        ]

    def chosen_agency(self):
        return self.agencies.get(self.cleaned_data["agency"])


def load_deadlines():
    """Return the filters' choices, the agencies by code and every deadline, earliest first."""
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    every = [("", _("All"))]
    choices = {
        "format": [
            (f.code, f"{f.code}: {f.name}") for f in Format.objects.in_call().order_by("code")
        ],
        "action_line": [(line.code, line.name) for line in ActionLine.objects.all()],
        "agency": sorted(((code, a.name) for code, a in agencies.items()), key=lambda c: c[1]),
    }
    return (
        {name: Choices(every + field_choices) for name, field_choices in choices.items()},
        agencies,
        list(
            Deadline.objects.filter(format__call_id=active_year())
            .select_related("format__action_line")
            .order_by("date", "time", "format__code")
        ),
    )


@require_safe
@programme_page
def deadlines(request):
    """Upcoming and past deadlines, filterable; the list is a partial of the same page."""
    form = DeadlineFilterForm(request.GET, token=request.programme_token)
    context = {"form": form, "upcoming": [], "past": [], "ics_query": ""}
    status = 200
    if form.is_valid():
        now = timezone.now()
        for deadline in form.deadlines():
            (context["upcoming"] if deadline.moment > now else context["past"]).append(deadline)
        context["past"].reverse()
        context["expected"] = expected(form.deadlines(), context["upcoming"])
        context["agency"] = form.chosen_agency()
        context["ics_query"] = request.GET.urlencode()
    else:
        status = 400
    return respond(request, "opportunities/deadlines.html", context, "htmx-response", status)


def expected(deadlines, upcoming):
    """Return (format, its expected deadlines) for the offered formats with none to come."""
    waiting = {d.format.code for d in upcoming}
    by_format = {}
    for deadline in deadlines:
        if deadline.format.code not in waiting and deadline.format.offered:
            by_format.setdefault(deadline.format.code, []).append(deadline)
    found = [(listed[0].format, expected_deadlines(listed)) for listed in by_format.values()]
    return sorted(
        ((fmt, items) for fmt, items in found if items),
        key=lambda pair: (pair[1][0].first, pair[0].code),
    )


@require_safe
@programme_page
def deadlines_ics(request):
    """GET /deadlines.ics: the deadlines as an iCalendar feed; ``lang`` picks nl or en."""
    with translation.override(requested_language(request, default="nl")):
        form = DeadlineFilterForm(request.GET, token=request.programme_token)
        if not form.is_valid():
            return plain_errors(form)
        agency = form.chosen_agency()
        # Every event is written once per programme version, language, agency and site.
        name = f"feed:{digest(agency and agency.code, request.build_absolute_uri('/'))}"
        head, events = cached(
            name,
            lambda: build_feed(form.every_deadline, agency, request),
            request.programme_token,
        )
        feed = head + b"".join(events[deadline.pk] for deadline in form.deadlines()) + END
    response = HttpResponse(feed, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="erasmus-vet-deadlines.ics"'
    return response


def build_feed(deadlines, agency, request):
    """Return a calendar's opening lines and each deadline's event by id, as iCalendar.

    The opening lines, some of the events and ``END`` are what icalendar writes for a
    calendar with those events.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Erasmus+ VET portal//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Erasmus+ VET deadlines"))
    # Ask subscribed calendars to fetch changes daily.
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    # Without METHOD, DTSTAMP is when a deadline was last revised (RFC 5545, 3.8.7.2): taken
    # from its history, it stays the same until an editor changes it, and so does the ETag.
    deadlines = list(deadlines)
    revised = dict(
        Deadline.history.filter(id__in=[d.pk for d in deadlines])
        .values("id")
        .annotate(last=Max("history_date"))
        .values_list("id", "last")
    )
    now = timezone.now()
    events = {}
    for deadline in deadlines:
        stamp = revised.get(deadline.pk, now).astimezone(datetime.UTC).replace(microsecond=0)
        events[deadline.pk] = deadline_event(deadline, agency, request, stamp).to_ical()
    return calendar.to_ical().removesuffix(END), events


def deadline_event(deadline, agency, request, stamp):
    fmt = deadline.format
    event = icalendar.Event()
    uid = f"{fmt.code}-{deadline.call_year}-{deadline.round}".lower()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    if deadline.time:
        event.add("dtstart", deadline.moment.astimezone(datetime.UTC))
    else:
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + datetime.timedelta(days=1))
    event.add("summary", _("Deadline %(code)s: %(name)s") % {"code": fmt.code, "name": fmt.name})
    event.add("description", "\n".join(describe(deadline, agency)))
    event.add("url", fmt.get_full_url())
    event.add("categories", [fmt.action_line.code])
    event.add("status", "CONFIRMED" if deadline.confirmed else "TENTATIVE")
    event.add("transp", "TRANSPARENT")
    return event


def describe(deadline, agency):
    values = {"year": deadline.call_year, "round": deadline.round}
    yield _("Call %(year)d, round %(round)d.") % values
    if deadline.time:
        yield _("Closes at %(time)s (%(zone)s).") % {
            "time": deadline.time.strftime("%H:%M"),
            "zone": deadline.time_zone,
        }
    else:
        yield _("The closing time is not known: check with the agency.")
    if deadline.note:
        yield deadline.note
    if not deadline.confirmed:
        yield _("This date is not confirmed: check with your National Agency.")
    if agency:
        yield _("Apply to: %(name)s, %(url)s") % {"name": agency.name, "url": agency.url}
    if deadline.source_url:
        yield _("Source: %(url)s") % {"url": deadline.source_url}
