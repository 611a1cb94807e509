"""Typography for narrow screens: long Dutch compounds may break only where a reader expects.

Browsers hyphenate Dutch only where the system has a dictionary, and otherwise break a word
too long for its box at any letter ("Samenwerkingspartne/rschappen"). ``hyphenate`` puts a
soft hyphen between the parts of long compounds instead: the word shows whole when it fits,
and breaks with a hyphen between its parts when it does not.
"""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

SOFT_HYPHEN = "\u00ad"
# Parts of the long compounds in the brochure's terms (docs/terms.md); a break goes before or
# after a part, never within one, and leaves at least four letters on each side.
PARTS = (
    "samenwerkings",
    "partner",
    "capaciteits",
    "opbouw",
    "projecten",
    "mobiliteits",
    "beroeps",
    "onderwijs",
    "opleidings",
    "eenheids",
    "bedragen",
    "kenniscentra",
    "vaardigheids",
    "programma",
    "accreditatie",
    "agentschap",
    "activiteiten",
)
LONG_WORD = re.compile(r"\w{20,}")


def break_points(word):
    lower = word.lower()
    points = set()
    for part in PARTS:
        start = lower.find(part)
        while start != -1:
            points.update(p for p in (start, start + len(part)) if 4 <= p <= len(word) - 4)
            start = lower.find(part, start + 1)
    return sorted(points)


def soften(match):
    word = match.group(0)
    pieces, last = [], 0
    for point in break_points(word):
        pieces.append(word[last:point])
        last = point
    pieces.append(word[last:])
    return SOFT_HYPHEN.join(pieces)


@register.filter(needs_autoescape=True)
def hyphenate(text, autoescape=True):
    """Escape ``text`` and put soft hyphens between the parts of its long compounds."""
    escaped = conditional_escape(text) if autoescape else str(text)
    return mark_safe(LONG_WORD.sub(soften, escaped))
