from django.urls import path

from . import mobility_views, views

app_name = "eligibility"

urlpatterns = [
    path("", views.check, name="check"),
    path("start/", views.start, name="start"),
    path("plan/", mobility_views.plan, name="plan"),
    path("plan/estimate.csv", mobility_views.plan_csv, name="plan-csv"),
    path("distance/", mobility_views.distance, name="distance"),
    path("distance/places/", mobility_views.places, name="places"),
]
