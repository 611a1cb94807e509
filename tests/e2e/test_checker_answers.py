"""The checker answers a coordinator's goal, asks what it needs, and keeps what they type."""

import re

import pytest
from django.db import connection
from playwright.sync_api import expect

from opportunities.models import Agency

pytestmark = pytest.mark.django_db

SENDING = "/nl/check/?country=NL&goal=send_learners&partners=ES&participants=20"


def test_sending_learners_puts_the_short_term_project_first_and_fits_when_answered(
    page, live_programme
):
    page.goto(f"{live_programme.url}{SENDING}")
    result = page.locator("#result")
    expect(result.locator("article.verdict").first).to_have_id("verdict-KA122-VET")
    expect(result.locator(".verdict-heading").first).to_have_text("Uw antwoord nodig")

    page.get_by_label("Soort organisatie").select_option("vet_provider")
    page.get_by_label("Wij hebben een Erasmus-accreditatie").select_option("0")
    page.get_by_label("Subsidies voor kortlopende").fill("0")
    page.get_by_label("Looptijd van het project (maanden)").fill("12")
    page.get_by_role("button", name="Controleren").click()

    expect(page).to_have_url(re.compile("duration_months=12"))
    expect(result.locator(".verdict-heading").first).to_have_text("Past")
    expect(result.locator("article.verdict").first).to_have_id("verdict-KA122-VET")
    # Cooperation and Jean Monnet serve other goals: listed apart, closed.
    others = result.locator("details.other-formats")
    expect(others).not_to_have_attribute("open", "")
    expect(others.locator("summary")).to_contain_text("Andere projectvormen")
    expect(others.locator("#verdict-KA210-VET")).to_be_hidden()
    expect(result.locator("#verdict-KA210-VET")).to_have_count(1)
    # What to do now, for the formats that fit, with the planner filled in.
    steps = result.locator(".next-steps")
    expect(steps).to_contain_text("Organisation ID (OID)")
    expect(steps.get_by_role("link", name="Plan de activiteiten").first).to_have_attribute(
        "href", re.compile(r"/nl/check/plan/\?participants=20&months=12")
    )


def test_an_open_question_is_asked_next_to_the_verdict_and_answered_in_one_click(
    page, live_programme
):
    page.goto(f"{live_programme.url}{SENDING}")
    ka122 = page.locator("#verdict-KA122-VET")
    question = ka122.locator(".check-question", has_text="accreditatie")
    expect(question).to_contain_text("Uw antwoord nodig")
    field = question.get_by_role("link", name="Wij hebben een Erasmus-accreditatie")
    expect(field).to_have_attribute("href", "#id_accredited")

    question.get_by_role("link", name="Nee", exact=True).click()

    expect(page).to_have_url(re.compile("accredited=0"))
    expect(page.get_by_label("Wij hebben een Erasmus-accreditatie")).to_have_value("0")
    expect(page.locator("#verdict-KA122-VET .check-pass", has_text="accreditatie")).to_have_count(1)


def test_without_a_goal_the_result_asks_for_it_first(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/?country=NL&partners=ES")

    goal = page.locator(".goal-question")
    expect(goal).to_contain_text("What do you want to do?")
    goal.get_by_role("link", name="Send learners abroad").click()

    expect(page).to_have_url(re.compile("goal=send_learners"))
    expect(page.locator("#result article.verdict").first).to_have_id("verdict-KA122-VET")
    expect(page.locator(".goal-question")).to_have_count(0)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/nl/check/", "Deelnemers aan mobiliteitsactiviteiten"),
        ("/nl/check/start/", "Hoeveel lerenden of personeelsleden"),
    ],
)
def test_what_is_typed_while_a_result_loads_is_kept(page, live_programme, path, field):
    page.goto(f"{live_programme.url}{path}")
    network = page.context.new_cdp_session(page)
    network.send("Network.enable")
    network.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 800, "downloadThroughput": -1, "uploadThroughput": -1},
    )
    box = page.get_by_label(field)

    with page.expect_response(re.compile(r"country=NL")) as answer:
        page.get_by_label("Land van uw organisatie").select_option("NL")
        box.click()
        box.press_sequentially("20", delay=100)
    assert answer.value.status == 200
    page.wait_for_timeout(100)  # the swap follows the response

    expect(box).to_have_value("20")
    expect(box).to_be_focused()


def test_next_steps_give_the_national_agencys_e_mail_and_phone(page, live_programme):
    if connection.vendor != "sqlite":
        pytest.skip("the test edits an agency: run on SQLite, where the server sees it")
    agency = Agency.objects.get(code="nl")
    agency.email = "vragen@agency.example"
    agency.phone = "+31 (0)30 123 4567"
    agency.address = "Postbus 1\n1000 AA Stad"
    agency.contact_source_url = "https://agency.example/contact"
    agency.save()

    page.goto(
        f"{live_programme.url}{SENDING}&organisation_type=vet_provider&accredited=0"
        "&short_term_grants_last_5_years=0&duration_months=12"
    )

    steps = page.locator(".next-steps")
    ka122 = steps.locator(".next-formats > li", has_text="KA122-VET")
    expect(ka122.get_by_role("link", name="vragen@agency.example")).to_have_attribute(
        "href", "mailto:vragen@agency.example"
    )
    expect(ka122.get_by_role("link", name="+31 (0)30 123 4567")).to_have_attribute(
        "href", "tel:+31301234567"
    )
    expect(ka122).to_contain_text("Postbus 1")
    expect(ka122.locator(".deadline")).to_contain_text("verwacht")
    expect(steps).to_contain_text("EU Login")
