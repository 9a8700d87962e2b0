"""What a number counts or measures, read from its sentence's dependency parse.

Two outlets seldom phrase one fact alike, so their sentences often fail to align while the slot
they fill is plain: "As many as 400 firefighters rushed in" and "Around 500 firefighters battled
through the night" count the same people; "15 kilometers deep" and "a depth of nine miles" give
one depth.  A value's `Measured` names that slot in words a parse finds whatever the phrasing:

- `head`: the lemma of the thing counted ("firefighter"), or of the word a measure attaches to
  ("15 kilometers deep", "93-meter spire", "a depth of 15 km"), or of the adjective it is part
  of ("850-year-old", "300ft-tall"), or of the verb a measure is the object of ("took 7 hours");
- `anchor`: the words of what a measure is taken from or to ("within 20 km of the main
  highway": main, highway; "4 kilometers away from the Turkish border": turkish, border), a
  place by its alias key;
- `owner`: whose age, height ... an adjective of measure gives ("the 850-year-old building":
  building; "28-year-old Andreas Lubitz": lubitz), whether it is a proper noun and whether it
  is definite ("a 38-year-old volunteer" brings in someone new);
- `classifies`: the figure sorts things into kinds ("3.0-liter engines", "a two-goal lead")
  and measures no one thing;
- `nations`: the nationalities that narrow a count ("214 Russian passengers" are not "217
  passengers"; "72 of the 144 passengers were German citizens" counts Germans), keyed by
  `nationality_key`;
- `subset`: the other words before a counted noun that pick a part of it or a side ("the
  remaining eight boys", "government fighters", "ISIS militants");
- `event`: the verb the value belongs to ("started at 6:50 p.m.": "start"), reporting verbs
  skipped for counts and measures (what was said is the fact, not the saying); for a date
  or a time, `reported` is what a reporting verb reports ("announced on Monday that a notice
  was issued": issue).

Only English sentences are parsed (`english_parser`, no entity recogniser), and only those that
state a value.  A measure in another language is read from word order (`by_word_order`): its
head is the word before it ("a una profundidad de 10 km", "وبعمق 15 كيلومترا": depth), its
anchor the words after it in its phrase ("80 km al noroeste de Katmandú").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.util import filter_spans
from unidecode import unidecode

from newsfuse.algorithms.aliases import alias_key
from newsfuse.algorithms.dates import is_calendar_word
from newsfuse.algorithms.numbers import parse_number
from newsfuse.algorithms.skeleton import is_non_latin
from newsfuse.model import Sentence
from newsfuse.nlp import english_parser

_NOUNS = frozenset({"NOUN", "PROPN"})
_VERBS = frozenset({"VERB"})
# Dependencies by which a measure modifies the word it is the measure of ("93-meter spire",
# "15 kilometers deep", "850-year-old building", "4 kilometers away").
_MODIFIES = frozenset({"amod", "nmod", "compound", "npadvmod", "nummod", "quantmod", "advmod", "acomp",
                       "appos"})
# Dependencies by which a measure is an argument of a verb ("took 7 hours", "is 25 kilometers").
_ARGUMENT = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
_ANCHOR_PREPOSITIONS = frozenset({"of", "from", "to", "toward", "towards", "off", "outside", "into"})
# Words that say where a measure points, whose own prepositions hold its anchor ("east of").
_POINTERS = frozenset({"appos", "advmod", "amod", "npadvmod"})
_REPORTING = frozenset({"say", "tell", "report", "add", "announce", "state", "quote", "claim",
                        "believe", "think", "estimate", "suggest", "accord"})
# Verbs that are no event of their own: reporting ones, and those that only link words.
_NOT_EVENTS = _REPORTING | {"be", "have"}
_SUBSET_WORDS = frozenset({"amod", "compound"})
_NATIONALITY_PREFIX = 5
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# Words of fewer letters are mostly particles in the Latin script ("de", "von", "una", "del");
# Arabic writes its particles onto the word and most of its stems have three letters.
_LATIN_WORD = 4
_OTHER_SCRIPT_WORD = 3
_PAIR_BEFORE = re.compile(r"\d[-–/:]$")
_PAIR_AFTER = re.compile(r"[-–/:]\d")
BATCH = 64


@dataclass(frozen=True)
class Measured:
    """What a value counts or measures (see the module docstring); empty strings when unknown."""

    head: str = ""
    anchor: frozenset[str] = frozenset()
    anchor_names: frozenset[str] = frozenset()
    event: str = ""
    reported: str = ""
    nations: frozenset[str] = frozenset()
    subset: frozenset[str] = frozenset()
    owner: str = ""
    owner_proper: bool = False
    owner_definite: bool = True
    classifies: bool = False
    head_is_verb: bool = False


def parse(sentences: Sequence[Sentence]) -> list[Doc]:
    """Dependency parses of English sentences, in order, with the entities analysis found in
    them (the parser's pipeline has no recogniser of its own)."""
    docs = list(english_parser().pipe((s.text for s in sentences), batch_size=BATCH))
    for doc, s in zip(docs, sentences, strict=True):
        spans = [doc.char_span(e.start - s.start, e.end - s.start, label=e.label, alignment_mode="expand")
                 for e in s.entities]
        doc.set_ents([sp for sp in filter_spans([sp for sp in spans if sp is not None])])
    return docs


def nationality_key(word: str) -> str:
    """One key for the forms of a nationality word: "German", "Germans"; "Spanish", "Spaniards"
    (a plural "s" dropped, then the first letters, which the forms of one nationality share)."""
    plain = unidecode(word).lower().strip(".-'’ ")
    if len(plain) > 4 and plain.endswith("s") and not plain.endswith("ss"):
        plain = plain[:-1]
    return plain[:_NATIONALITY_PREFIX]


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _root(tokens: Sequence[Token]) -> Token:
    """The token of a mention that the rest of the sentence attaches to."""
    inside = {t.i for t in tokens}
    outer = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return outer[-1] if outer else tokens[-1]


def _is_name(token: Token) -> bool:
    """A proper noun, or a word analysis found in a name (the tagger misses unfamiliar ones)."""
    return token.pos_ == "PROPN" or (bool(token.ent_type_) and token.text[:1].isupper())


def _lemma(token: Token) -> str:
    return alias_key(token.text) if _is_name(token) else token.lemma_.lower()


def _event(token: Token, *, reporting: bool) -> str:
    """The verb a token belongs to: its nearest verb ancestor (reporting verbs skipped unless
    `reporting`)."""
    for t in (token, *token.ancestors):
        if t.pos_ in _VERBS and (reporting or t.lemma_.lower() not in _NOT_EVENTS):
            return t.lemma_.lower()
    return ""


def _reported(token: Token) -> str:
    """What a reporting verb over `token` reports ("announced on Monday that a notice ... was
    issued": issue): the verb of its clausal complement."""
    verb = next((t for t in (token, *token.ancestors) if t.pos_ in _VERBS), None)
    if verb is None or verb.lemma_.lower() not in _REPORTING:
        return ""
    clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
    return clause.lemma_.lower() if clause is not None and clause.pos_ in _VERBS else ""


def _anchor(tokens: Sequence[Token]) -> list[Token]:
    """The words of the object of the first "of" / "from" / "to" ... on one of `tokens` or on
    the words that say where they point ("east of the highway", "from the cave mouth"); the
    measure itself is no anchor ("a depth of nine miles")."""
    candidates = list(tokens)
    for t in tokens:
        candidates += [c for c in t.children if c.dep_ in _POINTERS]
    preps = [t for t in candidates if t.pos_ == "ADP"]
    preps += [p for t in candidates for p in t.children if p.dep_ == "prep"]
    for prep in (p for p in preps if p.lower_ in _ANCHOR_PREPOSITIONS):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.i != tokens[0].i:
            words = [obj] + [c for c in obj.children if c.dep_ in _SUBSET_WORDS and c.is_alpha]
            # "the town of Oskar": the town is Oskar
            return words + [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"]
    return []


def _anchor_words(anchor: Sequence[Token]) -> dict[str, frozenset[str]]:
    """`Measured` fields of an anchor: its words, and those of them that are names."""
    return {"anchor": frozenset(_lemma(t) for t in anchor),
            "anchor_names": frozenset(_lemma(t) for t in anchor if _is_name(t))}


def _nationalities(tokens: Sequence[Token]) -> set[str]:
    """Nationality words among `tokens`: capitalised adjectives and proper nouns that are not
    names of places or people (a demonym is an adjective, a plural or a NORP)."""
    out = set()
    for t in tokens:
        if not t.text[:1].isupper() or t.is_sent_start:
            continue
        if t.pos_ == "ADJ" or (t.pos_ == "PROPN" and t.tag_ == "NNPS") or t.ent_type_ == "NORP":
            out.add(nationality_key(t.text))
    return out


@dataclass(frozen=True)
class Counted:
    """A number the parse shows counting something (`noun`, "" for a nationality alone)."""

    start: int
    end: int
    value: float
    noun: str


def counted_numbers(doc: Doc) -> list[Counted]:
    """Numbers that count a common noun ("about 14 German high school students") or people said
    to be of a nationality ("72 of the 144 passengers were German citizens", "35 were
    Spanish"), with offsets into the parsed text: the counts a rule-based reader misses when
    words stand between a number and its noun."""
    out = []
    for t in doc:
        if not t.like_num or t.pos_ != "NUM" or _YEAR.fullmatch(t.text) or _paired(doc.text, t):
            continue
        value = parse_number(t.text)
        if value is None:
            continue
        if t.dep_ == "nummod" and t.head.pos_ == "NOUN" and t.head.i > t.i:
            out.append(Counted(t.idx, t.head.idx + len(t.head), value, t.head.lemma_.lower()))
        elif t.dep_ in ("nsubj", "nsubjpass") and _nationalities(_predicate(t)):
            noun = _counted(t, [t])
            key = noun.lemma_.lower() if noun is not None else ""
            out.append(Counted(t.idx, t.idx + len(t), value, key))
    return out


def _paired(text: str, t: Token) -> bool:
    """Whether a number is one side of a score, a range or a ratio ("2-2", "5,000-1", "24/7")."""
    before, after = text[max(0, t.idx - 2):t.idx], text[t.idx + len(t):t.idx + len(t) + 2]
    return bool(_PAIR_BEFORE.search(before) or _PAIR_AFTER.match(after))


def _predicate(number: Token) -> list[Token]:
    """What a counted subject is said to be ("72 ... were German citizens", "35 were Spanish",
    "42 passengers were of Spanish nationality"): the attribute or complement of its verb."""
    verb = number.head
    if number.dep_ not in ("nsubj", "nsubjpass") and number.head.dep_ not in ("nsubj", "nsubjpass"):
        return []
    if number.dep_ not in ("nsubj", "nsubjpass"):
        verb = number.head.head
    out = []
    for c in verb.children:
        if c.dep_ in ("attr", "acomp", "oprd", "dobj") or (c.dep_ == "prep" and c.lower_ == "of"):
            out += list(c.subtree)
    return out


def _counted(number: Token, tokens: Sequence[Token]) -> Token | None:
    """The noun a number counts: the noun it modifies, or the group of a partitive ("72 of the
    144 passengers": passengers)."""
    if number.dep_ == "nummod" and number.head.pos_ in _NOUNS:
        return number.head
    for prep in number.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in _NOUNS), None)
            if obj is not None:
                return obj
    root = _root(tokens)
    return root if root.pos_ in _NOUNS and root is not number else None


