"""Hostile input for every form and API parameter: never a 5xx, every 400 says why.

CI runs the fast profile; `HYPOTHESIS_PROFILE=long uv run pytest tests/test_fuzz.py` runs
thousands of requests per endpoint.
"""

import json
import os
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile("long", parent=settings.get_profile("ci"), max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.django_db

PARAMETERS = [
    "country",
    "community",
    "organisation_type",
    "accredited",
    "short_term_grants_last_5_years",
    "ngo_network_countries",
    "partners",
    "duration_months",
    "participants",
    "grant_eur",
    "format",
    "goal",
    "lang",
    "first_time",
    "partner_count",
    "add_partner",
    "remove_partner",
    "activity",
    "days",
    "q",
    "formats",
    "action_line",
    "managed_by",
    "line",
    "grant",
    "duration",
    "newcomer",
    "open",
    "agency",
    "fewer_opportunities",
    "graduated_months_ago",
    "shadows_per_mentor",
    "host_led",
    "origin",
    "destination",
    "field",
    "months",
    "city",
    "travel",
    "add_row",
    "remove_row",
    "rate_learners_1",
    "rate_staff_3",
    "rate_organisational",
    "rate_inclusion",
]
ENDPOINTS = [
    "/api/v1/eligibility",
    "/api/v1/formats/",
    "/api/v1/countries/",
    "/api/v1/agencies/",
    "/api/v1/mobility/check",
    "/nl/check/",
    "/en/check/start/",
    "/en/check/plan/",
    "/nl/check/plan/estimate.csv",
    "/en/check/distance/",
    "/nl/check/distance/places/",
    "/nl/",
    "/en/formats/",
    "/nl/compare/",
    "/en/search/",
    "/nl/deadlines/",
    "/deadlines.ics",
]

hostile_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["NL", "be", "DE,FR", "KA220-VET", "1", "0", "-1", "", " ", "null"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(alphabet="\u0000\u202e\ud7ff\ufeff<>\"'&%;,", max_size=20),
    st.just(",".join(["DE"] * 600)),
)
values = st.one_of(hostile_text, st.lists(hostile_text, min_size=2, max_size=5))
queries = st.dictionaries(
    st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10)), values, max_size=8
)


def says_why(response):
    if response["Content-Type"].startswith("application/json"):
        errors = json.loads(response.content)["errors"]
        return any(messages for messages in errors.values())
    if response["Content-Type"].startswith("text/plain"):
        return bool(response.content.strip())
    # Forms mark their errors; the finder and compare pages say which filters they left out.
    markers = (b"error", b"fout", b'class="notice"')
    return any(marker in response.content.lower() for marker in markers)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_no_input_breaks_an_endpoint(client, endpoint):
    @given(query=queries, htmx=st.booleans())
    def request(query, htmx):
        headers = {"HX-Request": "true"} if htmx else {}
        response = client.get(endpoint, query, headers=headers)

        assert response.status_code < 500, (query, response.status_code)
        if response.status_code == 400:
            assert says_why(response), query

    request()


@given(code=st.text(max_size=80))
def test_no_format_code_breaks_the_api(client, code):
    response = client.get(f"/api/v1/formats/{quote(code, safe='')}/")

    assert response.status_code in (200, 301, 404)
    if response.status_code == 404:
        assert says_why(response)
