import html
import importlib
import re

import pytest
from django.db import connection

from opportunities import search as catalogue_search
from opportunities.models import Format, Term

pytestmark = pytest.mark.django_db


def titles(text):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a>', text)


def formats(text):
    """Return the format code of each hit, or None for a hit that is not a format."""
    return [
        match.group(1)
        for match in re.finditer(r'<h3><a href="/\w\w/(?:formats/([^/]+)/)?[^"]*">', text)
    ]


def snippets(text):
    return [
        html.unescape(re.sub(r"</?mark>", "", snippet))
        for snippet in re.findall(r'<p class="snippet" lang="\w\w">(.*?)</p>', text, re.DOTALL)
    ]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_search_page_without_a_query_shows_the_form(
    client, django_assert_max_num_queries, language
):
    with django_assert_max_num_queries(1):  # +1: the page cache's programme version
        response = client.get(f"/{language}/search/")

    assert response.status_code == 200
    assert 'role="search"' in response.text and 'name="q"' in response.text
    assert "<ol" not in response.text


def test_search_runs_one_query_per_kind_of_record(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # +1: the page cache's programme version
        response = client.get("/nl/search/", {"q": "partnerschappen"})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        (
            "nl",
            "kleinschalige partnerschappen",
            "Kleinschalige partnerschappen in beroepsonderwijs en -opleiding",
        ),
        (
            "nl",
            "kleinschalige partnerschappen",
            "kleinschalige partnerschappen = Small-scale partnerships",
        ),
        (
            "en",
            "small-scale partnerships",
            "Small-scale partnerships in vocational education and training",
        ),
        (
            "en",
            "kenniscentra voor beroepsopleiding",
            "kenniscentra voor beroepsopleiding = Centres of Vocational Excellence",
        ),
        (
            "nl",
            "Centres of Vocational Excellence",
            "kenniscentra voor beroepsopleiding = Centres of Vocational Excellence",
        ),
        ("en", "job shadowing", "Job shadowing"),
        ("nl", "reiskosten", "Reiskosten"),
        ("en", "EDDIE", "EDDIE: Education for Digitalisation of Energy"),
        ("en", "KA220", "Cooperation partnerships in vocational education and training"),
    ],
)
def test_search_finds_records_in_either_language(client, language, query, expected):
    response = client.get(f"/{language}/search/", {"q": query})

    assert expected in titles(response.text)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("stage", {"KA122-VET"}),
        ("buitenland", {"KA122-VET"}),
        ("stage lopen in het buitenland", {"KA122-VET"}),
        ("leerlingen naar het buitenland", {"KA122-VET"}),
        ("job shadowing", {"KA122-VET"}),
        ("partnerschap", {"KA220-VET", "KA210-VET"}),
        ("samenwerken met scholen in het buitenland", {"KA220-VET", "KA210-VET"}),
    ],
)
def test_a_teachers_everyday_words_find_the_format_among_the_first_three(
    client, language, query, expected
):
    found = formats(client.get(f"/{language}/search/", {"q": query}).text)

    assert expected <= set(found[:3])


def test_a_format_is_found_through_the_everyday_words_an_editor_gives_its_term(client):
    term = Term.objects.get(name_nl="Erasmus-accreditatie")
    term.synonyms_nl = "zyxwvut"
    term.save()

    text = client.get("/en/search/", {"q": "zyxwvut"}).text
    found = formats(text)

    assert found == ["KA120-VET", None]  # the format first, then the term that names it
    assert "found through the term “Erasmus-accreditatie = Erasmus accreditation”" in text


def test_formats_rank_above_activities_and_examples_with_the_same_words(client):
    found = formats(client.get("/nl/search/", {"q": "buitenland"}).text)

    assert found[:2] == ["KA122-VET", "KA120-VET"]
    assert None in found  # activities and examples say it too, further down


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("query", ["buitenland", "stage", "organisaties", "job shadowing"])
def test_snippets_start_and_end_on_word_boundaries(client, language, query):
    texts = [
        re.sub(r"[\s·]+", " ", " · ".join(getattr(record, column) for column in kind.columns(lang)))
        for kind in catalogue_search.KINDS
        for record in kind.model.objects.all()
        for lang in ("nl", "en")
    ]

    found = snippets(client.get(f"/{language}/search/", {"q": query}).text)

    assert found
    for snippet in found:
        core = re.sub(r"[\s·]+", " ", snippet.removeprefix("… ").removesuffix(" …")).strip()
        whole = re.compile(rf"(?<!\w){re.escape(core)}(?!\w)")
        assert any(whole.search(text) for text in texts), snippet


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("short text", "short text"),
        ("  spaced\n text ", "spaced text"),
        ("one " * 40 + "\ue000two\ue001 three", "… " + "one " * 13 + "\ue000two\ue001 three"),
        ("\ue000two\ue001" + " three" * 40, "\ue000two\ue001" + " three" * 25 + " …"),
        ("x" * 200 + " y", "x" * 200 + " …"),
    ],
)
def test_a_snippet_is_a_window_of_whole_words_around_the_first_mark(text, snippet):
    assert catalogue_search.window(text) == snippet


