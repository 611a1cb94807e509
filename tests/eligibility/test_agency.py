"""Which agency takes an application: one rule on plain values, read by every caller."""

import pytest

from eligibility.engine import AgencyFacts, CountryFacts, Programme

NL = AgencyFacts("Nuffic", "https://nl.example", "national_agency", "NL")
FLEMISH = AgencyFacts("Epos", "https://be.example", "national_agency", "BE", "nl")
FRENCH = AgencyFacts("AEF-Europe", "https://fr.example", "national_agency", "BE", "fr")
EACEA = AgencyFacts("EACEA", "https://eacea.example", "eacea", None)
PROGRAMME = Programme(
    formats=(),
    countries={
        "NL": CountryFacts("NL", "Netherlands", "eu_member", None),
        "BE": CountryFacts("BE", "Belgium", "eu_member", None, has_communities=True),
        "MA": CountryFacts("MA", "Morocco", "non_associated", 3),
        "IS": CountryFacts("IS", "Iceland", "associated", None),
    },
    agencies=(NL, FLEMISH, FRENCH, EACEA),
)


@pytest.mark.parametrize(
    ("country", "community", "managed_by", "agency"),
    [
        ("NL", "", "national_agency", NL),
        ("NL", "fr", "national_agency", NL),  # a community means nothing outside Belgium
        ("BE", "nl", "national_agency", FLEMISH),
        ("BE", "fr", "national_agency", FRENCH),
        ("BE", "", "national_agency", None),  # which one depends on the community
        ("BE", "de", "national_agency", None),  # no agency of that community in the data
        ("MA", "", "national_agency", None),  # outside the programme
        ("IS", "", "national_agency", None),  # no agency in the data
        ("XX", "", "national_agency", None),
        ("MA", "", "eacea", EACEA),
        ("BE", "", "eacea", EACEA),
    ],
)
def test_the_agency_that_takes_the_application(country, community, managed_by, agency):
    assert PROGRAMME.agency(country, community, managed_by) == agency


def test_only_a_country_with_an_agency_per_community_depends_on_it():
    assert PROGRAMME.per_community("BE")
    assert not PROGRAMME.per_community("NL")
    assert not PROGRAMME.per_community("XX")
    assert not PROGRAMME.per_community(None)


@pytest.mark.django_db
@pytest.mark.parametrize(("community", "name"), [("fr", "AEF-Europe"), ("nl", "Epos")])
def test_page_and_api_name_the_same_agency(client, community, name):
    answers = {"country": "BE", "community": community, "format": "KA210-VET"}

    page = client.get("/en/check/", answers)
    api = client.get("/api/v1/eligibility", answers).json()

    assert page.context["result"]["national_agency"].name.startswith(name)
    assert api["formats"][0]["apply_to"]["name"].startswith(name)
