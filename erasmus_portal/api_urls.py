"""Every route of the open data API, ``/api/v1/``."""

from django.urls import path

from eligibility import views as eligibility
from mobility import views as mobility
from opportunities import api as programme

app_name = "api"

urlpatterns = [
    path("calls/", programme.calls, name="calls"),
    path("formats/", programme.formats, name="formats"),
    path("formats/<str:code>/", programme.format_detail, name="format"),
    path("countries/", programme.countries, name="countries"),
    path("agencies/", programme.agencies, name="agencies"),
    path("eligibility", eligibility.api, name="eligibility"),
    path("mobility/check", mobility.api_check, name="mobility-check"),
]
