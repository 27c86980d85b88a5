"""Each article read by the pipeline of its language, where there is one
(:func:`triangulate.lang.route`); an article in a language with no pipeline gets an empty
reading, so it is stored and listed, and counted by
:func:`triangulate.lang.unread_languages`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.lang import route
from triangulate.nlp.pipeline import language_pipeline, parsed
from triangulate.types import Article, Reading

Reader = Callable[[Doc, Article], Reading]


def read_batch(batch: list[Article], read: Reader, nlp: Language | None = None
               ) -> list[Reading]:
    """Readings of ``batch`` in order, each article parsed by its language's pipeline
    (``nlp`` for the articles in its language, where given)."""
    readings: dict[int, Reading] = {}
    by_language: dict[str | None, list[int]] = {}
    for k, article in enumerate(batch):
        by_language.setdefault(route(article), []).append(k)
    for code, places in by_language.items():
        if code is None:
            readings.update((k, Reading(article=batch[k])) for k in places)
            continue
        pipeline = nlp if nlp is not None and nlp.lang == code else language_pipeline(code)
        with transient(pipeline):
            docs = parsed(pipeline, [batch[k] for k in places])
            readings.update((k, read(doc, batch[k])) for k, doc in zip(places, docs, strict=True))
    return [readings[k] for k in range(len(batch))]


def transient(nlp: Language) -> AbstractContextManager[object]:
    """A spaCy memory zone for one batch: the strings and lexemes its texts add to the
    vocabulary (every new name, number and misspelling) are freed after it, so that a long
    run's memory does not grow with all it has read. Nothing of a batch's documents outlives
    it: its readings hold Python strings only. Zones do not nest: inside a caller's own
    zone, this is none."""
    zoned = nlp.vocab.in_memory_zone  # type: ignore[attr-defined]  # not in spaCy's stubs
    return nullcontext() if zoned else nlp.memory_zone()
