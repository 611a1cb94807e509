from django.urls import path

from . import api

app_name = "api"

urlpatterns = [
    path("formats/", api.formats, name="formats"),
    path("formats/<str:code>/", api.format_detail, name="format"),
    path("countries/", api.countries, name="countries"),
    path("agencies/", api.agencies, name="agencies"),
]
