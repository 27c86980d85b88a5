"""Triangulate: sourced, cross-checked records of war reporting across outlets.

>>> import triangulate
>>> analysis = triangulate.analyze(["examples/"], db="sqlite:///example.db")  # doctest: +SKIP
>>> analysis.claims_df.to_pandas()  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from triangulate.types import Analysis, Article, Claim, Group, IngestProblem, Quote, Tension

__all__ = ["Analysis", "Article", "Claim", "Group", "Quote", "Tension", "analyze"]
__version__ = "0.1.0"


def analyze(sources: str | Path | Iterable[str | Path], db: str | None = None,
            n_process: int = 1) -> Analysis:
    """Analyse files, folders or article texts; store the result in ``db`` (a SQLAlchemy URL).

    Problems with single inputs are reported as warnings and skipped.
    """
    import warnings

    from triangulate.analysis import run
    from triangulate.store import Store

    if isinstance(sources, str | Path):
        sources = [sources]

    def warn(problem: IngestProblem) -> None:
        warnings.warn(str(problem), stacklevel=3)

    store = Store(db)
    try:
        return run(sources, store, warn, n_process=n_process)
    finally:
        store.close()
