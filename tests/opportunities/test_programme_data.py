"""The loaded fixtures hold the programme as the brochure and the sourced facts state it."""

import pytest
from django.apps import apps

from opportunities.models import (
    ActionLine,
    Agency,
    Award,
    CostCategory,
    Country,
    CountryStatus,
    ExampleProject,
    Format,
    MobilityActivity,
    Pathway,
    Platform,
    Priority,
)

pytestmark = pytest.mark.django_db

FORMATS = {
    "KA120-VET": "KA1",
    "KA121-VET": "KA1",
    "KA122-VET": "KA1",
    "KA210-VET": "KA2",
    "KA220-VET": "KA2",
    "ERASMUS-EDU-PCOOP-ENGO": "KA2",
    "ERASMUS-EDU-PEX-COVE": "KA2",
    "ERASMUS-EDU-PI-ALL-INNO-EDU-ENTERP": "KA2",
    "ERASMUS-EDU-PI-ALL-INNO-BLUEPRINT": "KA2",
    "ERASMUS-EDU-PI-ALL-INNO-STEM": "KA2",  # Lot 3, new in 2026 (Programme Guide 2026, p. 292)
    "ERASMUS-EDU-PI-FORWARD": "KA2",
    "ERASMUS-EDU-CB-VET": "KA2",
    "ERASMUS-JMO-OFET-TT": "JM",
    "ERASMUS-JMO-OFET-LEU": "JM",
    "ERASMUS-JMO-OFET-NETWORK": "JM",
}
NATIONAL_AGENCY_FORMATS = {"KA120-VET", "KA121-VET", "KA122-VET", "KA210-VET", "KA220-VET"}
EU = set(
    [
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    ]
)
ASSOCIATED = {"IS", "LI", "NO", "MK", "TR", "RS"}


def test_three_action_lines_and_fifteen_formats():
    assert set(ActionLine.objects.values_list("code", flat=True)) == {"KA1", "KA2", "JM"}
    assert dict(Format.objects.values_list("code", "action_line__code")) == FORMATS


def test_who_manages_each_format():
    for fmt in Format.objects.all():
        expected = "national_agency" if fmt.code in NATIONAL_AGENCY_FORMATS else "eacea"
        assert fmt.managed_by == expected, fmt.code


@pytest.mark.parametrize(
    ("code", "lump_sums"),
    [
        ("KA210-VET", [30_000, 60_000]),
        ("KA220-VET", [120_000, 250_000, 400_000]),
        ("ERASMUS-EDU-PCOOP-ENGO", [120_000, 250_000, 400_000]),
        ("KA122-VET", []),
    ],
)
def test_lump_sums(code, lump_sums):
    assert Format.objects.get(code=code).lump_sums == lump_sums


@pytest.mark.parametrize(
    ("code", "organisations", "countries", "eu_states", "months"),
    [
        ("KA210-VET", 2, 2, 0, (6, 24)),
        ("KA220-VET", 3, 3, 0, (12, 36)),
        ("KA122-VET", 1, 1, 0, (6, 18)),
        ("KA121-VET", 1, 1, 0, (15, 24)),  # p. 95
        # Programme Guide 2026: CoVE p. 262 (no minimum of EU member states), p. 263;
        # Jean Monnet networks p. 408 (at least 6 applicants).
        ("ERASMUS-EDU-PEX-COVE", 8, 4, 0, (48, 48)),
        ("ERASMUS-JMO-OFET-NETWORK", 6, 3, 0, (36, 36)),
    ],
)
def test_partnership_and_duration_rules(code, organisations, countries, eu_states, months):
    fmt = Format.objects.get(code=code)
    assert fmt.min_organisations == organisations
    assert fmt.min_countries == countries
    assert fmt.min_eu_member_states == eu_states
    assert (fmt.duration_min_months, fmt.duration_max_months) == months


def test_short_term_projects_rules():
    fmt = Format.objects.get(code="KA122-VET")
    assert fmt.max_participants == 30
    assert fmt.accredited_excluded
    assert (fmt.max_grants, fmt.max_grants_period_years) == (3, 5)
    assert fmt.newcomer_friendly


@pytest.mark.parametrize(
    ("code", "max_grant"),
    [
        ("ERASMUS-EDU-PEX-COVE", 4_000_000),
        ("ERASMUS-EDU-PI-ALL-INNO-BLUEPRINT", 4_000_000),
        ("ERASMUS-JMO-OFET-TT", 300_000),
        ("ERASMUS-JMO-OFET-LEU", 35_000),
        ("ERASMUS-JMO-OFET-NETWORK", 300_000),
    ],
)
def test_maximum_grants(code, max_grant):
    assert Format.objects.get(code=code).max_grant_eur == max_grant


def test_special_applicants_and_partners():
    assert Format.objects.get(code="ERASMUS-EDU-PCOOP-ENGO").min_ngo_network_countries == 9
    assert set(Format.objects.get(code="ERASMUS-JMO-OFET-TT").applicant_kinds) == {
        "higher_education",
        "teacher_training",
    }
    capacity = Format.objects.get(code="ERASMUS-EDU-CB-VET")
    assert capacity.min_non_associated_organisations == 2
    assert capacity.non_associated_may_join
    assert not Format.objects.get(code="KA210-VET").non_associated_may_join
    # Belarus is excluded where each action's section says so (pp. 236, 262, 293, 337).
    for code in (
        "KA220-VET",
        "ERASMUS-EDU-PCOOP-ENGO",
        "ERASMUS-EDU-PEX-COVE",
        "ERASMUS-EDU-PI-ALL-INNO-EDU-ENTERP",
        "ERASMUS-EDU-CB-VET",
    ):
        excluded = Format.objects.get(code=code).excluded_countries.values_list("code", flat=True)
        assert set(excluded) == {"BY"}, code
    # Lot 2 (the Blueprint) takes organisations from outside only as associated partners (p. 294).
    assert not Format.objects.get(code="ERASMUS-EDU-PI-ALL-INNO-BLUEPRINT").non_associated_may_join


