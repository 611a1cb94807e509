import io

import pytest
from django.core.management import call_command

from opportunities.models import Country, Format, GrantTier

pytestmark = pytest.mark.django_db


def load(*args):
    out = io.StringIO()
    call_command("load_programme", *args, stdout=out)
    return out.getvalue()


def test_running_again_changes_nothing():
    before = Format.objects.count(), Country.objects.count(), GrantTier.objects.count()

    output = load()

    assert " 0 created" in output and "0 differing" in output
    assert (Format.objects.count(), Country.objects.count(), GrantTier.objects.count()) == before


def test_it_creates_what_is_missing():
    GrantTier.objects.filter(format__code="KA210-VET", amount_eur=60_000).delete()

    output = load()

    assert "1 created" in output
    assert Format.objects.get(code="KA210-VET").lump_sums == [30_000, 60_000]


def test_it_keeps_an_editors_change_and_lists_it():
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)

    output = load()

    assert Format.objects.get(code="KA220-VET").min_organisations == 4
    assert "min_organisations: database 4, fixture 3" in output
    assert "1 differing" in output
    assert "--overwrite" in output


def test_overwrite_applies_the_fixture():
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)
    fmt = Format.objects.get(code="ERASMUS-EDU-PEX-COVE")
    fmt.excluded_countries.remove("BY")

    output = load("--overwrite")

    assert "2 overwritten" in output
    assert Format.objects.get(code="KA220-VET").min_organisations == 3
    assert set(fmt.excluded_countries.values_list("code", flat=True)) == {"BY"}
    assert Format.objects.get(code="KA220-VET").history.first().history_change_reason == (
        "overwritten by load_programme --overwrite"
    )


def test_it_lists_a_changed_many_to_many():
    Format.objects.get(code="ERASMUS-EDU-PEX-COVE").excluded_countries.remove("BY")

    output = load()

    assert "excluded_countries: database [], fixture ['BY']" in output


def test_lists_saved_in_another_order_are_no_difference():
    fmt = Format.objects.get(code="KA122-VET")
    fmt.applicant_kinds = list(reversed(fmt.applicant_kinds))
    fmt.goals = list(reversed(fmt.goals))
    fmt.save()
    history = fmt.history.count()

    output = load()

    assert "0 differing" in output
    assert Format.objects.get(code="KA122-VET").applicant_kinds[0] == "vet_provider"
    fmt.save()  # saved again unchanged
    assert fmt.history.count() == history + 1
    assert not fmt.history.first().diff_against(fmt.history.all()[1]).changes
