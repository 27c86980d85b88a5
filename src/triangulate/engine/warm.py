"""Imported by a local Dask cluster's fork server (:mod:`.forkserver`): the default
pipeline is built and reads one short article there, so that every worker forked from the
server starts with it built and past its first-use costs (tables and patterns loaded on
the first document). A run with other reading settings has its workers build their own
(:class:`~triangulate.engine.dask.PipelineLoader`)."""

from __future__ import annotations

from triangulate.nlp import read_articles
from triangulate.nlp.pipeline import load_pipeline
from triangulate.settings import DEFAULTS
from triangulate.types import Article

# Written for this purpose: a quote, an attributed figure and a date, so that each of our
# components does its work once.
WARM_UP = Article(id="warm-up", language="en", text=(
    'Rescuers said on Tuesday that at least 14 people had died in the flooding, according '
    'to the regional governor. "We are still searching," a spokeswoman for the police '
    'told reporters.'))


def warm() -> None:
    """Build the default pipeline and read :data:`WARM_UP` with it. A failure here (no
    model installed) is left to the workers, whose own loading reports it."""
    try:
        list(read_articles([WARM_UP], load_pipeline(DEFAULTS), settings=DEFAULTS))
    except Exception:  # reported by each worker as it loads the pipeline
        return


warm()
