"""Estimate the grant of a KA1 VET mobility plan from the unit costs in the data.

Programme Guide 2026, pp. 98-101: travel is a unit cost per participant by distance band (green
or standard); individual support is a daily rate by destination country group, reduced from the
15th day; organisational support is an amount per participant that depends on the activity (and
may drop after a number of participants); inclusion support for organisations is an amount per
participant; course fees are paid per day for a limited number of days; a preparatory visit is
one amount per person for its travel and subsistence. Inclusion support for participants and
exceptional costs are real costs: named, never estimated.

For individual support the guide gives a range per country group and each National Agency
fixes its exact rate within it (p. 99). Without that rate (entered by the coordinator) the line
is a range from the lowest to the highest rate, and so is the total. The estimate never fills a
gap with another sector's rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import FilteredRelation, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opportunities.calls import active_year
from opportunities.models import AgencyRate, Country, UnitCost

from .distance import Band, band_for, load_bands
from .engine import Activity

# Individual support pays up to 2 travel days with standard travel and up to 6 with green travel
# (Programme Guide 2026, p. 99); the estimate counts 2 and names the 4 more green travel may add,
# as the number depends on the journey.
TRAVEL_DAYS = 2
EXTRA_GREEN_TRAVEL_DAYS = 4
# The participants whose daily rate the planner asks for, per country group, when the data
# has none.
OWN_RATE_KINDS = ("learners", "staff")
# Invited experts and hosted teachers in training: they come to the beneficiary organisation.
INVITED = "invited"


@dataclass(frozen=True)
class Cost:
    cost: str
    call_year: int
    amount_eur: int | None
    participant: str = ""
    country_group: int = 0
    max_days: int | None = None
    reduced_from_day: int | None = None
    reduced_percent: int | None = None
    confirmed: bool = True
    activity: str | None = None
    min_amount_eur: int | None = None
    max_amount_eur: int | None = None
    reduced_after_participants: int | None = None
    reduced_amount_eur: int | None = None


@dataclass(frozen=True)
class Rates:
    bands: list[Band]
    groups: dict[str, tuple[int, bool]]
    group_year: int | None
    costs: list[Cost]
    # EU member states, associated countries and the territories taking part as one.
    in_programme: frozenset[str] = frozenset()
    # National Agencies' published daily rates: (agency's country, participants, group) ->
    # (rate, call year, agency name), the latest call year only.
    agency_rates: dict[tuple[str, str, int], tuple[int, int, str]] = field(default_factory=dict)

    @property
    def group_numbers(self):
        """Return the numbers of the country groups, in order."""
        return sorted({number for number, _confirmed in self.groups.values()})

    def cost(self, kind, participant="", group=0, activity=None):
        """Return the latest cost row for the kind, participant, group and activity, or ``None``.

        Of the latest call year's rows, one for the activity comes before one for every activity.
        """
        rows = [
            c
            for c in self.costs
            if c.cost == kind
            and c.participant in (participant, "")
            and c.country_group in (group, 0)
            and c.activity in (activity, None)
        ]
        return max(
            rows,
            key=lambda c: (c.call_year, c.activity is not None, c.participant, c.country_group),
            default=None,
        )


@dataclass(frozen=True)
class OwnRates:
    """Rates the coordinator took from their National Agency; they replace missing data."""

    daily: dict[tuple[str, int], int] = field(default_factory=dict)
    organisational: int | None = None
    inclusion: int | None = None


@dataclass(frozen=True)
class Row:
    number: int
    activity: Activity
    participants: int
    days: int
    destination: str = ""
    country: str = ""
    km: int | None = None
    green: bool = False


@dataclass(frozen=True)
class Line:
    cost: str
    label: str
    detail: str
    amount: int | None
    row: int | None = None
    call_year: int | None = None
    confirmed: bool = True
    own_rate: bool = False
    # The highest amount when the line is a range (``amount`` is then the lowest).
    high: int | None = None

    @property
    def is_range(self):
        return self.high is not None and self.amount is not None and self.high != self.amount


@dataclass(frozen=True)
class Estimate:
    lines: tuple[Line, ...]
    named: tuple[str, ...]
    call_years: tuple[int, ...]

    @property
    def total(self):
        """The lowest total: every line's amount, or the lowest of its range."""
        return sum(line.amount for line in self.lines if line.amount is not None)

    @property
    def total_high(self):
        """The highest total: every line's amount, or the highest of its range."""
        return sum(
            line.high if line.high is not None else line.amount
            for line in self.lines
            if line.amount is not None
        )

    @property
    def is_range(self):
        return self.total_high != self.total

    @property
    def missing(self):
        return [line for line in self.lines if line.amount is None]

    @property
    def unconfirmed(self):
        return [line for line in self.lines if line.amount is not None and not line.confirmed]


