import re

import pytest

from opportunities.models import Format

pytestmark = pytest.mark.django_db

THREE = ["KA210-VET", "KA220-VET", "ERASMUS-EDU-PEX-COVE"]


def columns(html):
    return re.findall(r'<th scope="col"><a href="/\w\w/formats/([^/]+)/">', html)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_three_formats_side_by_side_with_few_queries(
    client, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(5):  # +1: the page cache's programme version
        response = client.get(f"/{language}/compare/", {"formats": THREE})

    assert response.status_code == 200
    assert columns(response.text) == THREE
    assert response.text.count('<th scope="row">') == 8


def test_columns_follow_the_order_in_the_url(client):
    order = ["ERASMUS-JMO-OFET-LEU", "KA122-VET"]

    assert columns(client.get("/en/compare/", {"formats": order}).text) == order


def test_rows_state_each_rule(client):
    fmt = Format.objects.get(code="KA210-VET")
    fmt.unconfirmed_rules = ["duration"]
    fmt.save()

    text = client.get("/en/compare/", {"formats": THREE}).text

    assert "At least 8 organisations, yours included." in text
    assert "6 to 24 months" in text
    assert '<a href="https://www.eacea.ec.europa.eu/">EACEA in Brussels</a>' in text
    assert "check with your National Agency" in text


def test_the_comparison_is_shareable(client):
    text = client.get("/en/compare/", {"formats": THREE}).text

    canonical = "https://erasmus-vet.example.org/en/compare/?formats=KA210-VET&amp;"
    assert f'<link rel="canonical" href="{canonical}' in text
    assert "<title>Compare: KA210-VET, KA220-VET, ERASMUS-EDU-PEX-COVE" in text


def test_without_a_choice_the_page_asks_for_two(client):
    response = client.get("/en/compare/")

    assert response.status_code == 200
    assert "Pick at least two formats" in response.text
    assert "<table" not in response.text


def test_one_format_is_preselected_and_asks_for_more(client):
    text = client.get("/en/compare/", {"formats": "KA220-VET"}).text

    assert 'value="KA220-VET" id="pick-KA220-VET" checked' in text
    assert "Pick at least two formats" in text


def test_more_than_four_is_refused_with_a_message(client):
    codes = [*THREE, "KA120-VET", "KA122-VET"]

    response = client.get("/en/compare/", {"formats": codes})

    assert response.status_code == 200
    assert "Pick at most 4 formats." in response.text
    assert "<table" not in response.text


def test_a_repeated_format_counts_once(client):
    assert columns(
        client.get("/en/compare/", {"formats": ["KA210-VET"] * 3 + ["KA220-VET"]}).text
    ) == [
        "KA210-VET",
        "KA220-VET",
    ]


@pytest.mark.parametrize("bad", ["KA999", "<script>x</script>", "x" * 2000])
def test_unknown_format_is_a_400_with_the_page_and_a_message(client, bad):
    response = client.get("/en/compare/", {"formats": ["KA210-VET", bad]})

    assert response.status_code == 400
    assert "<html" in response.text and 'class="notice"' in response.text
    assert "<script>x" not in response.text


def test_htmx_request_gets_the_comparison_only(client):
    response = client.get("/en/compare/", {"formats": THREE}, headers={"HX-Request": "true"})

    assert "<html" not in response.text and "<form" not in response.text
    assert columns(response.text) == THREE
    assert 'data-hx-swap-oob="innerHTML:.site-header .languages ul"' in response.text


def test_format_page_and_finder_link_to_the_comparison(client):
    assert 'href="/en/compare/?formats=KA220-VET"' in client.get("/en/formats/KA220-VET/").text
    finder = client.get("/en/formats/", {"goal": "cooperate", "managed_by": "national_agency"})
    assert 'href="/en/compare/?formats=KA210-VET&amp;formats=KA220-VET"' in finder.text
