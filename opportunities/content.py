"""Content pages: the programme as the brochure tells it, and the pages about the portal itself
(about, contact, privacy, accessibility, open data). They read the programme only where a fact is
data (countries, priorities, formats), so an editor's change shows here too.
"""

from django.views.decorators.http import require_safe

from erasmus_portal.htmx import respond

from .caching import programme_page
from .models import Country, Format, Pathway, Priority


@require_safe
@programme_page
def programme(request):
    countries = Country.objects.order_by("name_nl" if request.LANGUAGE_CODE == "nl" else "name_en")
    context = {
        "member_states": countries.filter(status=Country.Status.EU_MEMBER),
        "associated": countries.filter(status=Country.Status.ASSOCIATED),
        "priorities": Priority.objects.all(),
        "consortium": Pathway.objects.filter(code="join-consortium").first,
        "national_formats": Format.objects.filter(managed_by=Format.ManagedBy.NATIONAL_AGENCY),
        "eacea_formats": Format.objects.filter(managed_by=Format.ManagedBy.EACEA),
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