def estimate(
    rows: list[Row],
    rates: Rates,
    own: OwnRates,
    fewer_opportunities: int = 0,
    origin_country: str = "",
) -> Estimate:
    """Return the estimate's lines: per activity row, then per project.

    ``origin_country`` chooses the National Agency whose published daily rates apply.
    """
    lines = []
    for row in rows:
        if row.activity.unit_cost:
            # Its own unit cost covers travel and subsistence (preparatory visits, p. 100).
            lines.append(
                _per_participant(rates, row.activity.unit_cost, row.participants, None, row)
            )
            continue
        lines.append(_travel(row, rates))
        lines.append(_individual_support(row, rates, own, origin_country))
        if row.activity.fee_days_max:
            lines.append(_course_fees(row, rates))
    # Accompanying persons and preparatory visits are the activities outside the cap; they are
    # also outside organisational support (p. 98), which depends on the type of activity.
    organised, activities = {}, {}
    for row in rows:
        if row.activity.counts_towards_cap:
            code = row.activity.code
            activities[code] = row.activity
            organised[code] = organised.get(code, 0) + row.participants
    for code, count in organised.items():
        lines.append(_organisational_support(rates, activities[code], count, own.organisational))
    if fewer_opportunities:
        lines.append(
            _per_participant(rates, "inclusion_support", fewer_opportunities, own.inclusion)
        )
    years = sorted({line.call_year for line in lines if line.call_year})
    return Estimate(tuple(lines), _named(rows), tuple(years))


def _travel(row, rates):
    label = _("Travel")
    if row.km is None:
        return Line("travel", label, _("Give your own city to estimate travel."), None, row.number)
    band = band_for(row.km, rates.bands)
    if band is None:
        detail = _("%(km)d km: below the first distance band; no travel amount in our data.")
        return Line("travel", label, detail % {"km": row.km}, None, row.number)
    amount = band.green_eur if row.green else band.standard_eur
    upper = band.max_km if band.max_km is not None else "…"
    detail = _("%(km)d km (band %(low)d–%(high)s km), %(mode)s: %(count)d × € %(amount)d") % {
        "km": row.km,
        "low": band.min_km,
        "high": upper,
        "mode": _("green travel") if row.green else _("standard travel"),
        "count": row.participants,
        "amount": amount,
    }
    return Line(
        "travel",
        label,
        detail,
        row.participants * amount,
        row.number,
        band.call_year,
        band.confirmed,
    )


