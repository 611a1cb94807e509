from django.template import Context, Template

from opportunities.templatetags.typography import hyphenate

SHY = "\u00ad"


def test_long_compounds_break_between_their_parts():
    assert hyphenate("Samenwerkingspartnerschappen") == f"Samenwerkings{SHY}partner{SHY}schappen"
    assert hyphenate("Capaciteitsopbouwprojecten") == f"Capaciteits{SHY}opbouw{SHY}projecten"


def test_short_words_and_english_stay_whole():
    assert hyphenate("Kleinschalige partnerschappen") == "Kleinschalige partnerschappen"
    assert hyphenate("Cooperation partnerships") == "Cooperation partnerships"


def test_the_text_is_escaped():
    rendered = Template("{% load typography %}{{ name|hyphenate }}").render(
        Context({"name": "<b>Samenwerkingspartnerschappen</b>"})
    )
    assert rendered == f"&lt;b&gt;Samenwerkings{SHY}partner{SHY}schappen&lt;/b&gt;"
