"""Journeys a VET teacher takes through the catalogue, in a real Chromium."""

import re
import subprocess
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import VNU

pytestmark = pytest.mark.django_db

# Pages in states the sitemap does not list: filtered, compared, searched.
STATES = [
    "formats/?goal=cooperate&newcomer=on",
    "compare/?formats=KA210-VET&formats=KA220-VET&formats=ERASMUS-EDU-PEX-COVE",
    "search/?q=partnerschappen",
    "search/?q=stage+lopen+in+het+buitenland",
]
OTHER = {"nl": ("en", "English"), "en": ("nl", "Nederlands")}
LANGUAGE_NAV = {"nl": "Taal", "en": "Language"}


def validate_all(paths):
    """Run the Nu HTML Checker once over many pages; fail with every error found."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_page_in_the_sitemap_is_accessible_valid_and_switches_language(
    page, live_programme, assert_accessible, tmp_path
):
    sitemap = page.request.get(f"{live_programme.url}/sitemap.xml").text()
    # The sitemap names the site address (DJANGO_SITE_URL); visit each path on the live server.
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    assert len(paths) >= 74  # 19 pages, 3 action lines and 15 formats, in two languages
    saved = []
    for number, path in enumerate(paths):
        response = page.goto(live_programme.url + path)
        language = path[1:3]
        other, name = OTHER[language]

        assert response.status == 200, path
        expect(page.locator("html")).to_have_attribute("lang", language)
        switch = page.get_by_role("navigation", name=LANGUAGE_NAV[language]).get_by_role(
            "link", name=name
        )
        expect(switch).to_have_attribute("href", path.replace(f"/{language}/", f"/{other}/", 1))
        assert_accessible(page)
        saved.append(tmp_path / f"page{number}.html")
        saved[-1].write_text(response.text(), encoding="utf-8")
    validate_all(saved)


@pytest.mark.parametrize("path", STATES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_filtered_compared_and_searched_pages_are_accessible_and_valid(
    page, live_programme, assert_accessible, assert_valid_html, path, language
):
    response = page.goto(f"{live_programme.url}/{language}/{path}")

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
    assert_valid_html(response.text())


def test_language_switch_stays_on_the_format_page(page, live_programme):
    page.goto(f"{live_programme.url}/nl/formats/KA122-VET/")

    page.get_by_role("navigation", name="Taal").get_by_role("link", name="English").click()

    expect(page).to_have_url(f"{live_programme.url}/en/formats/KA122-VET/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Short-term projects")


def test_from_home_to_a_format_page(page, live_programme):
    page.goto(f"{live_programme.url}/en/")

    page.get_by_role("link", name="Small-scale partnerships in vocational education").click()

    expect(page).to_have_url(f"{live_programme.url}/en/formats/KA210-VET/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Small-scale partnerships in vocational education and training"
    )
    expect(page.get_by_text("At least 2 organisations, yours included.")).to_be_visible()
    page.get_by_role("link", name="Check whether we are eligible").click()
    expect(page).to_have_url(f"{live_programme.url}/en/check/?format=KA210-VET")


def test_home_entry_point_leads_to_ways_without_applying(page, live_programme):
    page.goto(f"{live_programme.url}/nl/")

    page.get_by_role("link", name="Nog niet klaar voor een aanvraag?").click()

    expect(page).to_have_url(f"{live_programme.url}/nl/actions/KA1/#not-ready")
    expect(page.get_by_text("Gastorganisatie worden")).to_be_visible()


def test_finder_updates_results_and_url_without_reload(page, live_programme):
    page.goto(f"{live_programme.url}/en/formats/")
    page.evaluate("window.notReloaded = true")

    page.get_by_label("Work with partners abroad").check()
    expect(page.get_by_role("status")).to_have_text("9 formats match.")
    page.get_by_label("Your National Agency").check()

    expect(page.get_by_role("status")).to_have_text("2 formats match.")
    expect(page).to_have_url(
        re.compile(r"/en/formats/\?.*goal=cooperate.*managed_by=national_agency")
    )
    expect(page.locator("#finder-results .card")).to_have_count(2)
    expect(page.locator("#filter-newcomer-on-count")).to_have_text("1")
    assert page.evaluate("window.notReloaded") is True
    nederlands = page.get_by_role("navigation", name="Language").get_by_role(
        "link", name="Nederlands"
    )
    expect(nederlands).to_have_attribute("href", re.compile(r"goal=cooperate"))


def test_finder_works_without_javascript(browser, live_programme):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_programme.url}/nl/formats/")

    page.get_by_label("Samenwerken met partners in het buitenland").check()
    page.get_by_label("Uw Nationaal Agentschap").check()
    page.get_by_role("button", name="Toon projectvormen").click()

    expect(page).to_have_url(re.compile(r"goal=cooperate.*managed_by=national_agency"))
    expect(page.get_by_role("status")).to_have_text("2 projectvormen passen.")
    expect(page.locator("#finder-results .card")).to_have_count(2)
    context.close()


def test_finder_with_bad_parameters_shows_a_message(page, live_programme):
    response = page.goto(f"{live_programme.url}/en/formats/?grant=enormous")

    assert response.status == 400
    expect(page.get_by_text("Some filters were not understood")).to_be_visible()


def test_compare_three_formats(page, live_programme):
    page.goto(f"{live_programme.url}/en/compare/")

    page.get_by_label("Small-scale partnerships in vocational education and training").check()
    page.get_by_label("Cooperation partnerships in vocational education and training").check()
    page.get_by_label("Centres of Vocational Excellence").check()

    table = page.get_by_role("table", name="3 formats side by side")
    expect(table).to_be_visible()
    expect(table.get_by_role("columnheader")).to_have_count(3)
    expect(page).to_have_url(
        re.compile(r"formats=KA210-VET.*formats=KA220-VET.*formats=ERASMUS-EDU-PEX-COVE")
    )
    page.emulate_media(media="print")
    expect(page.locator("form.picker")).to_be_hidden()
    expect(table).to_be_visible()


@pytest.mark.parametrize(
    ("language", "query", "label", "expected"),
    [
        (
            "nl",
            "kleinschalige partnerschappen",
            "Zoek in het Nederlands of het Engels",
            "Kleinschalige partnerschappen in beroepsonderwijs en -opleiding",
        ),
        ("en", "job shadowing", "Search in Dutch or English", "Job shadowing"),
        (
            "nl",
            "stage lopen in het buitenland",
            "Zoek in het Nederlands of het Engels",
            "Kortlopende mobiliteitsprojecten in beroepsonderwijs en -opleiding",
        ),
        (
            "en",
            "kenniscentra voor beroepsopleiding",
            "Search in Dutch or English",
            "kenniscentra voor beroepsopleiding = Centres of Vocational Excellence",
        ),
    ],
)
def test_search_in_dutch_and_english(page, live_programme, language, query, label, expected):
    page.goto(f"{live_programme.url}/{language}/search/")

    page.get_by_label(label).fill(query)
    page.get_by_label(label).press("Enter")

    expect(page.locator("#search-results").get_by_role("link", name=expected)).to_be_visible()
    expect(page.locator("#search-results mark").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"/search/\?q="))


def test_the_browser_finds_the_icon(page, live_programme):
    page.goto(f"{live_programme.url}/nl/")
    icon = page.locator('link[rel="icon"]').get_attribute("href")

    for path in (icon, "/favicon.ico"):
        response = page.request.get(live_programme.url + path)
        assert response.status == 200, path
        assert response.headers["content-type"].startswith("image/svg+xml"), path
