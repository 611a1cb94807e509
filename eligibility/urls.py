from django.urls import path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("", views.check, name="check"),
    path("start/", views.start, name="start"),
]
