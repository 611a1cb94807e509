import datetime
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from opportunities.models import ActionLine, Deadline, Format

pytestmark = pytest.mark.django_db

FIXTURE = Path(settings.BASE_DIR, "fixtures", "formats.json")
CODES = [
    item["fields"]["code"]
    for item in json.loads(FIXTURE.read_text(encoding="utf-8"))
    if item["model"] == "opportunities.format"
]


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_format_has_a_page_with_few_queries(
    client, django_assert_max_num_queries, code, language
):
    with django_assert_max_num_queries(7):  # +1: the page cache's programme version
        response = client.get(f"/{language}/formats/{code}/")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text
    assert code in response.text
    assert f"/{language}/check/?format={code}" in response.text


def test_format_page_states_the_rules_in_words(client):
    response = client.get("/en/formats/KA220-VET/")

    text = response.text
    assert "<h1>Cooperation partnerships in vocational education and training</h1>" in text
    assert "At least 3 organisations, yours included." in text
    assert "From at least 3 different EU member states" in text
    assert "12 to 36 months" in text
    assert "€&nbsp;120,000 · €&nbsp;250,000 · €&nbsp;400,000" in text
    assert "the National Agency of your country" in text
    assert 'href="/en/agencies/"' in text
    assert "kleinschalige" not in text
    assert "samenwerkingspartnerschappen" in text


def test_format_page_is_dutch_in_dutch(client):
    text = client.get("/nl/formats/KA210-VET/").text

    assert "Kleinschalige partnerschappen in beroepsonderwijs en -opleiding" in text
    assert "Ten minste 2 organisaties, uw organisatie meegerekend." in text
    assert "Small-scale partnerships" in text  # the term bridge names the English original


def test_eacea_format_links_eacea(client):
    text = client.get("/en/formats/ERASMUS-EDU-PEX-COVE/").text

    assert '<a href="https://www.eacea.ec.europa.eu/">EACEA in Brussels</a>' in text
    assert "up to € 4,000,000" in text


def test_unconfirmed_rule_says_where_to_check(client):
    ka220 = Format.objects.get(code="KA220-VET")
    ka220.unconfirmed_rules = ["duration"]
    ka220.save()
    alliance = client.get("/en/formats/ERASMUS-EDU-PI-ALL-INNO-EDU-ENTERP/").text
    partners = alliance[alliance.index("<dt>With whom</dt>") : alliance.index("<dt>Duration</dt>")]
    text = client.get("/en/formats/KA220-VET/").text
    duration = text[text.index("<dt>Duration</dt>") : text.index("<dt>Grant</dt>")]

    assert "At least 8 organisations" in partners
    assert "check the call on the Funding & Tenders Portal" in partners
    assert "check with your National Agency" in duration


def test_unconfirmed_format_says_so_at_the_top(client):
    fmt = Format.objects.get(code="KA210-VET")
    fmt.confirmed = False
    fmt.save()

    text = client.get("/en/formats/KA210-VET/").text
    top = text[: text.index('aria-labelledby="facts-title"')]

    assert "No official source confirms every fact about this format yet." in top
    assert '<a class="marker" href="#unconfirmed-facts">' in top


def test_the_note_on_unconfirmed_facts_names_the_formats_agency(client):
    eacea = client.get("/en/formats/ERASMUS-EDU-PI-FORWARD/").text
    national = client.get("/en/formats/KA220-VET/").text

    assert eacea.count('id="unconfirmed-facts"') == 1
    assert "Check them in the call on the" in eacea
    assert "your National Agency</a> before you apply." not in eacea
    assert "your National Agency</a> before you apply." in national


def test_a_format_not_offered_says_so_and_what_replaced_it(client):
    text = client.get("/en/formats/ERASMUS-EDU-PI-FORWARD/").text

    assert 'id="not-offered"' in text
    assert "The 2026 call does not offer this format." in text
    assert "Alliances for Innovation" in text


def test_sources_are_labelled_and_editors_notes_stay_in_the_admin(client):
    fmt = Format.objects.get(code="KA220-VET")
    nl = client.get("/nl/formats/KA220-VET/").text
    en = client.get("/en/formats/KA220-VET/").text

    assert "Programmagids 2026, p. 236</a>" in nl
    assert "Programme Guide 2026, p. 236</a>" in en
    assert fmt.source_note[:40] not in en and fmt.source_note[:40] not in nl


def test_confirmed_rule_has_no_warning(client):
    text = client.get("/en/formats/KA122-VET/").text
    duration = text[text.index("<dt>Duration</dt>") : text.index("<dt>Grant</dt>")]

    assert "6 to 18 months" in duration
    assert "check with" not in duration


def test_future_deadline_is_the_next_deadline(client):
    fmt = Format.objects.get(code="KA210-VET")
    next_year = timezone.now().year + 1
    Deadline.objects.create(
        format=fmt,
        call_year=next_year,
        date=datetime.date(next_year, 3, 4),
        time=datetime.time(12),
        note_en="Round 1.",
    )

    text = client.get("/en/formats/KA210-VET/").text

    assert f'datetime="{next_year}-03-04"' in text
    assert "not yet published" not in text


def test_without_a_future_deadline_the_expected_ones_and_the_last_one_are_named(client):
    fmt = Format.objects.get(code="KA210-VET")
    fmt.deadlines.filter(date__gte=timezone.now().date()).delete()
    last = fmt.deadlines.order_by("date").last()
    year = last.call_year + 1

    english = client.get("/en/formats/KA210-VET/").text
    dutch = client.get("/nl/formats/KA210-VET/").text

    period = '<time class="expected-period" datetime="{}">expected in early {}</time> (round {})'
    assert (
        f"Next call: {period.format(f'{year}-03', f'March {year}', 1)}; "
        f"{period.format(f'{year}-10', f'October {year}', 2)}; not yet announced."
    ) in english
    assert f"verwacht begin maart {year}</time> (ronde 1)" in dutch
    assert "nog niet bekendgemaakt" in dutch
    assert f'The last one was <time datetime="{last.date.isoformat()}"' in english


def test_sources_of_the_format_and_its_deadlines_are_listed(client):
    fmt = Format.objects.get(code="KA122-VET")

    text = client.get("/en/formats/KA122-VET/").text
    sources = text[text.index('id="sources-title"') :]

    assert fmt.source_url in sources
    for deadline in fmt.deadlines.all():
        assert deadline.source_url in sources


def test_ka1_format_lists_the_activities(client):
    text = client.get("/en/formats/KA122-VET/").text

    assert "Job shadowing" in text
    assert 'href="/en/activities/#costs"' in text


def test_example_projects_appear_on_their_format(client):
    assert "EDDIE" in client.get("/en/formats/ERASMUS-EDU-PI-ALL-INNO-BLUEPRINT/").text


def test_unknown_format_is_404(client):
    assert client.get("/en/formats/KA999-VET/").status_code == 404
    assert client.get("/en/formats/%3Cscript%3E/").status_code == 404


def test_code_in_other_case_redirects_to_the_page(client):
    response = client.get("/en/formats/ka220-vet/")

    assert response.status_code == 301
    assert response["Location"] == "/en/formats/KA220-VET/"


def test_activities_follow_the_mobility_flag_not_the_code(client):
    ActionLine.objects.filter(code="KA1").update(is_mobility=False)
    ActionLine.objects.filter(code="KA2").update(is_mobility=True)

    assert "Job shadowing" not in client.get("/en/formats/KA122-VET/").text
    assert "Job shadowing" in client.get("/en/formats/KA220-VET/").text
