"""A page about another published call links to the pages of that call: one click from a 2026
page stays in 2026. Pages of the current call link exactly as before, without ``call=``."""

import re
from html import unescape

import pytest

from opportunities.call_years import copy_call, publish
from opportunities.models import Call

pytestmark = pytest.mark.django_db

SENDING = (
    "/en/check/?country=NL&goal=send_learners&partners=ES&participants=20&duration_months=12"
    "&organisation_type=vet_provider&accredited=0&short_term_grants_last_5_years=0"
)
PAGES = [
    "/en/",
    "/en/formats/",
    "/en/formats/?goal=cooperate&newcomer=on",
    "/en/formats/KA220-VET/",
    "/en/formats/KA122-VET/",
    "/en/actions/KA1/",
    "/en/compare/?formats=KA210-VET&formats=KA220-VET",
    "/en/check/?country=NL&partners=DE&partners=FR",
    # A KA122 project that fits: its next steps link to the planner.
    SENDING,
    "/en/check/start/?country=NL&goal=cooperate&first_time=1&participants=20",
    "/en/check/plan/?activity=learner_short_term&participants=20&days=30",
    "/en/check/distance/",
    "/en/deadlines/",
    "/en/search/?q=partnership",
    "/en/activities/",
    "/en/agencies/",
    "/en/inspiration/",
    "/en/terms/",
    "/en/erasmus-plus/",
    "/en/calls/2027/changes/",
]

# Pages whatever the call: their links need not keep it.
SAME_IN_EVERY_CALL = ("/en/about/", "/en/contact/", "/en/privacy/", "/en/accessibility/")
SAME_IN_EVERY_CALL += ("/en/open-data/", "/static/")


@pytest.fixture
def call_2027():
    """Publish 2027: 2026 is then a past call, asked for with ``?call=2026``."""
    publish(copy_call(Call.objects.get(year=2026), 2027))


def internal_links(html):
    """Return the page's links to its own site, but for the call bar's links to other calls."""
    html = re.sub(r'<div class="call-bar">.*?</div>', "", html, flags=re.DOTALL)
    hrefs = [unescape(href) for href in re.findall(r'<a [^>]*\bhref="([^"]*)"', html)]
    return [h for h in hrefs if h.startswith("/") and not h.startswith(SAME_IN_EVERY_CALL)]


def asked(path, year):
    return f"{path}{'&' if '?' in path else '?'}call={year}"


@pytest.mark.parametrize("path", PAGES)
def test_a_page_of_a_past_call_links_within_that_call(client, call_2027, path):
    client.get(path)  # the current call's page first: nothing it keeps may answer for 2026

    response = client.get(asked(path, 2026))

    assert response.status_code == 200
    links = internal_links(response.text)
    assert links
    assert [link for link in links if link.count("call=2026") != 1] == []
    assert not any("??" in link or "?&" in link for link in links)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_of_the_current_call_links_without_a_call(client, call_2027, path):
    client.get(asked(path, 2026))  # a past call's page first: nothing it keeps may answer now

    response = client.get(path)

    assert response.status_code == 200
    assert [link for link in internal_links(response.text) if "call=" in link] == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/", "/en/formats/KA220-VET/?call=2026"),
        ("/en/", "/en/check/?call=2026"),
        ("/en/formats/", "/en/formats/KA220-VET/?call=2026"),
        ("/en/formats/", "/api/v1/formats/?call=2026"),
        ("/en/formats/KA220-VET/", "/en/check/?format=KA220-VET&call=2026"),
        ("/en/formats/KA220-VET/", "/en/compare/?formats=KA220-VET&call=2026"),
        ("/en/formats/KA220-VET/", "/en/actions/KA2/?call=2026"),
        ("/en/formats/KA122-VET/", "/en/check/plan/?call=2026"),
        ("/en/formats/KA122-VET/", "/en/activities/?call=2026#costs"),
        ("/en/check/?country=NL&partners=DE&partners=FR", "/en/formats/KA220-VET/?call=2026"),
        ("/en/check/?country=NL&partners=DE&partners=FR", "/en/check/?call=2026"),
        (SENDING, "/en/check/plan/?participants=20&months=12&call=2026"),
        ("/en/deadlines/", "/en/formats/KA220-VET/?call=2026"),
        ("/en/search/?q=partnership", "/en/formats/KA220-VET/?call=2026"),
    ],
)
def test_a_past_call_keeps_its_year_in_these_links(client, call_2027, path, expected):
    links = internal_links(client.get(asked(path, 2026)).text)

    assert expected in links
    for nav in ("/en/erasmus-plus/", "/en/formats/", "/en/check/", "/en/check/plan/"):
        assert f"{nav}?call=2026" in links
    for nav in ("/en/deadlines/", "/en/agencies/", "/en/search/"):
        assert f"{nav}?call=2026" in links


def test_the_current_call_links_as_before(client, call_2027):
    links = internal_links(client.get("/en/formats/KA220-VET/").text)

    assert "/en/check/?format=KA220-VET" in links
    assert "/en/compare/?formats=KA220-VET" in links
    assert "/en/formats/" in links
