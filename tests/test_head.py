"""HEAD answers like GET: the same status and content type, and no body (RFC 9110, 9.3.2)."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest

pytestmark = pytest.mark.django_db

SITEMAP_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"

PATHS = [
    "/healthz",
    "/sitemap.xml",
    "/api/v1/formats/",
    "/api/v1/countries/",
    "/api/v1/agencies/",
    "/api/v1/eligibility?country=NL",
    "/api/v1/mobility/check?activity=learner_short_term&days=20",
    "/deadlines.ics",
]


def differences(client, path):
    """Return how HEAD's answer for ``path`` differs from GET's (empty when it does not)."""
    get, head = client.get(path), client.head(path)
    found = []
    if head.status_code != get.status_code:
        found.append(f"status {head.status_code} for HEAD, {get.status_code} for GET")
    if head.get("Content-Type") != get.get("Content-Type"):
        found.append(
            f"Content-Type {head.get('Content-Type')} for HEAD, {get['Content-Type']} for GET"
        )
    if head.content:  # Django's test client drops a HEAD body as servers do; kept as a guard
        found.append("a body")
    return found


@pytest.mark.parametrize("path", PATHS)
def test_head_answers_like_get(client, path):
    assert client.get(path).status_code == 200
    assert differences(client, path) == []


def test_head_answers_like_get_for_every_page_in_the_sitemap(client):
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)
    paths = sorted({urlsplit(loc.text).path for loc in sitemap.iter(SITEMAP_LOC)})
    assert len(paths) > 20

    failures = {path: found for path in paths if (found := differences(client, path))}

    assert failures == {}
