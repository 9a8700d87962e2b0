"""Where the event happened: the place, admin area and country named by the event's sentences.

Candidates are the names in the sentences whose trigger fired, weighted by the sentence's position
weight, doubled near the trigger in the same clause ("captured the town of Maheen"), each article
counting once per name (alias-merged: Maheen = Mahin). Places the tagger recognises count as they
are; names it calls people or organisations, or cannot type, count when their context says place
("the town of X", "X town") or the gazetteer knows them. Not places: the dateline ("BEIRUT
(Reuters) -": where the reporter was), a name acting before the trigger ("Leicester City clinch
the title"), a time ("days before Easter"), a wire agency.

Admin areas are read from their shape ("Homs province", "the province of Homs", a US state), and
a name some outlet calls a province counts as the admin area wherever it is named; countries come
from their names (a nationality alone, "Italian tenor", is not enough). The gazetteer gives the
place's coordinates, preferring the one in the admin area, and the country when no sentence names
it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsfuse.model import Article, Entity, Evidence, Location, Sentence
from newsfuse.stages.clean.agencies import canonical_agency
from newsfuse.stages.events.classify import Hit
from newsfuse.stages.events.gazetteer import GeoPlace, gazetteer
from newsfuse.stages.events.votes import Votes, name_key

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small English model calls unfamiliar places people or organisations ("al-Qaryatain",
# "Homs"); such names, and names of unknown kind, are places only when the gazetteer knows them
# or their context says so ("the town of X").
_MAYBE_PLACES = frozenset({"NAME", "ORG", "PERSON"})
_COUNTRY_LABELS = frozenset({"GPE", "NORP", "LOC", "NAME"})
_ADMIN_WORDS = r"(?:province|governorate|state|region|county|prefecture|district|department|oblast)"
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}"
_ADMIN_AFTER = re.compile(rf"\b({_NAME})\s+{_ADMIN_WORDS}\b")
_ADMIN_BEFORE = re.compile(rf"\b{_ADMIN_WORDS}\s+of\s+({_NAME})")
_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\s")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# A place named this close to the trigger is what the trigger is about ("took control of X").
_NEAR_WORDS = 8
_NEAR_BONUS = 2.0
# A nationality says the country less surely than a country's name ("Italian tenor"), unless it
# qualifies a place ("Syrian town") or the state ("Syrian government forces").
_NORP_SHARE = 0.5
_PLACE_NOUN = re.compile(
    r"\s+(?:town|city|village|province|region|capital|border|coast|territory|airspace|soil|government|"
    r"army|forces|troops|authorities|officials)\b", re.IGNORECASE)
# A name of unknown kind is a place when the gazetteer knows it or its context says so.
_PLACE_CONTEXT = re.compile(
    r"\b(?:town|city|village|district|area|province|region|capital|suburb|neighbou?rhood|port|"
    r"outskirts|airport|base)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()—–]")
_PLACE_CONTEXT_AFTER = re.compile(r"\s+(?:town|city|village)\b", re.IGNORECASE)
_LOCATIVE = re.compile(r"\b(?:in|near|at|outside)\s+(?:the\s+)?$", re.IGNORECASE)
_NOT_PLACES = frozenset({"ORG", "NORP", "PERSON"})
_TEMPORAL = re.compile(r"\b(?:before|after|since|until|till|during|ahead\s+of)\s+(?:the\s+)?$", re.IGNORECASE)


def clean_name(text: str) -> str:
    """An entity's text without a leading "the", a trailing possessive or dangling punctuation."""
    return _POSSESSIVE.sub("", _LEADING_THE.sub("", text.strip())).strip(" &,;:-–—(")


def _in_dateline(entity: Entity, sentence: Sentence, article: Article) -> bool:
    """Whether `entity` is the dateline at the head of the article ("BEIRUT (Reuters) -")."""
    if not article.dateline or sentence.start > len(article.dateline) + 2:
        return False
    return entity.start < len(article.dateline) + 2 and name_key(clean_name(entity.text)) == name_key(
        clean_name(article.dateline.split(",")[0])
    )


def _near(entity: Entity, hit: Hit, sentence: Sentence) -> bool:
    """Whether a name stands close to the trigger, in the same clause."""
    text = hit.unit.text
    lo, hi = entity.start - sentence.start, entity.end - sentence.start
    gap = text[hit.end:lo] if lo >= hit.end else text[hi:hit.start]
    return len(gap.split()) <= _NEAR_WORDS and not _CLAUSE.search(gap)


def _best(tallies: Mapping[str, Votes], exclude: set[str] = frozenset()) -> tuple[str, Votes] | None:
    ranked = sorted(((k, t) for k, t in tallies.items() if k not in exclude), key=lambda kt: -kt[1].score)
    return ranked[0] if ranked else None


def _pick_geo(candidates: list[GeoPlace], admin_code: str | None) -> GeoPlace | None:
    if admin_code:
        same_admin = [g for g in candidates if g.admin1 == admin_code]
        if same_admin:
            return same_admin[0]
    return candidates[0] if candidates else None


