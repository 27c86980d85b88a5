"""The app's state: the store, the current snapshot of it, the jobs and the write token."""

from __future__ import annotations

import threading

from fastapi import Request

from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.web.data import Snapshot
from triangulate.web.jobs import Jobs


class State:
    """The store, the current snapshot of it, the jobs and the write token."""

    def __init__(self, store: Store, token: str | None, settings: Settings = DEFAULTS) -> None:
        self.store = store
        self.token = token or None
        self._snapshot = Snapshot.load(store, settings)
        self._lock = threading.Lock()
        self.jobs = Jobs(store, self.publish, settings)

    @property
    def snapshot(self) -> Snapshot:
        with self._lock:
            return self._snapshot

    def publish(self, snapshot: Snapshot) -> None:
        with self._lock:
            self._snapshot = snapshot


def state(request: Request) -> State:
    found: State = request.app.state.triangulate
    return found
