"""Analysis: Article -> AnalyzedArticle (sentences with entities, quantities, casualties, dates).

Every offset is into `Article.text` and every `Sentence.text` equals `text[start:end]`.  Lines are
split first (a headline, a caption or a one-word line stays a sentence of its own, and the brief
decides what to do with it), then English lines go through spaCy in batches for sentences and
named entities; other languages get a rule-based sentence splitter and capitalised-word entities,
so that analysis never fails on them.  Quantities, casualties and dates come from the rule-based
modules of `newsfuse.algorithms`, dates resolved against the article's `published` date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TypeVar

from spacy.tokens import Doc

from newsfuse.algorithms.aliases import alias_key, known_names
from newsfuse.algorithms.casualties import find_casualties
from newsfuse.algorithms.dates import find_dates, is_calendar_word
from newsfuse.algorithms.quantities import find_quantities
from newsfuse.model import AnalyzedArticle, Article, Casualty, DateMention, Entity, Quantity, Sentence
from newsfuse.nlp import english

_NAMED = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                    "LAW", "LANGUAGE"})
# The small English model tags unfamiliar place names ("Maheen") as dates; a capitalised date
# "entity" without digits or calendar words is kept as a name of unknown type.
_MISREAD = frozenset({"DATE", "TIME"})
UNKNOWN_LABEL = "NAME"
# spaCy copes with long texts, but a runaway line (a page without line breaks) is cut first.
_MAX_BLOCK = 20_000

_LINE_RE = re.compile(r"[^\n]+")
_SENTENCE_END_RE = re.compile(r"[.!?…。！？؟]+[\"'”’)\]]*(?=\s+\S)")
# "Mr.", "U.S.", "approx." do not end a sentence.
_ABBREVIATION_RE = re.compile(r"(?:\b[A-Z][a-z]{0,2}|\b[A-Z](?:\.[A-Z])*|\b(?:approx|etc|vs))\.$")
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]|\.(?=\w))*")
_NAME_JOINERS = frozenset({"of", "for", "the", "de", "del", "della", "di", "du", "des", "la", "le", "al",
                           "el", "von", "van", "der", "y", "bin", "ibn", "abu"})
# Trimmed from entity edges; a final "." stays ("U.S.", "Inc.").
_EDGE_RE = re.compile(r"^(?:[Tt]he\s+|\W+)|(?:['’]s|[\s,;:/|'\"“”‘’!?*\-–—]+)$")

Spanned = TypeVar("Spanned", Quantity, Casualty, DateMention)


def _is_english(article: Article) -> bool:
    return article.lang is None or article.lang.lower().startswith("en")


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """`(start, end)` narrowed so that `text[start:end]` has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _rule_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentences of `text[start:end]` by punctuation, not splitting after "Mr." or "U.S."."""
    cursor = start
    for m in _SENTENCE_END_RE.finditer(text, start, end):
        if _ABBREVIATION_RE.search(text, max(start, m.start() - 12), m.start() + 1):
            continue
        yield _stripped(text, cursor, m.end())
        cursor = m.end()
    yield _stripped(text, cursor, end)


def _blocks(article: Article) -> list[tuple[int, int]]:
    """The article's lines (or given paragraphs) as stripped spans, long ones cut at sentence ends."""
    text = article.text
    spans = article.paragraphs or tuple(m.span() for m in _LINE_RE.finditer(text))
    blocks = []
    for start, end in spans:
        for line_start, line_end in (m.span() for m in _LINE_RE.finditer(text, start, end)):
            span = _stripped(text, line_start, line_end)
            if span[1] - span[0] > _MAX_BLOCK:
                blocks.extend(_rule_sentences(text, *span))
            elif span[0] < span[1]:
                blocks.append(span)
    return blocks


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Entity edges without punctuation, a leading "the" or a possessive "'s"."""
    while True:
        m = _EDGE_RE.search(text[start:end])
        if not m or start >= end:
            return start, end
        if m.start() == 0:
            start += m.end()
        else:
            end = start + m.start()


def _name_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The leading run of capitalised, non-calendar words of a span ("Maheen" of "Maheen Sunday")."""
    run_end = None
    for m in _WORD_RE.finditer(text, start, end):
        word = m.group()
        if not word[0].isupper() or is_calendar_word(word) or any(c.isdigit() for c in word):
            break
        run_end = m.end()
    return (start, run_end) if run_end else None


