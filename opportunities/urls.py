from django.urls import path

from . import calendar, content, views

app_name = "opportunities"

urlpatterns = [
    path("", views.home, name="home"),
    path("formats/", views.format_list, name="format-list"),
    path("formats/<str:code>/", views.format_detail, name="format-detail"),
    path("actions/<str:code>/", views.action_line_detail, name="action-line-detail"),
    path("compare/", views.compare, name="compare"),
    path("agencies/", views.agency_list, name="agency-list"),
    path("activities/", views.activities, name="activities"),
    path("inspiration/", views.inspiration, name="inspiration"),
    path("search/", views.search, name="search"),
    path("terms/", views.terms, name="terms"),
    path("deadlines/", calendar.deadlines, name="deadlines"),
    path("calls/<int:year>/changes/", views.call_changes, name="call-changes"),
    path("erasmus-plus/", content.programme, name="programme"),
    path("about/", content.about, name="about"),
    path("contact/", content.contact, name="contact"),
    path("privacy/", content.privacy, name="privacy"),
    path("accessibility/", content.accessibility, name="accessibility"),
    path("open-data/", content.open_data, name="open-data"),
]
