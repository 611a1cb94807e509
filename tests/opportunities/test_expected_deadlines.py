"""The next call's deadlines, expected from the same round of earlier calls."""

import datetime

import pytest

from opportunities.models import Deadline, expected_deadlines


def deadlines(*dates):
    """Deadlines from (call year, round, month, day)."""
    return [
        Deadline(call_year=year, round=number, date=datetime.date(year, month, day))
        for year, number, month, day in dates
    ]


def test_nothing_is_expected_without_earlier_deadlines():
    assert expected_deadlines([]) == []


def test_one_earlier_call_gives_its_month_and_part_of_the_month():
    [expected] = expected_deadlines(deadlines((2026, 1, 2, 19)))

    assert (expected.call_year, expected.round, expected.months) == (2027, 1, (2,))
    assert expected.part == "mid" and expected.first == datetime.date(2027, 2, 1)


def test_months_that_differ_over_the_last_three_calls_give_a_range():
    found = expected_deadlines(
        deadlines((2023, 1, 1, 5), (2024, 1, 5, 7), (2025, 1, 6, 11), (2026, 1, 9, 3))
    )

    assert [(e.months, e.first, e.last) for e in found] == [
        ((5, 6, 9), datetime.date(2027, 5, 1), datetime.date(2027, 9, 1))
    ]


def test_a_round_the_latest_call_did_not_hold_is_not_expected():
    found = expected_deadlines(deadlines((2025, 1, 2, 19), (2025, 2, 10, 1), (2026, 1, 2, 28)))

    assert [(e.round, e.part) for e in found] == [(1, "late")]


@pytest.mark.django_db
def test_the_deadlines_page_lists_the_expected_deadlines_as_expected(client):
    text = client.get("/nl/deadlines/", {"format": "KA122-VET"}).text
    expected = text[text.index('id="expected-title"') :]

    assert "Verwacht, nog niet bekendgemaakt" in expected
    period = '<time class="expected-period" datetime="{}">verwacht {}</time> (ronde {})'
    assert period.format("2027-02", "half februari 2027", 1) in expected
    assert period.format("2027-10", "begin oktober 2027", 2) in expected


@pytest.mark.django_db
def test_the_finder_counts_formats_with_an_expected_deadline_apart(client):
    page = client.get("/en/formats/", {"expected": "on"})
    listed = {fmt.code for fmt in page.context["formats"]}

    assert {"KA122-VET", "KA220-VET", "ERASMUS-EDU-PEX-COVE"} <= listed
    assert "ERASMUS-EDU-PI-FORWARD" not in listed  # not offered in the 2026 call
    assert "expected in mid-February 2027" in page.text
    option = next(
        o for g in page.context["groups"] for o in g["options"] if o["name"] == "expected"
    )
    assert option["count"] == len(listed)
