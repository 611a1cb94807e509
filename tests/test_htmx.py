"""Every HTML view answers through erasmus_portal/htmx.py: page, partial, history, errors."""

import pytest

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}

# (URL, what only the answer carries, the htmx target, invalid query or None)
PARTIAL_PAGES = [
    ("/en/formats/?goal=cooperate", "formats match", "finder-results", "goal=fly"),
    (
        "/en/compare/?formats=KA210-VET&formats=KA220-VET",
        "side by side",
        "comparison",
        "formats=KA999",
    ),
    ("/en/search/?q=mobility", "results for", "search-results", "q=" + "x" * 101),
    ("/en/deadlines/?format=KA122-VET", "deadline-list", "deadline-list", "format=ZZ"),
    (
        "/en/check/?country=NL&partners=DE&partners=FR&duration_months=24",
        "Your result",
        "checker",
        "country=NL&duration_months=500",
    ),
    (
        "/en/check/start/?country=NL&goal=cooperate",
        "Our suggestion",
        "start",
        "country=NL&goal=fly",
    ),
    (
        "/en/check/plan/?activity=staff_course&participants=2&days=5",
        "plan-result",
        "plan-result",
        "activity=staff_course&participants=2&days=abc",
    ),
    (
        "/en/check/distance/?origin=Utrecht&destination=Madrid",
        "distance-result",
        "distance-result",
        "origin=Xyzzyville&destination=Madrid",
    ),
]
WHOLE_PAGES = [
    "/en/",
    "/en/formats/KA220-VET/",
    "/en/actions/KA1/",
    "/en/agencies/",
    "/en/activities/",
    "/en/inspiration/",
    "/en/terms/",
]


@pytest.mark.parametrize(("url", "marker", "target", "invalid"), PARTIAL_PAGES)
def test_htmx_gets_the_partial_and_other_requests_the_page(client, url, marker, target, invalid):
    partial = client.get(url, headers={**HTMX, "HX-Target": target})
    page = client.get(url)
    restored = client.get(url, headers=RESTORE)  # after the partial: the cache keeps them apart

    assert partial.status_code == page.status_code == restored.status_code == 200
    assert "<html" not in partial.text and marker in partial.text
    assert page.text.startswith("<!DOCTYPE html>") and marker in page.text
    assert restored.text.startswith("<!DOCTYPE html>")
    assert restored.text.count('id="main"') == 1
    for response in (partial, page, restored):
        assert {"HX-Request", "HX-Target", "HX-History-Restore-Request"} <= set(
            header.strip() for header in response["Vary"].split(",")
        )


@pytest.mark.parametrize(("url", "marker", "target", "invalid"), PARTIAL_PAGES)
def test_invalid_input_is_a_400_with_the_errors_with_or_without_javascript(
    client, url, marker, target, invalid
):
    path = url.split("?")[0]
    page = client.get(f"{path}?{invalid}")
    partial = client.get(f"{path}?{invalid}", headers={**HTMX, "HX-Target": target})

    assert page.status_code == partial.status_code == 400
    assert page.text.startswith("<!DOCTYPE html>")
    assert "<html" not in partial.text
    error = ('class="error-summary"', 'class="notice"', 'class="error"')
    assert any(mark in page.text for mark in error)
    assert any(mark in partial.text for mark in error)


def test_htmx_is_told_to_swap_a_400(client):
    text = client.get("/en/").text

    assert '{"code":"400","swap":true,"error":false}' in text


@pytest.mark.parametrize("url", WHOLE_PAGES)
def test_pages_without_a_partial_answer_htmx_with_the_whole_page(client, url):
    for headers in ({}, HTMX, RESTORE):
        response = client.get(url, headers=headers)

        assert response.status_code == 200
        assert response.text.startswith("<!DOCTYPE html>")


def test_adding_a_partner_row_pushes_the_answers_own_url(client):
    url = "/en/check/?country=NL&partners=DE&add_partner=1"

    plain = client.get(url)
    htmx = client.get(url, headers={**HTMX, "HX-Target": "checker"})

    assert plain.status_code == 302
    assert plain["Location"] == "/en/check/?country=NL&partners=DE&partners="
    assert htmx.status_code == 200
    assert htmx["HX-Push-Url"] == plain["Location"]
    assert htmx.text.count('name="partners"') == 2
