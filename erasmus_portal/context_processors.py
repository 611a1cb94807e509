from django.conf import settings
from django.urls import translate_url


def languages(request):
    """Give every page the URL of the same page in each language (switch and hreflang)."""
    path = request.get_full_path()
    return {
        "language_urls": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ]
    }
