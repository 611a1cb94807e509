"""Judge KA1 VET mobility activities and short-term projects against their rules.

Encodes the Programme Guide, Part B, "Mobility for learners and staff in vocational education
and training": the activities' durations (travel days excluded), the shorter minimum for
participants with fewer opportunities, recent graduates, group size and the rules of the 2026
call (two shadows per mentor, activities led by the host's staff); and the short-term
project's participant cap and duration. Every number comes from the data (``MobilityActivity``,
``ActivityRule``, the format marked ``plannable``, KA122-VET). A limit that is missing or
unconfirmed gives ``unknown``, never a guess.

Plain values in, plain values out, like ``engine.py``; the loaders at the end read the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, OuterRef, Q, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from eligibility.verdicts import FAIL, NOT_ELIGIBLE, PASS, UNKNOWN, Check, combine, range_text
from opportunities.models import Format, MobilityActivity

GRADUATED = "graduated_within_months"
SHADOWS = "shadows_per_mentor"
MAX_PARTICIPANTS = "max_participants"
HOST_LED = "host_led"


@dataclass(frozen=True)
class Rule:
    value: int | None
    from_call_year: int | None = None
    confirmed: bool = True


@dataclass(frozen=True)
class Activity:
    """One KA1 activity's limits, as the data holds them."""

    code: str
    name: str
    participant: str
    min_days: int | None = None
    max_days: int | None = None
    min_days_fewer_opportunities: int | None = None
    min_participants: int | None = None
    fee_days_max: int | None = None
    counts_towards_cap: bool = True
    confirmed: bool = True
    rules: dict[str, Rule] = field(default_factory=dict)
    unit_cost: str = ""


@dataclass(frozen=True)
class Mobility:
    """What a coordinator plans for one activity. ``None`` means not answered."""

    activity: str
    days: int
    participants: int | None = None
    fewer_opportunities: bool | None = None
    graduated_months_ago: int | None = None
    shadows_per_mentor: int | None = None
    host_led: bool | None = None
    # Where the activity takes place (or where an invited person comes from): its name, and
    # whether it is an EU member state or associated country. None: not given.
    place: str = ""
    place_in_programme: bool | None = None


@dataclass(frozen=True)
class ActivityVerdict:
    activity: str
    name: str
    verdict: str
    checks: tuple[Check, ...]
    suggestions: tuple[str, ...] = ()


def check_activity(mobility: Mobility, activities: dict[str, Activity]) -> ActivityVerdict:
    """Return the verdict on one planned activity, with the activities that fit instead."""
    verdict = _judge(mobility, activities[mobility.activity])
    if _needs_alternative(verdict):
        suggestions = tuple(
            other.code
            for other in activities.values()
            if other.code != mobility.activity
            and other.participant == activities[mobility.activity].participant
            and _judge(mobility, other).verdict != NOT_ELIGIBLE
        )
        verdict = ActivityVerdict(**{**verdict.__dict__, "suggestions": suggestions})
    return verdict


def _needs_alternative(verdict):
    return verdict.verdict == NOT_ELIGIBLE or any(
        check.rule == "fewer_opportunities" and check.status == UNKNOWN for check in verdict.checks
    )


def _judge(mobility, activity):
    judge = _ActivityJudge(mobility, activity)
    checks = tuple(judge.checks())
    verdict = combine(check.status for check in checks)
    return ActivityVerdict(mobility.activity, activity.name, verdict, checks)


