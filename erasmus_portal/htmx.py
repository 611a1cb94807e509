"""How every HTML view answers: the whole page, or for htmx only the part it swaps.

One URL, one view, one template. A request without JavaScript, and htmx's history restore after
a browser Back (it replaces the whole body), get the full page. Any other htmx request gets the
partial (``{% partialdef %}``) the view names for the element it targets. Invalid input answers
400 either way: base.html tells htmx to swap a 400 like a 200, so the errors show with
JavaScript on exactly as without it.
"""

from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django_htmx.http import push_url, reswap, retarget

# The request headers that choose between the page and a partial; caches must keep them apart.
VARY = ("HX-Request", "HX-Target", "HX-History-Restore-Request")


def wants_partial(request):
    """Whether the request asks for a part of the page (htmx, not restoring history)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def still_filling_in(request, forms):
    """Whether an htmx change comes from forms still being filled in: their only errors are
    answers not given yet. It gets no alarm on every change; a submit without JavaScript does."""
    return wants_partial(request) and all(
        error.code == "required"
        for form in forms
        if form.is_bound
        for errors in form.errors.as_data().values()
        for error in errors
    )


def variant(request):
    """Name what, besides the URL, decides the answer: the page, or a partial for a target."""
    return f"partial:{request.htmx.target or ''}" if wants_partial(request) else "page"


def respond(request, template, context, partial=None, status=200, url=None):
    """Render ``template``, or for htmx only its ``partial``.

    ``partial`` names the partial, or maps the id of the element htmx targets to a partial
    name; the first entry serves any other target. ``url``, after a change that moved the
    answers (a row added), is the URL htmx shows in the address bar.

    A form whose changes swap only its result (so that what the user types meanwhile stays)
    shows invalid answers at their fields: an invalid answer then swaps the element of the
    first entry instead, the form with its errors.
    """
    if isinstance(partial, dict) and status == 400 and wants_partial(request):
        whole, partial = next(iter(partial.items()))
        if request.htmx.target != whole:
            response = respond(request, template, context, partial, status, url)
            return retarget(reswap(response, "outerHTML"), f"#{whole}")
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
