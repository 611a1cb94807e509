"""Country lists, rendered in Python: 250 options through the template engine cost ~5 ms each."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def options(choices):
    """Return ``<option>`` elements for ``(value, label, selected)`` triples.

    The standard library's escape, not format_html: at 750 options a page the difference shows.
    """
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label, selected in choices
        )
    )


@register.simple_tag
def country_options(countries, chosen):
    """Return an ``<option>`` per country, the ``chosen`` code selected."""
    return options((c.code, c.name, c.code == chosen) for c in countries)