def test_best_match_comes_first(client):
    found = titles(client.get("/en/search/", {"q": "job shadowing"}).text)

    assert found[0] == "Job shadowing"


def test_results_mark_why_they_matched(client):
    text = client.get("/en/search/", {"q": "shadowing"}).text

    assert "<mark>" in text and "hadowing</mark>" in text


def test_a_match_in_the_other_language_says_so(client):
    text = client.get("/en/search/", {"q": "reiskosten"}).text

    assert "found in the Dutch text" in text
    assert 'lang="nl"><mark>Reiskosten</mark>' in text


def test_nothing_found_says_so(client):
    response = client.get("/en/search/", {"q": "zzyzx"})

    assert response.status_code == 200
    assert "0 results for “zzyzx”." in response.text
    assert "Nothing found." in response.text


def test_htmx_request_gets_the_results_only(client):
    response = client.get("/en/search/", {"q": "partnerships"}, headers={"HX-Request": "true"})

    assert "<html" not in response.text and "<form" not in response.text
    assert 'id="search-status" data-hx-swap-oob="innerHTML">' in response.text
    assert titles(response.text)


@pytest.mark.parametrize("query", ["x" * 101, "a\x00b"])
def test_bad_query_is_a_400_with_a_message(client, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 400
    assert "<html" in response.text
    assert 'class="status" role="status">' in response.text


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", "' OR 1=1 --", '"&|!():*', "!!!", "de het een", "50% \\ %s"],
)
def test_odd_queries_are_harmless(client, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert" not in response.text


def test_escapes_record_text_in_snippets(db):
    snippet = catalogue_search.marked(catalogue_search.highlight("a <b> text", ["text"]))

    assert snippet == "a &lt;b&gt; <mark>text</mark>"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_postgresql_finds_other_forms_of_a_word(client):
    found = titles(client.get("/nl/search/", {"q": "partnerschap"}).text)

    assert "Kleinschalige partnerschappen in beroepsonderwijs en -opleiding" in found


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranks from PostgreSQL")
def test_hits_of_equal_rank_come_in_the_order_their_records_were_added():
    hits = [hit for hit in catalogue_search.search("organisaties") if hit.kind.model is Format]
    added = {fmt.code: fmt.pk for fmt in Format.objects.all()}

    ties = [
        (first, second)
        for first, second in zip(hits, hits[1:], strict=False)
        if first.score == second.score
    ]
    assert ties, "the data holds no two formats of equal rank for this word"
    for first, second in ties:
        assert added[first.code] < added[second.code], (first.code, second.code)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the SQLite fallback")
def test_fallback_needs_every_word(client):
    found = titles(client.get("/en/search/", {"q": "job zzyzx"}).text)

    assert found == []


def test_stored_search_documents_cover_the_searched_fields():
    migration = importlib.import_module("opportunities.migrations.0005_search_documents")
    synonyms = importlib.import_module("opportunities.migrations.0008_term_synonyms")
    tables = {**migration.TABLES, synonyms.TABLE: synonyms.FIELDS}

    for kind in catalogue_search.KINDS:
        table = kind.model._meta.db_table
        assert tables[table] == kind.fields
        assert migration.CODES.get(table, "") == kind.code_field
    assert len(tables) == len(catalogue_search.KINDS)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="tsvector needs PostgreSQL")
def test_postgresql_keeps_the_stored_document_of_an_edited_record_current(client):
    fmt = Format.objects.get(code="KA210-VET")
    fmt.name_en = "Zyxwvut partnerships"
    fmt.save()

    found = titles(client.get("/en/search/", {"q": "zyxwvut"}).text)

    assert found == ["Zyxwvut partnerships"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'opportunities_%%_search' "
            "AND indexdef LIKE '%%USING gin (search_document)%%'"
        )
        assert cursor.fetchone()[0] == len(catalogue_search.KINDS)
