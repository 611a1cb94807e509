import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from opportunities.models import Agency, Country, CountryStatus, Deadline, Format, GrantTier
from tests.factories import make_format

pytestmark = pytest.mark.django_db


def violates(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()
    return True


@pytest.mark.parametrize(
    "fields",
    [
        {"duration_min_months": 24, "duration_max_months": 12},
        {"min_organisations": 5, "max_organisations": 4},
        {"min_grant_eur": 500, "max_grant_eur": 100},
        {"min_organisations": 0},
        {"min_countries": 2, "min_eu_member_states": 3},
        {"max_grant_eur": 0},
        {"max_participants": 0},
        {"max_grants": 3},
    ],
    ids=lambda fields: ",".join(fields),
)
def test_format_rejects_impossible_rules(fields):
    assert violates(lambda: make_format(**fields))


def test_format_accepts_its_edges():
    fmt = make_format(
        duration_min_months=12,
        duration_max_months=12,
        min_organisations=3,
        max_organisations=3,
        min_countries=3,
        min_eu_member_states=3,
    )
    assert fmt.pk


def test_format_code_is_unique():
    assert violates(lambda: make_format(code="KA220-VET"))


def test_grant_tier_must_be_positive_and_unique():
    fmt = Format.objects.get(code="KA210-VET")
    assert violates(lambda: GrantTier.objects.create(format=fmt, amount_eur=0))
    assert violates(lambda: GrantTier.objects.create(format=fmt, amount_eur=30_000))


def test_belgian_national_agency_names_its_community():
    belgium = Country.objects.get(code="BE")
    assert violates(
        lambda: Agency.objects.create(
            code="be-x", name="X", kind="national_agency", country=belgium, url="https://x.be/"
        )
    )


def test_community_only_in_belgium():
    assert violates(
        lambda: Agency.objects.create(
            code="nl-x",
            name="X",
            kind="national_agency",
            country_id="NL",
            community="nl",
            url="https://x.nl/",
        )
    )


def test_one_national_agency_per_country():
    assert violates(
        lambda: Agency.objects.create(
            code="nl-2", name="X", kind="national_agency", country_id="NL", url="https://x.nl/"
        )
    )


def test_region_only_for_non_associated_countries():
    assert violates(lambda: CountryStatus.objects.filter(country="NL").update(region=1))


def test_country_code_is_two_capitals():
    assert violates(lambda: Country.objects.create(code="nl", name_nl="x", name_en="x"))


def test_deadline_round_is_unique():
    deadline = Deadline.objects.filter(format__code="KA220-VET").first()
    assert violates(
        lambda: Deadline.objects.create(
            format=deadline.format,
            call_year=deadline.call_year,
            round=deadline.round,
            date=deadline.date,
        )
    )


def test_format_validation_rejects_unknown_kinds_and_rules():
    fmt = Format.objects.get(code="KA220-VET")
    fmt.applicant_kinds = ["wizard"]
    fmt.unconfirmed_rules = ["colour"]
    fmt.non_associated_regions = ["one"]
    with pytest.raises(ValidationError) as error:
        fmt.full_clean()
    assert set(error.value.message_dict) == {
        "applicant_kinds",
        "unconfirmed_rules",
        "non_associated_regions",
    }


def test_deadline_validation_rejects_unknown_time_zone():
    deadline = Deadline.objects.first()
    deadline.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError):
        deadline.full_clean()


def test_one_format_at_most_is_planned_by_the_planner():
    assert Format.objects.filter(plannable=True).count() == 1
    assert violates(lambda: make_format(plannable=True))
