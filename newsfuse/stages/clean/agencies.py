"""The wire agencies newsfuse recognises: canonical names and the ways articles write them."""

from __future__ import annotations

import re

# canonical name -> regex alternatives as they appear in copy (case-sensitive on purpose: "AP" the
# agency, never "ap" inside a word or sentence).
_ALIASES: dict[str, str] = {
    "AP": r"The Associated Press|Associated Press|AP",
    "Reuters": r"Thomson Reuters|Reuters|REUTERS",
    "AFP": r"Agence France[- ]Presse|AFP",
    "PA": r"the Press Association|Press Association|PA Media|PA Wire|PA",
    "DPA": r"Deutsche Presse-Agentur|dpa|DPA",
    "Anadolu": r"Anadolu Agency|Anadolu Ajansı|Anadolu|AA",
    "Xinhua": r"Xinhua News Agency|Xinhua|XINHUA",
    "UPI": r"United Press International|UPI",
    "EFE": r"EFE|Efe",
    "ANSA": r"ANSA",
    "Bernama": r"Bernama|BERNAMA",
    "IANS": r"IANS",
    "PTI": r"Press Trust of India|PTI",
    "ANI": r"ANI",
    "Kyodo": r"Kyodo News|Kyodo|KYODO",
    "Yonhap": r"Yonhap News Agency|Yonhap|YONHAP",
    "TASS": r"ITAR-TASS|TASS|Tass",
    "RIA": r"RIA Novosti|RIA",
    "Sputnik": r"Sputnik News|Sputnik",
    "Interfax": r"Interfax",
    "AAP": r"Australian Associated Press|AAP",
    "Europa Press": r"Europa Press",
}

_CANONICAL = {alias: name for name, alts in _ALIASES.items() for alias in alts.split("|")}

# One alternation of every alias, longest first so "Associated Press" wins over "AP".
AGENCY = "(?:" + "|".join(sorted(_CANONICAL, key=len, reverse=True)) + ")"
_WHOLE = re.compile(rf"(?:the\s+)?({AGENCY})(?:\s+news\s+agency)?", re.IGNORECASE)


def canonical_agency(name: str) -> str | None:
    """The canonical agency for a name as written ("Associated Press" -> "AP"), else None."""
    name = name.strip()
    if name in _CANONICAL:
        return _CANONICAL[name]
    m = _WHOLE.fullmatch(name)
    if m is None:
        return None
    # Case-insensitive only for spelled-out names: "ap" or "pa" in lower case are not agencies.
    found = m.group(1)
    for alias, canon in _CANONICAL.items():
        if alias.casefold() == found.casefold() and (len(alias) > 4 or alias == found):
            return canon
    return None
