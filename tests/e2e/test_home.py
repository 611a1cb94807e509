import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading", "first_line"),
    [
        ("nl", "Wat Erasmus+ biedt", "Actielijn 1"),
        ("en", "What Erasmus+ offers", "Key Action 1"),
    ],
)
def test_home_shows_action_lines_accessibly(
    page, live_programme, assert_accessible, assert_valid_html, language, heading, first_line
):
    response = page.goto(f"{live_programme.url}/{language}/")

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.locator(".action-line").get_by_role("heading", level=2).first).to_contain_text(
        first_line
    )
    expect(page.get_by_text("KA220-VET")).to_be_visible()
    assert_accessible(page)
    assert_valid_html(response.text())


def test_language_switch_keeps_the_page(page, live_programme):
    page.goto(f"{live_programme.url}/nl/")

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_programme.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
