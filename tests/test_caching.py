import datetime
import time
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from opportunities.caching import programme_token
from opportunities.models import Deadline, Format
from tests.opportunities.test_admin import form_data

pytestmark = pytest.mark.django_db

LOCAL_MEMORY = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CHECK = "/en/check/?country=NL&partners=DE&partners=FR&duration_months=24"


@pytest.fixture
def caching():
    with override_settings(CACHES=LOCAL_MEMORY):
        cache.clear()
        yield
        cache.clear()


def test_token_changes_with_every_edit(admin_client):
    before = programme_token()
    fmt = Format.objects.get(code="KA220-VET")
    fmt.min_organisations = 4
    fmt.save()

    assert programme_token() != before


def test_a_cached_page_costs_no_query(client, caching, django_assert_num_queries):
    first = client.get(CHECK)

    with django_assert_num_queries(0):
        second = client.get(CHECK)

    assert second.content == first.content
    assert "HX-Request" in second["Vary"]


def test_htmx_and_full_page_are_cached_apart(client, caching):
    full = client.get(CHECK)
    fragment = client.get(CHECK, headers={"HX-Request": "true"})

    assert b"<html" in full.content and b"<html" not in fragment.content


def test_an_editors_change_shows_at_once(admin_client, caching):
    url = "/api/v1/eligibility?country=NL&partners=DE,FR&format=KA220-VET"
    assert admin_client.get(url).json()["formats"][0]["verdict"] != "not_eligible"
    fmt = Format.objects.get(code="KA220-VET")
    change = reverse("admin:opportunities_format_change", args=[fmt.pk])
    data = form_data(admin_client.get(change))
    data["min_countries"] = data["min_organisations"] = 4
    assert admin_client.post(change, data).status_code == 302

    assert admin_client.get(url).json()["formats"][0]["verdict"] == "not_eligible"


def test_a_deadline_that_passes_leaves_the_cached_upcoming_list_within_a_minute(
    client, caching, monkeypatch
):
    now = timezone.now()
    soon = (now + datetime.timedelta(seconds=30)).astimezone(zoneinfo.ZoneInfo("Europe/Brussels"))
    Deadline.objects.create(
        format=Format.objects.get(code="KA210-VET"),
        call_year=2099,
        round=1,
        date=soon.date(),
        time=soon.time().replace(microsecond=0),
    )
    url = "/en/deadlines/?format=KA210-VET"
    upcoming, _past = client.get(url).text.split('id="past-title"')
    assert 'id="deadline-KA210-VET-2099-1"' in upcoming

    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(seconds=61))
    upcoming, past = client.get(url).text.split('id="past-title"')

    assert 'id="deadline-KA210-VET-2099-1"' in past


def test_errors_are_not_cached(client, caching):
    client.get("/en/check/?country=XX")

    assert client.get("/en/check/?country=XX").context is not None


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")
def test_pages_are_shared_through_redis(client, django_assert_num_queries):
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tests",
        }
    }
    with override_settings(CACHES=redis_cache):
        cache.clear()
        first = client.get(CHECK)
        with django_assert_num_queries(0):
            second = client.get(CHECK)
        cache.clear()

    assert second.content == first.content


def test_clearing_the_cache_drops_what_a_process_kept(client, caching):
    url = "/api/v1/eligibility?country=NL&partners=DE,FR&format=KA220-VET"
    assert client.get(url).json()["formats"][0]["verdict"] != "not_eligible"
    # A change the programme version does not see (no history row), then a cleared cache.
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)
    cache.clear()

    assert client.get(url).json()["formats"][0]["verdict"] == "not_eligible"
