"""The pages about the portal itself, its header and footer, and the programme's story."""

import re

import pytest
from django.conf import settings

from opportunities.models import Country, CountryStatus

pytestmark = pytest.mark.django_db

PORTAL_PAGES = ["about/", "contact/", "privacy/", "accessibility/", "open-data/", "erasmus-plus/"]


@pytest.mark.parametrize("path", PORTAL_PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_portal_pages_exist_in_both_languages_with_few_queries(
    client, django_assert_max_num_queries, path, language
):
    with django_assert_max_num_queries(6):
        response = client.get(f"/{language}/{path}")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


def test_the_operator_and_contact_address_come_from_settings(client, settings):
    settings.PORTAL_OPERATOR_NAME = "Stichting Voorbeeld"
    settings.PORTAL_CONTACT_EMAIL = "portaal@voorbeeld.example"

    about = client.get("/en/about/").text
    contact = client.get("/nl/contact/").text

    assert "The portal is run by Stichting Voorbeeld." in about
    assert '<a href="mailto:portaal@voorbeeld.example">portaal@voorbeeld.example</a>' in contact
    assert "Beheerd door Stichting Voorbeeld" in contact  # the footer


def test_without_a_contact_address_the_contact_page_says_so(client, settings):
    settings.PORTAL_CONTACT_EMAIL = ""

    text = client.get("/en/contact/").text

    assert "has not published a contact address for this installation yet" in text
    assert "mailto:" not in text


@pytest.mark.parametrize("path", ["/nl/", "/en/formats/KA220-VET/", "/nl/check/", "/en/about/"])
def test_public_pages_set_no_cookie(client, path):
    assert client.get(path).cookies == {}


def test_the_privacy_statement_names_the_only_cookies_the_portal_sets(client):
    text = client.get("/en/privacy/").text
    cookies = re.findall(r'<th scope="row"><code>([^<]+)</code></th>', text)

    assert cookies == [settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME]
    # The admin's messages would otherwise ride in a cookie of their own.
    assert settings.MESSAGE_STORAGE.endswith("session.SessionStorage")
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60  # "after eight hours at most"
    assert settings.AXES_FAILURE_LIMIT == 5  # "after five failed attempts"


def test_the_open_data_page_gives_the_licence_and_working_addresses(client):
    text = client.get("/en/open-data/").text

    assert "CC BY 4.0" in text
    assert 'href="https://creativecommons.org/licenses/by/4.0/"' in text
    for path in re.findall(r'<a href="(/api/v1/[^"]+|/deadlines\.ics)">', text):
        assert client.get(path).status_code == 200, path


def test_the_header_has_at_most_six_primary_links(client):
    text = client.get("/en/").text
    nav = text[text.index('<nav class="site-nav"') : text.index("</nav>", text.index("site-nav"))]

    links = re.findall(r"<a href=", nav)
    assert 1 <= len(links) <= 6
    assert "<details>" in nav and "<summary>Menu</summary>" in nav


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_footer_links_the_statements_open_data_and_sources(client, language):
    text = client.get(f"/{language}/formats/").text
    footer = text[text.index('<footer class="site-footer">') :]

    for path in [
        "about/",
        "contact/",
        "privacy/",
        "accessibility/",
        "open-data/",
        "about/#sources",
    ]:
        assert f'href="/{language}/{path}"' in footer, path


def test_the_story_names_the_member_states_and_the_associated_countries_from_the_data(client):
    text = client.get("/nl/erasmus-plus/").text

    for country in Country.objects.programme_countries():
        assert f"<li>{country.name_nl}</li>" in text, country.code
    assert "De 27 EU-lidstaten" in text
    assert "De 6 geassocieerde landen" in text


def test_the_story_follows_a_country_that_changes_status(client):
    status = CountryStatus.objects.get(call=2026, country="CH")
    status.status, status.region = CountryStatus.Status.ASSOCIATED, None
    status.save()

    text = client.get("/en/erasmus-plus/").text

    assert "The 7 associated countries" in text
    assert "<li>Switzerland</li>" in text


def test_the_story_cites_the_programme_guide_pages_for_mobility_beyond_europe(client):
    text = client.get("/en/erasmus-plus/").text
    section = text[text.index('id="beyond-europe"') : text.index('id="consortia"')]

    assert "programme-guide-2026_en.pdf" in section
    assert "pp. 87 (staff) and 89 (learners)" in section
    assert "Belarus and Russia" in section


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/formats/",
        "/api/v1/formats/?format=csv",
        "/api/v1/formats/KA220-VET/",
        "/api/v1/countries/",
        "/api/v1/agencies/",
    ],
)
def test_every_open_data_answer_names_its_licence(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Link"] == '<https://creativecommons.org/licenses/by/4.0/>; rel="license"'
