"""Estimate the grant of a KA1 VET mobility plan from the unit costs in the data.

Programme facts §3: travel is a unit cost per participant by distance band (green or standard);
individual support is a daily rate by destination country group, reduced from a given day where
the data says so; organisational support and inclusion support for organisations are amounts per
participant; course fees are paid per day for a limited number of days. Inclusion support for
participants and exceptional costs are real costs: named, never estimated.

No VET daily rate, organisational-support or inclusion-support amount is confirmed for 2024-2026
(facts addendum §1), so the data leaves them empty and the coordinator enters their National
Agency's rates. The estimate never fills a gap with another sector's rate.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from opportunities.calls import active_year
from opportunities.models import CountryGroup, UnitCost

from .distance import Band, band_for, load_bands
from .engine import Activity

# Individual support pays up to 2 travel days with standard travel (facts §3.3: C [S61],
# [S61c], [S64]); green travel may add up to 4 more (addendum §5: C for VET [S61c]), which the
# estimate names but does not count, as the number depends on the journey.
TRAVEL_DAYS = 2
EXTRA_GREEN_TRAVEL_DAYS = 4
# The participants whose daily rate the planner asks for, per country group, when the data
# has none.
OWN_RATE_KINDS = ("learners", "staff")


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


@dataclass(frozen=True)
class Rates:
    bands: list[Band]
    groups: dict[str, tuple[int, bool]]
    group_year: int | None
    costs: list[Cost]

    @property
    def group_numbers(self):
        """Return the numbers of the country groups, in order."""
        return sorted({number for number, _confirmed in self.groups.values()})

    def cost(self, kind, participant="", group=0):
        """Return the latest cost row for the kind, participant and group, or ``None``."""
        rows = [
            c
            for c in self.costs
            if c.cost == kind
            and c.participant in (participant, "")
            and c.country_group in (group, 0)
        ]
        return max(rows, key=lambda c: (c.call_year, c.participant, c.country_group), default=None)


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


@dataclass(frozen=True)
class Estimate:
    lines: tuple[Line, ...]
    named: tuple[str, ...]
    call_years: tuple[int, ...]

    @property
    def total(self):
        return sum(line.amount for line in self.lines if line.amount is not None)

    @property
    def missing(self):
        return [line for line in self.lines if line.amount is None]

    @property
    def unconfirmed(self):
        return [line for line in self.lines if line.amount is not None and not line.confirmed]


def estimate(
    rows: list[Row], rates: Rates, own: OwnRates, fewer_opportunities: int = 0
) -> Estimate:
    """Return the estimate's lines: per activity row, then per project."""
    lines = []
    for row in rows:
        lines.append(_travel(row, rates))
        lines.append(_individual_support(row, rates, own))
        if row.activity.fee_days_max:
            lines.append(_course_fees(row, rates))
        if row.activity.unit_cost:
            lines.append(
                _per_participant(rates, row.activity.unit_cost, row.participants, None, row)
            )
    # Accompanying persons and preparatory visits are the activities outside the cap; they are
    # also outside organisational support (facts addendum §1.2, [S63c]).
    organised = sum(row.participants for row in rows if row.activity.counts_towards_cap)
    if organised:
        lines.append(
            _per_participant(rates, "organisational_support", organised, own.organisational)
        )
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


def _individual_support(row, rates, own):
    label = _("Individual support")
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
    if rate is None and data is not None:
        rate = data.amount_eur
    if rate is None and kind not in OWN_RATE_KINDS:
        detail = _("Our data has no daily rate for these participants: ask your National Agency.")
        return Line("individual_support", label, detail, None, row.number)
    if rate is None:
        detail = _(
            "Country group %(group)d: enter your National Agency's daily rate for these "
            "participants."
        ) % {"group": group}
        return Line("individual_support", label, detail, None, row.number)
    days = row.days + TRAVEL_DAYS
    reduced_from = data.reduced_from_day if data else None
    percent = data.reduced_percent if data else None
    full_days = days if not reduced_from or percent is None else min(days, reduced_from - 1)
    reduced_days = days - full_days
    amount = row.participants * rate * (full_days + reduced_days * (percent or 0) / 100)
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
    if reduced_days:
        detail += " " + _("+ %(reduced)d days at %(percent)d%% from day %(day)d") % {
            "reduced": reduced_days,
            "percent": percent,
            "day": reduced_from,
        }
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
        _("Language support: the current amount is not confirmed."),
    ]
    if any(row.green for row in rows):
        named.append(
            _("Green travel: individual support may pay up to %(extra)d more travel days.")
            % {"extra": EXTRA_GREEN_TRAVEL_DAYS}
        )
    return tuple(named)


def load_rates() -> Rates:
    """Return the travel bands, country groups and unit costs that apply to the call the
    request describes: each the latest up to its year (three queries)."""
    year = active_year() or 0
    members = list(
        CountryGroup.countries.through.objects.filter(
            countrygroup__call_year__lte=year
        ).values_list(
            "country_id",
            "countrygroup__number",
            "countrygroup__call_year",
            "countrygroup__confirmed",
        )
    )
    latest = max((year for _c, _n, year, _ok in members), default=None)
    groups = {code: (number, ok) for code, number, year, ok in members if year == latest}
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
        )
        for c in UnitCost.objects.filter(call_year__lte=year)
    ]
    return Rates(load_bands(), groups, latest, costs)
