from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.translation import get_language


def languages(request):
    """Give every page the site address, its own path and the same page in each language.

    Paths keep a single leading slash: ``//evil.example/nl/`` would otherwise read as another
    host's address in the language switch and in the canonical and hreflang links.
    """
    full_path = "/" + request.get_full_path().lstrip("/")
    return {
        "site_url": settings.SITE_URL,
        "page_path": "/" + escape_uri_path(request.path).lstrip("/"),
        "language_urls": [
            (code, name, same_page_in(full_path, code)) for code, name in settings.LANGUAGES
        ],
    }


def same_page_in(full_path, language):
    """The address of this page in ``language``: paths are not translated, so under a language
    prefix only the prefix changes (resolving and reversing the path took longer)."""
    prefix = f"/{get_language()}/"
    if full_path.startswith(prefix):
        return f"/{language}/{full_path[len(prefix) :]}"
    return translate_url(full_path, language)


def portal(request):
    """Give every page who runs the portal and how to reach them (PORTAL_* settings)."""
    return {
        "portal": {
            "operator_name": settings.PORTAL_OPERATOR_NAME,
            "contact_email": settings.PORTAL_CONTACT_EMAIL,
        }
    }
