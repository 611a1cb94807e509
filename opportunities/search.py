"""Search the catalogue in Dutch and English: formats, KA1 activities and costs, example projects
and the brochure's terms.

Within a record, names rank above summaries above descriptions; across kinds, formats rank
above terms, activities, costs and examples (``Kind.weight``). The brochure's terms bridge a
teacher's words to a format: a term matches on its Dutch and English names and on the everyday
words editors give it (``Term.synonyms_nl`` and ``synonyms_en``), and a format is found through
every matching term that names it, as if the term were part of the format's own text.

On PostgreSQL: full-text search with the ``dutch`` and ``english`` configurations (stemming, so
"partnerschap" finds "partnerschappen"), ranked by ``ts_rank``, and ``ts_headline`` marking why
a record matched. The weighted vectors are stored in a generated ``search_document`` column with
a GIN index (migrations 0005 and 0008), so a query does not build them row by row. On SQLite
(development): every word must occur in some field (case-insensitive substring), ranked by where
it occurs, with the words marked in Python. One query for every kind on PostgreSQL, one per kind
on SQLite. On both, a snippet is a window of whole words around the first mark.
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, replace
from functools import cache, reduce

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import (
    BooleanField,
    CharField,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .calls import active_year, keep_call
from .models import CostCategory, Described, ExampleProject, Format, MobilityActivity, Term

CONFIGS = {"nl": "dutch", "en": "english"}
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}
START, STOP = "\ue000", "\ue001"  # private-use marks, replaced by <mark> after escaping
MAX_WORDS = 8
SNIPPET_WIDTH = 160  # characters, about
TEXT = "\ue002"  # stands for the searched text in the SQL built once


@dataclass(frozen=True)
class Kind:
    """A model the search covers: its translated fields with their weight, and its links."""

    model: type
    label: str
    fields: tuple[tuple[str, str], ...]
    url: object
    code_field: str = ""  # searched as a word as well
    code: object = Value("")  # the action code a hit shows
    weight: float = 1.0  # of its hits' rank against other kinds' hits
    named_by_terms: bool = False  # also found through a matching term that names the record

    def columns(self, lang):
        return [f"{name}_{lang}" for name, _weight in self.fields]

    def records(self, year):
        """The kind's records in the call ``year`` with ``action_code``: a column, so a raw
        query carries it too."""
        records = self.model.objects.annotate(action_code=self.code)
        return records.filter(call_id=year) if self.model is Format else records


# The brochure's terms, bridging a teacher's words to the format a term names.
TERMS = Kind(
    Term,
    _("Term"),
    (("name", "A"), ("synonyms", "B")),
    lambda t: keep_call(f"{reverse('opportunities:terms')}#term-{t.pk}"),
    code=Coalesce("format__code", "action_line__code", Value(""), output_field=CharField()),
    weight=0.6,
)
KINDS = (
    Kind(
        Format,
        _("Format"),
        (("name", "A"), ("summary", "B"), ("description", "C")),
        # The call searched: a row of the PostgreSQL search holds no call of its own.
        lambda f: keep_call(reverse("opportunities:format-detail", args=[f.code])),
        code_field="code",
        code=F("code"),
        named_by_terms=True,
    ),
    TERMS,
    Kind(
        MobilityActivity,
        _("KA1 activity"),
        (("name", "A"), ("summary", "B"), ("conditions", "C")),
        lambda a: keep_call(f"{reverse('opportunities:activities')}#{a.code}"),
        weight=0.5,
    ),
    Kind(
        CostCategory,
        _("KA1 cost"),
        (("name", "A"), ("summary", "B"), ("description", "C")),
        lambda c: keep_call(f"{reverse('opportunities:activities')}#cost-{c.code}"),
        weight=0.4,
    ),
    Kind(
        ExampleProject,
        _("Example project"),
        (("name", "A"), ("summary", "B"), ("description", "C")),
        lambda p: keep_call(f"{reverse('opportunities:inspiration')}#{p.code}"),
        weight=0.4,
    ),
)


@dataclass(frozen=True)
class Hit:
    kind: Kind
    title: str
    code: str
    url: str
    rank: float  # within its kind; ``score`` compares kinds
    snippet: str  # safe HTML: escaped text with <mark> around what matched
    snippet_lang: str
    matched: bool  # by its own text; if not, only a matching term can find it
    via: Hit | None = None  # the term it was found through, when its own text did not match

    @classmethod
    def of(cls, kind, record, rank, snippets, matched=True):
        snippet, lang = best_snippet(snippets)
        # A term's title bridges both languages: "kleinschalige partnerschappen = Small-scale…".
        title = str(record) if isinstance(record, Term) else record.name
        url = kind.url(record)
        return cls(kind, title, record.action_code, url, rank, snippet, lang, matched)

    @property
    def score(self):
        return self.kind.weight * self.rank


def search(text: str) -> list[Hit]:
    """Return the records matching ``text``, best first."""
    text = " ".join(text.split()[:MAX_WORDS])
    if not text:
        return []
    if connection.vendor == "postgresql":
        hits = search_postgres(text)
    else:
        hits = [hit for kind in KINDS for hit in search_simple(kind, text)]
    return sorted(through_terms(hits), key=lambda hit: -hit.score)


def through_terms(hits):
    """Return the hits, each record a matching term names ranked up by that term's rank.

    A record found only through terms says through which.
    """
    naming = {}
    for hit in hits:
        if hit.kind is TERMS and hit.code:
            naming.setdefault(hit.code, []).append(hit)
    found = []
    for hit in hits:
        terms = naming.get(hit.code, []) if hit.kind.named_by_terms else []
        via = max(terms, key=lambda term: term.rank) if terms and not hit.matched else None
        found.append(replace(hit, rank=hit.rank + sum(term.rank for term in terms), via=via))
    return found


def marked(text):
    return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))


def best_snippet(snippets):
    """Prefer a snippet with a match in the page's language, then one in the other language."""
    active = (get_language() or "nl")[:2]
    ordered = sorted(snippets.items(), key=lambda item: item[0] != active)
    lang, snippet = next(((lang, s) for lang, s in ordered if START in s), ordered[0])
    return marked(window(snippet)), lang


