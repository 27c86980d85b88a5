"""The whole job: ingest, read each article (or reuse its stored reading), cross-check, store.

Every stage is called from here, in order; each stage knows nothing of the ones after it.
The reading stage (spaCy) is imported where articles are read, so that a report or an
export of the store imports no parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path

from triangulate.ingest import IngestOptions, hashed_id, is_url, make_article, read_sources
from triangulate.reconcile import CrossCheck, annotated, crosscheck, crosscheck_stream
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Analysis, Article, IngestProblem, Reading, Tension
from triangulate.versions import pipeline_version

_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")  # .txt, .html, .gz, .jsonl
_SENTENCE_END = re.compile(r"\w[.!?][\"'”’)]*$")  # "fell.", "again!", "said.”"
ProblemHandler = Callable[[IngestProblem], None]
ProgressHandler = Callable[[int], None]  # articles done so far
PhaseHandler = Callable[[str, int | None], None]  # the phase now starting, in words; its total
ArticleFilter = Callable[[Article], bool]
Reader = Callable[[Iterable[Article]], Iterable[Reading]]  # the per-article stage's engine
CROSSCHECK_ATTEMPTS = 5
SAVE_BATCH = 16  # readings stored in one transaction


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
    than a short text ("Troops advanced.", "Kyiv/Kiev fell."): a folder separator, or a file
    extension that ends the string; words that end as a sentence does are a text."""
    words = text.split()
    if "\n" in text or len(text) >= 300 or len(words) > 3 \
            or (len(words) > 1 and _SENTENCE_END.search(text)):
        return False
    return "/" in text or _EXTENSION.search(text) is not None


def run(sources: Iterable[str | Path], store: Store, on_problem: ProblemHandler,
        progress: ProgressHandler | None = None, n_process: int = 1,
        keep: ArticleFilter | None = None, reader: Reader | None = None,
        on_phase: PhaseHandler | None = None, options: IngestOptions | None = None,
        settings: Settings = DEFAULTS) -> Analysis:
    """Ingest, read (with ``n_process`` processes, or with ``reader``, made with the same
    ``settings``), cross-check, store, every stage tuned by the ``settings``; ``on_phase``
    hears the name of each phase after reading as it starts."""
    phase = on_phase or (lambda _label, _total: None)
    articles = articles_in(sources, on_problem, keep, options or IngestOptions(settings=settings))
    ids = read_into_store(articles, store, reader or local_reader(n_process, settings),
                          progress, settings)
    phase(f"cross-checking {len(ids)} article{'' if len(ids) == 1 else 's'}", len(ids))
    found = crosscheck_stream(counted(store.iter_readings(ids), progress), settings=settings,
                              on_phase=lambda label: phase(label, None))
    phase("saving the cross-check", None)
    store_crosscheck(store, found, ids, settings)
    return annotated(store.iter_readings(ids), found, settings)


def counted(readings: Iterable[Reading], progress: ProgressHandler | None
            ) -> Iterator[Reading]:
    """The readings, each one told to ``progress`` (how many so far) as it is taken."""
    for done, reading in enumerate(readings, 1):
        yield reading
        if progress is not None:
            progress(done)


def store_crosscheck(store: Store, found: CrossCheck, ids: Sequence[str],
                     settings: Settings = DEFAULTS) -> None:
    """Store the cross-check of everything in the store, not only of this run's articles:
    another run may have stored readings before or during this one. Where the store changed
    between loading and saving, it is done again; after ``CROSSCHECK_ATTEMPTS`` it is left to
    the run still writing, which cross-checks after its own last reading."""
    for _ in range(CROSSCHECK_ATTEMPTS):
        covering = store.coverage()
        whole = found if covering.ids == set(ids) \
            else crosscheck_stream(store.iter_readings(), settings=settings)
        if store.save_crosscheck(whole.groups, whole.tensions, covering):
            return


def cross_checked(readings: Sequence[Reading], tensions: Sequence[Tension] | None = None,
                  settings: Settings = DEFAULTS) -> Analysis:
    """The readings cross-checked, with each article's framing carried along for the report."""
    return crosscheck(readings, tensions, settings)


def stored_analysis(store: Store, settings: Settings = DEFAULTS) -> Analysis:
    """Everything in the store, cross-checked, for a report or an export; the store is
    read twice, a batch at a time, so that the cross-check holds no article's text.

    The tensions are the ones the last cross-check stored, so that no model is loaded;
    they are found afresh only where the store holds none (nothing cross-checked since the
    last article was read into it).
    """
    _groups, tensions = store.load_crosscheck()
    found = crosscheck_stream(store.iter_readings(), tensions or None, settings)
    return annotated(store.iter_readings(), found, settings)


def local_reader(n_process: int, settings: Settings = DEFAULTS) -> Reader:
    """Reads here, with ``n_process`` processes; the parser is imported and its model
    loaded only once there is an article to read (a run again over articles the store
    holds current reads none, and starts in half the time)."""
    def read(articles: Iterable[Article]) -> Iterator[Reading]:
        waiting = iter(articles)
        first = next(waiting, None)
        if first is None:
            return iter(())
        from triangulate.nlp import read_articles

        return read_articles(chain([first], waiting), n_process=n_process, settings=settings)

    return read


def read_into_store(articles: Iterable[Article], store: Store, read: Reader,
                    progress: ProgressHandler | None = None,
                    settings: Settings = DEFAULTS) -> list[str]:
    """The per-article stage, streaming: every article that the store does not hold current
    (read with these ``settings``' pipeline version) is read and its reading stored,
    ``SAVE_BATCH`` readings to a transaction (one commit per batch, not per article; a run
    interrupted midway still stores the readings it has).

    Returns the article ids in the order first seen (only the ids are kept); where an id
    comes twice, the copy read last is the one stored.
    """
    version = pipeline_version(settings)
    intake = _Intake(store, progress, version)
    waiting: list[Reading] = []
    stored = 0
    try:
        for reading in read(intake.fresh(articles)):
            waiting.append(reading)
            intake.advance()
            if len(waiting) == SAVE_BATCH:
                batch, waiting = waiting, []  # a batch the store refuses is not tried twice
                store.save_readings(batch, version)
                stored += len(batch)
    finally:  # readings done before an interruption are kept: the next run skips them
        store.save_readings(waiting, version)
        stored += len(waiting)
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
