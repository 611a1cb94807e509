"""A coordinator plans a short-term project in a real Chromium, with and without JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db

ROWS = [
    ("learner_group", "20", "10", "Madrid", "green"),
    ("staff_job_shadowing", "3", "5", "Lisbon", "standard"),
    ("accompanying_person", "2", "10", "Madrid", "green"),
]


def settle(page):
    """Wait until no HTMX request is in flight (the live server shares one SQLite connection)."""
    expect(page.locator(".htmx-request")).to_have_count(0)


def fill(page, label, value):
    field = page.get_by_label(label, exact=True)
    if field.evaluate("element => element.tagName") == "SELECT":
        field.select_option(value)
    else:
        field.fill(value)
        field.press("Tab")
    settle(page)


def fill_row(page, number, activity, participants, days, city, travel):
    fill(page, f"Activity {number}:", activity)
    fill(page, f"Participants {number}:", participants)
    fill(page, f"Days {number}:", days)
    fill(page, f"Destination {number}:", city)
    fill(page, f"Travel {number}:", travel)


def test_plan_with_three_rows_updates_the_estimate_in_place(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/plan/")
    page.evaluate("window.loadedOnce = true")
    fill(page, "Your town:", "Utrecht")
    expect(page.locator("#id_origin-places option").first).to_have_attribute("value", "Utrecht, NL")
    fill(page, "Project duration (months):", "12")

    for number, row in enumerate(ROWS, start=1):
        if number > 1:
            page.get_by_role("button", name="Add an activity").click()
            expect(page.get_by_label(f"Activity {number}:", exact=True)).to_be_focused()
            settle(page)
        fill_row(page, number, *row)
    fill(page, "Learners, country group 2:", "60")

    # Staff and accompanying persons in country group 2 are paid 95 to 169 a day (p. 99).
    expect(page.locator("#estimate-total")).to_have_text("€ 31,826 – € 35,156")
    expect(page.locator("#plan-row-3")).to_contain_text("Accompanying persons")
    expect(page.locator("#plan-project")).to_contain_text("23 participants count")
    expect(page.locator("#plan-status")).to_contain_text("Estimated grant")
    assert "city=Lisbon" in page.url and "rate_learners_2=60" in page.url

    fill(page, "Participants 1:", "26")
    expect(page.locator("#estimate-total")).to_have_text("€ 39,248 – € 42,578")

    page.get_by_role("button", name="Remove activity 2").click()
    expect(page.get_by_label("Activity 3:", exact=True)).to_have_count(0)
    expect(page.locator("#estimate-total")).to_have_text("€ 35,276 – € 37,052")
    assert page.evaluate("window.loadedOnce") is True, "the page reloaded"


def test_plan_works_without_javascript(browser, live_programme):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_programme.url}/en/check/plan/")

    page.get_by_label("Your town").fill("Utrecht")
    page.get_by_label("Project duration (months)").fill("12")
    fill_row(page, 1, *ROWS[0])
    for number, row in enumerate(ROWS[1:], start=2):
        page.get_by_role("button", name="Add an activity").click()
        fill_row(page, number, *row)
    page.get_by_label("Learners, country group 2").fill("60")
    page.get_by_role("button", name="Check and estimate").click()

    expect(page.locator("#estimate-total")).to_have_text("€ 31,826 – € 35,156")
    assert "activity=accompanying_person" in page.url

    page.get_by_label("Days 1:", exact=True).fill("12")
    page.get_by_label("Days 1:", exact=True).press("Enter")
    expect(page.locator("#estimate-total")).to_have_text("€ 34,226 – € 37,556")
    expect(page.get_by_label("Activity 3:", exact=True)).to_have_value("accompanying_person")
    context.close()


def test_unknown_destination_gets_a_message_next_to_the_field(page, live_programme):
    page.goto(
        f"{live_programme.url}/en/check/plan/?activity=staff_course&participants=1&days=5"
        "&city=Xyzzyville&travel=standard"
    )

    expect(page.get_by_role("alert")).to_contain_text("Destination 1")
    expect(page.locator(".field", has=page.locator("#row-1-city"))).to_contain_text(
        "We cannot find “Xyzzyville”"
    )


def test_distance_calculator_suggests_places_and_shows_the_band(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/distance/")

    page.get_by_label("From").press_sequentially("Rotter")
    expect(page.locator("#id_origin-places option").first).to_have_attribute(
        "value", "Rotterdam, NL"
    )
    page.get_by_label("From").fill("Utrecht")
    page.get_by_label("To").fill("Rotterdam")
    page.get_by_label("To").press("Enter")

    expect(page.locator("#distance-result")).to_contain_text("10–99 km")
    expect(page.locator("#distance-result")).to_contain_text("€ 56")


PAGES = [
    "check/plan/",
    "check/plan/?origin=Utrecht&months=20&activity=learner_short_term&participants=31&days=7"
    "&city=Nairobi&travel=standard&activity=staff_course&participants=2&days=12&city=Keulen"
    "&travel=green&rate_staff_1=120",
    "check/plan/?activity=staff_course&participants=x&days=5&city=Xyzzyville&travel=standard",
    # Another format's plan (activities and budget only), and an invited expert's range.
    "check/plan/?format=KA121-VET&origin=Utrecht&months=15&activity=invited_expert"
    "&participants=2&days=20&city=Madrid&travel=standard",
    "check/distance/",
    "check/distance/?origin=Amsterdam&destination=Nairobi",
    "check/distance/?origin=Xyzzyville&destination=",
    "deadlines/",
    "deadlines/?action_line=KA1",
]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_planner_pages_are_accessible_and_valid(
    page, live_programme, assert_accessible, assert_valid_html, language, path
):
    response = page.goto(f"{live_programme.url}/{language}/{path}")

    assert_accessible(page)
    assert_valid_html(response.text())


def test_the_budget_reads_whole_on_a_phone(page, live_programme):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(
        f"{live_programme.url}/nl/check/plan/?activity=learner_short_term&participants=20"
        "&days=21&city=Valencia&origin=Utrecht&months=12"
    )

    cells = page.locator("#estimate td, #estimate tfoot th")
    expect(cells.first).to_be_visible()
    right_edges = cells.evaluate_all("cells => cells.map(c => c.getBoundingClientRect().right)")
    assert len(right_edges) >= 10 and max(right_edges) <= 390
    total = page.locator("#estimate-total")
    expect(total).to_contain_text("€ 29.880")
    total.scroll_into_view_if_needed()
    expect(total).to_be_in_viewport(ratio=1)
    expect(page.get_by_role("link", name="Plan en schatting downloaden")).to_be_visible()
