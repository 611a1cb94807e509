from django.db.models import Prefetch
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .models import ActionLine, Country, Format


@require_GET
def home(request):
    action_lines = ActionLine.objects.prefetch_related(
        Prefetch("formats", queryset=Format.objects.prefetch_related("grant_tiers"))
    )
    programme_countries = Country.objects.exclude(status=Country.Status.NON_ASSOCIATED).count()
    return render(
        request,
        "opportunities/home.html",
        {"action_lines": action_lines, "programme_countries": programme_countries},
    )
