"""The whole job: ingest, read each article (or reuse its stored reading), cross-check, store.

Every stage is called from here, in order; each stage knows nothing of the ones after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from triangulate.ingest import IngestOptions, hashed_id, is_url, make_article, read_sources
from triangulate.nlp import pipeline_version, read_articles
from triangulate.reconcile import crosscheck
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Analysis, Article, IngestProblem, Reading, Tension

_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")  # .txt, .html, .gz, .jsonl
ProblemHandler = Callable[[IngestProblem], None]
ProgressHandler = Callable[[int], None]  # articles done so far
PhaseHandler = Callable[[str], None]  # the phase now starting, in words
ArticleFilter = Callable[[Article], bool]
Reader = Callable[[Iterable[Article]], Iterable[Reading]]  # the per-article stage's engine
CROSSCHECK_ATTEMPTS = 5


def articles_in(sources: Iterable[str | Path], on_problem: ProblemHandler,
                keep: ArticleFilter | None = None, options: IngestOptions | None = None
                ) -> Iterator[Article]:
    """Readable articles as ingest finds them; those that ``keep`` refuses are dropped."""
    for item in read_items(sources, options):
        if isinstance(item, IngestProblem):
            on_problem(item)
        elif keep is None or keep(item):
            yield item


def read_items(sources: Iterable[str | Path], options: IngestOptions | None = None
               ) -> Iterator[Article | IngestProblem]:
    """Paths are read as files or folders, URLs as feeds; any other string is an article's
    text."""
    for source in sources:
        if isinstance(source, Path) or is_url(source) or Path(source).exists() \
                or looks_like_path(source):
            yield from read_sources([source], options)
        else:
            yield make_article(hashed_id(source), source, source.split("\n", 1)[0][:120],
                               None, {}, ())


def looks_like_path(text: str) -> bool:
    """A missing file's name ("corpus/a.txt", "report.html"), to be named as missing, rather
    than a short text ("Troops advanced."): a folder separator, or a file extension that
    ends the string, with no sentence's full stop."""
    return "\n" not in text and len(text) < 300 and len(text.split()) <= 3 \
        and ("/" in text or _EXTENSION.search(text) is not None)


def run(sources: Iterable[str | Path], store: Store, on_problem: ProblemHandler,
        progress: ProgressHandler | None = None, n_process: int = 1,
        keep: ArticleFilter | None = None, reader: Reader | None = None,
        on_phase: PhaseHandler | None = None, options: IngestOptions | None = None,
        settings: Settings = DEFAULTS) -> Analysis:
    """Ingest, read (with ``n_process`` processes, or with ``reader``, made with the same
    ``settings``), cross-check, store, every stage tuned by the ``settings``; ``on_phase``
    hears the name of each phase after reading as it starts."""
    phase = on_phase or (lambda _: None)
    articles = articles_in(sources, on_problem, keep, options or IngestOptions(settings=settings))
    ids = read_into_store(articles, store, reader or local_reader(n_process, settings),
                          progress, settings)
    phase(f"cross-checking {len(ids)} article{'' if len(ids) == 1 else 's'}")
    analysis = cross_checked(store.load_readings(ids), settings=settings)
    phase("saving the cross-check")
    store_crosscheck(store, analysis, ids, settings)
    return analysis


def store_crosscheck(store: Store, analysis: Analysis, ids: Sequence[str],
                     settings: Settings = DEFAULTS) -> None:
    """Store the cross-check of everything in the store, not only of this run's articles:
    another run may have stored readings before or during this one. Where the store changed
    between loading and saving, it is done again; after ``CROSSCHECK_ATTEMPTS`` it is left to
    the run still writing, which cross-checks after its own last reading."""
    for _ in range(CROSSCHECK_ATTEMPTS):
        covering = store.coverage()
        whole = analysis if covering.ids == set(ids) \
            else cross_checked(store.load_readings(), settings=settings)
        if store.save_crosscheck(whole.groups, whole.tensions, covering):
            return


def cross_checked(readings: Sequence[Reading], tensions: Sequence[Tension] | None = None,
                  settings: Settings = DEFAULTS) -> Analysis:
    """The readings cross-checked, with each article's framing carried along for the report."""
    return replace(crosscheck(readings, tensions, settings),
                   framings={r.article.id: r.framing for r in readings})


def stored_analysis(store: Store, settings: Settings = DEFAULTS) -> Analysis:
    """Everything in the store, cross-checked, for a report or an export.

    The tensions are the ones the last cross-check stored, so that no model is loaded;
    they are found afresh only where the store holds none (nothing cross-checked since the
    last article was read into it).
    """
    _groups, tensions = store.load_crosscheck()
    return cross_checked(store.load_readings(), tensions or None, settings)


def local_reader(n_process: int, settings: Settings = DEFAULTS) -> Reader:
    def read(articles: Iterable[Article]) -> Iterator[Reading]:
        return read_articles(articles, n_process=n_process, settings=settings)

    return read


def read_into_store(articles: Iterable[Article], store: Store, read: Reader,
                    progress: ProgressHandler | None = None,
                    settings: Settings = DEFAULTS) -> list[str]:
    """The per-article stage, streaming: every article that the store does not hold current
    (read with these ``settings``' pipeline version) is read and its reading stored, one
    transaction each.

    Returns the article ids in the order first seen (only the ids are kept); where an id
    comes twice, the copy read last is the one stored.
    """
    version = pipeline_version(settings)
    intake = _Intake(store, progress, version)
    stored = 0
    for reading in read(intake.fresh(articles)):
        store.save_reading(reading, version)
        stored += 1
        intake.advance()
    if stored:
        store.save_crosscheck([], [])  # the stored cross-check no longer covers the store
    return list(intake.ids)


class _Intake:
    """Ids seen, in order, and a count of articles done, stored or found current."""

    def __init__(self, store: Store, progress: ProgressHandler | None, version: str) -> None:
        self.store = store
        self.progress = progress
        self.version = version
        self.ids: dict[str, None] = {}
        self.done = 0

    def fresh(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            self.ids[article.id] = None
            if self.store.is_current(article, self.version):
                self.advance()
            else:
                yield article

    def advance(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done)
