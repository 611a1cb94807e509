import pytest
from django.utils.html import escape

from opportunities.models import Agency, Country

pytestmark = pytest.mark.django_db

URL = "/nl/check/"
FITTING = {
    "country": "NL",
    "organisation_type": "vet_provider",
    "partners": ["DE", "FR"],
    "duration_months": "24",
    "grant_eur": "250000",
}


def test_empty_form_asks_the_questions(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'name="country"' in response.text
    assert 'name="partners"' in response.text
    assert "Uw resultaat" not in response.text


def test_a_situation_gets_verdicts_grouped(client, django_assert_max_num_queries):
    # The programme version, formats, countries, agencies, ways to take part and the
    # deadlines of the formats that fit.
    with django_assert_max_num_queries(6):
        response = client.get(URL, FITTING)

    assert response.status_code == 200
    text = response.text
    assert "<html" in text
    assert text.index("Past") < text.index("KA220-VET")
    assert "Nationaal Agentschap" in text
    assert "Controleer uw antwoorden" in text


def test_htmx_request_gets_only_the_checker_and_status(client):
    response = client.get(URL, FITTING, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="checker"' in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text


def test_prefilled_format_comes_first(client):
    response = client.get(URL, {**FITTING, "format": "KA210-VET", "partners": ["DE"]})

    text = response.text
    assert text.index('id="verdict-KA210-VET"') < text.index('id="verdict-KA220-VET"')


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"country": "XX"}, "country", "Kies een land"),
        ({"country": "NL", "duration_months": "abc"}, "duration_months", "geheel getal"),
        ({"country": "NL", "participants": "-3"}, "participants", "0"),
        ({"country": "NL", "grant_eur": "10" * 30}, "grant_eur", ""),
        ({"country": "NL", "partners": ["ZZ"]}, "partners", "ZZ"),
        ({"country": "NL", "partners": ["DE"] * 500}, "partners", "30"),
    ],
)
def test_bad_input_gets_a_message_next_to_the_field(client, params, field, message):
    response = client.get(URL, params)

    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert message in str(form.errors[field])
    assert "Sommige antwoorden moeten worden verbeterd" in response.text


def test_bad_input_in_english(client):
    response = client.get("/en/check/", {"country": "NL", "duration_months": "abc"})

    assert response.status_code == 400
    assert "Enter a whole number" in response.text


