"""An editor prepares the 2027 call in the admin; the public site follows only once published."""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from playwright.sync_api import expect

from opportunities.editors import GROUP_NAME

pytestmark = pytest.mark.django_db

CHECK = "/en/check/?country=NL&organisation_type=vet_provider&partners=CH&partners=DE"


@pytest.fixture
def editor_page(page, live_programme):
    if connection.vendor != "sqlite":
        # The server thread sees only committed data here, and this test's changes would stay.
        # test_calls.py proves the same steps through HTTP on PostgreSQL.
        pytest.skip("the browser edits the programme: run on SQLite, where they roll back")
    user = User.objects.create_user("eva", password="a long test passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    page.goto(f"{live_programme.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("eva")
    page.get_by_label("Password").fill("a long test passphrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_text("Welcome,")).to_be_visible()
    return page


def swiss_partner_counts(page, url):
    """Whether KA220-VET counts NL, CH and DE as three organisations from programme countries."""
    page.goto(url)
    verdict = page.locator("#verdict-KA220-VET").inner_text()
    return "3 organisations from EU member states and associated countries" in verdict


def test_an_editor_prepares_compares_and_publishes_the_next_call(editor_page, live_programme):
    page, site = editor_page, live_programme.url

    page.goto(f"{site}/admin/opportunities/call/")
    page.get_by_role("checkbox", name="2026").check()
    page.get_by_label("Action:").select_option("copy_to_next_year")
    page.locator("button[name=index]").click()
    expect(page.get_by_text("The 2027 call is a draft copy of the 2026 call.")).to_be_visible()

    page.goto(f"{site}/admin/opportunities/format/?call__year__exact=2027&q=KA220-VET")
    page.get_by_role("link", name="KA220-VET").click()
    amounts = page.locator("input[name$='-amount_eur']")
    amounts.first.fill("150000")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    page.goto(f"{site}/admin/opportunities/countrystatus/?call__year__exact=2027&q=CH")
    page.get_by_role("link", name="Switzerland (CH)").click()
    page.get_by_label("Status").select_option("associated")
    page.get_by_label("Region").fill("")  # regions are for non-associated countries only
    page.get_by_role("button", name="Save", exact=True).click()

    page.goto(f"{site}/admin/opportunities/call/2027/changes/")
    changes = page.locator("#content-main")
    expect(changes).to_contain_text("150,000, 250,000, 400,000")
    expect(changes).to_contain_text("Switzerland")
    expect(changes).to_contain_text("Third country associated to the programme")

    assert not swiss_partner_counts(page, site + CHECK)

    page.goto(f"{site}/admin/opportunities/call/")
    page.get_by_role("checkbox", name="2027").check()
    page.get_by_label("Action:").select_option("publish_drafts")
    page.locator("button[name=index]").click()
    expect(page.get_by_text("The 2027 call is published.")).to_be_visible()

    assert swiss_partner_counts(page, site + CHECK)
    expect(page.get_by_text("This page describes the 2027 call.")).to_be_visible()
    assert not swiss_partner_counts(page, site + CHECK + "&call=2026")
    expect(page.get_by_text("This page describes the 2026 call.")).to_be_visible()
    page.goto(f"{site}/en/calls/2027/changes/")
    expect(page.get_by_role("heading", name="What changes in the 2027 call")).to_be_visible()
