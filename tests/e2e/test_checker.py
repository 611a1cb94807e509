import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db


def fill_situation(page):
    page.get_by_label("Land van uw organisatie").select_option("NL")
    page.get_by_label("Soort organisatie").select_option("vet_provider")
    page.get_by_label("Partner 1: land").select_option("DE")


def test_checker_updates_live_and_adds_partner_rows_in_place(page, live_programme):
    page.goto(f"{live_programme.url}/nl/check/")
    page.evaluate("window.loadedOnce = true")

    fill_situation(page)
    page.get_by_role("button", name="Partner toevoegen").click()
    expect(page.get_by_label("Partner 2: land")).to_be_focused()
    page.get_by_label("Partner 2: land").select_option("FR")
    page.get_by_label("Looptijd van het project (maanden)").fill("24")
    page.get_by_label("Looptijd van het project (maanden)").press("Tab")

    ka220 = page.locator("#verdict-KA220-VET")
    expect(ka220).to_contain_text("3 verschillende lidstaten")
    expect(page.locator("#result-status")).to_contain_text("Resultaat")
    assert page.evaluate("window.loadedOnce") is True, "the page reloaded"
    assert "partners=DE" in page.url and "partners=FR" in page.url

    page.get_by_role("button", name="Verwijderen partner 2").click()
    expect(page.locator("#verdict-KA220-VET")).to_contain_text("2 verschillende lidstaten")
    expect(page.locator("#verdict-KA220-VET")).to_contain_text("KA210-VET")


def test_checker_works_without_javascript(browser, live_programme):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_programme.url}/nl/check/")

    fill_situation(page)
    page.get_by_role("button", name="Partner toevoegen").click()
    page.get_by_label("Partner 2: land").select_option("FR")
    page.get_by_role("button", name="Controleren").click()

    expect(page.locator("#verdict-KA220-VET")).to_contain_text("3 verschillende lidstaten")
    assert "partners=DE&partners=FR" in page.url
    context.close()


def test_bad_input_shows_a_message_next_to_the_field(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/?country=NL&duration_months=abc")

    expect(page.get_by_role("alert")).to_contain_text("Some answers need correcting")
    expect(page.locator(".field", has=page.locator("#id_duration_months"))).to_contain_text(
        "Enter a whole number"
    )


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    "query",
    [
        "",
        "?country=BE&community=de&partners=DE&partners=MA&duration_months=40&grant_eur=1",
        "?country=NL&goal=send_learners&partners=ES&participants=20&accredited=0",
        "?country=NL&goal=send_learners&partners=ES&participants=20&accredited=0"
        "&organisation_type=vet_provider&short_term_grants_last_5_years=0&duration_months=12",
    ],
    ids=["form", "result", "questions", "next-steps"],
)
def test_checker_pages_are_accessible_and_valid(
    page, live_programme, assert_accessible, assert_valid_html, language, query
):
    response = page.goto(f"{live_programme.url}/{language}/check/{query}")

    assert_accessible(page)
    assert_valid_html(response.text())


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("query", ["", "?country=NL&goal=cooperate&first_time=1&partner_count=1"])
def test_start_pages_are_accessible_and_valid(
    page, live_programme, assert_accessible, assert_valid_html, language, query
):
    response = page.goto(f"{live_programme.url}/{language}/check/start/{query}")

    assert_accessible(page)
    assert_valid_html(response.text())


def test_newcomer_path_leads_to_the_full_check(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/start/")

    page.get_by_label("Country of your organisation").select_option("NL")
    page.get_by_label("What do you want to do?").select_option("cooperate")
    page.get_by_label("With how many partner organisations abroad?").fill("1")
    page.get_by_role("button", name="Suggest a format").click()
    expect(page.locator("#suggestion")).to_contain_text("KA210-VET")
    page.get_by_role("link", name="Check this format in detail").click()

    expect(page.locator("#verdict-KA210-VET")).to_be_visible()
    assert "format=KA210-VET" in page.url
