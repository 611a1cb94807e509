"""Links that stay in the call a page describes."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from opportunities.calls import keep_call

register = template.Library()


@register.simple_tag
def call_url(view_name, *args, query="", **params):
    """``{% url %}`` for a page about the programme: it keeps the call the request asked for.

        {% call_url "opportunities:format-detail" format.code %}
        {% call_url "eligibility:check" query=check_query format=verdict.code %}

    Keyword arguments and a ready ``query`` make the query string (a list gives a parameter
    per item). For the current call the URL is exactly ``{% url %}``'s with that query.
    """
    url = reverse(view_name, args=args)
    query = "&".join(part for part in (query, urlencode(params, doseq=True)) if part)
    return keep_call(f"{url}?{query}" if query else url)
