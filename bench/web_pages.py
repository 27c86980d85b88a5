"""Web app page loads: the story and a group page of about 50 figures, on a real store.

    python bench/web_pages.py [--limit 2000] [--db sqlite:///out/web-bench.db] [--repeat 20]

Builds the store from the first ``--limit`` articles of ``../shared/data/insightcrime-news``
(all 1,653 where the limit is larger; an existing ``--db`` is reused, and its articles
already read are skipped), starts the app in process, and times ``GET /`` and ``GET
/groups/{id}`` of the group whose figure count is nearest 50, through the ASGI stack with
FastAPI's test client (the same code path as uvicorn, without the socket). Prints the
median and the slowest of ``--repeat`` loads against the 300 ms target, and writes them to
``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

import triangulate
from benchdoc import REPO, machine, write_section
from triangulate.web import create_app
from triangulate.web.data import Snapshot

CORPUS = REPO.parent / "shared" / "data" / "insightcrime-news" / "insightcrime.jsonl"
TARGET_MS = 300.0
FIGURES = 50


def build_store(db: str, limit: int) -> None:
    """The first ``limit`` articles of the corpus read into the store at ``db``."""
    with tempfile.TemporaryDirectory() as folder:
        sample = Path(folder) / "sample.jsonl"
        with CORPUS.open("rb") as source:
            sample.write_bytes(b"".join(itertools.islice(source, limit)))
        triangulate.analyze([sample], db=db)


def group_near(snap: Snapshot, size: int) -> int:
    """The group whose figure count is nearest ``size`` (the larger one on a tie)."""
    groups = snap.analysis.groups
    return min(range(len(groups)), key=lambda i: (abs(len(groups[i].claims) - size),
                                                  -len(groups[i].claims)))


def timed(client: TestClient, path: str, repeat: int) -> list[float]:
    client.get(path)  # the first load fills caches (templates); it is not counted
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=2000)
    parser.add_argument("--db", default=f"sqlite:///{REPO / 'out' / 'web-bench.db'}")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    started = time.perf_counter()
    build_store(args.db, args.limit)
    built = time.perf_counter() - started
    started = time.perf_counter()
    app = create_app(args.db)
    startup = time.perf_counter() - started
    with TestClient(app) as client:
        snap: Snapshot = client.app.state.triangulate.snapshot  # type: ignore[attr-defined]
        index = group_near(snap, FIGURES)
        figures = len(snap.analysis.groups[index].claims)
        pages = {"story (/)": "/",
                 f"group page ({figures} figures)": f"/groups/{snap.group_ids[index]}"}
        results = {name: timed(client, path, args.repeat) for name, path in pages.items()}
    lines = ["## Web app page loads (`bench/web_pages.py`)", "",
             f"Store: first {len(snap.analysis.articles)} articles of insightcrime-news "
             f"({len(snap.analysis.claims)} figures, {len(snap.analysis.groups)} groups), "
             f"built or brought up to date in {built:.1f} s; the app starts (loads and "
             f"cross-checks the store) in {startup:.1f} s. Command: `python "
             f"bench/web_pages.py --limit {args.limit} --repeat {args.repeat}`.", "",
             "| page | median ms | slowest ms | under 300 ms |", "|---|---|---|---|"]
    for name, times in results.items():
        median = statistics.median(times)
        lines.append(f"| {name} | {median:.1f} | {max(times):.1f} | "
                     f"{'yes' if median < TARGET_MS else 'no'} |")
    print(write_section("web-pages", [*lines, "", *machine()]))


if __name__ == "__main__":
    main()
