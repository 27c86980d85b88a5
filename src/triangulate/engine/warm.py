"""Imported by a local Dask cluster's fork server (:mod:`.forkserver`): the default
pipeline is built and reads one short article there, so that every worker forked from the
server starts with it built and past its first-use costs (tables and patterns loaded on
the first document). A run with other reading settings has its workers build their own
(:class:`~triangulate.engine.dask.PipelineLoader`).

The workers leave Ctrl-C to the run that started them, which stops the cluster and says in
one line what is kept: a terminal sends the interrupt to every process of the run, and each
worker would print a traceback of its own (and a warning for each task the stop cancels).
The fork server hands its children the SIGINT handler it found once its preloads were
imported, so it is set here.
"""

from __future__ import annotations

import logging
import signal

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


signal.signal(signal.SIGINT, signal.SIG_IGN)
logging.getLogger("distributed.worker.state_machine").setLevel(logging.ERROR)
warm()
