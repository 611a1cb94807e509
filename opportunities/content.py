"""Content pages: the programme as the brochure tells it, and the pages about the portal itself
(about, contact, privacy, accessibility, open data). They read the programme only where a fact is
data (countries, priorities, formats), so an editor's change shows here too.
"""

from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond

from .caching import programme_page
from .models import Country, Format, Pathway, Priority


@require_safe
@programme_page
def programme(request):
    order = "name_nl" if request.LANGUAGE_CODE == "nl" else "name_en"
    countries = SimpleLazyObject(
        lambda: list(Country.objects.programme_countries().order_by(order))
    )
    formats = SimpleLazyObject(lambda: list(Format.objects.in_call()))
    context = {
        "member_states": SimpleLazyObject(
            lambda: [c for c in countries if c.status == Country.Status.EU_MEMBER]
        ),
        "associated": SimpleLazyObject(
            lambda: [c for c in countries if c.status == Country.Status.ASSOCIATED]
        ),
        "priorities": Priority.objects.all(),
        "consortium": Pathway.objects.filter(code="join-consortium").first,
        "national_formats": SimpleLazyObject(
            lambda: [f for f in formats if f.managed_by == Format.ManagedBy.NATIONAL_AGENCY]
        ),
        "eacea_formats": SimpleLazyObject(
            lambda: [f for f in formats if f.managed_by == Format.ManagedBy.EACEA]
        ),
    }
    return respond(request, "content/programme.html", context)


def page(template):
    """A view that renders one content template, with nothing but the request's context."""

    @require_safe
    @programme_page
    def view(request):
        return respond(request, template, {})

    view.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html").replace("-", "_")
    return view


about = page("content/about.html")
contact = page("content/contact.html")
privacy = page("content/privacy.html")
accessibility = page("content/accessibility.html")
open_data = page("content/open-data.html")