class _ActivityJudge:
    def __init__(self, mobility, activity):
        self.mobility = mobility
        self.activity = activity

    def checks(self):
        yield self.days()
        yield from self.group_size()
        yield from self.rule_checks()

    def days(self):
        activity, days = self.activity, self.mobility.days
        low, high = activity.min_days, activity.max_days
        values = {"days": _days(days), "name": activity.name}
        if low is None and high is None:
            if activity.confirmed:
                message = _("%(name)s has no day limits of its own.") % values
                return self._check("days", PASS, message)
            return self._check(
                "days", UNKNOWN, _("The duration of %(name)s is not in our data.") % values
            )
        values["range"] = range_text(low, high, _("days"))
        reduced = activity.min_days_fewer_opportunities
        if low is not None and days < low and reduced is not None and days >= reduced:
            return self.fewer_opportunities(values, reduced)
        if (low is not None and days < low) or (high is not None and days > high):
            return self._check(
                "days",
                FAIL,
                _("%(days)s: %(name)s lasts %(range)s, travel days not counted.") % values,
            )
        return self._check(
            "days",
            PASS,
            _("%(days)s: %(name)s lasts %(range)s, travel days not counted.") % values,
        )

    def fewer_opportunities(self, values, reduced):
        values["reduced"] = reduced
        fewer = self.mobility.fewer_opportunities
        if fewer is None:
            return self._check(
                "fewer_opportunities",
                UNKNOWN,
                _(
                    "%(days)s: %(name)s lasts %(range)s; only participants with fewer "
                    "opportunities may go from %(reduced)d days, in duly justified cases. "
                    "Do yours have fewer opportunities?"
                )
                % values,
            )
        if fewer:
            return self._check(
                "fewer_opportunities",
                PASS,
                _(
                    "%(days)s: participants with fewer opportunities may go from %(reduced)d "
                    "days, in duly justified cases (%(name)s otherwise lasts %(range)s)."
                )
                % values,
            )
        return self._check(
            "fewer_opportunities",
            FAIL,
            _(
                "%(days)s: %(name)s lasts %(range)s; from %(reduced)d days only for "
                "participants with fewer opportunities."
            )
            % values,
        )

    def group_size(self):
        minimum = self.activity.min_participants
        if minimum is None:
            return
        count = self.mobility.participants
        values = {"minimum": minimum, "count": count, "name": self.activity.name}
        if count is None:
            yield self._check(
                "participants",
                UNKNOWN,
                _("%(name)s needs at least %(minimum)d participants. How many go?") % values,
            )
            return
        yield self._check(
            "participants",
            PASS if count >= minimum else FAIL,
            ngettext(
                "%(count)d participant; %(name)s needs at least %(minimum)d.",
                "%(count)d participants; %(name)s needs at least %(minimum)d.",
                count,
            )
            % values,
        )

    def rule_checks(self):
        rules, mobility = self.activity.rules, self.mobility
        if MAX_PARTICIPANTS in rules and mobility.participants is not None:
            yield self._limit(
                rules[MAX_PARTICIPANTS],
                MAX_PARTICIPANTS,
                mobility.participants,
                _("%(given)d participants; at most %(limit)s per activity."),
            )
        if GRADUATED in rules and mobility.graduated_months_ago is not None:
            yield self._limit(
                rules[GRADUATED],
                GRADUATED,
                mobility.graduated_months_ago,
                _(
                    "Graduated %(given)d months ago; recent graduates take part at most %(limit)s "
                    "months after graduating."
                ),
            )
        if SHADOWS in rules and mobility.shadows_per_mentor is not None:
            yield self._limit(
                rules[SHADOWS],
                SHADOWS,
                mobility.shadows_per_mentor,
                _(
                    "%(given)d participants shadow the same mentor at the same time; at most "
                    "%(limit)s may, and the main mentor must be named."
                ),
            )
        if HOST_LED in rules and mobility.host_led is not None:
            yield self._requirement(rules[HOST_LED], HOST_LED, mobility.host_led)

    def _requirement(self, rule, name, met):
        """A yes-or-no rule: the host organisation's staff lead the activity."""
        if met:
            text = _("The host organisation's staff lead the activity, as they must.")
        else:
            text = _(
                "The host organisation's staff must lead the activity; the sending "
                "organisation, its subsidiaries or related entities cannot host it."
            )
        return self._ruled(rule, name, PASS if met else FAIL, text)

    def _limit(self, rule, name, given, message):
        if rule.value is None:
            return Check(
                name,
                UNKNOWN,
                _("The limit for %(activity)s is not in our data: check with your National Agency.")
                % {"activity": self.activity.name},
            )
        text = message % {"given": given, "limit": rule.value}
        return self._ruled(rule, name, PASS if given <= rule.value else FAIL, text)

    def _ruled(self, rule, name, status, text):
        """Make a rule's check, naming its first call year; an unconfirmed rule says unknown."""
        if rule.from_call_year:
            text += " " + _("(From the %(year)d call.)") % {"year": rule.from_call_year}
        if not rule.confirmed:
            return Check(name, UNKNOWN, f"{text} {_not_confirmed()}")
        return self._check(name, status, text)

    def _check(self, rule, status, message):
        """Make a check; an activity whose limits are unconfirmed can only be ``unknown``."""
        if not self.activity.confirmed and status != UNKNOWN:
            return Check(rule, UNKNOWN, f"{message} {_not_confirmed()}")
        return Check(rule, status, message)


def _days(count):
    return ngettext("%(count)d day", "%(count)d days", count) % {"count": count}


def _not_confirmed():
    return _("This rule is not confirmed: check with your National Agency.")


# Short-term projects (the plannable format)


@dataclass(frozen=True)
class ProjectRules:
    code: str
    name: str
    max_participants: int | None
    duration_min_months: int | None
    duration_max_months: int | None
    unconfirmed_rules: frozenset[str] = frozenset()
    confirmed: bool = True
    alternative: str | None = None


@dataclass(frozen=True)
class PlanVerdict:
    verdict: str
    checks: tuple[Check, ...]
    activities: tuple[ActivityVerdict, ...]
    counted_participants: int
    uncounted_participants: int
    rather_accreditation: bool


def check_plan(
    rows: list[Mobility],
    months: int | None,
    project: ProjectRules | None,
    activities: dict[str, Activity],
) -> PlanVerdict:
    """Return the verdict on a short-term project: its own rules and each activity's.

    Without ``project`` (no format is plannable) only the activities are judged.
    """
    verdicts = tuple(check_activity(row, activities) for row in rows)
    counted = uncounted = 0
    for row in rows:
        if activities[row.activity].counts_towards_cap:
            counted += row.participants or 0
        else:
            uncounted += row.participants or 0
    checks, too_big = [], False
    if project:
        checks = [
            *_cap(project, counted, uncounted),
            *_duration(project, months),
            *_places(project, rows),
        ]
        cap, longest = project.max_participants, project.duration_max_months
        too_big = (cap is not None and counted > cap) or (
            longest is not None and months is not None and months > longest
        )
    verdict = combine([c.status for c in checks] + [v.verdict for v in verdicts])
    return PlanVerdict(verdict, tuple(checks), verdicts, counted, uncounted, too_big)