def test_add_partner_without_javascript_redirects_to_the_answers(client):
    response = client.get(URL, {"country": "NL", "partners": ["DE"], "add_partner": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{URL}?country=NL&partners=DE&partners="
    page = client.get(response["Location"])
    assert page.text.count('name="partners"') == 2


def test_add_partner_with_htmx_adds_a_row_in_place_and_pushes_the_url(client):
    response = client.get(
        URL,
        {"country": "NL", "partners": ["DE"], "add_partner": "1"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.text.count('name="partners"') == 2
    assert "autofocus" in response.text
    assert response["HX-Push-Url"] == f"{URL}?country=NL&partners=DE&partners="


def test_remove_partner(client):
    response = client.get(URL, {"country": "NL", "partners": ["DE", "FR"], "remove_partner": "0"})

    assert response["Location"] == f"{URL}?country=NL&partners=FR"


def test_community_is_asked_for_belgium_only(client):
    flemish = client.get(URL, {**FITTING, "country": "BE", "community": "nl"})
    dutch = client.get(URL, {**FITTING, "country": "NL", "community": "nl"})

    assert "Epos" in flemish.text
    assert dutch.context["form"].cleaned_data["community"] == ""


def test_the_community_is_asked_wherever_the_data_has_agencies_per_community(client):
    Country.objects.filter(code="NL").update(has_communities=True)

    asked = client.get("/en/check/", FITTING)
    kept = client.get("/en/check/", {**FITTING, "community": "nl"})

    assert "Tell us your community" in asked.text
    assert kept.context["form"].cleaned_data["community"] == "nl"


def test_individual_is_told_their_organisation_applies(client):
    response = client.get(URL, {"country": "NL", "organisation_type": "individual"})

    assert (
        "Particulieren kunnen geen aanvraag indienen" in response.text
        or "organisatie" in response.text
    )
    assert response.context["result"]["counts"]["eligible"] == 0


def test_partner_rows_stop_at_the_limit_with_a_message(client):
    at_limit = client.get(URL, {"country": "NL", "partners": ["DE"] * 30})
    past_limit = client.get(URL, {"country": "NL", "partners": ["DE"] * 100})
    added = client.get(URL, {"country": "NL", "partners": ["DE"] * 30, "add_partner": "1"})

    assert at_limit.status_code == 200
    assert "Partner toevoegen" not in at_limit.text
    assert "maximaal 30 partnerorganisaties" in at_limit.text
    assert past_limit.status_code == 400
    assert past_limit.text.count('name="partners"') == 30
    assert len(past_limit.content) < 400_000  # 100 rows made 1 MB
    assert added["Location"].count("partners=DE") == 30


def test_yes_no_answers_may_be_written_true_or_false(client):
    response = client.get(URL, {"country": "NL", "accredited": "true"})

    assert response.status_code == 200
    assert '<option value="1" selected>' in response.text


def test_names_from_the_programme_are_escaped_in_the_verdicts(client):
    from opportunities.models import Format

    fmt = Format.objects.get(code="KA220-VET")
    fmt.name_nl = "Samen <b>werken</b> & leren"
    fmt.save()

    text = client.get(URL, FITTING).text

    assert "Samen &lt;b&gt;werken&lt;/b&gt; &amp; leren</a>" in text
    assert "<b>werken</b>" not in text


BRAZIL = {
    "country": "NL",
    "organisation_type": "vet_provider",
    "partners": ["DE", "FR", "BR"],
    "duration_months": "24",
    "format": "KA220-VET",
}


def test_a_brazilian_partner_is_refused_with_the_regions_named(client):
    # Programme Guide 2026, pp. 236-237: partners from outside the programme from Regions 1-3.
    page = client.get(URL, {k: v for k, v in BRAZIL.items() if k != "format"})
    api = client.get(
        "/api/v1/eligibility", {**BRAZIL, "partners": "DE,FR,BR", "lang": "nl"}
    ).json()["formats"][0]

    verdict = next(
        v
        for outcome, group in page.context["result"]["groups"]
        for v in group
        if v.code == "KA220-VET" and outcome == "not_eligible"
    )
    reason = next(c for c in verdict.checks if c.rule == "non_associated_regions").message
    assert "Brazilië" in reason and "1–3" in reason
    assert escape(reason) in page.text
    api_reason = next(c for c in api["checks"] if c["rule"] == "non_associated_regions")
    assert api["verdict"] == "not_eligible" and api_reason["message"] == reason


@pytest.mark.parametrize(("country", "member_state"), [("RE", "FR"), ("CW", "NL")])
def test_a_territory_applies_to_its_member_states_agency(client, country, member_state):
    query = {
        "country": country,
        "organisation_type": "vet_provider",
        "accredited": "false",
        "short_term_grants_last_5_years": "0",
        "duration_months": "12",
        "participants": "20",
        "format": "KA122-VET",
        "lang": "nl",
    }

    verdict = client.get("/api/v1/eligibility", query).json()["formats"][0]

    assert verdict["verdict"] == "eligible"
    agency = Agency.objects.national().get(country=member_state)
    assert verdict["apply_to"]["name"] == agency.name
    reason = next(c for c in verdict["checks"] if c["rule"] == "applicant_country")["message"]
    assert "doet mee als" in reason


def test_the_checker_says_georgian_partners_may_not_be_its_authorities(client):
    query = "country=NL&partners=ES&partners=GE&partners=GE&duration_months=36&goal=build_capacity"

    text = client.get(f"/nl/check/?{query}").text

    assert "Partners uit Georgië doen alleen mee als zij geen autoriteit van dat land zijn" in text


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", ["Antwoord:", "Kijk in plaats daarvan naar:", "Bron:", "Aanvraag indienen bij:"]),
        ("en", ["Answer:", "Consider instead:", "Source:", "Apply to:"]),
    ],
)
def test_a_verdicts_lines_are_in_the_pages_language(client, language, words):
    """A question, an alternative, a source and the agency: each line's label translated."""
    query = "?country=NL&goal=send_learners&partners=ES&participants=31"
    text = client.get(f"/{language}/check/{query}").text

    assert all(word in text for word in words), [w for w in words if w not in text]
