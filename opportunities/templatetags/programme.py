"""Template parts rendered once per programme version and language, then read from the cache."""

from functools import lru_cache

from django import template
from django.db.models import Model
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from opportunities import sources
from opportunities.caching import cached, digest

register = template.Library()


@register.tag
def programme_fragment(parser, token):
    """Render the enclosed template once per programme version, language and values given.

        {% programme_fragment "format-card" format show_deadline %}…{% endprogramme_fragment %}

    What the fragment shows must follow from the programme and those values alone: nothing
    from the request (its URL, a CSRF token, a CSP nonce) and nothing from the clock. The call
    the request asked for is in the key (``cached``), so its links may keep it (``call_url``).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a fragment name.")
    nodelist = parser.parse(("endprogramme_fragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class FragmentNode(template.Node):
    def __init__(self, nodelist, values):
        self.nodelist = nodelist
        self.values = values

    def render(self, context):
        name, *values = (value.resolve(context) for value in self.values)
        return fragment(context, name, values, lambda: self.nodelist.render(context))


@register.simple_tag(takes_context=True)
def field_group(context, field):
    """Return ``field.as_field_group``, rendered once per programme version and field state.

    The state is what may differ between two forms of one class: the value, the errors and the
    widget's attributes. Choices may come from the programme.
    """
    form = type(field.form)
    state = (
        f"{form.__module__}.{form.__qualname__}",
        field.auto_id,
        field.html_name,
        field.value(),
        list(field.errors),
        sorted(field.field.widget.attrs.items()),
    )
    return fragment(context, "field", state, field.as_field_group)


def fragment(context, name, values, render):
    """Return ``render()``, cached by programme version, language, ``name`` and ``values``.

    Outside a programme page (an error page) it renders every time, so it needs no database.
    """
    token = getattr(context.get("request"), "programme_token", None)
    if token is None:
        return render()
    return cached(f"fragment:{name}:{digest(key_part(values))}", render, token)


def key_part(value):
    """Return a value as it goes into a cache key: a record by its primary key."""
    if isinstance(value, Model):
        return f"{value._meta.label}:{value.pk}"
    if isinstance(value, (list, tuple)):
        return tuple(key_part(item) for item in value)
    return str(value) if isinstance(value, Promise) else value


@register.simple_tag
def expected_deadline(expected, rounds=False):
    """An expected deadline, labelled as expected, as ``<time>``; with its round if ``rounds``.

    Written in Python and kept per language: a template took a quarter of a millisecond for
    each, formatting the months most of it, and the deadlines page shows one per format.
    """
    return expected_deadline_html(expected, bool(rounds), get_language())


@lru_cache(maxsize=1024)
def expected_deadline_html(expected, rounds, language):
    """``expected_deadline`` in ``language``, the active one (names of months do not change)."""
    if len(expected.months) > 1:
        text = _("expected between %(first)s and %(last)s") % {
            "first": date_format(expected.first, "F"),
            "last": date_format(expected.last, "F Y"),
        }
    else:
        words = {
            "early": _("expected in early %(month)s"),
            "mid": _("expected in mid-%(month)s"),
            "late": _("expected in late %(month)s"),
        }
        text = words[expected.part] % {"month": date_format(expected.first, "F Y")}
    html = format_html(
        '<time class="expected-period" datetime="{}">{}</time>',
        expected.first.strftime("%Y-%m"),
        text,
    )
    if rounds:
        html += format_html(" ({})", _("round %(round)s") % {"round": expected.round})
    return html


@register.filter
def tel(phone):
    """A phone number as a ``tel:`` address: the plus and the digits, without a trunk "(0)"."""
    return "tel:" + "".join(c for c in phone.replace("(0)", "") if c.isdigit() or c == "+")


@register.filter
def source_label(url):
    """The readable name of a source address, e.g. "Programme Guide 2026, p. 236"."""
    return sources.source_label(url)


@register.filter
def region_list(regions):
    """Region numbers with runs joined: [1, 2, 3, 9, 10, 11] -> "1–3, 9–11"."""
    from eligibility.engine import region_list as say_regions

    return say_regions(regions or ())