def locate(
    hits: Sequence[Hit], articles: Mapping[str, Article]
) -> tuple[Location | None, tuple[Evidence, ...]]:
    """The event's location from the sentences of its hits (one per sentence), with the evidence of
    each part."""
    gaz = gazetteer()
    admins: dict[str, Votes] = {}
    countries: dict[str, Votes] = {}
    mentions: list[_Mention] = []
    named: set[str] = set()
    agents = _agents(hits)
    for hit in hits:
        s = hit.unit.sentence
        if s is None:
            continue
        admin_spans = _admins(s, hit.unit.weight, admins)
        for e in s.entities:
            lo, hi = e.start - s.start, e.end - s.start
            in_admin = any(a < e.end and e.start < b for a, b in admin_spans)
            if in_admin or _in_dateline(e, s, articles[s.article]):
                continue
            name = clean_name(e.text)
            iso = gaz.country(name) if e.label in _COUNTRY_LABELS else None
            if iso:
                share = 1.0 if e.label != "NORP" or _PLACE_NOUN.match(s.text, hi) else _NORP_SHARE
                countries.setdefault(iso, Votes()).add(s.article, hit.unit.weight * share, name, s)
                if share == 1.0:
                    named.add(iso)
            elif _TEMPORAL.search(s.text[:lo]):
                continue  # "days before Easter"
            elif e.label in _PLACE_LABELS and (state := gaz.us_state(name)):
                admins.setdefault(name_key(state), Votes()).add(s.article, hit.unit.weight, state, s)
                countries.setdefault("US", Votes()).add(s.article, hit.unit.weight * _NORP_SHARE, name, s)
            elif e.label in _PLACE_LABELS | _MAYBE_PLACES and not (
                name_key(name) in agents or canonical_agency(name)
            ):
                near = _NEAR_BONUS if _near(e, hit, s) else 1.0
                # Context words are English; another language's names need the gazetteer.
                english = (articles[s.article].lang or "en").startswith("en")
                context = english and bool(
                    _PLACE_CONTEXT.search(s.text[:lo]) or _PLACE_CONTEXT_AFTER.match(s.text, hi))
                mentions.append(_Mention(name_key(name), name, e.label, hit.unit.weight * near, s, context))
    # Only a country some sentence names outright counts; a nationality alone ("Italian tenor")
    # leaves the country to the gazetteer.
    country = _best({k: v for k, v in countries.items() if k in named})
    iso = country[0] if country else None
    places: dict[str, Votes] = {}
    for m in mentions:
        if m.label not in _MAYBE_PLACES or m.in_context or _known(m, iso):
            places.setdefault(m.key, Votes()).add(m.sentence.article, m.weight, m.name, m.sentence)
    # A name some outlet calls a province counts as the admin area wherever it is named.
    for key in admins.keys() & places.keys():
        admins[key].absorb(places.pop(key))
    admin = _best(admins)
    place = _best(places)
    if not (place or admin or country):
        return None, ()
    admin_code = None
    if admin:
        admin_geo = gaz.places(admin[1].name, iso)
        admin_code = admin_geo[0].admin1 if admin_geo else None
        iso = iso or (admin_geo[0].country if admin_geo else None)
    geo = None
    if place:
        geo = _pick_geo(gaz.places(place[1].name, iso), admin_code)
        # Named in another country the outlets also name ("near the Syrian border")? Then there.
        elsewhere = gaz.places(place[1].name) if geo is None else []
        if elsewhere and (iso is None or elsewhere[0].country in countries):
            geo, iso = elsewhere[0], elsewhere[0].country
    iso = iso or (geo.country if geo else None)
    location = Location(
        place=place[1].name if place else None,
        admin=admin[1].name if admin else None,
        country=gaz.country_name(iso) if iso else None,
        lat=geo.lat if geo else None,
        lon=geo.lon if geo else None,
    )
    evidence = [e for part in (place, admin) if part and (e := part[1].evidence("location"))]
    if iso and iso in countries and (e := countries[iso].evidence("location")):
        evidence.append(replace(e, value=location.country or e.value))
    return location, tuple(evidence)


def possessive_place(e: Entity, s: Sentence) -> bool:
    """"Paris' Notre Dame", "Egypt's Sinai": a place owning a noun says where, not who."""
    return e.label in _PLACE_LABELS and bool(_POSSESSIVE_AFTER.match(s.text, e.end - s.start))


def _known(m: _Mention, iso: str | None) -> bool:
    """Whether the gazetteer knows a name of doubtful kind as a place: a name of unknown kind
    anywhere, a supposed organisation or person only in the event's country."""
    if m.label != "NAME" and iso is None:
        return False
    return bool(gazetteer().places(m.name, iso, close=True))


def _agents(hits: Sequence[Hit]) -> set[str]:
    """Names standing before a trigger, as who acted ("Leicester City clinch the title"): not the
    event's place, unless a preposition says they are ("in Homs, ..."). Countries are exempt: one
    acting ("Turkey shot down") is still where things happen."""
    keys = set()
    for hit in hits:
        s = hit.unit.sentence
        for e in s.entities if s else ():
            lo, hi = e.start - s.start, e.end - s.start
            if hit.agent[0] <= lo and hi <= hit.agent[1] and not (
                _LOCATIVE.search(s.text[:lo]) or possessive_place(e, s)
            ):
                keys.add(name_key(clean_name(e.text)))
    return keys


@dataclass(frozen=True)
class _Mention:
    """A name that may be the event's place, kept until the country is known."""

    key: str
    name: str
    label: str
    weight: float
    sentence: Sentence
    in_context: bool


def _admins(s: Sentence, weight: float, admins: dict[str, Votes]) -> list[tuple[int, int]]:
    """Vote for the admin areas named in `s` ("Homs province"); returns their spans (article
    offsets). "Islamic State" is no state, and a country is no province."""
    spans = []
    for m in (*_ADMIN_AFTER.finditer(s.text), *_ADMIN_BEFORE.finditer(s.text)):
        lo, hi = s.start + m.start(), s.start + m.end()
        name = clean_name(m.group(1))
        if gazetteer().country(name) or any(
            e.label in _NOT_PLACES and e.start < hi and lo < e.end for e in s.entities
        ):
            continue
        admins.setdefault(name_key(name), Votes()).add(s.article, weight, name, s)
        spans.append((lo, hi))
    return spans
