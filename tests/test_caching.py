import datetime
import os
import threading
import time
import zoneinfo

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from opportunities.caching import TOKEN_KEY, cached, programme_token
from opportunities.models import ActionLine, Deadline, Format
from tests.opportunities.test_admin import form_data

pytestmark = pytest.mark.django_db

CHECK = "/en/check/?country=NL&partners=DE&partners=FR&duration_months=24"


def test_tests_use_the_production_cache_backend():
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def test_token_changes_with_every_edit(admin_client):
    before = programme_token()
    fmt = Format.objects.get(code="KA220-VET")
    fmt.min_organisations = 4
    fmt.save()
    after_save = programme_token()
    fmt.excluded_countries.add("BY")

    assert before != after_save != programme_token()


def test_the_token_is_forgotten_again_when_the_edit_commits(django_capture_on_commit_callbacks):
    fmt = Format.objects.get(code="KA220-VET")
    with django_capture_on_commit_callbacks(execute=True):
        fmt.save()
        cache.set(TOKEN_KEY, "old", 60)  # a request read the old version meanwhile

    assert cache.get(TOKEN_KEY) is None


def edit_and_commit(code, minimum, edited=None, release=None):
    """Change a format in a connection of its own and commit, holding it open if asked."""
    try:
        with transaction.atomic():
            fmt = Format.objects.get(code=code)
            fmt.min_organisations = minimum
            fmt.save()
            if edited:
                edited.set()
                release.wait(10)
    finally:
        connection.close()


def test_an_edit_committed_second_is_seen(django_db_blocker):
    """PostgreSQL hands out history ids in the order of inserts, not of commits.

    Edit A starts first and commits last; edit B commits in between. The version read after
    both commits must differ from the one read between them.
    """
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time")
    originals = dict(
        Format.objects.filter(code__in=["KA220-VET", "KA210-VET"]).values_list(
            "code", "min_organisations"
        )
    )
    edited, release = threading.Event(), threading.Event()
    first = threading.Thread(target=edit_and_commit, args=("KA220-VET", 5, edited, release))
    second = threading.Thread(target=edit_and_commit, args=("KA210-VET", 3))
    try:
        first.start()
        assert edited.wait(10)
        second.start()
        second.join(1)  # it commits now, or waits for the first edit's version row
        between = programme_token()
        release.set()
        first.join(10)
        second.join(10)

        assert programme_token() != between
    finally:
        release.set()
        for code, minimum in originals.items():
            thread = threading.Thread(target=edit_and_commit, args=(code, minimum))
            thread.start()
            thread.join(10)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"secure": True},
        {"HTTP_HOST": "localhost"},
        {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "checker"},
    ],
)
def test_the_page_cache_keeps_scheme_host_and_variant_apart(client, kwargs):
    plain = client.get(CHECK)
    different = client.get(CHECK, **kwargs)

    assert different.context is not None  # rendered, not taken from the cache
    assert plain.context is not None


def test_a_cached_page_costs_no_query(client, django_assert_num_queries):
    first = client.get(CHECK)

    with django_assert_num_queries(0):
        second = client.get(CHECK)

    assert second.content == first.content
    assert "HX-Request" in second["Vary"]


@pytest.mark.parametrize("path", ["/en/deadlines/", "/nl/check/plan/", CHECK])
def test_a_request_reads_the_programme_version_once(client, monkeypatch, path):
    """Even when the shared copy of the version expires while the page is being built (here:
    at once), the whole page describes one version, read once."""
    monkeypatch.setattr("opportunities.caching.TOKEN_SECONDS", 0)

    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200

    reads = [q for q in queries if "opportunities_programmeversion" in q["sql"]]
    assert len(reads) == 1


def test_htmx_and_full_page_are_cached_apart(client):
    full = client.get(CHECK)
    fragment = client.get(CHECK, headers={"HX-Request": "true"})

    assert b"<html" in full.content and b"<html" not in fragment.content


