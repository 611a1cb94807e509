import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from opportunities.models import Format
from tests.opportunities.test_admin import form_data

pytestmark = pytest.mark.django_db

URL = "/api/v1/eligibility"


def verdict(response, code):
    return next(f for f in response.json()["formats"] if f["code"] == code)


def test_it_answers_every_format_with_checks_agency_and_suggestions(client):
    response = client.get(URL, {"country": "NL", "partners": "DE", "duration_months": 24})

    assert response.status_code == 200
    data = response.json()
    assert data["situation"]["country"] == "NL"
    assert data["situation"]["partners"] == ["DE"]
    assert len(data["formats"]) == 15
    ka220 = verdict(response, "KA220-VET")
    assert ka220["verdict"] == "not_eligible"
    assert {"rule", "status", "message", "asks"} == set(ka220["checks"][0])
    assert ka220["apply_to"]["kind"] == "national_agency"
    assert ka220["suggestions"] == ["KA210-VET"]


def test_flemish_applicant_goes_to_epos(client):
    response = client.get(URL, {"country": "BE", "community": "nl", "format": "KA210-VET"})

    assert "Epos" in verdict(response, "KA210-VET")["apply_to"]["name"]


def test_absent_partners_are_not_answered_but_empty_partners_are_none(client):
    absent = client.get(URL, {"country": "NL", "format": "KA210-VET"})
    empty = client.get(URL, {"country": "NL", "format": "KA210-VET", "partners": ""})

    assert verdict(absent, "KA210-VET")["verdict"] == "unknown"
    assert verdict(empty, "KA210-VET")["verdict"] == "not_eligible"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "country"),
        ({"country": "XX"}, "country"),
        ({"country": "NL", "duration_months": "twelve"}, "duration_months"),
        ({"country": "NL", "participants": -1}, "participants"),
        ({"country": "NL", "partners": ",".join(["DE"] * 500)}, "partners"),
        ({"country": "NL", "accredited": "maybe"}, "accredited"),
        ({"country": "NL", "format": "KA999"}, "format"),
        ({"country": "NL", "organisation_type": "wizard"}, "organisation_type"),
    ],
)
def test_bad_input_is_a_400_with_messages(client, params, field):
    response = client.get(URL, params)

    assert response.status_code == 400
    assert response.json()["errors"][field][0]


def test_messages_follow_lang_or_accept_language(client):
    params = {"country": "NL", "participants": 31, "format": "KA122-VET"}

    english = client.get(URL, {**params, "lang": "en"})
    dutch = client.get(URL, params, headers={"Accept-Language": "nl"})

    assert "participants" in json.dumps(english.json())
    assert "deelnemers" in json.dumps(dutch.json())


def test_country_code_is_case_insensitive(client):
    assert client.get(URL, {"country": "nl", "partners": "de"}).status_code == 200


def test_command_prints_the_verdicts():
    out = io.StringIO()

    call_command(
        "check_eligibility",
        "--country=NL",
        "--partners=DE,FR",
        "--duration-months=24",
        "--format=KA220-VET",
        stdout=out,
    )

    assert "KA220-VET" in out.getvalue()
    assert "3 different EU member states" in out.getvalue()


def test_command_prints_json():
    out = io.StringIO()

    call_command("check_eligibility", "--country=NL", "--json", stdout=out)

    assert len(json.loads(out.getvalue())["formats"]) == 15


def test_command_refuses_bad_input():
    with pytest.raises(CommandError, match="country"):
        call_command("check_eligibility", "--country=XX")


def test_an_editors_change_in_the_admin_changes_the_verdict(client, admin_user):
    params = {"country": "NL", "partners": "DE,FR", "format": "KA220-VET"}
    assert verdict(client.get(URL, params), "KA220-VET")["verdict"] != "not_eligible"
    client.force_login(admin_user)
    pk = Format.objects.get(code="KA220-VET").pk
    url = reverse("admin:opportunities_format_change", args=[pk])
    data = form_data(client.get(url))
    data["min_countries"] = 4
    data["min_organisations"] = 4
    assert client.post(url, data).status_code == 302

    after = verdict(client.get(URL, params), "KA220-VET")

    assert after["verdict"] == "not_eligible"
    messages = " ".join(check["message"] for check in after["checks"])
    assert "at least 4" in messages or "ten minste 4" in messages


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("true", True),
        ("TRUE", True),
        ("yes", True),
        ("on", True),
        ("1", True),
        ("false", False),
        ("no", False),
        ("off", False),
        ("0", False),
        ("", None),
    ],
)
def test_yes_no_parameters_read_as_the_api_writes_them(client, written, meant):
    response = client.get(URL, {"country": "NL", "accredited": written})

    assert response.status_code == 200
    assert response.json()["situation"]["accredited"] is meant


def test_thirty_partners_are_checked_and_thirty_one_are_refused(client):
    thirty = client.get(URL, {"country": "NL", "partners": ",".join(["DE"] * 30)})
    too_many = client.get(URL, {"country": "NL", "partners": ",".join(["DE"] * 31)})

    assert thirty.status_code == 200
    assert too_many.status_code == 400
    assert "30" in too_many.json()["errors"]["partners"][0]


def test_partners_from_georgia_may_not_be_its_authorities(client):
    """Programme Guide 2026, p. 34, footnote 46: Georgian authorities take part in no action."""
    query = "country=NL&partners=ES,GE,GE&duration_months=36&format=ERASMUS-EDU-CB-VET&lang=en"

    (verdict,) = client.get(f"/api/v1/eligibility?{query}").json()["formats"]

    (check,) = [c for c in verdict["checks"] if c["rule"] == "authorities_excluded"]
    assert check["status"] == "pass"
    assert check["message"] == (
        "Partners from Georgia take part only if they are not its authorities: central "
        "government, local authorities, agencies and state-owned enterprises "
        "(Programme Guide 2026, p. 34)."
    )
    assert verdict["verdict"] == "eligible"


def test_a_partnership_without_georgian_partners_says_nothing_of_them(client):
    query = "country=NL&partners=ES,KE,KE&duration_months=36&format=ERASMUS-EDU-CB-VET"

    (verdict,) = client.get(f"/api/v1/eligibility?{query}").json()["formats"]

    assert "authorities_excluded" not in {c["rule"] for c in verdict["checks"]}


def test_georgian_authorities_are_not_mentioned_where_georgian_partners_cannot_join(client):
    query = "country=NL&partners=DE,GE&duration_months=24&format=KA210-VET"

    (verdict,) = client.get(f"/api/v1/eligibility?{query}").json()["formats"]

    assert "authorities_excluded" not in {c["rule"] for c in verdict["checks"]}
    assert verdict["verdict"] == "not_eligible"
