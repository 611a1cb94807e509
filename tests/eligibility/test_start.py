import pytest

from eligibility.engine import Situation, recommend
from eligibility.programme import load_programme

pytestmark = pytest.mark.django_db


def codes(goal, first_time=True, partner_count=None, country="NL", participants=None):
    situation = Situation(country=country, participants=participants)
    found = recommend(situation, load_programme(), goal, first_time, partner_count)
    return [verdict.code for verdict in found]


@pytest.mark.parametrize(
    ("goal", "first_time", "partner_count", "participants", "first"),
    [
        ("send_learners", True, None, 20, "KA122-VET"),
        ("send_learners", True, None, 31, "KA120-VET"),
        ("cooperate", True, 1, None, "KA210-VET"),
        ("cooperate", False, 2, None, "KA210-VET"),
        ("teach_eu", False, 0, None, "ERASMUS-JMO-OFET-TT"),
        ("build_capacity", False, 3, None, "ERASMUS-EDU-CB-VET"),
    ],
)
def test_recommendation(goal, first_time, partner_count, participants, first):
    assert codes(goal, first_time, partner_count, participants=participants)[0] == first


def test_partnerships_too_large_for_the_partners_are_left_out():
    found = codes("cooperate", partner_count=1)

    assert "KA210-VET" in found
    assert "KA220-VET" not in found
    assert "ERASMUS-EDU-PEX-COVE" not in found


def test_nothing_fits_an_applicant_from_outside_the_programme():
    assert codes("cooperate", country="CH") == []


def test_start_page_suggests_a_format_and_links_the_full_check(client):
    response = client.get(
        "/en/check/start/",
        {"country": "NL", "goal": "cooperate", "first_time": "1", "partner_count": "1"},
    )

    assert response.status_code == 200
    assert response.context["recommended"][0].code == "KA210-VET"
    assert "/en/check/?country=NL&amp;goal=cooperate&amp;format=KA210-VET" in response.text


def test_start_page_htmx_returns_the_suggestion_only(client):
    response = client.get(
        "/en/check/start/",
        {"country": "NL", "goal": "send_staff"},
        headers={"HX-Request": "true"},
    )

    assert "<html" not in response.text
    assert 'id="suggestion"' in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text


def test_start_page_htmx_shows_errors_next_to_the_fields(client):
    response = client.get(
        "/en/check/start/", {"country": "NL", "goal": "fly"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 400
    assert "<html" not in response.text
    assert "Some answers need correcting" in response.text


def test_start_page_shows_pathways_when_nothing_fits(client):
    response = client.get("/nl/check/start/", {"country": "CH", "goal": "cooperate"})

    assert response.context["recommended"] == []
    assert "consortium" in response.text.lower()


@pytest.mark.parametrize(
    "params",
    [
        {"country": "NL"},
        {"country": "NL", "goal": "fly"},
        {"country": "NL", "goal": "host", "partner_count": "x"},
    ],
)
def test_start_page_bad_input(client, params):
    response = client.get("/en/check/start/", params)

    assert response.status_code == 400
    assert "Some answers need correcting" in response.text
