"""How the pages look and read: no sideways scrolling, no words broken inside cards and
summary lists, a menu that works without JavaScript, one note on unconfirmed facts, and the
brochure's whole story within two clicks of the home page."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db

WIDTHS = [320, 390, 1280, 1920]
# Pages in states the sitemap does not list.
STATES = [
    "/nl/formats/?goal=cooperate&newcomer=on",
    "/en/compare/?formats=KA210-VET&formats=KA220-VET&formats=ERASMUS-EDU-PEX-COVE",
    "/nl/search/?q=partnerschappen",
    "/nl/check/?country=NL&organisation_type=vet_provider&partners=DE&partners=FR",
    "/en/check/?country=BE&community=nl&goal=cooperate&partners=DE&partners=ES&partners=MA",
    "/nl/check/?country=NL&goal=send_learners&partners=ES&participants=20",
    "/nl/check/start/?country=DE&goal=send_learners&first_time=1&participants=10",
    "/nl/check/plan/?activity=learner_short_term&participants=4&days=30&city=Madrid&travel=green",
    "/nl/check/distance/?origin=Utrecht&destination=Nairobi",
    "/nl/deadlines/",
]
# Words in cards and summary lists (between spaces, hyphens, soft hyphens and slashes) that
# wrap onto two lines: a break anywhere else is a break inside a word.
BROKEN_WORDS = """() => {
  const top = (node, index) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    // A letter after a soft hyphen also reports the hyphen drawn at the end of the line above.
    const rects = [...range.getClientRects()].sort((a, b) => b.width - a.width);
    return rects.length && rects[0].width > 0 ? Math.round(rects[0].top) : null;
  };
  const broken = [];
  for (const box of document.querySelectorAll('.card, .summary-list, .answers dl, .facts')) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.code, .visually-hidden')) continue;
      for (const match of node.data.matchAll(/[^\\s\\-\\/–·\\u00ad]{2,}/g)) {
        const first = top(node, match.index);
        const last = top(node, match.index + match[0].length - 1);
        if (first !== null && last !== null && first !== last) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def sitemap_paths(page, url):
    sitemap = page.request.get(f"{url}/sitemap.xml").text()
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]


def test_no_page_scrolls_sideways_or_breaks_a_word_in_a_card(page, live_programme):
    paths = sitemap_paths(page, live_programme.url) + STATES
    assert len(paths) >= 60
    problems = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(live_programme.url + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{path} at {width}px scrolls sideways by {overflow}px")
            broken = page.evaluate(BROKEN_WORDS)
            if broken:
                problems.append(f"{path} at {width}px breaks {sorted(set(broken))}")
    assert not problems, "\n".join(problems)


def test_the_word_check_finds_a_word_broken_across_lines(page, live_programme):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_programme.url}/nl/")
    assert page.evaluate(BROKEN_WORDS) == []

    page.evaluate(
        """() => document.querySelectorAll('.card dd').forEach(dd => {
          dd.style.width = '3rem';
          dd.style.overflowWrap = 'anywhere';
        })"""
    )

    assert page.evaluate(BROKEN_WORDS)


