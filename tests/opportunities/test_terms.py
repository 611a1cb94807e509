import re

import pytest

from opportunities.models import Format, Term

pytestmark = pytest.mark.django_db


def test_every_brochure_format_name_has_a_term():
    for code in [
        "KA122-VET",
        "KA210-VET",
        "KA220-VET",
        "ERASMUS-EDU-PEX-COVE",
        "ERASMUS-EDU-PI-FORWARD",
    ]:
        assert Term.objects.filter(format__code=code).exists(), code


@pytest.mark.parametrize(
    ("dutch", "english", "code"),
    [
        ("actielijn", "Key Action", ""),
        (
            "kortlopende mobiliteitsprojecten",
            "Short-term projects for mobility of learners and staff",
            "KA122-VET",
        ),
        ("kleinschalige partnerschappen", "Small-scale partnerships", "KA210-VET"),
        (
            "kenniscentra voor beroepsopleiding",
            "Centres of Vocational Excellence",
            "ERASMUS-EDU-PEX-COVE",
        ),
        ("individuele leermobiliteit", "Learning mobility of individuals", "KA1"),
    ],
)
def test_brochure_terms_map_to_official_names_and_codes(dutch, english, code):
    term = Term.objects.get(name_nl=dutch)

    assert (term.name_en, term.code) == (english, code)


def test_every_term_cites_its_source():
    assert not Term.objects.filter(source_url="").exists()
    assert not Term.objects.filter(source_note="").exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_terms_page_lists_every_term_with_few_queries(
    client, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(2):  # +1: the page cache's programme version
        response = client.get(f"/{language}/terms/")

    assert response.status_code == 200
    for term in Term.objects.all():
        assert f'id="term-{term.pk}"' in response.text
    assert f'<a href="/{language}/formats/KA210-VET/">KA210-VET</a>' in response.text


def test_format_page_shows_its_terms(client):
    text = client.get("/en/formats/KA210-VET/").text

    assert '<dt lang="nl">kleinschalige partnerschappen</dt>' in text


def test_a_deleted_format_leaves_its_term(db):
    fmt = Format.objects.get(code="KA210-VET")
    term = fmt.terms.first()
    fmt.grant_tiers.all().delete()
    fmt.deadlines.all().delete()
    fmt.example_projects.clear()
    fmt.alternatives.clear()
    Format.alternatives.through.objects.filter(to_format=fmt).delete()
    fmt.delete()

    term.refresh_from_db()
    assert term.format is None


def test_terms_are_in_alphabetical_order_whatever_their_case(client):
    text = client.get("/nl/terms/").text
    names = re.findall(r'<th scope="row" lang="nl">([^<]+)</th>', text)

    assert len(names) == Term.objects.count()
    assert names == sorted(names, key=str.lower)
    assert names != sorted(names)  # a lower-case term ("eTwinning") sorts among the others