def _count(tokens: Sequence[Token]) -> Measured:
    number = next((t for t in tokens if t.like_num or t.pos_ == "NUM"), tokens[0])
    noun = _counted(number, tokens)
    modifiers = [c for c in noun.children if c.dep_ in _SUBSET_WORDS] if noun is not None else []
    described = [w for c in (noun.children if noun is not None else ()) if c.dep_ == "prep"
                 and c.lower_ == "with" for w in c.subtree]
    nations = _nationalities(_predicate(number) + modifiers + described)
    subset = {_lemma(c) if c.text[:1].isupper() else c.lemma_.lower() for c in modifiers
              if not c.like_num and nationality_key(c.text) not in nations}
    head = "" if noun is None else _lemma(noun)
    # "a two-goal lead", "a seven-point lead": the count describes another noun
    classifies = noun is not None and noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ in _NOUNS
    if noun is not None and _nationalities([noun]):
        # "67 Germans": what is counted is a nationality
        nations |= _nationalities([noun])
        head = ""
    return Measured(head=head, event=_event(noun or number, reporting=False), nations=frozenset(nations),
                    subset=frozenset(subset), classifies=classifies)


def _owner(adjective: Token) -> Token | None:
    """Whose dimension or comparison an adjective gives: the noun it modifies ("850-year-old
    building") or the subject it is said of ("the airplane was about 24 years old", "the
    quake was three times bigger and 5.6 times stronger")."""
    while adjective.dep_ == "conj" and adjective.head.pos_ in ("ADJ", "ADV"):
        adjective = adjective.head
    if adjective.dep_ == "amod" and adjective.head.pos_ in _NOUNS:
        return adjective.head
    verb = adjective.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
        # "the church spire that extended 315ft high": the relative pronoun stands for the spire
        return _dated(verb.head)
    return subject


