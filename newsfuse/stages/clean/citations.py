"""Citations of news agencies in running text: the article relays an agency's reporting.

"X told AFP", "He spoke to The Associated Press", "Reuters reported", "according to Russia's TASS
news agency", "a Reuters witness said", and the same in the other languages newsfuse reads: "قال
مسؤول تركي لرويترز" (told Reuters: the clitic ل- is "to"), "حسب وكالة الأناضول" (according to
Anadolu), "a déclaré à l'AFP", "selon Reuters", "dijo a Efe", "según la agencia AP", "ha detto
all'Ansa", "sagte der Nachrichtenagentur dpa", "wie die Agentur Reuters meldete".

A citation is not wire copy: the cleaner never sets `Article.wire` from one (see `attribution`).
Provenance reads citations to say which agency's reporting an uncredited article relays (its
"cited" wire basis).

An agency name counts only in a reporting construction: a cue right before it ("told", "according
to", "selon", "laut", "حسب" ...), allowing a few describing words between ("according to Russia's
state-run news agency RIA Novosti"), or a reporting verb or newsroom noun right after it ("Reuters
reported", "an AFP correspondent"). A bare mention ("a video released by Anadolu Agency", a photo
credit "AP Photo/Jane Roe") is not a citation. Ambiguous short names ("PA", "RIA") count only next
to "news agency" ("told the PA news agency").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.stages.clean.agencies import AGENCIES, alternation, canonical_agency


@dataclass(frozen=True)
class Citation:
    """An agency cited in a text: canonical name, the words that cite it and their offsets."""

    agency: str
    start: int
    end: int
    text: str


def _is_arabic(name: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in name)


_ALIASES = [n for a in AGENCIES for n in a.aliases]
_SPELLED = [n for n in _ALIASES if len(n) > 4 and not _is_arabic(n)]
_SHORT = [n for n in _ALIASES if len(n) <= 4 and not _is_arabic(n)]
_AMBIGUOUS = [n for a in AGENCIES for n in a.ambiguous]
_ARABIC = [n for n in _ALIASES if _is_arabic(n)]
# Spelled-out names in any case ("the Anatolia news agency"), short ones as written.
_LATIN = rf"(?i:{alternation(_SPELLED)})|{alternation(_SHORT)}"
_AGENCY_WORDS = r"(?i:news\s+agency|agency|news\s+service|wire\s+service)"
# Every alternative starts a word: the leading \b lets a search skip the inside of words fast.
_MENTION = re.compile(
    rf"\b(?:(?<![\w-])(?:{_AGENCY_WORDS}\s+(?P<after_words>{_LATIN}|{alternation(_AMBIGUOUS)})|(?P<name>{_LATIN})"
    rf"|(?P<amb>{alternation(_AMBIGUOUS)})(?=\s+{_AGENCY_WORDS}\b)|(?P<other>{alternation(_AMBIGUOUS)}))(?![\w-])"
    # Arabic: the clitics و/ف (and) and ل (to: "لرويترز" = to Reuters) or ب (by) join the name.
    rf"|(?<!\w)(?P<clitic>[وف]?(?:لـ?|بـ?)?)(?P<arabic>{alternation(_ARABIC)})(?!\w))"
)

# Describing words between a cue and the name: "the", "Russia's", "state-run", "news agency" ...
_EN_GAP = (r"(?:(?:the|a|an|its|(?i:state|state-run|state-owned|government-run|official|semi-official|"
           r"national|private|news|wire|agency|service)|[A-Z][\w.-]*(?:['’]s)?)\s+){0,4}")
# A few lower-case words (an article and an adjective or two) in the Romance languages and German.
_LOW_GAP = r"(?:[^\W\d_A-Z][\w-]*\s+){0,2}"
# Cue (ending just before the name) and what may follow the name, per language; English always applies.
_BEFORE: dict[str, str] = {
    "en": rf"(?i:\b(?:told|tells|telling|(?:spoke|speaking|spoken|talked|talking|said|confirmed|explained)\s+"
          rf"(?:to|with)|(?:interviews?|comments?|remarks|statements?)\s+(?:to|with)|according\s+to|"
          rf"(?:reported|quoted|cited|interviewed|contacted|reached|carried)\s+by|citing|quoting|per))\s+{_EN_GAP}",
    "fr": rf"(?i:\b(?:selon|d['’]après|à|auprès\s+de|par|rapporte|rapportait|indique)\s+"
          rf"(?:l['’]\s*|la\s+|le\s+)?(?:agence\s+(?:de\s+presse\s+)?)?){_LOW_GAP}",
    "es": rf"(?i:\b(?:según|de\s+acuerdo\s+con|a|al|por|informó|informa|reportó|reporta)\s+"
          rf"(?:la\s+|el\s+)?(?:agencia\s+(?:de\s+noticias\s+)?)?){_LOW_GAP}",
    "it": rf"(?i:(?:\b(?:secondo|a|alla|dalla|da|riferisce|riporta|citato\s+da|citata\s+da)\s+"
          rf"|\b(?:all|dall)['’]\s*)"
          rf"(?:l['’]\s*|la\s+|il\s+)?(?:agenzia\s+(?:di\s+stampa\s+)?)?){_LOW_GAP}",
    "de": r"(?i:\b(?:laut|sagte|sagten|berichtete|berichtet|meldete|meldet|gegenüber|erfuhr|zitiert|zitierte|"
          r"nach\s+Angaben)\s+(?:der|die|dem|den|von)?\s*(?:(?:Nachrichtenagentur|Agentur|Presseagentur)\s+)?|"
          r"\b(?:der|die)\s+(?:Nachrichtenagentur|Agentur|Presseagentur)\s+)",
    "ar": r"(?:\b[وف]?(?:قال|قالت|ذكر|ذكرت|أفاد|أفادت|نقل|نقلت|أورد|أوردت|أعلن|أعلنت|أكد|أكدت|صرح|صرحت|"
          r"أضاف|أضافت|حسب|بحسب|وفق|وفقا|وفقاً|عن|مراسل|لمراسل)\s+(?:ل?وكالة\s+)?[\"«“]?\s*)",
}
_AFTER: dict[str, str] = {
    "en": r"(?:['’]s)?\s+(?:(?i:news\s+agency|agency)\s+)?(?:(?:has|have|had|also|later|earlier|first|"
          r"initially|previously|separately|then)\s+)*(?:reported|reports|said|says|quoted|cited|learned|"
          r"learnt|understands|confirmed|tallied|counted|wrote|writes|broadcast|correspondents?|reporters?|"
          r"journalists?|witness(?:es)?|tally|count|calculations?|report)\b",
    "fr": r"\s+(?:a\s+)?(?:rapporté|rapporte|indiqué|indique|annoncé|annonce|précisé|précise)\b",
    "es": r"\s+(?:informó|informa|reportó|reporta|publicó|indicó|señaló|difundió)\b",
    "it": r"\s+(?:riferisce|riporta|scrive|ha\s+riferito|ha\s+riportato|apprende|ha\s+appreso)\b",
    "de": r"\s+(?:berichtete|berichtet|meldete|meldet|zufolge|erfuhr|unter\s+Berufung)\b",
    "ar": r"[\"»”]?\s+عن\b",
}
_BEFORE_RE = {lang: re.compile(f"(?:{cue})$") for lang, cue in _BEFORE.items()}
_AFTER_RE = {lang: re.compile(cue) for lang, cue in _AFTER.items()}
_WINDOW = 90
_OPENING, _CLOSING = "\"«“", "\"»”"
_JOIN = re.compile(r"\s*(?:,|and|or|as\s+well\s+as|et|y|e|und|oder|و)\s*(?:the\s+)?")


def _languages(lang: str | None) -> tuple[str, ...]:
    # Arabic cues apply to any text, since only Arabic names can follow them.
    return tuple(dict.fromkeys(("en", "ar", *((lang,) if lang in _BEFORE else ()))))


def _cue(text: str, m: re.Match[str], langs: tuple[str, ...]) -> tuple[int, int] | None:
    """The span of the whole citation ("told the Associated Press") if a cue frames mention `m`."""
    if m.group("arabic") and "ل" in (m.group("clitic") or ""):
        return m.start(), m.end()
    window = text[max(0, m.start() - _WINDOW):m.start()]
    for lang in langs:
        before = _BEFORE_RE[lang].search(window)
        if before is not None:
            # A name the cue opened a quote for takes its closing quote along: نقلت "رويترز".
            closing = before.group().rstrip()[-1:] in _OPENING and text[m.end():m.end() + 1] in _CLOSING
            return m.start() - len(window) + before.start(), m.end() + closing
        after = _AFTER_RE[lang].match(text, m.end())
        if after is not None:
            return m.start(), after.end()
    return None


def cited_agencies(text: str, lang: str | None = None) -> list[Citation]:
    """Every citation of an agency in `text`, in order; `lang` (ISO 639-1) adds that language's
    cues to the English and Arabic ones."""
    langs = _languages(lang)
    found: list[Citation] = []
    for m in _MENTION.finditer(text):
        name = m.group("after_words") or m.group("name") or m.group("amb") or m.group("arabic")
        # `other`: an ambiguous name in running text ("Thomson Reuters" the company), skipped whole.
        agency = canonical_agency(name, credit=True) if name else None
        if agency is None:
            continue
        # "told Reuters and AFP": a name joined to the one just cited shares its cue.
        joined = bool(found) and _JOIN.fullmatch(text, found[-1].end, m.start()) is not None
        span = (m.start(), m.end()) if joined else _cue(text, m, langs)
        if span:
            found.append(Citation(agency, span[0], span[1], " ".join(text[span[0]:span[1]].split())))
    return found