def test_every_format_has_a_deadline():
    for fmt in Format.objects.prefetch_related("deadlines"):
        assert fmt.deadlines.all(), fmt.code


def test_country_statuses():
    member_states = Country.objects.in_call(2026).filter(
        status="eu_member", member_state__isnull=True
    )
    assert set(member_states.values_list("code", flat=True)) == EU
    assert (
        set(
            Country.objects.in_call(2026).filter(status="associated").values_list("code", flat=True)
        )
        == ASSOCIATED
    )
    assert Country.objects.in_call(2026).count() > 240
    assert Country.objects.in_call(2026).get(code="CH").status == "non_associated"
    assert Country.objects.in_call(2026).get(code="GB").status == "non_associated"
    assert Country.objects.in_call(2026).get(code="MA").region == 3
    assert Country.objects.in_call(2026).get(code="RU").region == 4


def test_every_programme_country_has_a_national_agency():
    for country in Country.objects.programme_countries():
        assert country.agencies.filter(kind="national_agency").exists(), country.code


def test_every_non_associated_country_has_a_region_or_says_why_not():
    # Programme Guide 2026, pp. 34-36: 169 countries in Regions 1 to 14.
    outside = CountryStatus.objects.filter(call=2026, status="non_associated")
    assert outside.filter(region__isnull=False).count() == 169
    for status in outside.filter(region__isnull=True):
        assert "no region" in status.source_note or not status.confirmed, status.country_id


@pytest.mark.parametrize(
    ("code", "member_state"),
    [("RE", "FR"), ("GF", "FR"), ("CW", "NL"), ("AW", "NL"), ("GL", "DK"), ("AX", "FI")],
)
def test_territories_take_part_as_their_member_state(code, member_state):
    country = Country.objects.in_call(2026).get(code=code)
    assert (country.member_state_id, country.status) == (member_state, "eu_member")


def test_svalbard_and_bouvet_stay_unconfirmed():
    for code in ("SJ", "BV"):
        country = Country.objects.get(code=code)
        assert (country.member_state_id, country.confirmed) == (None, False)


def test_belgium_has_one_agency_per_community():
    communities = Agency.objects.national().filter(country="BE").values_list("community", flat=True)
    assert sorted(communities) == ["de", "fr", "nl"]


def test_the_countries_with_an_agency_per_community_are_those_whose_agencies_name_one():
    flagged = set(Country.objects.filter(has_communities=True).values_list("code", flat=True))
    named = set(Agency.objects.exclude(community="").values_list("country", flat=True))
    assert flagged == named == {"BE"}


def test_eacea_exists():
    assert Agency.objects.get(kind="eacea").country is None


def test_content_the_brochure_describes():
    assert MobilityActivity.objects.count() >= 10
    assert CostCategory.objects.count() == 8
    assert Priority.objects.count() == 4
    assert set(ExampleProject.objects.values_list("code", flat=True)) >= {
        "award",
        "platform-urban-greening",
        "eddie",
    }
    assert Award.objects.count() == 2
    assert Platform.objects.filter(succeeded_by__code="european-school-education-platform").count()
    assert Pathway.objects.filter(kind="without_applying").count() == 2
    assert Pathway.objects.filter(kind="exchange").exists()


@pytest.mark.parametrize(
    ("code", "min_days", "max_days"),
    [
        ("learner_short_term", 10, 89),
        ("learner_erasmuspro", 90, 365),
        ("learner_group", 2, 30),
        ("skills_competition", 1, 10),
        ("staff_job_shadowing", 2, 60),
        ("staff_teaching", 2, 365),
        ("staff_course", 2, 10),  # Programme Guide 2026, p. 86
        ("invited_expert", 2, 60),
        ("hosting_teacher_in_training", 10, 365),
    ],
)
def test_activity_day_limits(code, min_days, max_days):
    activity = MobilityActivity.objects.get(code=code)
    assert (activity.min_days, activity.max_days) == (min_days, max_days)


def test_every_record_names_its_source():
    for model in apps.get_app_config("opportunities").get_models():
        if not hasattr(model, "source_url") or model.__name__.startswith("Historical"):
            continue
        missing = model.objects.filter(source_url="")
        assert not missing.exists(), f"{model.__name__}: {list(missing[:5])}"


def test_every_record_is_in_both_languages():
    for model in apps.get_app_config("opportunities").get_models():
        fields = [f.name for f in model._meta.fields if f.name.endswith("_nl")]
        for field in fields:
            english = field[:-3] + "_en"
            for record in model.objects.all():
                assert bool(getattr(record, field)) == bool(getattr(record, english)), (
                    f"{model.__name__} {record}: {field}"
                )


def test_at_most_two_format_rules_stay_unconfirmed_each_with_its_reason():
    offered = Format.objects.filter(offered=True)
    assert all(fmt.confirmed for fmt in offered)
    unconfirmed = [(fmt, rule) for fmt in offered for rule in fmt.unconfirmed_rules]
    assert len(unconfirmed) <= 2
    for fmt, rule in unconfirmed:
        assert f"UNCONFIRMED {rule}" in fmt.source_note, fmt.code


def test_every_2026_format_rule_cites_the_programme_guide():
    for fmt in Format.objects.prefetch_related("deadlines"):
        assert "programme-guide-2026_en.pdf#page=" in fmt.source_url, fmt.code
        for deadline in fmt.deadlines.all():
            if deadline.call_year == 2026:
                assert "programme-guide-2026_en.pdf#page=" in deadline.source_url, fmt.code
