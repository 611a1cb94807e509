from django.urls import path

from . import views

app_name = "mobility"

urlpatterns = [
    path("plan/", views.plan, name="plan"),
    path("plan/estimate.csv", views.plan_csv, name="plan-csv"),
    path("distance/", views.distance, name="distance"),
    path("distance/places/", views.places, name="places"),
]
