import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/mobility/check"


def test_a_seven_day_placement_suggests_group_mobility_or_a_competition(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):  # +1: the page cache's programme version
        response = client.get(URL, {"activity": "learner_short_term", "days": 7, "lang": "en"})

    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"activity", "verdict", "checks", "suggestions"}
    assert data["activity"] == "learner_short_term"
    assert data["verdict"] == "unknown"
    assert data["checks"][0] == {
        "rule": "fewer_opportunities",
        "status": "unknown",
        "message": data["checks"][0]["message"],
    }
    assert "fewer opportunities" in data["checks"][0]["message"]
    assert data["suggestions"] == ["learner_group", "skills_competition"]


def test_long_job_shadowing_suggests_a_teaching_assignment(client):
    response = client.get(URL, {"activity": "staff_job_shadowing", "days": 75})

    assert response.json()["verdict"] == "not_eligible"
    assert response.json()["suggestions"] == ["staff_teaching"]


def test_every_optional_answer_is_used(client):
    response = client.get(
        URL,
        {
            "activity": "learner_group",
            "days": 5,
            "participants": 12,
            "fewer_opportunities": 0,
            "graduated_months_ago": 6,
            "lang": "en",
        },
    )

    data = response.json()
    assert data["verdict"] == "eligible"
    assert [check["rule"] for check in data["checks"]] == [
        "days",
        "participants",
        "graduated_within_months",
    ]


def test_host_led_answer_is_judged_by_the_2026_rule(client):
    response = client.get(
        URL, {"activity": "staff_teaching", "days": 5, "host_led": 0, "lang": "en"}
    )

    data = response.json()
    assert data["verdict"] == "not_eligible"
    assert data["checks"][-1]["rule"] == "host_led"
    assert data["checks"][-1]["status"] == "fail"
    assert "must lead" in data["checks"][-1]["message"]


def test_answers_in_dutch_by_default(client):
    response = client.get(URL, {"activity": "staff_course", "days": 40})

    assert "Cursussen" in response.json()["checks"][0]["message"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"days": 5}, "activity"),
        ({"activity": "holiday", "days": 5}, "activity"),
        ({"activity": "staff_course"}, "days"),
        ({"activity": "staff_course", "days": "abc"}, "days"),
        ({"activity": "staff_course", "days": 0}, "days"),
        (
            {"activity": "staff_course", "days": 5, "fewer_opportunities": "maybe"},
            "fewer_opportunities",
        ),
        ({"activity": "staff_course", "days": 5, "participants": -1}, "participants"),
        (
            {"activity": "staff_course", "days": 5, "graduated_months_ago": "x"},
            "graduated_months_ago",
        ),
        ({"activity": "staff_course", "days": 5, "shadows_per_mentor": 0}, "shadows_per_mentor"),
        ({"activity": "staff_course", "days": 5, "host_led": "maybe"}, "host_led"),
    ],
)
def test_bad_input_is_a_400_with_messages_per_field(client, params, field):
    response = client.get(URL, params)

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert all(isinstance(message, str) and message for message in errors[field])


def test_only_get(client):
    assert client.post(URL, {"activity": "staff_course", "days": 5}).status_code == 405
