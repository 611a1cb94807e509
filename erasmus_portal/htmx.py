"""How every HTML view answers: the whole page, or for htmx only the part it swaps.

One URL, one view, one template. A request without JavaScript, and htmx's history restore after
a browser Back (it replaces the whole body), get the full page. Any other htmx request gets the
partial (``{% partialdef %}``) the view names for the element it targets. Invalid input answers
400 either way: base.html tells htmx to swap a 400 like a 200, so the errors show with
JavaScript on exactly as without it.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url

# The request headers that choose between the page and a partial; caches must keep them apart.
VARY = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


def wants_partial(request):
    """Whether the request asks for a part of the page (htmx, not restoring history)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def variant(request):
    """Name what, besides the URL, decides the answer: the page, or a partial for a target."""
    return f"partial:{request.htmx.target or ''}" if wants_partial(request) else "page"


def respond(request, template, context, partial=None, status=200, url=None):
    """Render ``template``, or for htmx only its ``partial``.

    ``partial`` names the partial, or maps the id of the element htmx targets to a partial
    name; the first entry serves any other target. ``url``, after a change that moved the
    answers (a row added), is the URL htmx shows in the address bar.
    """
    if isinstance(partial, dict):
        target = request.htmx.target if request.htmx else None
        partial = partial.get(target, next(iter(partial.values())))
    if partial and wants_partial(request):
        template = f"{template}#{partial}"
    response = render(request, template, context, status=status)
    patch_vary_headers(response, VARY)
    if url and request.htmx:
        push_url(response, url)
    return response
