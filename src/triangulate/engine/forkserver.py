"""The fork server that a local Dask cluster's workers are forked from.

It is started as soon as a run knows it will use a local cluster (:func:`start`), before
this process imports spaCy, reads its inputs and starts the scheduler, so that the server
imports Triangulate, spaCy and Dask and builds the default pipeline (:mod:`.warm`) on the
other core meanwhile. Each worker is then a fork of a process that has done all that
once: it starts at once, shares the model's memory, and its first partition costs no more
than the others. This module imports nothing heavy, so that starting costs nothing here.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver

# Modules the server imports before it forks any worker: Dask's worker, our tasks, and
# the warm pipeline (imported last: it needs the others).
PRELOAD = ("distributed", "triangulate.engine.dask", "triangulate.engine.warm")


def available() -> bool:
    """Whether this platform has a fork server (Linux and macOS do; Windows does not)."""
    return "forkserver" in multiprocessing.get_all_start_methods()


def start() -> bool:
    """Start the fork server with :data:`PRELOAD`, unless it runs already; it loads in its
    own process while this one goes on. False where there is no fork server."""
    if not available():
        return False
    multiprocessing.get_context("forkserver").set_forkserver_preload(list(PRELOAD))
    forkserver.ensure_running()
    return True
