"""The estimate: each line from the data, the coordinator's own rates where the data has none."""

import pytest
from django.utils import translation

from mobility.budget import Cost, OwnRates, Rates, Row, estimate, load_rates
from mobility.distance import Band
from mobility.engine import Activity
from opportunities.calls import active_year
from opportunities.models import TravelBand, UnitCost

LEARNERS = Activity("learner_group", "Group mobility", "learners", 2, 30, min_participants=2)
STAFF = Activity("staff_job_shadowing", "Job shadowing", "staff", 2, 60)
COURSE = Activity("staff_course", "Courses", "staff", 2, 30, fee_days_max=10)
ESCORT = Activity("accompanying_person", "Accompanying", "support", counts_towards_cap=False)

RATES = Rates(
    bands=[Band(2024, 10, 99, 28, 56), Band(2024, 500, 1999, 309, 417)],
    groups={"ES": (2, True), "DE": (1, True)},
    group_year=2024,
    costs=[
        Cost("individual_support", 2024, None, "learners", 2, None, 15, 70, False),
        Cost("individual_support", 2024, 100, "staff", 1, confirmed=True),
        Cost("course_fees", 2021, 80, "staff", max_days=10, confirmed=False),
        Cost("organisational_support", 2024, None, confirmed=False),
    ],
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def row(activity=LEARNERS, participants=10, days=10, country="ES", km=1500, green=False):
    return Row(1, activity, participants, days, "Madrid, ES", country, km, green)


def lines(rows, own=None, fewer=0):
    return {line.cost: line for line in estimate(rows, RATES, own or OwnRates(), fewer).lines}


@pytest.mark.parametrize(("green", "amount"), [(False, 3090), (True, 4170)])
def test_travel_by_band_standard_or_green(green, amount):
    travel = lines([row(green=green)])["travel"]
    assert travel.amount == amount
    assert travel.call_year == 2024


def test_travel_needs_the_origin():
    assert lines([row(km=None)])["travel"].amount is None


def test_travel_below_the_first_band_is_not_estimated():
    assert lines([row(km=5)])["travel"].amount is None


def test_no_school_rate_is_used_for_vet_learners():
    support = lines([row()])["individual_support"]

    assert support.amount is None
    assert "enter your National Agency's daily rate" in support.detail


@pytest.mark.parametrize(
    ("days", "amount"),
    [
        (12, 10 * 14 * 50),  # 12 + 2 travel days = 14 days at the full rate
        (13, 10 * (14 * 50 + 1 * 35)),  # day 15 at 70 %
        (28, 10 * (14 * 50 + 16 * 35)),
    ],
)
def test_own_daily_rate_is_reduced_from_day_15_as_the_data_says(days, amount):
    own = OwnRates(daily={("learners", 2): 50})

    support = lines([row(days=days)], own)["individual_support"]

    assert support.amount == amount
    assert support.own_rate
    assert support.confirmed is (days <= 12)  # the 70 % rule is not confirmed for VET


def test_a_confirmed_rate_in_the_data_is_used():
    support = lines([row(STAFF, participants=2, days=3, country="DE")])["individual_support"]

    assert support.amount == 2 * 5 * 100
    assert support.confirmed


def test_a_destination_outside_the_groups_is_not_estimated():
    support = lines([row(country="KE")])["individual_support"]
    assert support.amount is None
    assert "no country group" in support.detail


def test_accompanying_persons_have_no_rate_to_enter():
    support = lines([row(ESCORT, participants=2)])["individual_support"]
    assert support.amount is None
    assert "ask your National Agency" in support.detail


@pytest.mark.parametrize(("days", "fee_days"), [(5, 5), (10, 10), (20, 10)])
def test_course_fees_for_at_most_ten_days_and_unconfirmed(days, fee_days):
    fees = lines([row(COURSE, participants=2, days=days)])["course_fees"]

    assert fees.amount == 2 * fee_days * 80
    assert not fees.confirmed
    assert fees.call_year == 2021


def test_organisational_support_leaves_out_accompanying_persons():
    own = OwnRates(organisational=300)

    support = lines([row(participants=8), row(ESCORT, participants=2)], own)
    assert support["organisational_support"].amount == 8 * 300


def test_inclusion_support_per_participant_with_fewer_opportunities():
    assert lines([row()], OwnRates(inclusion=125), fewer=3)["inclusion_support"].amount == 375
    assert lines([row()], fewer=3)["inclusion_support"].amount is None
    assert "inclusion_support" not in lines([row()])


def test_total_counts_only_estimated_lines_and_names_real_costs():
    result = estimate([row(green=True)], RATES, OwnRates(), 0)

    assert result.total == 4170
    assert len(result.missing) == 2
    assert any("visas" in text for text in result.named)
    assert any("more travel days" in text for text in result.named)
    assert result.call_years == (2024,)


@pytest.mark.django_db
def test_the_data_holds_the_2026_ranges_and_the_latest_bands(django_assert_num_queries):
    active_year()  # read with the programme version, before anything is built for a request
    with django_assert_num_queries(4):
        rates = load_rates()

    # Programme Guide 2026, p. 99: a range per country group; each NA fixes its exact rate.
    support = rates.cost("individual_support", "learners", 1)
    assert (support.call_year, support.amount_eur) == (2026, None)
    assert (support.min_amount_eur, support.max_amount_eur) == (48, 127)
    staff = rates.cost("individual_support", "staff", 3)
    assert (staff.min_amount_eur, staff.max_amount_eur) == (84, 148)
    assert [band.min_km for band in rates.bands] == [10, 100, 500, 2000, 3000, 4000, 8000]
    assert {band.call_year for band in rates.bands} == {2026}
    assert rates.groups["NL"] == (1, True)
    assert rates.groups["ES"] == (2, True)
    assert rates.groups["TR"] == (3, True)
    assert rates.groups["KE"] == (2, True)  # fn 107, p. 100
    assert rates.groups["RE"] == rates.groups["FR"]  # takes part as France
    assert "BY" not in rates.groups and "RU" not in rates.groups
    assert rates.agency_rates == {}  # no National Agency's published rate is in the data
    fees = rates.cost("course_fees", "staff")
    assert (fees.call_year, fees.amount_eur, fees.max_days, fees.confirmed) == (2026, 80, 10, True)


@pytest.mark.django_db
def test_bands_leave_no_gap_and_the_conflict_is_noted():
    bands = list(TravelBand.objects.filter(call_year=2024).order_by("min_km"))

    assert all(a.max_km + 1 == b.min_km for a, b in zip(bands, bands[1:], strict=False))
    assert bands[-1].max_km is None
    disputed = bands[5]
    assert (disputed.min_km, disputed.standard_eur, disputed.confirmed) == (4000, 1188, False)
    assert "1,180" in disputed.source_note and "1,188" in disputed.source_note
    assert all(band.source_url and band.source_note for band in bands)


@pytest.mark.django_db
def test_every_unit_cost_without_an_amount_or_range_is_unconfirmed():
    without = UnitCost.objects.filter(amount_eur__isnull=True)
    assert without.filter(min_amount_eur__isnull=False, max_amount_eur__isnull=False).exists()
    assert not without.filter(min_amount_eur__isnull=True, confirmed=True).exists()
    assert all(cost.source_url and cost.source_note for cost in UnitCost.objects.all())
