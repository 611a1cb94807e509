"""Calls as data: the current call by default, ?call= for another published year, and editors
preparing the next call (copy, compare, publish) in the admin."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from opportunities.call_years import copy_call, publish
from opportunities.editors import GROUP_NAME
from opportunities.models import Call, CountryStatus, Format, GrantTier

pytestmark = pytest.mark.django_db

ELIGIBILITY = "/api/v1/eligibility?country=NL&partners=CH,DE&format=KA220-VET"


@pytest.fixture
def editor(client):
    user = User.objects.create_user("eva", "eva@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    client.force_login(user)
    return user


def draft_2027():
    """Copy 2026 to 2027 and change what the next call changes, as an editor would."""
    call = copy_call(Call.objects.get(year=2026), 2027)
    fmt = Format.objects.get(call=call, code="KA220-VET")
    for tier in fmt.grant_tiers.all():
        tier.delete()
    GrantTier.objects.create(format=fmt, amount_eur=150_000)
    status = CountryStatus.objects.get(call=call, country="CH")
    status.status, status.region = CountryStatus.Status.ASSOCIATED, None
    status.save()
    return call


def swiss_partner_counts(client, query=""):
    """Whether a Swiss partner counts towards KA220's three organisations from programme
    countries (NL, CH, DE): only when Switzerland is associated to the programme."""
    checks = client.get(ELIGIBILITY + query).json()["formats"][0]["checks"]
    return next(c for c in checks if c["rule"] == "min_organisations")["status"] == "pass"


def test_the_api_lists_the_published_calls_and_the_current_one(client):
    assert client.get("/api/v1/calls/").json() == {"calls": [{"year": 2026, "current": True}]}


@pytest.mark.parametrize("year", ["1999", "2027", "next"])
def test_an_unknown_or_draft_call_is_refused_with_the_valid_years(client, year):
    draft_2027()

    api = client.get(f"/api/v1/formats/?call={year}")
    page = client.get(f"/en/check/?call={year}")

    assert api.status_code == 400
    assert api.json() == {
        "errors": {"call": ["Voor dat jaar is geen oproep gepubliceerd. Kies uit: 2026."]}
    }
    assert page.status_code == 400
    assert "Choose one of: 2026." in page.text


def test_a_copy_is_a_complete_draft(client):
    call = draft_2027()

    old, new = Format.objects.filter(call=2026), Format.objects.filter(call=call)
    assert sorted(new.values_list("code", flat=True)) == sorted(old.values_list("code", flat=True))
    copy = new.get(code="KA220-VET")
    assert copy.alternatives.get().call_id == 2027
    assert set(copy.excluded_countries.all()) == set(
        old.get(code="KA220-VET").excluded_countries.all()
    )
    assert (
        CountryStatus.objects.filter(call=call).count()
        == CountryStatus.objects.filter(call=2026).count()
    )
    assert new.get(code="KA210-VET").grant_tiers.count() == 2
    assert CountryStatus.objects.get(call=call, country="GE").authorities_excluded


def test_the_comparison_lists_a_change_to_excluded_authorities(client, editor):
    call = draft_2027()
    CountryStatus.objects.filter(call=call, country="GE").update(authorities_excluded=False)

    response = client.get(reverse("admin:opportunities_call_changes", args=[2027]))

    rows = [
        (change.subject, change.fact, change.before, change.after)
        for _title, changes in response.context["changes"]
        for change in changes
    ]
    assert ("Georgië (GE)", "autoriteiten uitgesloten", "ja", "nee") in rows


def test_the_public_site_shows_the_current_call_until_the_draft_is_published(client):
    call = draft_2027()

    assert client.get("/api/v1/formats/KA220-VET/").json()["call"] == 2026
    assert not swiss_partner_counts(client)
    assert "This page describes the 2026 call." in client.get("/en/").text

    publish(call)

    assert client.get("/api/v1/formats/KA220-VET/").json()["call"] == 2027
    assert client.get("/api/v1/formats/KA220-VET/").json()["lump_sums_eur"] == [150_000]
    assert swiss_partner_counts(client)
    assert not swiss_partner_counts(client, "&call=2026")
    assert client.get("/api/v1/formats/KA220-VET/?call=2026").json()["call"] == 2026
    home = client.get("/en/?call=2026").text
    assert "This page describes the 2026 call." in home
    assert 'href="/en/">2027</a>' in home


def test_the_comparison_lists_the_changed_lump_sums_and_country_status(client, editor):
    draft_2027()

    response = client.get(reverse("admin:opportunities_call_changes", args=[2027]))

    assert response.status_code == 200
    rows = [
        (change.subject, change.fact, change.before, change.after)
        for _title, changes in response.context["changes"]
        for change in changes
    ]
    assert ("KA220-VET", "vaste bedragen (EUR)", "120.000, 250.000, 400.000", "150.000") in rows
    assert any(
        row[0].startswith("Zwitserland")
        and row[2:]
        == (
            "Derde land dat niet met het programma geassocieerd is",
            "Derde land dat met het programma geassocieerd is",
        )
        for row in rows
    )
    assert rows[-1][:2] == ("Zwitserland (CH)", "regio")
    assert len(rows) == 3


def test_the_comparison_is_public_once_published(client):
    call = draft_2027()
    assert client.get("/en/calls/2027/changes/").status_code == 404

    publish(call)
    page = client.get("/en/calls/2027/changes/")

    assert page.status_code == 200
    assert "What changes in the 2027 call" in page.text
    assert "150,000" in page.text


def test_editors_copy_and_publish_in_the_admin_with_history(client, editor):
    changelist = reverse("admin:opportunities_call_changelist")

    client.post(changelist, {"action": "copy_to_next_year", "_selected_action": ["2026"]})
    assert Call.objects.get(year=2027).state == Call.State.DRAFT
    client.post(changelist, {"action": "publish_drafts", "_selected_action": ["2027"]})

    call = Call.objects.get(year=2027)
    assert call.state == Call.State.PUBLISHED
    assert call.history.first().history_user == editor
    assert client.get("/api/v1/calls/").json()["calls"][0] == {"year": 2027, "current": True}


def test_a_format_the_call_does_not_offer_says_so_and_fails(client):
    fmt = Format.objects.get(code="KA210-VET")
    fmt.offered = False
    fmt.save()

    page = client.get("/en/formats/KA210-VET/")
    verdicts = client.get("/api/v1/eligibility?country=NL&partners=DE,FR").json()["formats"]

    assert "The 2026 call does not offer this format." in page.text
    verdict = {verdict["code"]: verdict["verdict"] for verdict in verdicts}
    assert verdict["KA210-VET"] == "not_eligible"
    assert verdict["KA220-VET"] != "not_eligible"
