import os

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from opportunities import calendar as deadline_calendar
from opportunities.sitemaps import SITEMAPS

from . import views as portal_views

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path("healthz", portal_views.healthz, name="healthz"),
    path("favicon.ico", portal_views.favicon, name="favicon"),
    path(ADMIN_PATH, admin.site.urls),
    path("deadlines.ics", deadline_calendar.deadlines_ics, name="deadlines-ics"),
    path("api/v1/", include("erasmus_portal.api_urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "opportunities/sitemap.xml"},
        name="sitemap",
    ),
]
if settings.BENCHMARK:
    urlpatterns.append(path("bench/baseline", portal_views.baseline, name="baseline"))
urlpatterns += i18n_patterns(
    path("check/", include("eligibility.urls")),
    path("check/", include("mobility.urls")),
    path("", include("opportunities.urls")),
)

handler400 = portal_views.bad_request
handler403 = portal_views.permission_denied
handler404 = portal_views.page_not_found
handler500 = portal_views.server_error
