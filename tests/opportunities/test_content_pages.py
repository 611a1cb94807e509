"""Action line, agencies, KA1 activities and inspiration pages."""

import pytest

from opportunities.models import ActionLine, Agency, Country

pytestmark = pytest.mark.django_db

PAGES = ["actions/KA1/", "actions/KA2/", "actions/JM/", "agencies/", "activities/", "inspiration/"]


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_page_is_complete_with_few_queries(client, django_assert_max_num_queries, path, language):
    with django_assert_max_num_queries(6):
        response = client.get(f"/{language}/{path}")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert '<link rel="canonical" href="https://erasmus-vet.example.org/' in response.text


def test_action_line_page_lists_its_formats_with_links(client):
    text = client.get("/en/actions/KA2/").text

    assert '<a href="/en/formats/KA210-VET/">' in text
    assert '<a href="/en/formats/ERASMUS-EDU-CB-VET/">' in text
    assert "KA122-VET" not in text


def test_ka1_page_shows_ways_to_take_part_without_applying(client):
    text = client.get("/en/actions/KA1/").text

    assert 'id="not-ready"' in text
    assert "Join a mobility consortium" in text
    assert "Two-way exchange" in text


def test_unknown_action_line_is_404(client):
    assert client.get("/en/actions/KA9/").status_code == 404


def test_agencies_page_lists_each_programme_country_and_eacea(client):
    text = client.get("/en/agencies/").text

    for country in Country.objects.programme_countries():
        assert f">{country.name_en}</th>" in text
    for agency in Agency.objects.all():
        assert agency.url in text
    assert "Flemish Community" in text and "German-speaking Community" in text
    assert 'rowspan="3"' in text


def test_activities_page_gives_day_limits_and_costs(client):
    text = client.get("/en/activities/").text

    assert 'id="learner_erasmuspro"' in text
    assert "90 to 365 days" in text
    assert 'id="costs"' in text
    assert "Organisational support" in text
    assert "Two-way exchange" in text


def test_inspiration_page_links_projects_to_formats_and_names_successors(client):
    text = client.get("/en/inspiration/").text

    assert '<a href="/en/formats/ERASMUS-EDU-PEX-COVE/">' in text
    assert "European Innovative Teaching Award" in text
    assert 'Now part of <a href="#european-school-education-platform">' in text


def test_pages_refuse_post(client):
    assert client.post("/en/agencies/").status_code == 405


def test_ways_to_take_part_follow_the_mobility_flag_not_the_code(client):
    ActionLine.objects.filter(code="KA1").update(is_mobility=False)
    ActionLine.objects.filter(code="KA2").update(is_mobility=True)

    assert 'id="not-ready"' not in client.get("/en/actions/KA1/").text
    assert 'id="not-ready"' in client.get("/en/actions/KA2/").text