def _cap(project, counted, uncounted):
    cap = project.max_participants
    if cap is None:
        return
    values = {"count": counted, "cap": cap, "uncounted": uncounted, "format": project.code}
    message = (
        ngettext(
            "%(count)d participant counts towards the cap of %(cap)d of a %(format)s project.",
            "%(count)d participants count towards the cap of %(cap)d of a %(format)s project.",
            counted,
        )
        % values
    )
    if uncounted:
        message += (
            " "
            + ngettext(
                "%(uncounted)d accompanying person or preparatory visit participant is not "
                "counted.",
                "%(uncounted)d accompanying persons and preparatory visit participants are not "
                "counted.",
                uncounted,
            )
            % values
        )
    yield _project_check(project, "max_participants", PASS if counted <= cap else FAIL, message)


def _duration(project, months):
    low, high = project.duration_min_months, project.duration_max_months
    if low is None and high is None:
        return
    allowed = range_text(low, high, _("months"))
    if months is None:
        yield _project_check(
            project,
            "duration",
            UNKNOWN,
            _("A %(format)s project lasts %(range)s. How long is yours?")
            % {"format": project.code, "range": allowed},
        )
        return
    fits = (low is None or months >= low) and (high is None or months <= high)
    yield _project_check(
        project,
        "duration",
        PASS if fits else FAIL,
        _("%(months)d months; a %(format)s project lasts %(range)s.")
        % {"months": months, "format": project.code, "range": allowed},
    )


def _places(project, rows):
    """A short-term project's activities take place in the programme's countries (pp. 87, 89).

    Third countries not associated to the programme (never Belarus or Russia) are open only to
    accredited organisations; invited experts and teachers come from the programme's countries
    too (pp. 90-91).
    """
    outside = [
        (number, row.place)
        for number, row in enumerate(rows, start=1)
        if row.place_in_programme is False
    ]
    for number, place in outside:
        yield _project_check(
            project,
            "destination",
            FAIL,
            _(
                "Activity %(number)d, %(place)s: the activities of a %(format)s project take "
                "place in EU member states and countries associated to the programme. Other "
                "countries are open only to accredited organisations, and never Belarus or "
                "Russia."
            )
            % {"number": number, "place": place, "format": project.code},
        )


def _project_check(project, rule, status, message):
    if (not project.confirmed or rule in project.unconfirmed_rules) and status != UNKNOWN:
        return Check(rule, UNKNOWN, f"{message} {_not_confirmed()}")
    return Check(rule, status, message)


# Loaders: the database into plain values


def load_activities() -> dict[str, Activity]:
    """Return every KA1 activity with its rules, in the programme's order (two queries)."""
    return {
        a.code: Activity(
            code=a.code,
            name=a.name,
            participant=a.participant,
            min_days=a.min_days,
            max_days=a.max_days,
            min_days_fewer_opportunities=a.min_days_fewer_opportunities,
            min_participants=a.min_participants,
            fee_days_max=a.fee_days_max,
            counts_towards_cap=a.counts_towards_cap,
            confirmed=a.confirmed,
            rules={r.kind: Rule(r.value, r.from_call_year, r.confirmed) for r in a.rules.all()},
            unit_cost=a.unit_cost,
        )
        for a in MobilityActivity.objects.prefetch_related("rules")
    }


@dataclass(frozen=True)
class MobilityFormats:
    """The call's Key Action 1 formats (code to name) and the rules of the format the planner
    plans (``None`` when no format is marked plannable)."""

    names: dict[str, str]
    project: ProjectRules | None


def load_mobility_formats() -> MobilityFormats:
    """Return the call's Key Action 1 formats and the planned format's rules (one query).

    The project's ``alternative`` is the format its record suggests instead (the accreditation,
    KA120-VET).
    """
    through = Format.alternatives.through.objects.filter(from_format=OuterRef("pk"))
    formats = (
        Format.objects.in_call()
        .filter(Q(action_line__is_mobility=True) | Q(plannable=True))
        .annotate(mobility=F("action_line__is_mobility"))
        .annotate(alternative=Subquery(through.values("to_format__code")[:1]))
        .order_by("position", "code")
    )
    names, project = {}, None
    for fmt in formats:
        if fmt.mobility:
            names[fmt.code] = fmt.name
        if fmt.plannable and project is None:
            project = ProjectRules(
                code=fmt.code,
                name=fmt.name,
                max_participants=fmt.max_participants,
                duration_min_months=fmt.duration_min_months,
                duration_max_months=fmt.duration_max_months,
                unconfirmed_rules=frozenset(fmt.unconfirmed_rules),
                confirmed=fmt.confirmed,
                alternative=fmt.alternative,
            )
    return MobilityFormats(names, project)
