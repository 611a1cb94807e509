"""The coordinators' cases through the engine, the API and the HTML page: one answer each."""

import pytest

from eligibility.engine import Situation, judge
from eligibility.programme import load_programme

from .cases import CASES

pytestmark = pytest.mark.django_db


def situation(params):
    values = dict(params)
    if "partners" in values:
        values["partners"] = tuple(values["partners"].split(","))
    if "accredited" in values:
        values["accredited"] = bool(values["accredited"])
    return Situation(**values)


@pytest.mark.parametrize(("params", "code", "expected", "rule", "status"), CASES)
def test_engine(params, code, expected, rule, status):
    verdict = next(v for v in judge(situation(params), load_programme()) if v.code == code)

    assert verdict.verdict == expected
    assert next(c for c in verdict.checks if c.rule == rule).status == status


@pytest.mark.parametrize(("params", "code", "expected", "rule", "status"), CASES)
def test_api(client, params, code, expected, rule, status):
    response = client.get("/api/v1/eligibility", {**params, "format": code})

    verdict = response.json()["formats"][0]
    assert verdict["verdict"] == expected
    assert next(c for c in verdict["checks"] if c["rule"] == rule)["status"] == status


@pytest.mark.parametrize(("params", "code", "expected", "rule", "status"), CASES)
def test_html_page(client, params, code, expected, rule, status):
    query = {**params, "partners": params.get("partners", "").split(",")}

    response = client.get("/en/check/", query)

    assert response.status_code == 200
    result = response.context["result"]
    verdicts = [v for _outcome, group in result["groups"] for v in group] + result["others"]
    verdict = next(v for v in verdicts if v.code == code)
    assert verdict.verdict == expected
    assert f'id="verdict-{code}"' in response.text
    assert next(c for c in verdict.checks if c.rule == rule).status == status