def window(text, width=SNIPPET_WIDTH):
    """Return about ``width`` characters of ``text`` around its first mark, cut between words."""
    text = " ".join(text.split())
    first = max(text.find(START), 0)
    # From the start of the word a third of the width before the mark (marks hold no spaces).
    begin = text.rfind(" ", 0, max(first - width // 3, 0) + 1) + 1
    end = len(text)
    if begin + width < end:
        end = text.rfind(" ", begin, begin + width + 1)
        if end == -1:  # one word longer than the width: keep it whole
            end = text.find(" ", begin + width)
            end = len(text) if end == -1 else end
    before = "… " if begin else ""
    after = " …" if end < len(text) else ""
    return before + text[begin:end].strip(" ·") + after


def search_postgres(text):
    """Return every kind's hits, each kind's best first; equal ranks as the records were added."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXECUTE {prepared(cursor, active_year())} (%s)", [text])
        rows = sorted(cursor.fetchall(), key=lambda row: (row[0], -row[6], row[1]))
    hits = []
    for number, pk, name_nl, name_en, code, action_code, rank, matched, *headlines in rows:
        kind = KINDS[number]
        # Enough of the record for its title and link.
        record = kind.model(pk=pk, name_nl=name_nl, name_en=name_en)
        if isinstance(record, Described):
            record.code = code
        record.action_code = action_code
        snippets = dict(zip(CONFIGS, headlines, strict=True))
        hits.append(Hit.of(kind, record, rank, snippets, matched))
    return hits


def quoted(text):
    return connection.ops.compose_sql("%s", [text])


def prepared(cursor, year):
    """Return the name of the year's search statement, prepared once per database session.

    PostgreSQL took twice as long to plan the query as to run it (3.7 ms against 1.7 ms for
    "partnerschap"); a prepared statement is planned once for any text (1.6 ms in all), the
    general plan using the text search indexes. A rollback keeps the statement.
    """
    name = f"portal_search_{year or 0}"
    session = connection.connection
    done = getattr(session, "portal_prepared", None)
    if done is None:
        done = session.portal_prepared = set()
        # Only prepared statements follow this setting, and this is the portal's only one.
        cursor.execute("SET plan_cache_mode = force_generic_plan")
    if name not in done:
        cursor.execute(f"PREPARE {name} (text) AS {'$1'.join(statement(year))}")
        done.add(name)
    return name


@cache
def statement(year):
    """Return the SQL of one query for every kind, in parts to join with the searched text.

    Built once, values in: the ORM took longer to build it than PostgreSQL takes to answer it,
    and the driver to put its 180 parameters in. The text goes in quoted as the driver quotes
    a parameter.
    """
    columns = ("kind", "pk", "name_nl", "name_en", "own_code", "action_code", "rank", "matched")
    queries = [
        postgres_query(kind, TEXT, year)
        .annotate(
            kind=Value(number, output_field=IntegerField()),
            own_code=F("code") if issubclass(kind.model, Described) else Value(""),
        )
        .values_list(*columns, *(f"headline_{lang}" for lang in CONFIGS))
        for number, kind in enumerate(KINDS)
    ]
    union = queries[0].union(*queries[1:], all=True).order_by()
    return connection.ops.compose_sql(*union.query.sql_with_params()).split(quoted(TEXT))


def postgres_query(kind, text, year):
    queries = {
        lang: SearchQuery(text, config=config, search_type="websearch")
        for lang, config in CONFIGS.items()
    }
    words = reduce(operator.or_, queries.values())
    query = words
    if kind.code_field:
        query |= SearchQuery(text, config="simple", search_type="websearch")
    # Unqualified: the subquery's one table, whatever alias Django gives it.
    terms = Term.objects.alias(
        document=RawSQL("search_document", (), output_field=SearchVectorField())
    ).filter(document=words)
    # The weighted vector of the kind's fields, stored and indexed by migrations 0005 and 0008.
    table = kind.model._meta.db_table
    vector = RawSQL(f'"{table}"."search_document"', (), output_field=SearchVectorField())
    headlines = {
        f"headline_{lang}": SearchHeadline(
            Concat(*interleave(kind.columns(lang), Value(" · ")), output_field=TextField()),
            queries[lang],
            config=CONFIGS[lang],
            start_sel=START,
            stop_sel=STOP,
            highlight_all=True,  # the snippet's window is cut in Python, between words
        )
        for lang in CONFIGS
    }
    return (
        matching(kind.records(year).alias(document=vector), kind, Q(document=query), terms)
        .annotate(rank=SearchRank(vector, query), **headlines)
        .order_by()
    )


def matching(records, kind, condition, terms):
    """Return the records that meet ``condition``, or that one of the matching ``terms`` names.

    ``matched`` says whether the record met the condition itself.
    """
    if kind.named_by_terms:
        # By code: a term names a format, whatever the call. (No join in the terms' query: it
        # reads its search document unqualified.)
        codes = Format.objects.filter(pk__in=terms.values("format")).values("code")
        named = Q(code__in=codes)
        return records.filter(condition | named).annotate(
            matched=ExpressionWrapper(condition, output_field=BooleanField())
        )
    return records.filter(condition).annotate(matched=Value(True, output_field=BooleanField()))


def interleave(columns, separator):
    parts = [columns[0]]
    for column in columns[1:]:
        parts += [separator, column]
    return parts if len(parts) > 1 else [*parts, Value("")]


def search_simple(kind, text):
    words = [word.lower() for word in re.findall(r"\w[\w-]*", text)]
    if not words:
        return []
    columns = {lang: kind.columns(lang) for lang in CONFIGS}
    terms = Term.objects.filter(every_word(TERMS, words))
    hits = []
    records = kind.records(active_year())
    for record in matching(records, kind, every_word(kind, words), terms):
        rank = sum(
            WEIGHTS[weight]
            for word in words
            for name, weight in kind.fields
            for lang in CONFIGS
            if word in getattr(record, f"{name}_{lang}").lower()
        )
        snippets = {
            lang: highlight(
                " · ".join(getattr(record, c) for c in cols if getattr(record, c)), words
            )
            for lang, cols in columns.items()
        }
        hits.append(Hit.of(kind, record, rank, snippets, record.matched))
    return hits


def every_word(kind, words):
    """Return the condition that each word occurs in a field of the kind, in either language."""
    searched = [*kind.columns("nl"), *kind.columns("en"), *filter(None, [kind.code_field])]
    return reduce(
        operator.and_,
        (
            reduce(operator.or_, (Q(**{f"{column}__icontains": word}) for column in searched))
            for word in words
        ),
    )


def highlight(text, words):
    """Return ``text`` with each of the words marked where it starts a word."""
    pattern = re.compile(
        rf"(?<!\w)(?:{'|'.join(re.escape(word) for word in words)})", re.IGNORECASE
    )
    return pattern.sub(lambda match: f"{START}{match.group(0)}{STOP}", text)
