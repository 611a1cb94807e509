"""With JavaScript on, the checker answers as without it: errors, whole pages after Back."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db


def test_invalid_input_shows_its_error_and_focuses_the_summary(page, live_programme):
    page.goto(f"{live_programme.url}/en/check/")
    page.evaluate("window.loadedOnce = true")

    page.get_by_label("Country of your organisation").select_option("NL")
    expect(page).to_have_url(re.compile("country=NL"))  # the whole form is swapped: wait
    duration = page.get_by_label("Project duration (months)")
    duration.fill("500")
    duration.press("Tab")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Project duration (months)")
    field = page.locator(".field", has=page.locator("#id_duration_months"))
    expect(field).to_contain_text("less than or equal to 120")
    expect(duration).to_have_value("500")
    assert page.evaluate("window.loadedOnce") is True, "the page reloaded"


def test_back_after_htmx_changes_restores_a_whole_page(page, live_programme):
    page.goto(f"{live_programme.url}/nl/check/")
    page.get_by_label("Land van uw organisatie").select_option("NL")
    expect(page).to_have_url(re.compile("country=NL"))
    page.get_by_label("Soort organisatie").select_option("vet_provider")
    expect(page).to_have_url(re.compile("organisation_type=vet_provider"))
    # Without htmx's own copy of the page, Back asks the server (a history restore).
    page.evaluate("sessionStorage.removeItem('htmx-history-cache')")
    with page.expect_request(lambda r: "hx-history-restore-request" in r.headers) as restore:
        page.go_back()
    assert restore.value.response().status == 200

    expect(page.locator("#checker")).to_have_count(1)
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("main")).to_have_count(1)
    expect(page.get_by_label("Soort organisatie")).to_have_value("")
    expect(page.get_by_label("Land van uw organisatie")).to_have_value("NL")

    page.go_forward()
    expect(page.get_by_label("Soort organisatie")).to_have_value("vet_provider")
    expect(page.locator("header.site-header")).to_have_count(1)
