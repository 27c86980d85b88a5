"""Each token's strings and the document's entities, read once per parsed document:
several components and the reading look at every token (for a cue verb, a word of harm, a
place), and a ``Token`` object made for each look, with a string looked up for each
attribute, costs more than the look itself; ``Span.ents`` makes a ``Span`` of every entity
of the document each time.

The strings come from the document's token array, each distinct one looked up once. Both
are read the first time they are asked for, which must be after the parse (our components
and the reading run after spaCy's), and kept in the document's ``user_data`` (as its text
is, :func:`~triangulate.nlp.extensions.text_of`), so that they go with it; they are read
again where the document's length has changed (a user's pipeline that merges tokens between
our components), not where a component changed a token's attributes in place. (Not in a
table keyed by a weak reference to the document: the entities are spans, which hold their
document, so such a table would keep every document alive.)
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS
from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Words:
    """Token ``i``'s ``lower_``, ``lemma_``, ``lemma_.lower()``, ``pos_``, ``dep_`` and
    ``ent_type_`` are ``lower[i]``, ``lemma[i]``, ... ."""

    lower: list[str]
    lemma: list[str]
    lemma_lower: list[str]
    pos: list[str]
    dep: list[str]
    ent_type: list[str]


_WORDS = "triangulate.words"
_ENTITIES = "triangulate.entities"


def words_of(doc: Doc) -> Words:
    """The document's :class:`Words`, read once (again where a component of a user's
    pipeline merged or split its tokens since)."""
    words = doc.user_data.get(_WORDS)
    if not isinstance(words, Words) or len(words.lower) != len(doc):
        words = doc.user_data[_WORDS] = _read(doc)
    return words


def _read(doc: Doc) -> Words:
    ids = doc.to_array([LOWER, LEMMA, POS, DEP, ENT_TYPE]).reshape(-1, 5)
    lemmas = _column(doc, ids[:, 1])
    return Words(lower=_column(doc, ids[:, 0]), lemma=lemmas, lemma_lower=_lowered(lemmas),
                 pos=_column(doc, ids[:, 2]), dep=_column(doc, ids[:, 3]),
                 ent_type=_column(doc, ids[:, 4]))


def _column(doc: Doc, ids: np.ndarray) -> list[str]:
    """The string of each id, each distinct id looked up once."""
    keys, at = np.unique(ids, return_inverse=True)
    strings = doc.vocab.strings
    names = [strings[key] for key in keys.tolist()]
    return [names[k] for k in at.tolist()]


def _lowered(words: list[str]) -> list[str]:
    lower = {word: word.lower() for word in set(words)}
    return [lower[word] for word in words]


@dataclass(frozen=True)
class _Entities:
    spans: tuple[Span, ...]
    starts: list[int]  # the first token of each
    tokens: int  # the document's length when they were read


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, read once (``Doc.ents`` makes a ``Span`` of every entity each time)."""
    return _entities(doc).spans


def ents_in(span: Span) -> list[Span]:
    """``span.ents``: the entities that fall wholly within the span, in order, from the
    document's entities read once (``Span.ents`` reads ``Doc.ents`` each time)."""
    entities = _entities(span.doc)
    found = []
    for ent in entities.spans[bisect_left(entities.starts, span.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def _entities(doc: Doc) -> _Entities:
    entities = doc.user_data.get(_ENTITIES)
    if not isinstance(entities, _Entities) or entities.tokens != len(doc):
        spans = tuple(doc.ents)
        entities = doc.user_data[_ENTITIES] = _Entities(spans, [ent.start for ent in spans],
                                                        len(doc))
    return entities
