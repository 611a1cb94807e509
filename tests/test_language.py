"""The Dutch pages read as Dutch: no English function words in what a visitor sees.

Text inside an element marked with another language (``lang="en"``) is English on purpose, and
so are the official proper names below. Anything else English on a /nl/ page is a string
that was never translated, or a data field shown in the wrong language.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

# Official names that keep their English words in Dutch text, each as it is written.
PROPER_NAMES = [
    "Education for Digitalisation of Energy",  # the alliance's own name (seed brochure)
    "European Education and Culture Executive Agency",  # EACEA's official name
    # National Agencies' own names, as they write them (fixtures/agencies.json)
    "Foundation for the Management of European Lifelong Learning Programmes",
    "Danish Agency for Higher Education and Science",
    "Erasmus+ and European Solidarity Corps Agency, Education and Youth Board Harno",
    "Agency for Mobility and EU Programmes",
    "National Agency for European Educational Programmes and Mobility",
    "Centre of the Republic of Slovenia for Mobility and European Education and Training "
    "Programmes",
    "Centre for EU Education and Youth Programmes",
]
# Words that only English uses, matched as whole words in any case.
ENGLISH = re.compile(r"\b(the|and|of the|with|your)\b", re.IGNORECASE)
# Pages in states the sitemap does not list: results of a form.
STATES = [
    "/nl/formats/?goal=cooperate&newcomer=on",
    "/nl/compare/?formats=KA210-VET&formats=KA220-VET&formats=ERASMUS-EDU-PEX-COVE",
    "/nl/search/?q=partnerschappen",
    "/nl/check/?country=NL&organisation_type=vet_provider&partners=DE&partners=FR&duration_months=24",
    "/nl/check/start/",
    "/nl/check/plan/?activity=learner_short_term&participants=4&days=30&city=Madrid&travel=green",
    "/nl/check/distance/?origin=Utrecht&destination=Madrid",
    "/nl/deadlines/",
    "/nl/deadlines/?format=KA120-VET",
]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class VisibleText(HTMLParser):
    """Collect the text a visitor sees, leaving out head, scripts and other-language parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, skipped) for each open element
        self.parts = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = (
            (self.stack and self.stack[-1][1])
            or tag in ("head", "script", "style", "template")
            or "hidden" in attrs
            or (attrs.get("lang") or "nl").split("-")[0] != "nl"
        )
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]):
            self.parts.append(data)

    def text(self):
        return " ".join(" ".join(self.parts).split())


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return parser.text()


def english_words(text):
    text = re.sub(r"https?://\S+", "", text)  # a web address is no sentence
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return sorted({match.group(0) for match in ENGLISH.finditer(text)})


def dutch_pages(client):
    sitemap = client.get("/sitemap.xml").text
    paths = [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [path for path in paths if path.startswith("/nl/")] + STATES


def test_the_visible_text_leaves_out_other_languages_and_the_head():
    html = (
        '<html lang="nl"><head><title>The title</title></head><body><p>Een zin.</p>'
        '<p lang="en">The English name</p><script>var the = 1;</script><br><p>En nog een.</p>'
    )
    assert visible_text(html) == "Een zin. En nog een."


def test_english_function_words_are_found_and_names_are_allowed():
    assert english_words("Kies the formats en vul your land in") == ["the", "your"]
    assert english_words("De alliantie Education for Digitalisation of Energy") == []


def test_dutch_pages_show_no_english_function_words(client):
    leaks = {}
    for path in dutch_pages(client):
        response = client.get(path)
        assert response.status_code == 200, path
        text = visible_text(response.text)
        if english_words(text):
            text = re.sub(r"https?://\S+", "", text)
            leaks[path] = [
                text[max(0, m.start() - 50) : m.end() + 50] for m in ENGLISH.finditer(text)
            ]
    assert not leaks, "\n".join(f"{path}: {found}" for path, found in leaks.items())


def test_english_writes_vet_in_capitals(client):
    text = client.get("/en/check/", {"country": "NL", "organisation_type": "vet_provider"}).text

    assert "This kind of organisation may apply: VET provider." in text
    body = re.sub(r"<[^>]+>", " ", text[text.index("<body") :])
    assert not re.search(r"\bvet\b", body)  # "a vet provider" reads as veterinary
