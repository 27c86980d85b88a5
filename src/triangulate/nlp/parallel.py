"""Reading articles in several processes, each with its own pipeline, in order and streaming.

spaCy's own ``nlp.pipe(n_process=N)`` sends every parsed ``Doc`` back to the parent with
``Doc.to_bytes``, which cannot serialise our extension values (``doc._.quotes`` holds
dataclasses), and the whole parse crosses the process boundary. Here each worker process
turns its batch into :class:`~triangulate.types.Reading` s itself, so only the readings
travel back.

On Linux the workers are forked from a parent that has loaded the pipeline once: they start
at once and share its model's memory, as spaCy's own workers do. The workers touch nothing
of the parent's but the pipeline, so the parent's other threads (the progress bar's) do not
matter to them. Elsewhere they are spawned, and each imports Triangulate (which registers our
factories and ``Doc`` extensions) and loads the pipeline itself.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.language import Language

from triangulate.nlp.pipeline import load_pipeline
from triangulate.nlp.routing import Reader, read_batch
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, Reading

BATCHES_PER_PROCESS = 3  # batches in flight per worker: enough to keep it busy while the
# parent waits for an older, longer batch, and bounded
PROCESS_BATCH = 8  # articles per task, at most: the last tasks of a run end close together
BATCH_CHARS = 50_000  # characters of text parsed at once, at most (but one long article):
# a run's peak memory is its largest batch's parse (at 100,000, 800 articles peaked at 1.26x
# of 100; at 50,000, 1.15x, and 18% lower, in the same time)
FORK = sys.platform == "linux"  # macOS's system libraries are not safe to fork

_worker: tuple[Language, Reader] | None = None


def read_in_processes(articles: Iterable[Article], read: Reader, n_process: int,
                      batch_size: int, nlp: Language | None = None,
                      settings: Settings = DEFAULTS) -> Iterator[Reading]:
    """Readings in the order of ``articles``; at most a few batches (of ``batch_size``
    articles, ``PROCESS_BATCH`` at most) are held at any time.

    The workers read with ``nlp`` where given, else with the pipeline of the ``settings``.
    """
    if FORK:
        nlp = nlp or load_pipeline(settings)
    context = multiprocessing.get_context("fork" if FORK else "spawn")
    batch_size = min(batch_size, PROCESS_BATCH)
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start,
                             initargs=(nlp, read, settings)) as pool:
        pending: deque[Future[list[Reading]]] = deque()
        try:
            for batch in batches(articles, batch_size, BATCH_CHARS):
                pending.append(pool.submit(_read_batch, batch))
                if len(pending) >= n_process * BATCHES_PER_PROCESS:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def batches(articles: Iterable[Article], size: int, max_chars: int) -> Iterator[list[Article]]:
    """Lists of at most ``size`` articles, taken from the stream as needed, each ending
    before its texts pass ``max_chars`` characters (but for one long article: spaCy parses a
    batch at once, and its memory grows with the batch's text)."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        if batch and (len(batch) == size or chars + len(article.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(article)
        chars += len(article.text)
    if batch:
        yield batch


def _start(nlp: Language | None, read: Reader, settings: Settings) -> None:
    global _worker
    _worker = (nlp or load_pipeline(settings), read)


def _read_batch(batch: list[Article]) -> list[Reading]:
    assert _worker is not None, "the worker was not started"
    nlp, read = _worker
    return read_batch(batch, read, nlp)
