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

register = template.Library()


@register.simple_tag
def verdict(verdict, level=4):
    """Return the verdict's ``<article>``: its checks, where to apply, what to consider instead."""
    code, name = escape(verdict.code), escape(verdict.name)
    url = escape(format_url(verdict.code, get_language()))
    html = [
        f'\n<article class="verdict verdict-{escape(verdict.verdict)}" id="verdict-{code}">\n  '
        f'<h{level}><a href="{url}">{name}</a> <span class="code">{code}</span></h{level}>\n  '
        '<ul class="checks">\n    '
    ]
    labels, other = {"pass": escape(_("Passed")), "fail": escape(_("Fails"))}, escape(_("To check"))
    for check in verdict.checks:
        label = labels.get(check.status, other)
        html.append(
            f'\n    <li class="check check-{escape(check.status)}">'
            f'<span class="status">{label}:</span> {escape(check.message)}</li>\n    '
        )
    html.append("\n  </ul>\n  ")
    if verdict.apply_to and verdict.verdict != "not_eligible":
        agency = f'<a href="{escape(verdict.apply_to.url)}">{escape(verdict.apply_to.name)}</a>'
        html.append(f'\n  <p class="apply-to">{escape(_("Apply to"))}: {agency}</p>\n  ')
    html.append("\n  ")
    if verdict.suggestions:
        links = ", ".join(
            f'<a href="#verdict-{escape(c)}">{escape(c)}</a>' for c in verdict.suggestions
        )
        html.append(f'\n  <p class="suggestions">{escape(_("Consider instead"))}: {links}</p>\n  ')
    html.append("\n</article>\n")
    return mark_safe("".join(html))


@lru_cache(maxsize=256)
def format_url(code, language):
    """Return the format's page in ``language`` (URLs do not change while the site runs)."""
    with translation.override(language):
        return reverse("opportunities:format-detail", args=[code])
