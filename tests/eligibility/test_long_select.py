"""LongSelect renders what Django's Select renders, without a template per option."""

import re

from django import forms

from eligibility.forms import LongSelect

CHOICES = [("", "Choose"), ("NL", "Nederland"), ("X&<", "Quote \" ' & <b>")]


class Both(forms.Form):
    fast = forms.ChoiceField(choices=CHOICES, widget=LongSelect)
    plain = forms.ChoiceField(choices=CHOICES)


def parts(html, name):
    """The select's attributes as a set, and its options, whitespace between tags removed."""
    html = re.sub(r">\s+<", "><", str(html)).strip().replace(name, "field")
    opening, rest = html.split(">", 1)
    return set(opening.split()), rest


def test_long_select_renders_like_select_escaped_and_selected():
    form = Both({"fast": "X&<", "plain": "X&<"})
    assert form.is_valid()

    assert parts(form["fast"].as_widget(), "fast") == parts(form["plain"].as_widget(), "plain")
    assert '<option value="X&amp;&lt;" selected>' in str(form["fast"].as_widget())