def test_an_editors_change_shows_at_once(admin_client):
    url = "/api/v1/eligibility?country=NL&partners=DE,FR&format=KA220-VET"
    assert admin_client.get(url).json()["formats"][0]["verdict"] != "not_eligible"
    fmt = Format.objects.get(code="KA220-VET")
    change = reverse("admin:opportunities_format_change", args=[fmt.pk])
    data = form_data(admin_client.get(change))
    data["min_countries"] = data["min_organisations"] = 4
    assert admin_client.post(change, data).status_code == 302

    assert admin_client.get(url).json()["formats"][0]["verdict"] == "not_eligible"


def test_a_deadline_that_passes_leaves_the_cached_upcoming_list_within_a_minute(
    client, monkeypatch
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


def test_errors_are_not_cached(client):
    client.get("/en/check/?country=XX")

    assert client.get("/en/check/?country=XX").context is not None


def redis_reachable():
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


REDIS_URL = "redis://127.0.0.1:6379/15"


# CI (.ci/run) starts Redis and sets REDIS_REQUIRED: there, no Redis fails this test.
@pytest.mark.skipif(
    not os.environ.get("REDIS_REQUIRED") and not redis_reachable(),
    reason="no Redis on 127.0.0.1:6379",
)
def test_pages_are_shared_through_redis(client, django_assert_num_queries):
    redis_cache = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tests",
        },
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
    return response.content.decode()


@pytest.mark.parametrize("path", FRAGMENT_PAGES)
@pytest.mark.parametrize("htmx", [False, True], ids=["page", "htmx"])
def test_a_page_is_the_same_from_cold_and_warm_fragments(client, path, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    cold = client.get(path, headers=headers)  # an empty cache: every fragment rendered now
    cache.clear()
    # Other URLs fill the fragments (the page itself stays out of the page cache), and the
    # other language's fragments sit beside them.
    other = path.replace("/nl/", "/xx/").replace("/en/", "/nl/").replace("/xx/", "/en/")
    for url in (other, path):
        client.get(f"{url}{'&' if '?' in url else '?'}_=warm-up", headers=headers)
    warm = client.get(path, headers=headers)

    assert cold.status_code == warm.status_code
    assert rendered(warm) == rendered(cold)


def test_the_home_page_from_warm_fragments_reads_nothing(client, django_assert_num_queries):
    client.get("/en/?_=warm-up")

    with django_assert_num_queries(0):
        response = client.get("/en/")

    assert "Small-scale partnerships" in response.text


def test_a_fragment_shows_an_editors_change_at_once(client):
    client.get("/en/?_=warm-up")
    line = ActionLine.objects.get(code="KA2")
    line.name_en = "Working together"
    line.save()

    assert "Working together" in client.get("/en/").text


def test_clearing_the_cache_drops_what_a_process_kept(client):
    url = "/api/v1/eligibility?country=NL&partners=DE,FR&format=KA220-VET"
    assert client.get(url).json()["formats"][0]["verdict"] != "not_eligible"
    # A change the programme version does not see (no history row), then a cleared cache.
    Format.objects.filter(code="KA220-VET").update(min_organisations=4)
    for each in caches.all():
        each.clear()

    assert client.get(url).json()["formats"][0]["verdict"] == "not_eligible"


def test_an_error_page_renders_its_fragments_without_the_database(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert 'class="site-nav"' in response.text and 'class="site-footer"' in response.text


def test_new_pages_do_not_push_programme_data_out_of_the_cache():
    """A stream of new URLs fills the page cache; what is built per programme version stays."""
    kept = cached("test-data", lambda: ["built once"], token="1")
    for number in range(1_000):
        cache.set(f"page:{number}", "a page", 60)

    assert cached("test-data", lambda: ["built again"], token="1") is kept


@pytest.mark.parametrize("path", FRAGMENT_PAGES)
def test_a_new_address_of_a_page_stores_nothing_new_per_programme_version(client, path):
    """What is kept per programme version never depends on the address: a stream of new URLs
    (a tracking parameter, say) must not fill that cache and push programme data out."""
    separator = "&" if "?" in path else "?"
    client.get(f"{path}{separator}_=1")
    stored = len(caches["programme"]._cache)

    client.get(f"{path}{separator}_=2")

    assert len(caches["programme"]._cache) == stored
