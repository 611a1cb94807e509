import datetime
import re
import time
import zoneinfo

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from opportunities.caching import programme_token
from opportunities.models import ActionLine, Deadline, Format
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


# Every page type, as a visitor first asks for it; each renders cached fragments.
FRAGMENT_PAGES = [
    "/nl/",
    "/en/",
    "/nl/formats/?line=KA2&managed_by=national_agency&newcomer=on",
    "/en/formats/?goal=cooperate&grant=small&open=on",
    "/nl/formats/KA220-VET/",
    "/en/formats/KA122-VET/",
    "/nl/actions/KA1/",
    "/en/compare/?formats=KA210-VET&formats=KA220-VET&formats=ERASMUS-EDU-CB-VET",
    "/nl/search/?q=partnerschap",
    "/en/check/?country=NL&partners=DE&partners=FR&duration_months=24",
    "/nl/check/?country=BE&community=xx&partners=DE&partners=ZZ&duration_months=0",
    "/en/check/start/?country=NL&goal=cooperate&first_time=1&participants=20",
    "/nl/check/plan/?activity=learner_short_term&participants=20&days=30&city=Madrid&origin=Amsterdam&months=12",
    "/en/check/distance/?origin=Utrecht&destination=Madrid",
    "/nl/deadlines/",
    "/en/deadlines/?agency=nl",
    "/nl/activities/",
    "/en/agencies/",
    "/nl/inspiration/",
    "/en/terms/",
]


def rendered(response):
    """The page as text, without its per-request CSP nonce."""
    return re.sub(r'nonce="[^"]*"', 'nonce=""', response.content.decode())


@pytest.mark.parametrize("path", FRAGMENT_PAGES)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_page_is_the_same_from_cold_and_warm_fragments(client, path, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    cold = client.get(path, headers=headers)  # the test settings cache nothing
    with override_settings(CACHES=LOCAL_MEMORY):
        cache.clear()
        # Other URLs fill the fragments (the page itself stays out of the page cache), and
        # the other language's fragments sit beside them.
        other = path.replace("/nl/", "/xx/").replace("/en/", "/nl/").replace("/xx/", "/en/")
        for url in (other, path):
            client.get(f"{url}{'&' if '?' in url else '?'}_=warm-up", headers=headers)
        warm = client.get(path, headers=headers)
        cache.clear()

    assert cold.status_code == warm.status_code
    assert rendered(warm) == rendered(cold)


def test_the_home_page_from_warm_fragments_reads_nothing(
    client, caching, django_assert_num_queries
):
    client.get("/en/?_=warm-up")

    with django_assert_num_queries(0):
        response = client.get("/en/")

    assert "Small-scale partnerships" in response.text


def test_a_fragment_shows_an_editors_change_at_once(client, caching):
    client.get("/en/?_=warm-up")
    line = ActionLine.objects.get(code="KA2")
    line.name_en = "Working together"
    line.save()

    assert "Working together" in client.get("/en/").text


def test_clearing_the_cache_drops_what_a_process_kept(client, caching):
    url = "/api/v1/eligibility?country=NL&partners=DE,FR&format=KA220-VET"
    assert client.get(url).json()["formats"][0]["verdict"] != "not_eligible"
    # A change the programme version does not see (no history row), then a cleared cache.
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)
    cache.clear()

    assert client.get(url).json()["formats"][0]["verdict"] == "not_eligible"


def test_an_error_page_renders_its_fragments_without_the_database(
    client, caching, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert 'class="site-nav"' in response.text and 'class="site-footer"' in response.text
