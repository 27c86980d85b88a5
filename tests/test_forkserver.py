"""The local Dask cluster's fork server: its forks start with the pipeline built and warm."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.queues import Queue

import pytest

from triangulate.engine import forkserver


def _report(queue: Queue[tuple[bool, int]]) -> None:
    from triangulate.nlp.pipeline import _cached_pipeline

    queue.put(("triangulate.engine.warm" in sys.modules, _cached_pipeline.cache_info().currsize))


@pytest.mark.skipif(not forkserver.available(), reason="no fork server on this platform")
def test_a_fork_of_the_server_has_the_pipeline_already() -> None:
    assert forkserver.start()
    context = multiprocessing.get_context("forkserver")
    queue: Queue[tuple[bool, int]] = context.Queue()
    child = context.Process(target=_report, args=(queue,))
    child.start()
    warmed, pipelines = queue.get(timeout=120)
    child.join(timeout=30)
    assert warmed and pipelines >= 1



def _interrupt_handler(queue: Queue[bool]) -> None:
    import signal

    queue.put(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)


@pytest.mark.skipif(not forkserver.available(), reason="no fork server on this platform")
def test_a_fork_of_the_server_leaves_ctrl_c_to_the_run() -> None:
    assert forkserver.start()
    context = multiprocessing.get_context("forkserver")
    queue: Queue[bool] = context.Queue()
    child = context.Process(target=_interrupt_handler, args=(queue,))
    child.start()
    ignored = queue.get(timeout=120)
    child.join(timeout=30)
    assert ignored
