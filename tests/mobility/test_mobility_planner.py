"""The planner page: the plan in the URL, rows added and removed, checks, estimate, CSV."""

import csv
import io
import re

import pytest
from django.utils.html import escape

from opportunities.models import (
    Agency,
    AgencyRate,
    CountryGroup,
    Format,
    MobilityActivity,
    UnitCost,
)
from tests.factories import make_format

pytestmark = pytest.mark.django_db

URL = "/en/check/plan/"
PLAN = {
    "origin": "Utrecht",
    "months": "12",
    "activity": ["learner_group", "staff_job_shadowing", "accompanying_person"],
    "participants": ["20", "3", "2"],
    "days": ["10", "5", "10"],
    "city": ["Madrid", "Lisbon", "Madrid"],
    "travel": ["green", "standard", "green"],
    "rate_learners_2": "60",
}


def test_empty_planner_asks_for_activities(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'name="activity"' in response.text
    assert "This field is required" not in response.text
    assert "Your plan" not in response.text


def test_a_plan_is_checked_and_estimated(client, django_assert_max_num_queries):
    # +1: the page cache's programme version; +1: the countries' status and member states;
    # +1: the National Agencies' published daily rates.
    with django_assert_max_num_queries(9):
        response = client.get(URL, PLAN)

    assert response.status_code == 200
    text = response.text
    assert "<html" in text
    assert "23 participants count towards the cap of 30" in text
    assert "12 months; a KA122-VET project lasts 6 to 18 months" in text
    assert "20 × € 417" in text  # green travel, 500–1,999 km band
    assert "20 × 12 × € 60" in text  # the rate the coordinator entered
    assert "(your National Agency" in text
    assert "Your National Agency decides the grant" in text
    assert "2026" in text
    # Programme Guide 2026, p. 99: staff in Portugal and accompanying persons in Spain (staff
    # rates, fn 106), country group 2, at 95 to 169 a day; the rest is exact.
    assert "3 × 7 × € 95 to € 169 a day" in text
    assert "Group mobility of VET learners: 20 × € 100" in text  # organisational support, p. 98
    assert "Job shadowing: 3 × € 350" in text or "3 × € 350" in text
    assert 'id="estimate-total">€ 31,826 – € 35,156' in text


def test_htmx_gets_the_planner_and_the_status(client):
    response = client.get(URL, PLAN, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="planner"' in response.text
    assert 'id="plan-status" class="visually-hidden" aria-live="polite" data-hx-swap-oob' in (
        response.text
    )


@pytest.mark.parametrize(
    ("learners", "fits"), [("26", True), ("27", False)], ids=["30 counted", "31 counted"]
)
def test_cap_of_30_leaves_accompanying_persons_out(client, learners, fits):
    plan = {**PLAN, "participants": [learners, "4", "6"]}

    response = client.get(URL, plan)

    assert ("Passed:</span> 30 participants" in response.text) is fits
    assert ("Fails:</span> 31 participants" in response.text) is not fits
    assert ('id="plan-advice"' in response.text) is not fits


@pytest.mark.parametrize(("months", "fits"), [("18", True), ("20", False)])
def test_project_lasts_at_most_18_months(client, months, fits):
    response = client.get(URL, {**PLAN, "months": months})

    assert (f"Passed:</span> {months} months" in response.text) is fits
    assert ("Erasmus accreditation (KA120-VET)" in response.text) is not fits


def test_a_row_that_does_not_fit_suggests_another_activity(client):
    plan = {**PLAN, "activity": ["learner_short_term"], "participants": ["1"], "days": ["7"]}
    plan.update(city=["Madrid"], travel=["standard"])

    response = client.get(URL, plan)

    assert "Fits instead: Participation in VET skills competitions" in response.text


@pytest.mark.parametrize(("answer", "message"), [("1", "as they must"), ("0", "must lead")])
def test_the_host_led_answer_is_checked_on_each_activity_abroad(client, answer, message):
    response = client.get(URL, {**PLAN, "host_led": answer})

    # Group mobility and job shadowing go abroad; the accompanying person has no such rule.
    assert response.text.count(message) == 2
    assert response.text.count("(From the 2026 call.)") == 2


@pytest.mark.parametrize(("fewer", "passes"), [("1", True), ("0", False)])
def test_a_row_answers_fewer_opportunities_for_the_shorter_minimum(client, fewer, passes):
    plan = {**PLAN, "activity": ["learner_short_term"], "participants": ["2"], "days": ["7"]}
    plan.update(city=["Madrid"], travel=["standard"], fewer=[fewer])

    response = client.get(URL, plan)

    assert ("Passed:</span> 7 days: participants with fewer opportunities" in response.text) is (
        passes
    )
    assert ("Fits instead" in response.text) is not passes


@pytest.mark.parametrize(("entered", "expected"), [("", "20 × € 100"), ("5", "5 × € 100")])
def test_inclusion_support_counts_the_rows_marked_unless_a_number_is_entered(
    client, entered, expected
):
    plan = {**PLAN, "fewer": ["1", "0", ""], "rate_inclusion": "100"}
    plan["fewer_opportunities"] = entered

    response = client.get(URL, plan)

    assert expected in response.text


def test_town_boxes_ask_for_suggestions_into_their_own_list(client):
    response = client.get(URL, PLAN)

    for box in ("id_origin", "row-1-city", "row-3-city"):
        assert f'list="{box}-places"' in response.text
        assert f'<datalist id="{box}-places">' in response.text
    assert 'data-hx-get="/en/check/distance/places/?field=city"' in response.text


def test_add_row_without_javascript_redirects_to_the_plan(client):
    response = client.get(URL, {**PLAN, "add_row": "1"})

    assert response.status_code == 302
    assert "add_row" not in response["Location"]
    assert response["Location"].count("activity=") == 4


def test_remove_row_without_javascript_redirects_to_the_plan(client):
    response = client.get(URL, {**PLAN, "remove_row": "1"})

    assert response.status_code == 302
    assert "staff_job_shadowing" not in response["Location"]
    assert response["Location"].count("activity=") == 2


def test_add_row_with_htmx_swaps_in_place_and_pushes_the_url(client):
    response = client.get(URL, {**PLAN, "add_row": "1"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="row-4-activity"' in response.text
    assert "add_row" not in response["HX-Push-Url"]
    assert "autofocus" in response.text


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"days": ["abc", "5", "10"]}, "Enter a whole number"),
        ({"city": ["Xyzzyville", "Lisbon", "Madrid"]}, "We cannot find “Xyzzyville”"),
        ({"activity": ["holiday", "staff_job_shadowing", "accompanying_person"]}, "valid choice"),
        ({"participants": ["", "3", "2"]}, "This field is required"),
        ({"months": "-1"}, "greater than or equal to 1"),
        ({"rate_staff_1": "lots"}, "Enter a whole number"),
        ({"origin": "Qwxzville"}, "We cannot find “Qwxzville”"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field(client, change, message):
    response = client.get(URL, {**PLAN, **change})

    assert response.status_code == 400
    assert "Some answers need correcting" in response.text
    assert message in response.text
    assert "Your plan" not in response.text


def test_a_change_with_htmx_updates_only_the_result(client):
    headers = {"HX-Request": "true", "HX-Target": "plan-result"}

    response = client.get(URL, PLAN, headers=headers)

    assert response.status_code == 200
    assert response.text.strip().startswith('<div id="plan-result">')
    assert 'name="activity"' not in response.text
    assert 'id="estimate-total"' in response.text
    assert 'id="plan-status"' in response.text


def test_bad_input_with_htmx_is_swapped_in(client):
    headers = {"HX-Request": "true", "HX-Target": "plan-result"}

    response = client.get(URL, {**PLAN, "days": ["abc", "5", "10"]}, headers=headers)

    assert response.status_code == 400  # base.html has htmx swap a 400
    assert 'role="alert"' in response.text
    assert "Days 1: Enter a whole number" in response.text


def test_htmx_row_being_filled_in_raises_no_alarm(client):
    headers = {"HX-Request": "true", "HX-Target": "plan-result"}

    response = client.get(URL, {"activity": "staff_course", "participants": ""}, headers=headers)

    assert response.status_code == 200
    assert 'role="alert"' not in response.text
    assert 'id="estimate-total"' not in response.text


def test_too_many_rows_are_cut(client):
    plan = {key: value * 30 if isinstance(value, list) else value for key, value in PLAN.items()}

    response = client.get(URL, plan)

    assert response.status_code == 200
    assert 'id="row-40-activity"' in response.text
    assert 'id="row-41-activity"' not in response.text


def test_dutch_planner(client):
    response = client.get("/nl/check/plan/", PLAN)

    assert response.status_code == 200
    assert 'lang="nl"' in response.text


def test_csv_download_holds_the_plan_and_its_estimate(client):
    response = client.get("/en/check/plan/estimate.csv", PLAN)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0][:3] == ["Row", "Activity", "Participants"]
    assert rows[1][:6] == [
        "1",
        "Group mobility of VET learners",
        "20",
        "10",
        "Madrid, ES",
        "Travel",
    ]
    assert rows[1][7] == "8340"
    assert rows[-1][5:8] == ["Total", "", "31826-35156"]


def test_csv_writes_a_formula_in_an_activity_name_as_text(client):
    MobilityActivity.objects.filter(code="learner_group").update(name_en="@SUM(A1:A9)")

    response = client.get("/en/check/plan/estimate.csv", PLAN)

    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[1][1] == "'@SUM(A1:A9)"
    assert '"\'@SUM(A1:A9)"' in response.text


def test_csv_of_a_bad_plan_is_a_400(client):
    response = client.get("/en/check/plan/estimate.csv", {**PLAN, "days": "x"})

    assert response.status_code == 400
    assert "planner" in response.text


def test_the_planner_checks_the_format_marked_plannable(client):
    Format.objects.filter(code="KA122-VET").update(plannable=False)
    make_format("TEST-PLAN", plannable=True, max_participants=10)

    response = client.get(URL, PLAN)

    assert "23 participants count towards the cap of 10 of a TEST-PLAN project" in response.text


def test_without_a_plannable_format_the_activities_are_still_checked(client):
    Format.objects.update(plannable=False)

    response = client.get(URL, PLAN)

    assert response.status_code == 200
    assert 'id="plan-project"' not in response.text
    assert 'id="plan-row-3"' in response.text
    assert 'id="estimate-total"' in response.text


def test_the_rate_boxes_follow_the_country_groups_in_the_data(client):
    plan = {**PLAN, "city": ["Tirana", "Lisbon", "Madrid"], "rate_learners_4": "50"}
    assert 'name="rate_learners_4"' not in client.get(URL).text

    CountryGroup.objects.create(call_year=2026, number=4).countries.add("AL")
    response = client.get(URL, plan)

    assert 'name="rate_learners_4"' in response.text
    assert 'name="rate_staff_4"' in response.text
    assert "Country group 4, 12 days (2 travel days included): 20 × 12 × € 50" in response.text


def cost_lines(client, plan):
    rows = csv.reader(io.StringIO(client.get("/en/check/plan/estimate.csv", plan).text))
    return [(row[1], row[5]) for row in rows]


def test_an_activity_is_paid_by_the_unit_cost_the_data_names(client):
    plan = {**PLAN, "activity": ["learner_group", "staff_job_shadowing", "preparatory_visit"]}
    visit = ("Preparatory visits", "Preparatory visits")
    assert visit in cost_lines(client, plan)

    for code, unit_cost in [
        ("preparatory_visit", ""),
        ("staff_job_shadowing", UnitCost.Cost.PREPARATORY_VISIT),
    ]:
        activity = MobilityActivity.objects.get(code=code)
        activity.unit_cost = unit_cost
        activity.save()  # as the admin does: the programme version changes

    lines = cost_lines(client, plan)
    assert visit not in lines
    assert ("Job shadowing", "Preparatory visits") in lines


def test_twenty_learners_to_valencia_get_a_total_range_with_every_cost(client):
    plan = {
        "origin": "Utrecht",
        "months": "12",
        "activity": ["learner_short_term"],
        "participants": ["20"],
        "days": ["21"],
        "city": ["Valencia"],
        "travel": ["standard"],
    }

    response = client.get(URL, plan)

    text = response.text
    estimate = response.context["result"]["estimate"]
    costs = {line.cost: line for line in estimate.lines}
    # Programme Guide 2026, pp. 98-99: Spain is in country group 2, learners 41 to 110 a day,
    # 70% of the rate from the 15th day; organisational support 350 per learner.
    support = costs["individual_support"]
    assert (support.amount, support.high) == (20 * (41 * 14 + 29 * 9), 20 * (110 * 14 + 77 * 9))
    assert costs["organisational_support"].amount == 20 * 350
    assert costs["travel"].amount == 20 * 309
    assert not estimate.missing
    assert estimate.total == 20 * 309 + support.amount + 20 * 350
    assert estimate.total_high == 20 * 309 + support.high + 20 * 350
    assert "not estimated" not in text
    total = f"€ {estimate.total:,} – € {estimate.total_high:,}"
    assert f'id="estimate-total">{total}' in text


@pytest.mark.parametrize(
    ("city", "fits"), [("Minsk", False), ("Moscow", False), ("Nairobi", False), ("Valencia", True)]
)
def test_a_short_term_project_stays_in_the_programmes_countries(client, city, fits):
    # Programme Guide 2026, pp. 87, 89: abroad in an EU member state or associated country;
    # other countries only for accredited organisations, and never Belarus or Russia.
    plan = {**PLAN, "city": [city, "Lisbon", city]}

    response = client.get(URL, plan)

    checks = response.context["result"]["verdict"].checks
    outside = [check for check in checks if check.rule == "destination"]
    assert (not outside) is fits
    if not fits:
        assert [check.status for check in outside] == ["fail", "fail"]
        assert "Activity 1" in outside[0].message and "Activity 3" in outside[1].message


def test_a_national_agencys_published_rate_replaces_the_range_and_says_so(client):
    agency = Agency.objects.national().get(country="NL")
    AgencyRate.objects.create(
        agency=agency, call_year=2026, participant="learners", country_group=2, amount_eur=70
    )
    AgencyRate.objects.create(
        agency=agency, call_year=2026, participant="staff", country_group=2, amount_eur=120
    )
    plan = {key: value for key, value in PLAN.items() if key != "rate_learners_2"}

    response = client.get(URL, plan)

    lines = [
        line
        for line in response.context["result"]["estimate"].lines
        if line.cost == "individual_support"
    ]
    assert [line.amount for line in lines] == [20 * 12 * 70, 3 * 7 * 120, 2 * 12 * 120]
    assert all(line.high is None for line in lines)
    assert escape(f"the daily rate {agency.name} published for 2026") in response.text
    estimate = response.context["result"]["estimate"]
    assert not estimate.is_range


def test_the_coordinators_own_rate_comes_before_the_agencys(client):
    agency = Agency.objects.national().get(country="NL")
    AgencyRate.objects.create(
        agency=agency, call_year=2026, participant="learners", country_group=2, amount_eur=70
    )

    response = client.get(URL, PLAN)  # with rate_learners_2=60

    assert "20 × 12 × € 60" in response.text


@pytest.mark.parametrize("activity", ["invited_expert", "hosting_teacher_in_training"])
def test_invited_participants_get_the_range_of_the_applicants_own_country(client, activity):
    """They stay at the beneficiary (p. 91), so its country is the receiving country (p. 99);
    the guide's ranges are for staff and learners and it does not say which applies."""
    plan = {
        "origin": "Utrecht",
        "months": "12",
        "activity": [activity],
        "participants": ["2"],
        "days": ["12"],
        "city": ["Madrid"],
        "travel": ["standard"],
    }

    response = client.get(URL, plan)

    estimate = response.context["result"]["estimate"]
    support = {line.cost: line for line in estimate.lines}["individual_support"]
    # The Netherlands is in country group 1: learners 48-127 a day, staff 107-191 (p. 99);
    # 12 days and 2 travel days, all at the full rate.
    assert (support.amount, support.high) == (2 * 14 * 48, 2 * 14 * 191)
    assert "Country group 1" in support.detail
    assert not estimate.missing


def test_invited_participants_need_the_applicants_town(client):
    plan = {"months": "12", "activity": ["invited_expert"], "participants": ["2"], "days": ["12"]}

    response = client.get(URL, plan)

    support = {line.cost: line for line in response.context["result"]["estimate"].lines}
    assert support["individual_support"].amount is None
    assert "Give your own town" in support["individual_support"].detail


def test_the_checker_links_an_accredited_project_to_the_planner_for_its_own_format(client):
    answers = "country=NL&organisation_type=vet_provider&accredited=true&goal=send_learners"
    text = client.get(f"/en/check/?{answers}&duration_months=15&participants=40").text

    links = set(re.findall(r'href="(/en/check/plan/[^"]*)"', text))
    assert "/en/check/plan/?participants=40&amp;months=15&amp;format=KA121-VET" in links


def test_the_planner_checks_another_formats_activities_and_budget_but_not_its_project(client):
    plan = {
        "format": "KA121-VET",
        "origin": "Utrecht",
        "months": "15",
        "activity": ["learner_short_term"],
        "participants": ["40"],
        "days": ["30"],
        "city": ["Madrid"],
    }

    response = client.get(URL, plan)

    result = response.context["result"]
    assert result["project"] is None  # KA122-VET's cap of 30 is not KA121-VET's
    assert result["other_format"][0] == "KA121-VET"
    assert "the planner checks each activity and estimates the budget" in response.text
    assert 'name="format" value="KA121-VET"' in response.text
    assert not result["estimate"].missing


def test_the_planner_refuses_a_format_outside_key_action_1(client):
    response = client.get(URL, {"format": "KA220-VET", "months": "12"})

    assert response.status_code == 400
    assert "The planner plans the mobility formats of Key Action 1 only." in response.text
