import os

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from eligibility import views as eligibility_views

ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"

urlpatterns = [
    path(ADMIN_PATH, admin.site.urls),
    path("api/v1/eligibility", eligibility_views.api, name="eligibility-api"),
    path("api/v1/", include("opportunities.api_urls")),
]
urlpatterns += i18n_patterns(
    path("check/", include("eligibility.urls")),
    path("", include("opportunities.urls")),
)
