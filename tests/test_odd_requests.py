"""Odd requests get a plain 4xx, never a 500: a foreign Host, control characters in the path."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

FOREIGN_HOST = {"host": "evil.example"}

EVERY_KIND_OF_PATH = [
    "/nl/",
    "/nl/formats/KA220-VET/",
    "/nl/check/?country=NL",
    "/nl/bestaat-niet/",
    "/api/v1/formats/",
    "/api/v1/eligibility?country=NL",
    "/api/v1/nothing-here",
    "/admin/",
    "/admin/login/",
    "/healthz",
    "/sitemap.xml",
    "/deadlines.ics",
    "/static/css/portal.css",
    "/favicon.ico",
]


@pytest.mark.parametrize("path", EVERY_KIND_OF_PATH)
def test_a_foreign_host_gets_a_400_on_every_path(client, path):
    response = client.get(path, headers=FOREIGN_HOST)

    assert response.status_code == 400
    assert "evil.example" not in response.text
    if path.startswith("/api/"):
        assert response.json()["errors"]["request"] == ["Het verzoek kon niet worden begrepen."]
    else:
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert "<h1>Het verzoek kon niet worden begrepen.</h1>" in response.text


@pytest.mark.parametrize(
    ("path", "language"), [("/en/formats/", None), ("/admin/login/", "en"), ("/healthz", "en")]
)
def test_a_foreign_host_gets_a_400_in_the_visitors_language(client, path, language):
    headers = {**FOREIGN_HOST, "accept-language": language} if language else FOREIGN_HOST
    response = client.get(path, headers=headers)

    assert response.status_code == 400
    assert '<html lang="en">' in response.text
    assert "<h1>The request could not be understood.</h1>" in response.text


def test_a_form_posted_with_a_foreign_host_gets_a_400(client):
    response = client.post("/admin/login/", {"username": "eva"}, headers=FOREIGN_HOST)

    assert response.status_code == 400


def test_static_files_are_not_served_to_a_foreign_host(settings):
    settings.WHITENOISE_USE_FINDERS = True  # serve from the source folders, as in production
    client = Client()

    assert client.get("/static/css/portal.css").status_code == 200
    assert client.get("/static/css/portal.css", headers=FOREIGN_HOST).status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/nl/formats/KA%00220/",
        "/nl/formats/%00/",
        "/nl/actions/KA1%00/",
        "/nl/formats/KA220-VET%0A/",
        "/nl/formats/KA%C2%85220/",
        "/nl/%00/",
    ],
)
def test_a_control_character_in_a_page_address_is_a_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "<h1>Er is geen pagina op dit adres.</h1>" in response.text
    assert "\x00" not in response.text


def test_the_404_for_a_control_character_is_in_the_pages_language(client):
    response = client.get("/en/formats/KA%00220/")

    assert response.status_code == 404
    assert "<h1>There is no page at this address.</h1>" in response.text


@pytest.mark.parametrize(
    "path", ["/api/v1/formats/%00/", "/api/v1/formats/KA220-VET%00/", "/api/v1/%00"]
)
def test_a_control_character_in_an_api_address_is_a_json_404(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response.json()["errors"]
