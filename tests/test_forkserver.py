"""The local Dask cluster's fork server: its forks start with the pipeline built and warm."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from multiprocessing.queues import Queue
from typing import Any

import pytest

from triangulate.engine import forkserver


def _report(queue: Queue[tuple[bool, int]]) -> None:
    from triangulate.nlp.pipeline import _cached_pipeline

    queue.put(("triangulate.engine.warm" in sys.modules, _cached_pipeline.cache_info().currsize))


def in_a_fork(probe: Callable[[Queue[Any]], None]) -> Any:
    """What ``probe`` reports from a process forked from the fork server."""
    assert forkserver.start()
    context = multiprocessing.get_context("forkserver")
    queue: Queue[Any] = context.Queue()
    child = context.Process(target=probe, args=(queue,))
    child.start()
    found = queue.get(timeout=120)
    child.join(timeout=30)
    return found


@pytest.mark.skipif(not forkserver.available(), reason="no fork server on this platform")
def test_a_fork_of_the_server_has_the_pipeline_already() -> None:
    warmed, pipelines = in_a_fork(_report)
    assert warmed and pipelines >= 1


def _interrupt_handler(queue: Queue[bool]) -> None:
    import signal

    queue.put(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)


@pytest.mark.skipif(not forkserver.available(), reason="no fork server on this platform")
def test_a_fork_of_the_server_leaves_ctrl_c_to_the_run() -> None:
    assert in_a_fork(_interrupt_handler)
