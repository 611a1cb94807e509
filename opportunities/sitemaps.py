"""sitemap.xml: every public page in Dutch and English, each with its hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import ActionLine, Format


class CatalogueSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # Every URL is on the configured site address, whatever Host the request came with.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(CatalogueSitemap):
    priority = 0.8

    def items(self):
        return [
            "opportunities:home",
            "opportunities:format-list",
            "opportunities:compare",
            "opportunities:search",
            "opportunities:activities",
            "opportunities:inspiration",
            "opportunities:agency-list",
            "opportunities:terms",
            "opportunities:deadlines",
            "eligibility:check",
            "eligibility:start",
            "mobility:plan",
            "mobility:distance",
            "opportunities:programme",
            "opportunities:about",
            "opportunities:contact",
            "opportunities:privacy",
            "opportunities:accessibility",
            "opportunities:open-data",
        ]

    def location(self, item):
        return reverse(item)


class ActionLineSitemap(CatalogueSitemap):
    priority = 0.7

    def items(self):
        return ActionLine.objects.all()


class FormatSitemap(CatalogueSitemap):
    priority = 0.9

    def items(self):
        return Format.objects.in_call()


SITEMAPS = {"pages": PageSitemap, "action-lines": ActionLineSitemap, "formats": FormatSitemap}
