import pytest

pytestmark = pytest.mark.django_db


def test_root_sends_visitors_to_a_language(client):
    response = client.get("/", headers={"Accept-Language": "en"})

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("nl", ["Actielijn 1", "Kleinschalige partnerschappen", "Ga naar de inhoud", "33"]),
        ("en", ["Key Action 1", "Small-scale partnerships", "Skip to content", "33"]),
    ],
)
def test_home_shows_action_lines_and_formats(
    client, django_assert_max_num_queries, language, texts
):
    with django_assert_max_num_queries(6):  # +1: the page cache's programme version
        response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    for text in texts:
        assert text in response.text
    for code in ("KA122-VET", "KA220-VET", "ERASMUS-JMO-OFET-NETWORK"):
        assert code in response.text


def test_language_switch_links_to_the_same_page(client):
    response = client.get("/nl/")

    assert 'href="/en/" hreflang="en"' in response.text
    assert 'hreflang="nl" lang="nl" aria-current="true"' in response.text


def test_unknown_page_is_404(client):
    assert client.get("/nl/bestaat-niet/").status_code == 404


def test_home_cards_link_to_format_pages(client):
    text = client.get("/en/").text

    assert '<a href="/en/formats/KA210-VET/">Small-scale partnerships' in text
    assert '<a href="/en/actions/KA1/">Key Action 1' in text


def test_home_offers_entry_points_and_the_priorities(client):
    text = client.get("/en/").text

    assert '<a href="/en/actions/KA1/">I want to send learners or staff abroad</a>' in text
    assert '<a href="/en/formats/?goal=cooperate">I want to work with partners abroad</a>' in text
    assert '<a href="/en/check/">Is my organisation eligible?</a>' in text
    assert 'href="/en/actions/KA1/#not-ready"' in text
    assert "Inclusion and diversity" in text


def test_every_page_links_the_catalogue(client):
    text = client.get("/nl/").text

    for path in ("/nl/formats/", "/nl/compare/", "/nl/search/", "/nl/agencies/", "/nl/terms/"):
        assert f'href="{path}"' in text