@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_opens_on_a_phone_and_holds_six_links(browser, live_programme, javascript):
    context = browser.new_context(
        java_script_enabled=javascript, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    page.goto(f"{live_programme.url}/nl/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    links = menu.get_by_role("link")

    expect(links.first).to_be_hidden()
    menu.get_by_text("Menu").click()
    expect(links).to_have_count(6)
    for number in range(6):
        expect(links.nth(number)).to_be_visible()
    links.get_by_text("Deadlines").click()
    expect(page).to_have_url(f"{live_programme.url}/nl/deadlines/")
    context.close()


def test_the_menu_is_a_row_of_links_on_a_wide_screen(page, live_programme):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_programme.url}/en/formats/")
    menu = page.get_by_role("navigation", name="Main")

    expect(menu.get_by_text("Menu")).to_be_hidden()
    expect(menu.get_by_role("link")).to_have_count(6)
    expect(menu.get_by_role("link", name="Formats")).to_have_attribute("aria-current", "page")
    tops = {
        round(box["y"]) for box in (link.bounding_box() for link in menu.get_by_role("link").all())
    }
    assert len(tops) == 1  # one row


def test_unconfirmed_facts_get_one_note_and_a_marker_each(page, live_programme):
    page.goto(f"{live_programme.url}/en/formats/ERASMUS-EDU-PI-ALL-INNO-EDU-ENTERP/")
    note = page.locator("#unconfirmed-facts")

    expect(note).to_be_visible()
    expect(note).to_contain_text("Funding & Tenders Portal")
    expect(
        page.get_by_role("heading", name="Not every fact on this page is confirmed")
    ).to_have_count(1)
    assert page.locator("main a.marker").count() >= 1
    expect(page.locator(".unconfirmed")).to_have_count(0)

    page.goto(f"{live_programme.url}/en/about/")
    expect(page.locator("#unconfirmed-facts")).to_be_hidden()


# Each item of the brochure: the section on the story page, and words it must say.
STORY = {
    "nl": [
        ("what", ["2021", "onderwijs, opleiding, jeugd en sport"]),
        (
            "priorities",
            [
                "virtuele leeractiviteiten",
                "digitale hulpmiddelen",
                "eTwinning",
                "trein",
                "inclusiesteun voor organisaties",
            ],
        ),
        (
            "countries",
            [
                "IJsland",
                "Liechtenstein",
                "Noord-Macedonië",
                "Noorwegen",
                "Servië",
                "Turkije",
                "als partner",
            ],
        ),
        ("who", ["Nationaal Agentschap"]),
        ("beyond-europe", ["Erasmus-accreditatie", "p. 87", "p. 89"]),
        ("consortia", ["coördinator met een Erasmus-accreditatie"]),
        ("cove", ["ten minste acht partners", "kwaliteit"]),
        ("voices", ["Electric Urban Mobility"]),
        ("results", ["platform voor projectresultaten"]),
        ("apply", ["Nationaal Agentschap", "EACEA", "Funding & Tenders Portal"]),
    ],
    "en": [
        ("what", ["2021", "education, training, youth and sport"]),
        (
            "priorities",
            [
                "virtual learning activities",
                "digital tools",
                "eTwinning",
                "train",
                "inclusion support for organisations",
            ],
        ),
        (
            "countries",
            [
                "Iceland",
                "Liechtenstein",
                "North Macedonia",
                "Norway",
                "Serbia",
                "Türkiye",
                "as partners",
            ],
        ),
        ("who", ["National Agency"]),
        ("beyond-europe", ["Erasmus accreditation", "pp. 87", "89"]),
        ("consortia", ["coordinator that holds an Erasmus accreditation"]),
        ("cove", ["at least eight partners", "quality"]),
        ("voices", ["Electric Urban Mobility"]),
        ("results", ["Project Results Platform"]),
        ("apply", ["National Agency", "EACEA", "Funding & Tenders Portal"]),
    ],
}
ABOUT = {"nl": "Over Erasmus+", "en": "About Erasmus+"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_brochures_story_is_two_clicks_from_home(page, live_programme, language):
    for section, words in STORY[language]:
        page.goto(f"{live_programme.url}/{language}/")
        page.get_by_role("navigation", name=re.compile("Hoofdmenu|Main")).get_by_role(
            "link", name=ABOUT[language]
        ).click()  # first click
        page.locator(f'.contents a[href="#{section}"]').click()  # second click

        expect(page).to_have_url(re.compile(f"/{language}/erasmus-plus/#{section}$"))
        target = page.locator(f"section#{section}")
        expect(target).to_be_in_viewport()
        for word in words:
            expect(target).to_contain_text(word)
        expect(target.locator(".source")).not_to_have_count(0)  # each item names its source

    member_states = page.locator("#countries ul.country-list").nth(1).locator("li")
    expect(member_states).to_have_count(27)
    expect(page.locator("#countries ul.country-list").first.locator("li")).to_have_count(6)
