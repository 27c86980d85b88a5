"""Reading articles in several processes, each with its own pipeline, in order and streaming.

spaCy's own ``nlp.pipe(n_process=N)`` sends every parsed ``Doc`` back to the parent with
``Doc.to_bytes``, which cannot serialise our extension values (``doc._.quotes`` holds
dataclasses), and the whole parse crosses the process boundary. Here each worker process
builds the pipeline once and turns its batch into :class:`~triangulate.types.Reading` s
itself, so only the readings travel back. Workers are started with ``spawn``: they import
Triangulate afresh, which registers our factories and ``Doc`` extensions, and they never
inherit a parent's threads (the progress bar's, a database pool's) as a ``fork`` would.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.nlp.pipeline import load_pipeline
from triangulate.types import Article, Reading

Reader = Callable[[Doc, Article], Reading]
BATCHES_PER_PROCESS = 2  # batches in flight per worker: enough to keep it busy, and bounded

_worker: tuple[Language, Reader] | None = None


def read_in_processes(articles: Iterable[Article], read: Reader, n_process: int,
                      batch_size: int, nlp: Language | None = None) -> Iterator[Reading]:
    """Readings in the order of ``articles``; at most a few batches are held at any time.

    ``nlp`` is pickled to each worker where given; otherwise each loads the default pipeline.
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(n_process, mp_context=context, initializer=_start,
                             initargs=(nlp, read)) as pool:
        pending: deque[Future[list[Reading]]] = deque()
        try:
            for batch in batches(articles, batch_size):
                pending.append(pool.submit(_read_batch, batch))
                if len(pending) >= n_process * BATCHES_PER_PROCESS:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


def batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last one shorter), taken from the stream as needed."""
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def _start(nlp: Language | None, read: Reader) -> None:
    global _worker
    _worker = (nlp or load_pipeline(), read)


def _read_batch(batch: list[Article]) -> list[Reading]:
    assert _worker is not None, "the worker was not started"
    nlp, read = _worker
    return [read(doc, article) for doc, article
            in zip(nlp.pipe(a.text for a in batch), batch, strict=True)]
