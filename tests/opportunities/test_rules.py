"""Every format rule is declared once, in opportunities/rules.py, and every reader knows it."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import translation

from eligibility.engine import CountryFacts, FormatRules, Programme, Situation, judge
from eligibility.programme import load_programme
from opportunities.models import Format
from opportunities.rules import FACTS, RULE_NAMES, RULES

pytestmark = pytest.mark.django_db

# Checks the engine makes that are not a format's rules: who applies and where.
OTHER_CHECKS = {"applicant", "applicant_country", "authorities_excluded", "community"}


def test_names_and_fields_are_declared_once():
    assert len(set(RULE_NAMES)) == len(RULES)
    fields = [name for rule in RULES for name in rule.fields]
    assert len(set(fields)) == len(fields)
    assert {rule.fact.name for rule in RULES} == {fact.name for fact in FACTS}


def test_the_api_gives_every_rule_field_under_its_key(client):
    fmt = Format.objects.get(code="ERASMUS-EDU-CB-VET")

    data = client.get(f"/api/v1/formats/{fmt.code}/").json()

    for rule in RULES:
        for name in rule.fields:
            value = getattr(fmt, name)
            expected = [r.pk for r in value.all()] if hasattr(value, "all") else value
            assert data[rule.api_key(name)] == expected, name
    assert data["lump_sums_eur"] == fmt.lump_sums
    assert sorted(data["excluded_countries"]) == ["BY"]
    assert data["non_associated_regions"] == [1, 2, 3, 9, 10, 11]


def test_the_admin_offers_every_rule_as_unconfirmed_and_edits_its_fields(client):
    client.force_login(User.objects.create_superuser("admin", "admin@example.org"))
    fmt = Format.objects.get(code="KA220-VET")

    with translation.override("en"):
        response = client.get(f"/admin/opportunities/format/{fmt.pk}/change/")

    form = response.context["adminform"].form
    choices = dict(form.fields["unconfirmed_rules"].choices)
    assert list(choices) == list(RULE_NAMES)
    assert all(choices[rule.name] == rule.label for rule in RULES)
    fieldsets = {str(fieldset.name): fieldset.fields for fieldset in response.context["adminform"]}
    for rule in RULES:
        edited = [name for name in rule.fields if name != "lump_sums"]
        assert tuple(edited) in fieldsets[str(rule.fact.title)], rule.name
    assert "grant_tiers" in response.text  # the lump sums' own table


def test_format_validation_accepts_every_declared_rule():
    fmt = Format.objects.get(code="KA220-VET")
    fmt.unconfirmed_rules = list(RULE_NAMES)

    fmt.full_clean()

    assert fmt.unconfirmed == set(RULE_NAMES)


def test_the_snapshot_holds_every_rule_field():
    programme = load_programme()

    rules = next(r for r in programme.formats if r.code == "ERASMUS-EDU-CB-VET")
    fmt = Format.objects.get(code=rules.code)
    assert rules.excluded_countries == {"BY"}
    assert rules.min_organisations == fmt.min_organisations
    for name in (n for rule in RULES for n in rule.fields):
        assert hasattr(rules, name), name


def everything_ruled(**changes):
    """A format on which every declared rule applies."""
    rules = {
        "code": "ALL",
        "name": "Every rule",
        "managed_by": "national_agency",
        "applicant_kinds": ("vet_provider",),
        "min_ngo_network_countries": 5,
        "accredited_excluded": True,
        "accredited_required": True,
        "max_grants": 3,
        "max_grants_period_years": 5,
        "min_organisations": 3,
        "max_organisations": 3,
        "min_countries": 2,
        "min_eu_member_states": 1,
        "non_associated_may_join": True,
        "non_associated_regions": (1,),
        "excluded_countries": frozenset({"BY"}),
        "min_non_associated_organisations": 1,
        "non_associated_one_region": True,
        "non_associated_majority": True,
        "duration_min_months": 12,
        "duration_max_months": 24,
        "max_participants": 10,
        "lump_sums": (60_000,),
    }
    return FormatRules(**{**rules, **changes})


def test_the_engine_judges_every_declared_rule_and_nothing_else():
    countries = {
        "NL": CountryFacts("NL", "Netherlands", "eu_member", None),
        "DE": CountryFacts("DE", "Germany", "eu_member", None),
        "AL": CountryFacts("AL", "Albania", "non_associated", 1),
        "MA": CountryFacts("MA", "Morocco", "non_associated", 3),
        "BY": CountryFacts("BY", "Belarus", "non_associated", 2),
    }
    programme = Programme(formats=(everything_ruled(),), countries=countries, agencies=())
    answers = {
        "country": "NL",
        "organisation_type": "vet_provider",
        "accredited": False,
        "short_term_grants_last_5_years": 0,
        "ngo_network_countries": 9,
        "duration_months": 12,
        "participants": 5,
        "grant_eur": 60_000,
    }

    judged = set()
    # Partners from an eligible region, then from excluded and ineligible ones.
    for partners in (("DE", "AL"), ("DE", "BY", "MA")):
        (verdict,) = judge(Situation(**answers, partners=partners), programme)
        judged |= {check.rule for check in verdict.checks}

    assert judged - OTHER_CHECKS == set(RULE_NAMES)


def test_an_unconfirmed_declared_rule_is_never_a_yes_or_no():
    programme = Programme(
        formats=(everything_ruled(unconfirmed_rules=frozenset(RULE_NAMES)),),
        countries={"NL": CountryFacts("NL", "Netherlands", "eu_member", None)},
        agencies=(),
    )

    (verdict,) = judge(Situation(country="NL", partners=()), programme)

    ruled = [check for check in verdict.checks if check.rule in RULE_NAMES]
    assert ruled and all(check.status == "unknown" for check in ruled)


@pytest.mark.parametrize(
    "path", ["/en/formats/KA220-VET/", "/en/compare/?formats=KA210-VET&formats=KA220-VET"]
)
def test_the_pages_show_a_line_per_fact(client, path):
    text = client.get(path).text

    for fact in FACTS:
        with translation.override("en"):
            title = str(fact.title)
        assert f">{title}</" in text, title


def test_each_facts_words_mark_its_rules_when_unconfirmed():
    for rule in RULES:
        words = Path(settings.BASE_DIR, "templates", rule.fact.template).read_text()
        assert f'"{rule.name}"' in words, rule.name


@pytest.mark.parametrize(
    ("organisation_type", "status"),
    [("public_authority", "fail"), (None, "unknown"), ("vet_provider", "pass")],
)
def test_an_applicant_whose_countrys_authorities_are_excluded(organisation_type, status):
    """Programme Guide 2026, p. 34, footnote 46, for a format open to non-associated applicants."""
    guide = (
        "https://erasmus-plus.ec.europa.eu/sites/default/files/2025-11/programme-guide-2026_en.pdf"
    )
    georgia = CountryFacts("GE", "Georgia", "non_associated", 2, True, False, None, True, guide)
    programme = Programme(
        formats=(everything_ruled(non_associated_may_apply=True, non_associated_regions=(2,)),),
        countries={"GE": georgia, "DE": CountryFacts("DE", "Germany", "eu_member", None)},
        agencies=(),
    )

    with translation.override("en"):
        situation = Situation(country="GE", organisation_type=organisation_type, partners=("DE",))
        (verdict,) = judge(situation, programme)

    (check,) = [check for check in verdict.checks if check.rule == "authorities_excluded"]
    assert check.status == status
    assert "Georgia" in check.message
    assert check.field == ("organisation_type" if status == "unknown" else "")
