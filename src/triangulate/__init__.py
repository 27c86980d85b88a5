"""Triangulate: sourced, cross-checked records of war reporting across outlets.

>>> import triangulate
>>> analysis = triangulate.analyze(["examples/"], db="sqlite:///example.db")  # doctest: +SKIP
>>> triangulate.frame(analysis, "claims").to_pandas()  # doctest: +SKIP
>>> triangulate.to_json(analysis)[:200]  # the contract JSON  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from triangulate.settings import Settings

if TYPE_CHECKING:
    from triangulate.serialise import analysis_json as to_json
    from triangulate.serialise import table_frame as frame
    from triangulate.types import Analysis, Article, Claim, Group, IngestProblem, Quote, Tension

# Every command starts by importing this package: the names below are loaded when first
# used, so that `triangulate --help` does not pay for the serialisation module and the types.
_LAZY = {"to_json": ("triangulate.serialise", "analysis_json"),
         "frame": ("triangulate.serialise", "table_frame"),
         **{name: ("triangulate.types", name)
            for name in ("Analysis", "Article", "Claim", "Group", "Quote", "Tension")}}

__all__ = ["Analysis", "Article", "Claim", "Group", "Quote", "Settings", "Tension", "analyze",
           "frame", "to_json"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The public names of other modules, imported on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module, attribute = _LAZY[name]
    return getattr(import_module(module), attribute)


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
