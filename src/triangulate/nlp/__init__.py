"""Reading each article: spaCy's parse plus Triangulate's components, to a :class:`Reading`."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.ingest.dates import entry_dates
from triangulate.lang import DEFAULT
from triangulate.nlp.events import article_event
from triangulate.nlp.frames import frames_of
from triangulate.nlp.framing import framing_of
from triangulate.nlp.parallel import BATCH_CHARS, batches, read_in_processes
from triangulate.nlp.periods import as_of, resolve_period
from triangulate.nlp.pieces import PIECE_CHARS, read_in_pieces
from triangulate.nlp.pipeline import PIPELINE_VERSION, load_pipeline
from triangulate.nlp.routing import read_batch
from triangulate.nlp.skeleton import skeleton_reading
from triangulate.types import Article, Claim, Entity, Reading

__all__ = ["PIPELINE_VERSION", "load_pipeline", "read_article", "read_articles"]

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}


def read_articles(articles: Iterable[Article], nlp: Language | None = None,
                  n_process: int = 1, batch_size: int = 16) -> Iterator[Reading]:
    """Parse and read articles in order, streaming (``nlp.pipe`` underneath).

    With ``n_process`` > 1, worker processes read batches of ``batch_size`` articles each.
    A text too long to parse at once is read in pieces (:mod:`triangulate.nlp.pieces`).
    """
    def read(parts: Iterable[Article]) -> Iterator[Reading]:
        if n_process > 1:
            return read_in_processes(parts, reading_of, n_process, batch_size, nlp)
        return _read_here(parts, nlp or load_pipeline(), batch_size)

    size = min(PIECE_CHARS, (nlp or load_pipeline()).max_length)
    yield from read_in_pieces(articles, read, size)


def _read_here(articles: Iterable[Article], nlp: Language, batch_size: int) -> Iterator[Reading]:
    """Batches bounded in characters too: the pieces of a long text come many at a time."""
    for batch in batches(articles, batch_size, BATCH_CHARS):
        yield from read_batch(batch, reading_of, nlp)


def read_article(article: Article, nlp: Language | None = None) -> Reading:
    return next(read_articles([article], nlp))


def reading_of(doc: Doc, article: Article) -> Reading:
    """What the components found in ``doc``: by the English rules, or by the skeleton
    readers where the doc is in another language."""
    if doc.lang_ != DEFAULT:
        return skeleton_reading_of(doc, article)
    quotes = [replace(q, article=article.id) for q in doc._.quotes or []]
    event = article_event(doc, article.title)
    stamps = entry_dates(doc.text)
    claims = [with_period(replace(c, article=article.id, event=event),
                          reported_on(c.start, stamps, article.published))
              for c in doc._.claims or []]
    scare_quotes = list(doc._.scare_quotes or [])
    return Reading(
        article=article,
        quotes=quotes,
        claims=claims,
        entities=entities_of(doc, article.id),
        scare_quotes=scare_quotes,
        statements=[s.text.strip() for s in doc.sents if s.text.strip()],
        framing=framing_of(doc, quotes, claims, scare_quotes, article.outlet),
        frames=frames_of(doc.sents, quotes),
        event=event,
    )


def skeleton_reading_of(doc: Doc, article: Article) -> Reading:
    """Quotes, figures and names: what a skeleton language is read for."""
    quotes, claims, entities = skeleton_reading(doc, article.id)
    stamps = entry_dates(doc.text)
    return Reading(article=article, quotes=quotes, entities=entities,
                   claims=[with_period(c, reported_on(c.start, stamps, article.published))
                           for c in claims],
                   scare_quotes=list(doc._.scare_quotes or []))


def with_period(claim: Claim, reported: str | None) -> Claim:
    """The claim with its scope resolved against the date it was reported, and its as-of."""
    period = resolve_period(claim.scope, reported)
    dated = replace(claim, as_of=as_of(period, reported))
    if period is None:
        return dated
    return replace(dated, period_start=period[0], period_end=period[1])


def reported_on(offset: int, stamps: list[tuple[int, str]], published: str | None) -> str | None:
    """The date of the liveblog entry a figure stands under, else the article's date."""
    index = bisect.bisect_right([start for start, _ in stamps], offset)
    return stamps[index - 1][1] if index else published


def entities_of(doc: Doc, article_id: str) -> list[Entity]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = ent.text.strip()
        canonical = ent.ent_id_ or text
        out.append(Entity(article=article_id, text=text, label=ent.label_, canonical=canonical))
    return out