def _individual_support(row, rates, own, origin_country=""):
    label = _("Individual support")
    if row.activity.participant == INVITED:
        return _invited_support(row, rates, origin_country)
    group, group_confirmed = rates.groups.get(row.country, (None, False))
    if group is None:
        detail = _(
            "%(destination)s is in no country group of our data: ask your National Agency."
        ) % {"destination": row.destination or _("The destination")}
        return Line("individual_support", label, detail, None, row.number)
    kind = row.activity.participant
    data = rates.cost("individual_support", kind, group)
    rate = own.daily.get((kind, group))
    own_rate = rate is not None
    # Accompanying persons get the staff rate (Programme Guide 2026, p. 99, fn 106).
    published = rates.agency_rates.get(
        (origin_country, "staff" if kind == "support" else kind, group)
    )
    if rate is None and published is not None:
        return _support_at_agency_rate(row, group, data, published)
    if rate is None and data is not None:
        rate = data.amount_eur
    if rate is None and data is not None and data.min_amount_eur and data.max_amount_eur:
        return _support_range(row, group, data, group_confirmed and data.confirmed)
    if rate is None and kind not in OWN_RATE_KINDS:
        detail = _("Our data has no daily rate for these participants: ask your National Agency.")
        return Line("individual_support", label, detail, None, row.number)
    if rate is None:
        detail = _(
            "Country group %(group)d: enter your National Agency's daily rate for these "
            "participants."
        ) % {"group": group}
        return Line("individual_support", label, detail, None, row.number)
    days, full_days, reduced_days, reduced_from, percent = _support_days(row, data)
    amount = row.participants * _support_per_person(rate, full_days, reduced_days, percent)
    detail = _(
        "Country group %(group)d, %(days)d days (%(travel)d travel days included): "
        "%(count)d × %(full)d × € %(rate)d"
    ) % {
        "group": group,
        "days": days,
        "travel": TRAVEL_DAYS,
        "count": row.participants,
        "full": full_days,
        "rate": rate,
    }
    detail += _reduced_days(reduced_days, percent, reduced_from)
    confirmed = group_confirmed and (own_rate or (data is not None and data.confirmed))
    if reduced_days and data is not None and not data.confirmed:
        confirmed = False
    return Line(
        "individual_support",
        label,
        detail,
        round(amount),
        row.number,
        data.call_year if data else None,
        confirmed,
        own_rate,
    )


def _invited_support(row, rates, origin_country):
    """Individual support of an invited expert or a hosted teacher in training.

    They stay at the beneficiary organisation (Programme Guide 2026, p. 91), so its country is
    the receiving country (p. 99). The guide's table gives ranges for staff and for learners and
    does not say which applies to these activities: the line spans both, and the National Agency
    decides.
    """
    label = _("Individual support")
    group, group_confirmed = rates.groups.get(origin_country, (None, False))
    if group is None:
        detail = _(
            "Give your own town to estimate it: these participants stay at your organisation."
        )
        return Line("individual_support", label, detail, None, row.number)
    ranges = [rates.cost("individual_support", kind, group) for kind in OWN_RATE_KINDS]
    if None in ranges or not all(cost.min_amount_eur and cost.max_amount_eur for cost in ranges):
        detail = _("Our data has no daily rate for these participants: ask your National Agency.")
        return Line("individual_support", label, detail, None, row.number)
    confirmed = group_confirmed and all(cost.confirmed for cost in ranges)
    low = min(cost.min_amount_eur for cost in ranges)
    high = max(cost.max_amount_eur for cost in ranges)
    return _support_range(row, group, ranges[0], confirmed, (low, high), invited=True)


def _reduced_days(days, percent, from_day):
    """Say the days paid at the reduced rate, if any, to follow a line's calculation."""
    if not days:
        return ""
    return " " + _("+ %(reduced)d days at %(percent)d%% from day %(day)d") % {
        "reduced": days,
        "percent": percent,
        "day": from_day,
    }


def _support_at_agency_rate(row, group, data, published):
    """Individual support at the daily rate a National Agency published for the call year."""
    rate, year, agency = published
    days, full_days, reduced_days, reduced_from, percent = _support_days(row, data)
    detail = _(
        "Country group %(group)d, %(days)d days (%(travel)d travel days included): "
        "%(count)d × %(full)d × € %(rate)d, the daily rate %(agency)s published for %(year)d"
    ) % {
        "group": group,
        "days": days,
        "travel": TRAVEL_DAYS,
        "count": row.participants,
        "full": full_days,
        "rate": rate,
        "agency": agency,
        "year": year,
    }
    detail += _reduced_days(reduced_days, percent, reduced_from)
    amount = row.participants * _support_per_person(rate, full_days, reduced_days, percent)
    return Line("individual_support", _("Individual support"), detail, amount, row.number, year)


def _support_days(row, data):
    """Return the days paid, those at the full rate and at the reduced rate, and the reduction."""
    days = row.days + TRAVEL_DAYS
    reduced_from = data.reduced_from_day if data else None
    percent = data.reduced_percent if data else None
    full_days = days if not reduced_from or percent is None else min(days, reduced_from - 1)
    return days, full_days, days - full_days, reduced_from, percent


