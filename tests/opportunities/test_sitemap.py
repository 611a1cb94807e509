import re

import pytest

from opportunities.models import ActionLine, Format

pytestmark = pytest.mark.django_db


def locations(xml):
    return re.findall(r"<loc>https://erasmus-vet\.example\.org(/[^<]*)</loc>", xml)


def test_sitemap_lists_every_page_in_both_languages(client, django_assert_max_num_queries):
    # The action lines, the formats, and the call the formats belong to (read with the
    # programme version).
    with django_assert_max_num_queries(3):
        response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    found = set(locations(response.text))
    for language in ("nl", "en"):
        for page in (
            "",
            "formats/",
            "compare/",
            "search/",
            "activities/",
            "inspiration/",
            "agencies/",
            "terms/",
            "deadlines/",
            "check/",
            "check/start/",
            "check/plan/",
            "check/distance/",
        ):
            assert f"/{language}/{page}" in found
        for fmt in Format.objects.all():
            assert f"/{language}/formats/{fmt.code}/" in found
        for line in ActionLine.objects.all():
            assert f"/{language}/actions/{line.code}/" in found
    assert len(found) == 2 * (19 + Format.objects.count() + ActionLine.objects.count())


def test_sitemap_gives_the_alternates(client):
    text = client.get("/sitemap.xml").text

    assert (
        '<xhtml:link rel="alternate" hreflang="en" href="https://erasmus-vet.example.org/en/formats/KA220-VET/"/>'
        in text
    )


@pytest.mark.parametrize("path", ["/nl/formats/KA220-VET/", "/en/agencies/", "/nl/"])
def test_every_page_names_its_canonical_url_and_languages(client, path):
    text = client.get(path).text

    assert f'<link rel="canonical" href="https://erasmus-vet.example.org{path}">' in text
    assert f'hreflang="nl" href="https://erasmus-vet.example.org/nl/{path[4:]}"' in text
    assert f'hreflang="en" href="https://erasmus-vet.example.org/en/{path[4:]}"' in text


@pytest.mark.parametrize(
    ("path", "title"),
    [
        (
            "/en/formats/KA220-VET/",
            "<title>Cooperation partnerships in vocational education and training (KA220-VET)",
        ),
        ("/nl/formats/", "<title>Zoek een Erasmus+-projectvorm · Erasmus+ VET</title>"),
        ("/en/actions/JM/", "<title>Jean Monnet actions · Erasmus+ VET</title>"),
        ("/nl/search/?q=stage", "<title>Zoeken: stage · Erasmus+ VET</title>"),
    ],
)
def test_every_page_has_its_own_title(client, path, title):
    assert title in client.get(path).text


def test_format_page_description_is_its_summary(client):
    fmt = Format.objects.get(code="KA210-VET")

    assert (
        f'<meta name="description" content="{fmt.summary_en}">'
        in client.get("/en/formats/KA210-VET/").text
    )


def test_links_name_the_site_address_whatever_host_the_request_came_with(client):
    text = client.get("/nl/formats/KA220-VET/", headers={"host": "localhost"}).text
    sitemap = client.get("/sitemap.xml", headers={"host": "localhost"}).text

    assert "localhost" not in text and "localhost" not in sitemap
    assert '<link rel="canonical" href="https://erasmus-vet.example.org/nl/formats/' in text
    assert "<loc>https://erasmus-vet.example.org/nl/formats/KA220-VET/</loc>" in sitemap


@pytest.mark.parametrize("path", ["//evil.example/nl/", "///evil.example/en/formats/"])
def test_a_path_that_looks_like_another_host_stays_a_path_on_our_site(client, path):
    response = client.get("/", PATH_INFO=path)  # as a server passes "GET //evil.example/nl/"

    assert response.status_code == 404
    links = re.findall(r'<a href="([^"]*)" hreflang=', response.text)
    alternates = re.findall(r'<link rel="(?:alternate|canonical)".* href="([^"]*)"', response.text)
    assert len(links) == 2 and len(alternates) == 3
    assert all(link.startswith("/evil.example/") for link in links)
    assert all(url.startswith("https://erasmus-vet.example.org/evil") for url in alternates)