def _dated(token: Token) -> Token:
    """What a date dates, for a date a relative clause was hung on ("the quake on 25 April,
    which was 5.5 times more energetic": the quake), else the token itself."""
    if not (token.ent_type_ in ("DATE", "TIME") or is_calendar_word(token.text)) or token.dep_ != "pobj":
        return token
    preposition = token.head
    # the parser often hangs "on 25 April" on the verb or adjective: then the noun before it
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else preposition
    dated = next((t for t in (preposition.head, before) if t.pos_ in _NOUNS), None)
    return dated if dated is not None else token


def _placed(head: Token | None) -> Token | None:
    """What a distance places, when a name: the name it stands beside ("Sadad (37 miles south
    of Homs)") or the subject of its verb ("Maheen lies 70 kilometres southeast of Homs")."""
    t = head
    while t is not None:
        if _is_name(t):
            return t
        if t.pos_ in ("VERB", "AUX"):
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subject if subject is not None and _is_name(subject) else None
        t = t.head if t.dep_ in ("advmod", "npadvmod", "appos", "amod") and t.head.i != t.i else None
    return None


def _head(unit: Token) -> Token | None:
    """The word a measure attaches to (see the module docstring); a preposition when the measure
    is a distance from something ("4 km from the cave mouth")."""
    if unit.pos_ == "ADJ":
        # "850-year-old building", "300ft-tall spire": the adjective names what is measured
        return unit
    if unit.dep_ in _MODIFIES and unit.head.i != unit.i:
        head = unit.head
    elif unit.dep_ == "pobj":
        head = unit.head.head if unit.head.head.i != unit.head.i else None
    elif unit.dep_ in _ARGUMENT:
        head = unit.head
    else:
        return None
    if head is not None and head.pos_ == "ADV" and head.head.pos_ == "ADJ":
        head = head.head  # "5.5 times more energetic": energetic
    return head