def _support_per_person(rate, full_days, reduced_days, percent):
    """One participant's individual support; the reduced daily rate is rounded to the euro."""
    reduced_rate = round(rate * (percent or 0) / 100)
    return rate * full_days + reduced_rate * reduced_days


def _support_range(row, group, data, confirmed, rates=None, invited=False):
    """Individual support as a range: the guide's lowest and highest daily rate (``rates``,
    else those of ``data``) for the group."""
    days, full_days, reduced_days, reduced_from, percent = _support_days(row, data)
    low, high = rates or (data.min_amount_eur, data.max_amount_eur)
    values = {
        "group": group,
        "days": days,
        "travel": TRAVEL_DAYS,
        "count": row.participants,
        "full": full_days,
        "low": low,
        "high": high,
    }
    if invited:
        detail = (
            _(
                "Country group %(group)d, your own country, %(days)d days (%(travel)d travel days "
                "included): %(count)d × %(full)d × € %(low)d to € %(high)d a day"
            )
            % values
        )
    else:
        detail = (
            _(
                "Country group %(group)d, %(days)d days (%(travel)d travel days included): "
                "%(count)d × %(full)d × € %(low)d to € %(high)d a day, the range within which your "
                "National Agency fixes its rate"
            )
            % values
        )
    detail += _reduced_days(reduced_days, percent, reduced_from)
    if invited:
        detail += ". " + _(
            "The guide gives daily ranges for staff and for learners, not for this activity: "
            "your National Agency decides the rate."
        )
    return Line(
        "individual_support",
        _("Individual support"),
        detail,
        row.participants * _support_per_person(low, full_days, reduced_days, percent),
        row.number,
        data.call_year,
        confirmed,
        high=row.participants * _support_per_person(high, full_days, reduced_days, percent),
    )


def _organisational_support(rates, activity, count, own_rate):
    """Organisational support for the participants of one type of activity (p. 98)."""
    label = str(UnitCost.Cost.ORGANISATIONAL_SUPPORT.label)
    if own_rate is not None:
        detail = _("%(activity)s: %(count)d × € %(rate)d") % {
            "activity": activity.name,
            "count": count,
            "rate": own_rate,
        }
        return Line("organisational_support", label, detail, count * own_rate, own_rate=True)
    data = rates.cost("organisational_support", activity=activity.code)
    if data is None or data.amount_eur is None:
        detail = ngettext(
            "%(count)d participant: enter your National Agency's amount per participant.",
            "%(count)d participants: enter your National Agency's amount per participant.",
            count,
        ) % {"count": count}
        return Line("organisational_support", label, detail, None)
    after, lower = data.reduced_after_participants, data.reduced_amount_eur
    full = count if after is None or lower is None else min(count, after)
    detail = _("%(activity)s: %(count)d × € %(rate)d") % {
        "activity": activity.name,
        "count": full,
        "rate": data.amount_eur,
    }
    amount = full * data.amount_eur
    if count > full:
        detail += " " + _("+ %(count)d × € %(rate)d after %(after)d participants") % {
            "count": count - full,
            "rate": lower,
            "after": after,
        }
        amount += (count - full) * lower
    return Line(
        "organisational_support", label, detail, amount, None, data.call_year, data.confirmed
    )


def _course_fees(row, rates):
    label = _("Course fees")
    data = rates.cost("course_fees", row.activity.participant)
    if data is None or data.amount_eur is None:
        return Line("course_fees", label, _("No course-fee amount in our data."), None, row.number)
    limit = min(filter(None, (data.max_days, row.activity.fee_days_max)), default=row.days)
    days = min(row.days, limit)
    detail = _("%(count)d × %(days)d days × € %(amount)d (at most %(limit)d days)") % {
        "count": row.participants,
        "days": days,
        "amount": data.amount_eur,
        "limit": limit,
    }
    amount = row.participants * days * data.amount_eur
    return Line("course_fees", label, detail, amount, row.number, data.call_year, data.confirmed)


