"""Name a source for readers: "Programme Guide 2026, p. 236" rather than its address.

A record's ``source_url`` points at the official Programme Guide PDF with the page as the PDF's
``#page=N`` fragment, or at another official page. Pages and the API show this label with the
link; the editors' note on the source (``source_note``) stays in the admin.
"""

from urllib.parse import urlsplit

from django.utils.translation import gettext as _

# The official addresses of the Programme Guides the data cites, by call year
# (Programme Guide 2026, Version 1 of 12/11/2025, as its first page gives it).
GUIDES = {
    "https://erasmus-plus.ec.europa.eu/sites/default/files/2025-11/"
    "programme-guide-2026_en.pdf": 2026,
}
GUIDE_2026 = next(url for url, year in GUIDES.items() if year == 2026)


def guide_page(page, guide=GUIDE_2026):
    """Return the address of a page of a Programme Guide."""
    return f"{guide}#page={page}"


def source_label(url):
    """Return a readable name for a source address, in the active language."""
    if not url:
        return ""
    address, _hash, fragment = url.partition("#")
    year = GUIDES.get(address)
    if year is not None:
        page = fragment.removeprefix("page=") if fragment.startswith("page=") else ""
        if page.isdigit():
            return _("Programme Guide %(year)d, p. %(page)s") % {"year": year, "page": page}
        return _("Programme Guide %(year)d") % {"year": year}
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")
