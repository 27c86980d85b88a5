"""Articles posted to the web app, read in the background one job at a time.

A job reads its articles into the store, re-runs the cross-check over the whole store, saves
it, and hands the new :class:`Snapshot` to the app. Jobs run on one worker thread, in the
order they came, so two jobs never cross-check at once.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

from triangulate.analysis import cross_checked, local_reader, read_into_store
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Article, IngestProblem
from triangulate.web.data import Snapshot

JobStatus = Literal["queued", "reading", "cross-checking", "done", "failed"]
KEPT_JOBS = 1000  # finished jobs beyond this many are forgotten, oldest first
logger = logging.getLogger(__name__)


@dataclass
class Job:
    id: str
    status: JobStatus
    submitted: str
    articles: list[str]  # ids of the articles it reads
    problems: list[str] = field(default_factory=list)  # inputs that could not be read
    error: str | None = None
    finished: str | None = None

    @property
    def running(self) -> bool:
        return self.status not in ("done", "failed")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Jobs:
    """The job table (in memory) and the worker thread that runs the jobs."""

    def __init__(self, store: Store, publish: Callable[[Snapshot], None],
                 settings: Settings = DEFAULTS) -> None:
        self.store = store
        self.publish = publish
        self.settings = settings
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="triangulate-job")

    def submit(self, articles: list[Article], problems: list[IngestProblem]) -> Job:
        job = Job(id=secrets.token_hex(8), status="queued", submitted=now(),
                  articles=[a.id for a in articles], problems=[str(p) for p in problems])
        with self.lock:
            self.jobs[job.id] = job
            finished = [key for key, old in self.jobs.items() if not old.running]
            for key in finished[:max(0, len(finished) - KEPT_JOBS)]:
                del self.jobs[key]
        self.worker.submit(self._run, job, articles)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def _run(self, job: Job, articles: list[Article]) -> None:
        try:
            job.status = "reading"
            read_into_store(articles, self.store, local_reader(1, self.settings),
                            settings=self.settings)
            job.status = "cross-checking"
            analysis = cross_checked(self.store.load_readings(), settings=self.settings)
            self.store.save_crosscheck(analysis.groups, analysis.tensions)
            self.publish(Snapshot.of(analysis))
            job.status = "done"
        except Exception as error:  # a failed job is reported on the job, never raised
            logger.exception("job %s failed", job.id)
            job.status, job.error = "failed", f"{type(error).__name__}: {error}"
        finally:
            job.finished = now()

    def close(self) -> None:
        self.worker.shutdown(wait=True, cancel_futures=True)
