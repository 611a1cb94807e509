"""A verdict as HTML, written in Python: a result shows every format's verdict with some sixty
checks, and through the template engine they took half the time of the checker's page. The
standard library's escape is Django's without the checks for lazy text."""

from functools import lru_cache
from html import escape

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opportunities.calls import keep_call
from opportunities.sources import source_label

from ..verdicts import ELIGIBLE, FAIL, NEEDS_ANSWER, NOT_ELIGIBLE, PASS, UNKNOWN

register = template.Library()


@register.simple_tag
def verdict(verdict, level=4, questions=None, outcome=False):
    """Return the verdict's ``<article>``: its checks, where to apply, what to consider instead.

    ``questions`` maps a form field to its anchor and answer links (the checker's ``Question``):
    a check that asks for that field then links to it. ``outcome`` says the verdict in the
    heading, for a verdict listed outside a heading that says it.
    """
    code, name = escape(verdict.code), escape(verdict.name)
    url = escape(keep_call(format_url(verdict.code, get_language())))
    said = escape(outcome_label(verdict.outcome)) if outcome else ""
    said = f' <span class="outcome">{said}</span>' if said else ""
    html = [
        f'\n<article class="verdict verdict-{escape(verdict.outcome)}" id="verdict-{code}">\n  '
        f'<h{level}><a href="{url}">{name}</a> <span class="code">{code}</span>{said}'
        f"</h{level}>\n  "
        '<ul class="checks">\n    '
    ]
    labels = check_labels(get_language())
    for check in verdict.checks:
        kind = check_kind(check)
        html.append(
            f'\n    <li class="check check-{kind}">'
            f'<span class="status">{labels[kind]}:</span> {escape(check.message)}'
            f"{question_html(check, questions)}</li>\n    "
        )
    html.append("\n  </ul>\n  ")
    if verdict.source_url and (verdict.failed or verdict.verdict == UNKNOWN):
        label = escape(source_label(verdict.source_url))
        source = f'<a href="{escape(verdict.source_url)}">{label}</a>'
        html.append(f'\n  <p class="source">{labels["source"]}: {source}</p>\n  ')
    if verdict.apply_to and verdict.verdict != NOT_ELIGIBLE:
        agency = f'<a href="{escape(verdict.apply_to.url)}">{escape(verdict.apply_to.name)}</a>'
        html.append(f'\n  <p class="apply-to">{labels["apply_to"]}: {agency}</p>\n  ')
    html.append("\n  ")
    if verdict.suggestions:
        links = ", ".join(
            f'<a href="#verdict-{escape(c)}">{escape(c)}</a>' for c in verdict.suggestions
        )
        html.append(f'\n  <p class="suggestions">{labels["instead"]}: {links}</p>\n  ')
    html.append("\n</article>\n")
    return mark_safe("".join(html))


def outcome_label(outcome):
    return {
        ELIGIBLE: _("Fits"),
        NEEDS_ANSWER: _("Needs your answer"),
        UNKNOWN: _("Check with the agency"),
        NOT_ELIGIBLE: _("Does not fit"),
    }[outcome]


def check_kind(check):
    """The three outcomes of a rule that does not pass, told apart: fails, asks, agency."""
    if check.status == UNKNOWN:
        return "question" if check.asks else "agency"
    return check.status


@lru_cache(maxsize=8)
def check_labels(language):
    """The label of each kind of check, and of a verdict's other lines, escaped, in ``language``
    (the active one)."""
    return {
        PASS: escape(_("Passed")),
        FAIL: escape(_("Fails")),
        "question": escape(_("Needs your answer")),
        "agency": escape(_("Check with the agency")),
        # Outside f-strings, where xgettext finds them.
        "source": escape(_("Source")),
        "apply_to": escape(_("Apply to")),
        "instead": escape(_("Consider instead")),
        "answer": escape(_("Answer")),
    }


def question_html(check, questions):
    """Link a question to its field, with one-click answers where there are only a few."""
    question = (questions or {}).get(check.field) if check.asks else None
    if question is None:
        return ""
    answers = "".join(
        f' <a class="answer" href="{escape(url)}" data-hx-get="{escape(url)}" '
        f'data-hx-target="#checker" data-hx-swap="outerHTML" data-hx-push-url="true">'
        f"{escape(label)}</a>"
        for label, url in question.answers
    )
    field = f'<a href="#{escape(question.anchor)}">{escape(question.label)}</a>'
    label = check_labels(get_language())["answer"]
    return f' <span class="ask">{label}: {field}{answers}</span>'


@lru_cache(maxsize=256)
def format_url(code, language):
    """Return the format's page in ``language`` (URLs do not change while the site runs)."""
    with translation.override(language):
        return reverse("opportunities:format-detail", args=[code])
