"""The whole job: ingest, read each article (or reuse its stored reading), cross-check, store.

Every stage is called from here, in order; each stage knows nothing of the ones after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from triangulate.ingest import hashed_id, make_article, read_sources
from triangulate.nlp import PIPELINE_VERSION, read_articles
from triangulate.reconcile import crosscheck
from triangulate.store import Store
from triangulate.types import Analysis, Article, IngestProblem, Reading

ProblemHandler = Callable[[IngestProblem], None]
ProgressHandler = Callable[[int, int], None]


def collect(sources: Iterable[str | Path], on_problem: ProblemHandler) -> list[Article]:
    """Readable articles, once each by id (the last copy of an id wins)."""
    found: dict[str, Article] = {}
    for item in read_items(sources):
        if isinstance(item, IngestProblem):
            on_problem(item)
        else:
            found[item.id] = item
    return list(found.values())


def read_items(sources: Iterable[str | Path]) -> Iterator[Article | IngestProblem]:
    """Paths are read as files or folders; any other string is an article's text."""
    for source in sources:
        if isinstance(source, Path) or Path(source).exists() or looks_like_path(source):
            yield from read_sources([source])
        else:
            yield make_article(hashed_id(source), source, source.split("\n", 1)[0][:120],
                               None, {}, ())


def looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 300 and ("/" in text or "." in text[-6:]) \
        and len(text.split()) <= 3


def run(sources: Iterable[str | Path], store: Store, on_problem: ProblemHandler,
        progress: ProgressHandler | None = None, n_process: int = 1) -> Analysis:
    articles = collect(sources, on_problem)
    readings = read_all(articles, store, progress, n_process)
    analysis = crosscheck(readings)
    store.save_crosscheck(analysis.groups, analysis.tensions)
    return analysis


def read_all(articles: list[Article], store: Store, progress: ProgressHandler | None,
             n_process: int) -> list[Reading]:
    """Readings in article order: stored where current, read and stored otherwise."""
    fresh = [a for a in articles if not store.is_current(a, PIPELINE_VERSION)]
    done = len(articles) - len(fresh)
    if progress:
        progress(done, len(articles))
    for reading in read_articles(fresh, n_process=n_process):
        store.save_reading(reading, PIPELINE_VERSION)
        done += 1
        if progress:
            progress(done, len(articles))
    return store.load_readings([a.id for a in articles])