def _capitalised_names(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Runs of capitalised words, for languages without a statistical recogniser; a single word
    opening the sentence is skipped (it is capitalised for another reason)."""
    names: list[tuple[int, int, str]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group().lower() in _NAME_JOINERS:
            run.pop()
        if run and not (len(run) == 1 and run[0].start() == start):
            names.append((run[0].start(), run[-1].end(), UNKNOWN_LABEL))
        run.clear()

    for m in _WORD_RE.finditer(text, start, end):
        word = m.group()
        if word[0].isupper() and not is_calendar_word(word):
            run.append(m)
        elif not (run and word.lower() in _NAME_JOINERS):
            close()
    close()
    return names


def _spacy_names(doc: Doc, offset: int, text: str) -> list[tuple[int, int, str]]:
    names = []
    for ent in doc.ents:
        start, end = offset + ent.start_char, offset + ent.end_char
        if ent.label_ in _NAMED:
            names.append((start, end, ent.label_))
        elif ent.label_ in _MISREAD and not any(c.isdigit() for c in ent.text):
            run = _name_run(text, start, end)
            if run:
                names.append((*run, UNKNOWN_LABEL))
    return names


def _entities(text: str, candidates: list[tuple[int, int, str]]) -> tuple[Entity, ...]:
    """Non-overlapping entities, longest first (earlier candidates win ties), with alias keys."""
    chosen: list[tuple[int, int, str]] = []
    ranked = sorted(enumerate(candidates), key=lambda ic: (ic[1][0] - ic[1][1], ic[0]))
    for start, end, label in (c for _, c in ranked):
        start, end = _trim(text, start, end)
        if start >= end or any(a < end and start < b for a, b, _ in chosen):
            continue
        chosen.append((start, end, label))
    entities = []
    for start, end, label in sorted(chosen):
        key = alias_key(text[start:end])
        if key:
            entities.append(Entity(text=text[start:end], start=start, end=end, label=label, key=key))
    return tuple(entities)


def _shifted(items: Iterable[Spanned], offset: int) -> tuple[Spanned, ...]:
    return tuple(replace(item, start=item.start + offset, end=item.end + offset) for item in items)


def _sentence(article: Article, start: int, end: int, names: list[tuple[int, int, str]]) -> Sentence:
    text = article.text
    body = text[start:end]
    quantities = find_quantities(body, lang=article.lang)
    # Table names first: on a tie their label beats the tagger's ("ISIL" is an ORG, not a PRODUCT).
    inside = [(start + a, start + b, label) for a, b, label in known_names(body)]
    inside += [n for n in names if start <= n[0] and n[1] <= end]
    return Sentence(
        article=article.id, start=start, end=end, text=body,
        entities=_entities(text, inside),
        quantities=_shifted(quantities, start),
        casualties=_shifted(find_casualties(body, quantities, lang=article.lang), start),
        dates=_shifted(find_dates(body, article.published), start),
    )


def _has_words(text: str, start: int, end: int) -> bool:
    return any(c.isalnum() for c in text[start:end])


def _analyze_other(article: Article) -> AnalyzedArticle:
    text = article.text
    sentences = []
    for block in _blocks(article):
        for start, end in _rule_sentences(text, *block):
            if _has_words(text, start, end):
                sentences.append(_sentence(article, start, end, _capitalised_names(text, start, end)))
    return AnalyzedArticle(article=article, sentences=tuple(sentences))


def _analyze_english(articles: list[Article], batch_size: int) -> list[AnalyzedArticle]:
    blocks = [_blocks(article) for article in articles]
    texts = (article.text[a:b] for article, spans in zip(articles, blocks, strict=True) for a, b in spans)
    docs = english().pipe(texts, batch_size=batch_size)
    analyzed = []
    for article, spans in zip(articles, blocks, strict=True):
        text = article.text
        sentences = []
        for (offset, _), doc in zip(spans, docs, strict=False):
            names = _spacy_names(doc, offset, text)
            for sent in doc.sents:
                start, end = _stripped(text, offset + sent.start_char, offset + sent.end_char)
                if _has_words(text, start, end):
                    sentences.append(_sentence(article, start, end, names))
        analyzed.append(AnalyzedArticle(article=article, sentences=tuple(sentences)))
    return analyzed


def analyze_all(articles: Iterable[Article], batch_size: int = 64) -> list[AnalyzedArticle]:
    """Analyse many articles, in their order; English ones share spaCy batches."""
    listed = list(articles)
    english_ones = [a for a in listed if _is_english(a)]
    done = {id(a): r for a, r in zip(english_ones, _analyze_english(english_ones, batch_size), strict=True)}
    return [done[id(a)] if id(a) in done else _analyze_other(a) for a in listed]


def analyze(article: Article) -> AnalyzedArticle:
    """Analyse one article: its sentences with entities, quantities, casualties and dates."""
    return analyze_all([article])[0]
