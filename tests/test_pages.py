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
    with django_assert_max_num_queries(5):
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