def _measure(tokens: Sequence[Token]) -> Measured:
    unit = _root(tokens)
    head = _head(unit)
    around = [unit] + ([head] if head is not None else [])
    if head is not None and head.pos_ == "ADP":
        head = None  # "4 km from the cave mouth": the preposition holds the anchor, not the head
    # "3.0-liter engines": a measure that sorts plural things into kinds measures no one thing
    classifies = unit.dep_ in ("amod", "nmod", "compound") and unit.head.tag_ in ("NNS", "NNPS")
    found = Measured(head=_lemma(head) if head is not None else "", event=_event(unit, reporting=False),
                     classifies=classifies, head_is_verb=head is not None and head.pos_ in _VERBS,
                     **_anchor_words(_anchor(around)))
    owner = _owner(head) if head is not None and head.pos_ == "ADJ" else _placed(head)
    if owner is None or owner.pos_ not in _NOUNS:
        return found
    definite = not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in owner.children)
    return replace(found, owner=_lemma(owner), owner_proper=_is_name(owner), owner_definite=definite)


def _word(term: str) -> bool:
    """Whether a content term can name a measure: a word, long enough not to be a particle."""
    if not term[:1].isalpha():
        return False
    return len(term) >= (_OTHER_SCRIPT_WORD if is_non_latin(term) else _LATIN_WORD)


def by_word_order(before: Sequence[str], after: Sequence[str]) -> Measured:
    """What a measure of an unparsed language measures, from the content terms of its phrase
    `before` and `after` it: the nearest word before it is its head, the words after it are its
    anchor.  Without a parse nothing tells a name from another word, so every word of the anchor
    counts as one (two measures from different anchors are two facts)."""
    head = next((t for t in reversed(before) if _word(t)), "")
    anchor = frozenset(t for t in after if _word(t))
    return Measured(head=head, anchor=anchor, anchor_names=anchor)


def measured(doc: Doc, start: int, end: int, kind: str) -> Measured:
    """What the value at `[start, end)` of a parsed sentence (offsets into its text) counts or
    measures; `kind` is the value's kind in `stages.slots` terms."""
    tokens = _tokens(doc, start, end)
    if not tokens:
        return Measured()
    if kind in ("count", "casualty"):
        return _count(tokens)
    if kind == "quantity":
        return _measure(tokens)
    root = _root(tokens)
    return Measured(event=_event(root, reporting=True), reported=_reported(root))
