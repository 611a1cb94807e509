"""Data migrations set what the code used to decide from programme codes."""

import importlib

import pytest
from django.apps import apps

from opportunities.models import ActionLine, Agency, Country, Deadline, Format, MobilityActivity

pytestmark = pytest.mark.django_db


def test_flags_are_set_from_the_codes_that_used_to_decide():
    ActionLine.objects.update(is_mobility=False)
    Country.objects.update(has_communities=False)
    Format.objects.update(plannable=False)
    MobilityActivity.objects.update(unit_cost="")

    importlib.import_module("opportunities.migrations.0007_programme_flags").set_flags(apps, None)

    assert list(ActionLine.objects.filter(is_mobility=True).values_list("code", flat=True)) == [
        "KA1"
    ]
    assert list(Country.objects.filter(has_communities=True).values_list("code", flat=True)) == [
        "BE"
    ]
    assert list(Format.objects.filter(plannable=True).values_list("code", flat=True)) == [
        "KA122-VET"
    ]
    assert MobilityActivity.objects.get(code="preparatory_visit").unit_cost == "preparatory_visit"
    assert MobilityActivity.objects.exclude(unit_cost="").count() == 1


def test_new_fields_of_existing_records_get_their_fixture_values():
    for code in ("RE", "CW", "AX"):
        country = Country.objects.get(code=code)
        country.member_state = None
        country.save()
    forward = Format.objects.get(code="ERASMUS-EDU-PI-FORWARD")
    forward.offered, forward.offer_note_en = True, ""
    forward.save()
    capacity = Format.objects.get(code="ERASMUS-EDU-CB-VET")
    capacity.non_associated_one_region = False
    capacity.save()

    migration = importlib.import_module(
        "opportunities.migrations.0009_territories_offer_and_ranges"
    )
    migration.fill_new_fields(apps, None)

    members = dict(
        Country.objects.filter(code__in=["RE", "CW", "AX"]).values_list("code", "member_state")
    )
    assert members == {"RE": "FR", "CW": "NL", "AX": "FI"}
    forward.refresh_from_db()
    assert not forward.offered and "Alliances for Innovation" in forward.offer_note_en
    capacity.refresh_from_db()
    assert capacity.non_associated_one_region


def test_past_deadlines_cite_the_official_call_unless_an_editor_chose_a_source():
    sources = importlib.import_module("opportunities.migrations.0015_official_deadline_sources")
    old_url = "https://www.teacheracademy.eu/erasmus-plus/funding-deadlines/"
    kept = Deadline.objects.get(format__code="KA220-VET", call_year=2023, round=1)
    changed = Deadline.objects.get(format__code="KA210-VET", call_year=2024, round=2)
    Deadline.objects.filter(pk=kept.pk).update(source_url="https://editor.example/", time=None)
    Deadline.objects.filter(pk=changed.pk).update(source_url=old_url, time=None, confirmed=False)

    sources.cite_official_sources(apps, None)

    kept.refresh_from_db()
    changed.refresh_from_db()
    assert (kept.source_url, kept.time) == ("https://editor.example/", None)
    assert changed.source_url == sources.UV_2024
    assert (changed.time.isoformat(), changed.confirmed) == ("12:00:00", True)


def test_agencies_cite_the_guide_or_a_government_page_unless_an_editor_chose_a_source():
    sources = importlib.import_module("opportunities.migrations.0017_official_agency_sources")
    eacea_page, _fields = sources.SOURCES["eacea"]
    Agency.objects.filter(code="eacea").update(source_url=eacea_page)
    Agency.objects.filter(code="es").update(source_url="https://editor.example/")

    sources.cite_official_sources(apps, None)

    assert Agency.objects.get(code="eacea").source_url.endswith(
        "programme-guide-2026_en.pdf#page=19"
    )
    assert Agency.objects.get(code="es").source_url == "https://editor.example/"
