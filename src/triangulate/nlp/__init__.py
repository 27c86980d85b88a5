"""Reading each article: spaCy's parse plus Triangulate's components, to a :class:`Reading`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.ids import reading_with_ids
from triangulate.ingest.dates import entry_dates
from triangulate.lang import DEFAULT
from triangulate.nlp.events import article_event
from triangulate.nlp.extensions import span_text, text_of
from triangulate.nlp.frames import frames_of
from triangulate.nlp.parallel import BATCH_CHARS, batches, read_in_processes
from triangulate.nlp.periods import reported_on, with_period
from triangulate.nlp.pieces import PIECE_CHARS, read_in_pieces
from triangulate.nlp.pipeline import load_pipeline
from triangulate.nlp.routing import Reader, read_batch
from triangulate.nlp.skeleton import skeleton_reading
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, Reading
from triangulate.versions import PIPELINE_VERSION, pipeline_version

__all__ = ["PIPELINE_VERSION", "load_pipeline", "pipeline_version", "read_article",
           "read_articles"]

def read_articles(articles: Iterable[Article], nlp: Language | None = None,
                  n_process: int = 1, batch_size: int = 16,
                  settings: Settings = DEFAULTS) -> Iterator[Reading]:
    """Parse and read articles in order, streaming (``nlp.pipe`` underneath), with ``nlp``
    or else the pipeline of the ``settings``.

    With ``n_process`` > 1, worker processes read batches of ``batch_size`` articles each.
    A text too long to parse at once is read in pieces (:mod:`triangulate.nlp.pieces`).
    """
    reader = partial(reading_of, settings=settings.for_reading())

    def read(parts: Iterable[Article]) -> Iterator[Reading]:
        if n_process > 1:
            return read_in_processes(parts, reader, n_process, batch_size, nlp, settings)
        return _read_here(parts, nlp or load_pipeline(settings), batch_size, reader)

    size = min(PIECE_CHARS, (nlp or load_pipeline(settings)).max_length)
    for reading in read_in_pieces(articles, read, size):
        yield reading_with_ids(reading)


def _read_here(articles: Iterable[Article], nlp: Language, batch_size: int,
               reader: Reader) -> Iterator[Reading]:
    """Batches bounded in characters too: the pieces of a long text come many at a time."""
    for batch in batches(articles, batch_size, BATCH_CHARS):
        yield from read_batch(batch, reader, nlp)


def read_article(article: Article, nlp: Language | None = None) -> Reading:
    return next(read_articles([article], nlp))


def reading_of(doc: Doc, article: Article, settings: Settings = DEFAULTS) -> Reading:
    """The article's reading from a ``Doc`` our pipeline has been through (its components
    set the quotes, the claims with their periods, the entities and the framing); its event
    found with the ``settings``' event fields."""
    if doc.lang_ != DEFAULT:  # read by the skeleton readers of its language
        return skeleton_reading_of(doc, article)
    quotes = [replace(q, article=article.id) for q in doc._.quotes or []]
    event = article_event(doc, article.title, settings)
    return Reading(
        article=article,
        quotes=quotes,
        claims=[replace(c, article=article.id, event=event) for c in doc._.claims or []],
        entities=[replace(e, article=article.id) for e in doc._.entities or []],
        scare_quotes=list(doc._.scare_quotes or []),
        statements=statements_of(doc),
        framing=doc._.framing,
        frames=frames_of(doc.sents, quotes),
        event=event,
    )


def statements_of(doc: Doc) -> list[str]:
    """The text of each sentence, stripped; none that is blank."""
    return [text for sentence in doc.sents if (text := span_text(sentence).strip())]


def skeleton_reading_of(doc: Doc, article: Article) -> Reading:
    """Quotes, figures and names: what a skeleton language is read for."""
    quotes, claims, entities = skeleton_reading(doc, article.id)
    stamps = entry_dates(text_of(doc))
    return Reading(article=article, quotes=quotes, entities=entities,
                   claims=[with_period(c, reported_on(c.start, stamps, article.published))
                           for c in claims],
                   scare_quotes=list(doc._.scare_quotes or []))

