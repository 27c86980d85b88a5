"""The per-article stage on a Dask cluster (``triangulate analyze --engine dask``).

Articles are ingested here and sent to the workers in partitions; each worker process
builds the pipeline once, as it starts (a worker plugin, :class:`PipelineLoader`), and turns
a partition into readings exactly as the local path does (``read_articles``). A local
cluster's workers are forked from a fork server that has imported Triangulate, spaCy and
Dask and built the default pipeline once (:mod:`triangulate.engine.forkserver`), and
partitions are small enough that the workers end together. Only a few partitions are in
flight at a time, so memory stays bounded on both sides however large the corpus.

On the local cluster the readings come back as they are (pickled by Dask, no files). With a
work folder (``--work``) or a remote scheduler (``tcp://host:port``) each partition comes
back as one Parquet file, which this process writes under the work folder as it arrives and
reads back; the remote workers need Triangulate and the model installed, and the partitions
come through the scheduler, so no shared disk is needed.
"""

from __future__ import annotations

import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import chain, islice
from pathlib import Path
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, Worker, WorkerPlugin
from distributed import utils as distributed_utils

from triangulate.engine import forkserver
from triangulate.serialise import readings_from_parquet, readings_to_parquet
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, Reading

# Articles per task: a few seconds of work (the pipeline is loaded once per worker, so a task
# costs little more than its articles), and small enough that the last tasks of a run keep
# every worker busy: with 64, 200 articles made partitions of 64, 64, 64 and 8, and one
# of two workers read 128 of them.
PARTITION_SIZE = 16
# The scheduler serves HTTP on port 8787 (or warns and picks another where that is taken) even
# without a dashboard: give it a free port and no dashboard.
QUIET_SCHEDULER: dict[str, Any] = {"dashboard_address": ":0",
                                   "scheduler_kwargs": {"dashboard": False}}
IN_FLIGHT_PER_WORKER = 2  # partitions queued per worker thread, so none waits for work
# The cluster's housekeeping made rarer: every round of it wakes a worker's event loop, which
# takes the GIL from the thread that reads. 200 articles on 2 local workers took 0.9 s of CPU
# and 0.5 s of wall time less with these than with Dask's defaults (given after each).
QUIET_HOUSEKEEPING: dict[str, object] = {
    "distributed.worker.profile.enabled": False,  # a stack sample every 10 ms
    "distributed.admin.tick.interval": "1s",  # a check of the event loop's health, 20 ms
    "distributed.admin.system-monitor.interval": "5s",  # readings for a dashboard, 500 ms
    "distributed.worker.memory.monitor-interval": "1s",  # a check of the memory limit, 100 ms
}


@dataclass
class DaskReader:
    """Reads articles on a Dask cluster: the given scheduler, or a local one of ``workers``
    processes. Parquet partitions go to ``work`` (kept) or to a temporary folder (removed)."""

    scheduler: str | None = None
    work: Path | None = None
    workers: int = 2
    partition_size: int = PARTITION_SIZE
    settings: Settings = DEFAULTS  # the workers' pipeline is built from these

    def __call__(self, articles: Iterable[Article]) -> Iterator[Reading]:
        """Readings in the order of the partitions; no cluster is started for no articles
        (a resumed run whose articles are all stored already)."""
        partitions = _partitions(articles, self.partition_size)
        first = next(partitions, None)
        if first is None:
            return
        with self._client() as client:
            client.register_plugin(PipelineLoader(self.settings))
            if self.scheduler is None and self.work is None:
                yield from self._read(client, None, chain([first], partitions))
                return
            with self._folder() as folder:
                yield from self._read(client, folder, chain([first], partitions))

    @contextmanager
    def _client(self) -> Iterator[Client]:
        # distributed leaves these constructors unannotated
        if self.scheduler:
            with Client(self.scheduler) as client:  # type: ignore[no-untyped-call]
                yield client
            return
        with dask.config.set(local_worker_start()), \
                LocalCluster(n_workers=self.workers, threads_per_worker=1,  # type: ignore[no-untyped-call]
                             processes=True, **QUIET_SCHEDULER) as cluster, \
                Client(cluster) as local:  # type: ignore[no-untyped-call]
            yield local

    @contextmanager
    def _folder(self) -> Iterator[Path]:
        if self.work is None:
            with tempfile.TemporaryDirectory(prefix="triangulate-") as folder:
                yield Path(folder)
            return
        run = self.work / datetime.now(UTC).strftime("run-%Y%m%dT%H%M%S%f")
        run.mkdir(parents=True)
        yield run

    def _read(self, client: Client, folder: Path | None,
              partitions: Iterable[list[Article]]) -> Iterator[Reading]:
        """Partitions are landed in the order sent, so the oldest is waited for first; as
        Parquet files in ``folder``, or as they come where there is none."""
        threads = client.nthreads()  # type: ignore[no-untyped-call]
        limit = max(1, sum(threads.values())) * IN_FLIGHT_PER_WORKER
        task = read_partition if folder is None else read_partition_parquet
        pending: deque[tuple[Future[Any], Path | None]] = deque()
        for number, partition in enumerate(partitions):
            future = client.submit(task, partition, self.settings, pure=False)
            pending.append((future, folder / f"part-{number:05d}.parquet" if folder else None))
            if len(pending) >= limit:
                yield from _land(*pending.popleft())
        while pending:
            yield from _land(*pending.popleft())


def local_worker_start() -> dict[str, object]:
    """Dask settings under which the local cluster's worker processes are forked from the
    fork server (:func:`forkserver.start`, started here unless it runs already), rather than
    each spawned afresh to import everything and build the pipeline (seconds of CPU per
    worker, on the cores that read). Where there is no fork server (Windows), the workers
    are spawned as Dask does by default."""
    quiet = dict(QUIET_HOUSEKEEPING)
    if not forkserver.start():
        return quiet
    # Dask would otherwise set its own preload list as it starts the first worker (importing
    # every package of it here first, pandas among them); where this private flag goes
    # away, Dask's list wins and the workers merely import Triangulate themselves.
    distributed_utils._forkserver_preload_set = True
    return {**quiet, "distributed.worker.multiprocessing-method": "forkserver"}


class PipelineLoader(WorkerPlugin):
    """Builds the pipeline in each worker process as it joins, before any task."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: Worker) -> None:
        from triangulate.nlp.pipeline import load_pipeline

        load_pipeline(self.settings)


def read_partition(articles: list[Article], settings: Settings) -> list[Reading]:
    """On a worker: the readings of a partition."""
    from triangulate.nlp import load_pipeline, read_articles

    return list(read_articles(articles, load_pipeline(settings), settings=settings))


def read_partition_parquet(articles: list[Article], settings: Settings) -> bytes:
    """On a worker: the readings of a partition, as Parquet."""
    return readings_to_parquet(read_partition(articles, settings))


def _partitions(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """Lists of ``size`` articles (the last one shorter), taken from the stream as needed."""
    iterator = iter(articles)
    while partition := list(islice(iterator, size)):
        yield partition


def _land(future: Future[Any], path: Path | None) -> Iterator[Reading]:
    """The readings of a finished partition; where it has a file, written there and read
    back from it."""
    if path is None:
        yield from future.result()
        return
    path.write_bytes(future.result())
    yield from readings_from_parquet(path)
