"""The agency table: canonical names, ambiguous short names (credits only), agencies' own sites."""

from __future__ import annotations

import pytest

from newsfuse.stages.clean.agencies import AGENCIES, agency_of_host, canonical_agency
from newsfuse.stages.clean.attribution import parse_dateline, trailing_wire


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Associated Press", "AP"),
        ("the Associated Press", "AP"),
        ("Agence France-Presse", "AFP"),
        ("agence france-presse", "AFP"),
        ("Reuters news agency", "Reuters"),
        ("رويترز", "Reuters"),
        ("أ ف ب", "AFP"),
        ("Catalan News Agency", "ACN"),
        ("Syrian Arab News Agency", "SANA"),
        ("ap", None),
        ("Photo", None),
    ],
)
def test_canonical_names(name: str, agency: str | None) -> None:
    assert canonical_agency(name) == agency


@pytest.mark.parametrize("name", ["PA", "AAP", "PAP", "RIA", "Petra", "Anatolia", "TT"])
def test_ambiguous_names_count_only_as_credits(name: str) -> None:
    assert canonical_agency(name) is None
    assert canonical_agency(name, credit=True) is not None


def test_ambiguous_names_still_make_datelines_and_credits() -> None:
    dateline = parse_dateline("WARSAW (PAP) - The crane fell.")
    assert dateline is not None and dateline.agency == "PAP"
    wire = trailing_wire("The quay reopened on Monday. — AAP")
    assert wire is not None and wire.agency == "AAP"


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Barcelona (ACN).- A crane fell on the quay.", "ACN"),
        ("Madrid, 3 may (EFE).- Cayó una grúa.", "EFE"),
        ("بيروت (رويترز) - سقطت رافعة في الميناء.", "Reuters"),
    ],
)
def test_datelines_in_other_styles_and_scripts(line: str, agency: str) -> None:
    dateline = parse_dateline(line)
    assert dateline is not None and dateline.agency == agency


@pytest.mark.parametrize(
    ("host", "agency"),
    [
        ("reuters.com", "Reuters"),
        ("uk.reuters.com", "Reuters"),
        ("WWW.APNEWS.COM", "AP"),
        ("english.news.cn", "Xinhua"),
        ("catalannews.com", "ACN"),
        ("notreuters.com", None),
        ("reuters.com.example.org", None),
        ("example.com", None),
        ("", None),
        (None, None),
    ],
)
def test_agency_sites_include_subdomains_and_nothing_else(host: str | None, agency: str | None) -> None:
    assert agency_of_host(host) == agency


def test_table_is_consistent() -> None:
    names = [a.name for a in AGENCIES]
    assert len(names) == len(set(names))
    hosts = [h for a in AGENCIES for h in a.hosts]
    assert len(hosts) == len(set(hosts))
    # Every spelled-out name resolves to its own agency (no name is claimed twice).
    for a in AGENCIES:
        for alias in a.aliases:
            assert canonical_agency(alias) == a.name, alias
