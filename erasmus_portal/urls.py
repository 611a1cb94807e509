import os

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path(ADMIN_PATH, admin.site.urls),
    path("api/v1/", include("opportunities.api_urls")),
]
urlpatterns += i18n_patterns(
    path("", include("opportunities.urls")),
)
