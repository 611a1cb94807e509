"""How checks become a verdict, shared by the eligibility engine and the mobility checks.

A check is one rule judged: it passes, fails, or is unknown (a question not answered, or a
value no source gives). A verdict combines them: one failure makes "not eligible", otherwise
one unknown makes "unknown", otherwise "eligible". An unknown verdict that a question of the
checker's would settle ("needs your answer") is told apart from one that only the managing
agency can settle (a fact no source gives, or one the agency decides).
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.translation import get_language, gettext, ngettext

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"
ELIGIBLE, NOT_ELIGIBLE = "eligible", "not_eligible"
# Not a verdict of its own: an unknown verdict that an answer of the user's would settle.
NEEDS_ANSWER = "needs_answer"
# The order the checker shows its outcomes in.
OUTCOMES = (ELIGIBLE, NEEDS_ANSWER, UNKNOWN, NOT_ELIGIBLE)


# The language of the judgement under way. Django's ``get_language()`` reads a thread-local
# that costs enough to count when a check of every format asks for it a hundred times.
_LANGUAGE = ContextVar("judgement_language", default=None)


@contextmanager
def one_language():
    """Read the active language once for the checks judged inside, which must not change it."""
    token = _LANGUAGE.set(get_language())
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def translate(message):
    """``gettext``, kept per language: a check of every format asks for the same few words."""
    return translated(_LANGUAGE.get() or get_language(), message)


def translate_plural(singular, plural, count):
    """``ngettext``, kept per language like ``translate``."""
    return translated_plural(_LANGUAGE.get() or get_language(), singular, plural, count)


_ = translate


@lru_cache(maxsize=1024)
def translated(language, message):
    """``message`` in ``language``, the active one (a catalogue does not change while running)."""
    return gettext(message)


@lru_cache(maxsize=1024)
def translated_plural(language, singular, plural, count):
    return ngettext(singular, plural, count)


@dataclass(frozen=True)
class Check:
    """A rule judged. An unknown check that a question answers names that question's field."""

    rule: str
    status: str
    message: str
    field: str = ""

    @property
    def asks(self):
        """Whether the user's answer decides this check (rather than a fact no source gives)."""
        return self.status == UNKNOWN and bool(self.field)


def combine(statuses: Iterable[str]) -> str:
    """Return the verdict for these check statuses (or verdicts of parts)."""
    found = set(statuses)
    if FAIL in found or NOT_ELIGIBLE in found:
        return NOT_ELIGIBLE
    if UNKNOWN in found:
        return UNKNOWN
    return ELIGIBLE


def euros(amount):
    return "€ " + number_format(amount, force_grouping=True)


def join(items):
    return ", ".join(items)


def range_text(low, high, unit, money=False):
    """Say a range in words: "2 to 10 days", "at most € 60,000", "at least 3"."""
    show = euros if money else str
    if low is not None and high is not None and low == high:
        text = show(low)
    elif low is not None and high is not None:
        text = _("%(low)s to %(high)s") % {"low": show(low), "high": show(high)}
    elif high is not None:
        text = _("at most %(high)s") % {"high": show(high)}
    else:
        text = _("at least %(low)s") % {"low": show(low)}
    return f"{text} {unit}" if unit else text
