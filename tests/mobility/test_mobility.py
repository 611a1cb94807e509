"""The activity check and the short-term project rules, at every limit's edge."""

import pytest
from django.utils import translation

from eligibility.verdicts import ELIGIBLE, NOT_ELIGIBLE, UNKNOWN
from mobility.engine import (
    Activity,
    Mobility,
    ProjectRules,
    Rule,
    check_activity,
    check_plan,
    load_activities,
    load_mobility_formats,
)

# Marked so pytest-django sets up the test database; the loaders below then read it once.
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def activities(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("en"):
        return load_activities()


@pytest.fixture(scope="module")
def short_term(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return load_mobility_formats().project


def verdict(activities, **plan):
    return check_activity(Mobility(**plan), activities).verdict


@pytest.mark.parametrize(
    ("activity", "days", "expected"),
    [
        ("learner_short_term", 10, ELIGIBLE),
        ("learner_short_term", 89, ELIGIBLE),
        ("learner_short_term", 90, NOT_ELIGIBLE),
        ("learner_short_term", 1, NOT_ELIGIBLE),
        ("learner_erasmuspro", 89, NOT_ELIGIBLE),
        ("learner_erasmuspro", 90, ELIGIBLE),
        ("learner_erasmuspro", 365, ELIGIBLE),
        ("learner_erasmuspro", 366, NOT_ELIGIBLE),
        ("skills_competition", 1, ELIGIBLE),
        ("skills_competition", 10, ELIGIBLE),
        ("skills_competition", 11, NOT_ELIGIBLE),
        ("staff_job_shadowing", 1, NOT_ELIGIBLE),
        ("staff_job_shadowing", 2, ELIGIBLE),
        ("staff_job_shadowing", 60, ELIGIBLE),
        ("staff_job_shadowing", 61, NOT_ELIGIBLE),
        ("staff_teaching", 2, ELIGIBLE),
        ("staff_teaching", 365, ELIGIBLE),
        ("staff_teaching", 366, NOT_ELIGIBLE),
        ("staff_course", 1, NOT_ELIGIBLE),
        ("staff_course", 10, ELIGIBLE),  # Programme Guide 2026, p. 86: 2 to 10 days
        ("staff_course", 11, NOT_ELIGIBLE),
        ("invited_expert", 2, ELIGIBLE),
        ("invited_expert", 60, ELIGIBLE),
        ("invited_expert", 61, NOT_ELIGIBLE),
        ("hosting_teacher_in_training", 9, NOT_ELIGIBLE),
        ("hosting_teacher_in_training", 10, ELIGIBLE),
        ("hosting_teacher_in_training", 365, ELIGIBLE),
        ("hosting_teacher_in_training", 366, NOT_ELIGIBLE),
        ("accompanying_person", 5, ELIGIBLE),
        ("preparatory_visit", 3, ELIGIBLE),
    ],
)
def test_days_at_each_limit(activities, activity, days, expected):
    assert verdict(activities, activity=activity, days=days) == expected


@pytest.mark.parametrize(
    ("participants", "expected"), [(None, UNKNOWN), (1, NOT_ELIGIBLE), (2, ELIGIBLE)]
)
def test_group_mobility_needs_two_learners(activities, participants, expected):
    plan = {"activity": "learner_group", "days": 2, "participants": participants}
    assert verdict(activities, **plan) == expected


@pytest.mark.parametrize(
    ("days", "fewer", "expected"),
    [
        (9, None, UNKNOWN),
        (9, True, ELIGIBLE),
        (9, False, NOT_ELIGIBLE),
        (2, True, ELIGIBLE),
        (1, True, NOT_ELIGIBLE),
        (10, False, ELIGIBLE),
    ],
)
def test_fewer_opportunities_allow_a_shorter_stay(activities, days, fewer, expected):
    plan = {"activity": "learner_short_term", "days": days, "fewer_opportunities": fewer}
    assert verdict(activities, **plan) == expected


@pytest.mark.parametrize(
    ("months", "expected"), [(0, ELIGIBLE), (12, ELIGIBLE), (13, NOT_ELIGIBLE)]
)
def test_recent_graduates_within_twelve_months(activities, months, expected):
    plan = {"activity": "learner_short_term", "days": 30, "graduated_months_ago": months}
    assert verdict(activities, **plan) == expected


@pytest.mark.parametrize(("months", "expected"), [(12, ELIGIBLE), (13, NOT_ELIGIBLE)])
def test_hosting_teachers_graduated_at_most_twelve_months_ago(activities, months, expected):
    # Programme Guide 2026, p. 91, fn 98.
    plan = {"activity": "hosting_teacher_in_training", "days": 30, "graduated_months_ago": months}
    assert verdict(activities, **plan) == expected


@pytest.mark.parametrize(("shadows", "expected"), [(1, ELIGIBLE), (2, ELIGIBLE), (3, NOT_ELIGIBLE)])
def test_at_most_two_shadow_the_same_mentor(activities, shadows, expected):
    # Programme Guide 2026, p. 86.
    result = check_activity(
        Mobility("staff_job_shadowing", 5, shadows_per_mentor=shadows), activities
    )

    assert result.verdict == expected
    assert result.checks[-1].rule == "shadows_per_mentor"


def test_shadows_per_mentor_judged_once_confirmed():
    rule = Rule(2, 2026, confirmed=True)
    shadowing = Activity(
        "shadow", "Job shadowing", "staff", 2, 60, rules={"shadows_per_mentor": rule}
    )
    activities = {"shadow": shadowing}

    assert (
        check_activity(Mobility("shadow", 5, shadows_per_mentor=2), activities).verdict == ELIGIBLE
    )
    assert (
        check_activity(Mobility("shadow", 5, shadows_per_mentor=3), activities).verdict
        == NOT_ELIGIBLE
    )


def test_shadows_are_not_asked_when_not_given(activities):
    assert verdict(activities, activity="staff_job_shadowing", days=5) == ELIGIBLE


@pytest.mark.parametrize(("host_led", "expected"), [(True, ELIGIBLE), (False, NOT_ELIGIBLE)])
def test_the_host_leads_every_activity_abroad(activities, host_led, expected):
    # Programme Guide 2026, p. 85.
    result = check_activity(Mobility("learner_short_term", 30, host_led=host_led), activities)

    assert result.verdict == expected
    assert result.checks[-1].rule == "host_led"


def test_host_led_judged_once_confirmed():
    rule = Rule(None, 2026, confirmed=True)
    course = Activity("course", "Course", "staff", 2, 30, rules={"host_led": rule})
    activities = {"course": course}

    led = check_activity(Mobility("course", 5, host_led=True), activities)
    not_led = check_activity(Mobility("course", 5, host_led=False), activities)

    assert led.verdict == ELIGIBLE
    assert not_led.verdict == NOT_ELIGIBLE
    assert not_led.checks[-1].rule == "host_led"
    assert "subsidiaries" in not_led.checks[-1].message


def test_host_led_applies_to_activities_abroad_only(activities):
    abroad = {code for code, activity in activities.items() if "host_led" in activity.rules}

    assert abroad == {
        "learner_short_term",
        "learner_erasmuspro",
        "learner_group",
        "skills_competition",
        "staff_job_shadowing",
        "staff_teaching",
        "staff_course",
    }
    expert = check_activity(Mobility("invited_expert", 5, host_led=False), activities)
    assert "host_led" not in [check.rule for check in expert.checks]


def test_an_unconfirmed_activity_never_fails():
    visit = Activity("visit", "Visit", "support", 1, 3, confirmed=False)

    result = check_activity(Mobility("visit", 10), {"visit": visit})

    assert result.verdict == UNKNOWN
    assert "not confirmed" in result.checks[0].message


@pytest.mark.parametrize(("participants", "expected"), [(3, ELIGIBLE), (4, NOT_ELIGIBLE)])
def test_at_most_three_persons_on_a_preparatory_visit(activities, participants, expected):
    # Programme Guide 2026, p. 91.
    plan = {"activity": "preparatory_visit", "days": 2, "participants": participants}
    assert verdict(activities, **plan) == expected


@pytest.mark.parametrize(
    ("plan", "suggestions"),
    [
        ({"activity": "learner_short_term", "days": 7}, ("learner_group", "skills_competition")),
        (
            {"activity": "learner_short_term", "days": 7, "participants": 1},
            ("skills_competition",),
        ),
        ({"activity": "staff_job_shadowing", "days": 75}, ("staff_teaching",)),
        ({"activity": "staff_course", "days": 40}, ("staff_job_shadowing", "staff_teaching")),
        ({"activity": "learner_short_term", "days": 30}, ()),
    ],
)
def test_a_failed_check_suggests_the_activity_that_fits(activities, plan, suggestions):
    assert check_activity(Mobility(**plan), activities).suggestions == suggestions


def test_messages_say_travel_days_are_not_counted(activities):
    result = check_activity(Mobility("staff_course", 40), activities)
    assert "travel days not counted" in result.checks[0].message


def rows(*pairs):
    return [Mobility(activity, days, participants=count) for activity, days, count in pairs]


@pytest.mark.parametrize(
    ("learners", "accompanying", "expected"),
    [(26, 4, ELIGIBLE), (26, 10, ELIGIBLE), (27, 4, NOT_ELIGIBLE)],
    ids=["30 counted", "30 counted and 10 accompanying", "31 counted"],
)
def test_short_term_cap_counts_neither_accompanying_persons_nor_visits(
    activities, short_term, learners, accompanying, expected
):
    plan = rows(
        ("learner_group", 10, learners),
        ("staff_job_shadowing", 5, 4),
        ("accompanying_person", 10, accompanying),
    )

    result = check_plan(plan, 12, short_term, activities)

    assert result.checks[0].rule == "max_participants"
    assert result.verdict == expected
    assert result.counted_participants == learners + 4
    assert result.uncounted_participants == accompanying
    assert result.rather_accreditation is (expected == NOT_ELIGIBLE)


@pytest.mark.parametrize(
    ("months", "expected"),
    [(None, UNKNOWN), (5, NOT_ELIGIBLE), (6, ELIGIBLE), (18, ELIGIBLE), (20, NOT_ELIGIBLE)],
)
def test_short_term_project_lasts_6_to_18_months(activities, short_term, months, expected):
    result = check_plan(rows(("learner_group", 10, 4)), months, short_term, activities)

    assert result.verdict == expected
    assert result.rather_accreditation is (months == 20)


def test_an_unconfirmed_project_rule_is_unknown(activities):
    project = ProjectRules("KA122-VET", "Short-term", 30, 6, 18, frozenset({"max_participants"}))

    result = check_plan(rows(("learner_group", 10, 40)), 12, project, activities)

    assert result.checks[0].status == UNKNOWN
    assert result.verdict == UNKNOWN


def test_short_term_rules_come_from_the_format_record(short_term):
    assert (short_term.max_participants, short_term.duration_min_months) == (30, 6)
    assert short_term.duration_max_months == 18
    assert short_term.alternative == "KA120-VET"