def _per_participant(rates, kind, count, own_rate, row=None):
    label = str(UnitCost.Cost(kind).label)
    data = rates.cost(kind)
    rate = own_rate if own_rate is not None else (data.amount_eur if data else None)
    number = row.number if row else None
    if rate is None:
        detail = ngettext(
            "%(count)d participant: enter your National Agency's amount per participant.",
            "%(count)d participants: enter your National Agency's amount per participant.",
            count,
        ) % {"count": count}
        if row is not None:  # an activity's own unit cost (preparatory visits)
            detail = _("The amount per person is not confirmed: ask your National Agency.")
        return Line(kind, label, detail, None, number)
    detail = _("%(count)d × € %(rate)d") % {"count": count, "rate": rate}
    confirmed = own_rate is not None or (data is not None and data.confirmed)
    year = data.call_year if data and own_rate is None else None
    return Line(kind, label, detail, count * rate, number, year, confirmed, own_rate is not None)


def _named(rows):
    # Linguistic support, Programme Guide 2026, p. 101: it depends on each participant's needs.
    named = [
        _(
            "Inclusion support for participants: real costs for needs linked to fewer "
            "opportunities or a disability, justified in the application."
        ),
        # xgettext:no-python-format
        _(  # a plain sentence: its % signs are not formatting
            "Exceptional costs for expensive travel: up to 80% of real travel costs when the unit "
            "cost covers less than 70% of them."
        ),
        _("Exceptional costs for visas and other entry requirements: real costs."),
        _(
            "Linguistic support: € 150 per participant when Online Language Support does not "
            "offer the language or level, and € 150 more for every ErasmusPro participant."
        ),
    ]
    if any(row.green for row in rows):
        named.append(
            _("Green travel: individual support may pay up to %(extra)d more travel days.")
            % {"extra": EXTRA_GREEN_TRAVEL_DAYS}
        )
    return tuple(named)


def load_rates() -> Rates:
    """Return the travel bands, country groups, unit costs and agencies' rates that apply to the
    call the request describes, each the latest up to its year (4 queries).

    A territory taking part as a member state (``Country.member_state``) is in that state's group
    and, with the EU member states and associated countries, in ``in_programme``.
    """
    year = active_year() or 0
    # The call's countries with every country group they are in up to its year: one row per
    # country and group (or one without a group).
    rows = list(
        Country.objects.in_call(year)
        .annotate(
            group=FilteredRelation(
                "support_groups", condition=Q(support_groups__call_year__lte=year)
            )
        )
        .values_list(
            "code",
            "status",
            "member_state_id",
            "group__number",
            "group__call_year",
            "group__confirmed",
        )
    )
    latest = max((row[4] for row in rows if row[4] is not None), default=None)
    groups = {code: (number, ok) for code, _s, _m, number, at, ok in rows if at == latest}
    countries = {(code, status, member_state) for code, status, member_state, *_group in rows}
    for code, _status, member_state in countries:
        if member_state and code not in groups and member_state in groups:
            groups[code] = groups[member_state]
    in_programme = frozenset(
        code
        for code, status, member_state in countries
        if member_state or status != Country.Status.NON_ASSOCIATED
    )
    costs = [
        Cost(
            c.cost,
            c.call_year,
            c.amount_eur,
            c.participant,
            c.country_group,
            c.max_days,
            c.reduced_from_day,
            c.reduced_percent,
            c.confirmed,
            c.activity.code if c.activity_id else None,
            c.min_amount_eur,
            c.max_amount_eur,
            c.reduced_after_participants,
            c.reduced_amount_eur,
        )
        for c in UnitCost.objects.filter(call_year__lte=year).select_related("activity")
    ]
    return Rates(load_bands(), groups, latest, costs, in_programme, load_agency_rates())


def load_agency_rates():
    """Return the National Agencies' latest published daily rates (one query).

    Only agencies of a whole country: where each community has its own agency (Belgium), the
    planner cannot tell which one from a town.
    """
    latest = {}
    rows = AgencyRate.objects.filter(agency__community="", call_year__lte=active_year() or 0)
    rows = rows.select_related("agency")
    for rate in rows.order_by("call_year"):
        key = (rate.agency.country_id, rate.participant, rate.country_group)
        latest[key] = (rate.amount_eur, rate.call_year, rate.agency.name)
    return latest
