"""Triangulate: sourced, cross-checked records of war reporting across outlets.

>>> import triangulate
>>> analysis = triangulate.analyze(["examples/"], db="sqlite:///example.db")  # doctest: +SKIP
>>> triangulate.frame(analysis, "claims").to_pandas()  # doctest: +SKIP
>>> triangulate.to_json(analysis)[:200]  # the contract JSON  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from triangulate.serialise import analysis_json as to_json
from triangulate.serialise import table_frame as frame
from triangulate.settings import Settings
from triangulate.types import Analysis, Article, Claim, Group, IngestProblem, Quote, Tension

__all__ = ["Analysis", "Article", "Claim", "Group", "Quote", "Settings", "Tension", "analyze",
           "frame", "to_json"]
__version__ = "0.1.0"


def analyze(sources: str | Path | Iterable[str | Path], db: str | None = None,
            n_process: int = 1, outlet: str | None = None,
            published: str | None = None, settings: Settings | None = None) -> Analysis:
    """Analyse files, folders or article texts; store the result in ``db`` (a SQLAlchemy URL).

    ``outlet`` and ``published`` stand for every article whose source does not say (as
    ``--outlet`` and ``--published`` do). ``settings`` tunes every stage (the defaults where
    not given): ``Settings(agreement=0.05, tensions=20, semantic=False)``. Problems with
    single inputs are reported as warnings and skipped.
    """
    import warnings

    from triangulate.analysis import run
    from triangulate.ingest.article import RunDefaults, iso_date, run_defaults
    from triangulate.store import Store

    if isinstance(sources, str | Path):
        sources = [sources]

    def warn(problem: IngestProblem) -> None:
        warnings.warn(str(problem), stacklevel=3)

    store = Store(db)
    try:
        with run_defaults(RunDefaults(outlet, iso_date(published))):
            return run(sources, store, warn, n_process=n_process,
                       settings=settings or Settings())
    finally:
        store.close()
