"""Throughput of the per-article stage beside spaCy's own, and its memory as the corpus grows.

Usage::

    python bench/throughput.py [--limit N] [--corpus PATH] [--out docs/benchmarks.md]

The corpus (default ``../shared/data/insightcrime-news/insightcrime.jsonl``: 1,653 English
articles) is copied once (1x) and four times over with distinct ids (4x) into JSON Lines in
gzip. Each configuration then runs in a fresh process, timed from the first article to the
last, while this process samples the memory of it and its workers:

- ``spaCy``: ``spacy.load(model).pipe(texts)`` with the same model and no Triangulate
  components, over the texts of the 1x file (``n_process`` 1 and 2).
- ``Triangulate``: the whole per-article stage, ``read_into_store``: ingest of the 1x file
  (JSON, cleaning, language, hash), our pipeline, building each ``Reading`` and writing it
  to a fresh SQLite store (1 and 2 processes); then the same over the 4x file, 2 processes.

Machines shared with others (virtual ones) vary by a fifth from one run to the next, CPU
time included, so the 1x runs go ``--repeat`` times, spaCy's and ours in turn, and the
fastest of each is reported (as ``timeit`` does), all times beside it. Articles and words
per second count the articles of the input and their whitespace-split words. Peak memory is
the largest sum of resident set sizes of the process and all its children, sampled every
50 ms, over all runs. The pipeline is loaded before the clock starts; with two
processes, starting the workers (forked from the loaded parent, for spaCy and for
Triangulate alike) is inside it.

A breakdown follows: each pipeline component, ``reading_of`` and the store write, timed one
document at a time over the first ``--profile`` articles. The results go to stdout and,
between marker comments, to ``docs/benchmarks.md`` with a description of the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path

import psutil

from benchdoc import BENCHMARKS, REPO, machine, write_section
from triangulate.settings import DEFAULTS

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "insightcrime-news" / "insightcrime.jsonl"
MODEL = DEFAULTS.model  # the model analyze uses by default
BATCH_SIZE = 16  # articles per nlp.pipe batch, for spaCy and for us
SAMPLE_SECONDS = 0.05
TARGET_RATIO, TARGET_SCALING, TARGET_MEMORY = 0.75, 1.7, 1.2


@dataclass(frozen=True)
class Run:
    label: str
    engine: str  # "spacy" or "triangulate"
    processes: int
    copies: int


@dataclass(frozen=True)
class Result:
    run: Run
    articles: int
    words: int
    seconds: float  # the fastest run
    cpu_seconds: float  # user and system, the workers included, of the fastest run
    peak_mb: float  # the largest of all runs
    all_seconds: tuple[float, ...] = ()

    @property
    def per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


RUNS = (Run("spaCy nlp.pipe", "spacy", 1, 1), Run("spaCy nlp.pipe", "spacy", 2, 1),
        Run("Triangulate stage", "triangulate", 1, 1),
        Run("Triangulate stage", "triangulate", 2, 1),
        Run("Triangulate stage", "triangulate", 2, 4))


# --- in the child process: one configuration, timed --------------------------------------

def child(engine: str, processes: int, corpus: Path) -> None:
    """Run one configuration and print ``{"articles": n, "seconds": s}``."""
    count, seconds = (spacy_pipe if engine == "spacy" else triangulate_stage)(corpus, processes)
    print(json.dumps({"articles": count, "seconds": seconds}))


def spacy_pipe(corpus: Path, processes: int) -> tuple[int, float]:
    import spacy

    nlp = spacy.load(MODEL)
    started = time.perf_counter()
    texts = (record["text"] for record in records(corpus))
    count = sum(1 for _ in nlp.pipe(texts, n_process=processes, batch_size=BATCH_SIZE))
    return count, time.perf_counter() - started


def triangulate_stage(corpus: Path, processes: int) -> tuple[int, float]:
    from triangulate.analysis import articles_in, local_reader, read_into_store
    from triangulate.nlp import load_pipeline
    from triangulate.store import Store

    load_pipeline()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/bench.db")
        started = time.perf_counter()
        ids = read_into_store(articles_in([corpus], fail), store, local_reader(processes))
        seconds = time.perf_counter() - started
        store.close()
    return len(ids), seconds


def fail(problem: object) -> None:
    raise RuntimeError(f"unreadable input: {problem}")


# --- in this process: inputs, runs, memory, report ----------------------------------------

def records(path: Path) -> Iterator[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def make_input(corpus: Path, folder: Path, copies: int, limit: int | None) -> tuple[Path, int]:
    """The corpus ``copies`` times over with distinct ids, streamed to JSONL.gz; its words."""
    path = folder / f"corpus-x{copies}.jsonl.gz"
    words = 0
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for copy in range(copies):
            with corpus.open(encoding="utf-8") as lines:
                for line in islice(lines, limit):
                    record = json.loads(line)
                    words += len(record["text"].split())
                    record["id"] = f"{record['id']}~{copy}"
                    out.write(json.dumps(record) + "\n")
    return path, words


def measure(run: Run, corpus: Path, words: int) -> Result:
    """Run one configuration in a fresh process and sample its memory, children included;
    ``wait4`` gives the CPU time of the process and of the workers it waited for."""
    command = [sys.executable, __file__, "--child", run.engine, "--processes",
               str(run.processes), "--corpus", str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    while not (ended := os.wait4(process.pid, os.WNOHANG))[0]:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(SAMPLE_SECONDS)
    _pid, status, usage = ended
    process.returncode = os.waitstatus_to_exitcode(status)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise RuntimeError(f"{run} failed with exit code {process.returncode}")
    found = json.loads(output.strip().splitlines()[-1])
    return Result(run, found["articles"], words, found["seconds"],
                  usage.ru_utime + usage.ru_stime, peak / 2**20)


def fastest(results: list[Result]) -> Result:
    best = min(results, key=lambda r: r.seconds)
    return replace(best, peak_mb=max(r.peak_mb for r in results),
                   all_seconds=tuple(r.seconds for r in results))


def tree_rss(pid: int) -> int:
    try:
        parent = psutil.Process(pid)
        family = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in family:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += process.memory_info().rss
    return total


def component_times(corpus: Path, limit: int, clock: Callable[[], float] = time.perf_counter
                    ) -> tuple[dict[str, float], int]:
    """Seconds (of ``clock``) spent in each step of the stage, one document at a time,
    after a first article has loaded everything that loads on first use (the language
    model of ingest)."""
    from triangulate.analysis import articles_in
    from triangulate.nlp import PIPELINE_VERSION, load_pipeline, reading_of
    from triangulate.nlp.pipeline import article_doc
    from triangulate.store import Store
    from triangulate.types import Article

    nlp = load_pipeline()
    reading_of(nlp(next(articles_in([corpus], fail)).text), Article(id="warm-up", text=""))
    times: defaultdict[str, float] = defaultdict(float)
    started = clock()
    articles = list(islice(articles_in([corpus], fail), limit))
    times["ingest (JSON, cleaning, language, hash)"] = clock() - started
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{folder}/profile.db")
        for article in articles:
            at = clock()
            doc = article_doc(nlp, article)
            at = tick(clock, times, "tokenizer", at)
            for name, component in nlp.pipeline:
                doc = component(doc)
                at = tick(clock, times, name, at)
            reading = reading_of(doc, article)
            at = tick(clock, times, "reading_of (entities, statements, events)", at)
            store.save_reading(reading, PIPELINE_VERSION)
            tick(clock, times, "store write", at)
        store.close()
    return times, len(articles)


def tick(clock: Callable[[], float], times: defaultdict[str, float], name: str, since: float
         ) -> float:
    now = clock()
    times[name] += now - since
    return now


def about_model() -> str:
    import spacy
    from spacy.about import __version__ as spacy_version

    return (f"- spaCy {spacy_version}, model {MODEL} "
            f"{spacy.util.get_package_version(MODEL)}")


def report(results: list[Result], times: dict[str, float], profiled: int, command: str,
           lines_about_machine: list[str]) -> list[str]:
    by = {(r.run.engine, r.run.processes, r.run.copies): r for r in results}
    out = ["## Throughput of the per-article stage (`bench/throughput.py`)", "",
           f"Command: `{command}`", "", *lines_about_machine, "",
           "| configuration | processes | corpus | articles | words | seconds (all runs) "
           "| articles/s | words/s | CPU s | peak RSS (MB) |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    out += [f"| {r.run.label} | {r.run.processes} | {r.run.copies}x | {r.articles:,} | "
            f"{r.words:,} | {r.seconds:.1f} ({', '.join(f'{x:.1f}' for x in r.all_seconds)}) "
            f"| {r.per_second:.2f} | {r.words_per_second:,.0f} | {r.cpu_seconds:.0f} "
            f"| {r.peak_mb:,.0f} |" for r in results]
    out += ["", "| measure | target | measured | met |", "|---|---|---|---|"]
    for processes in (1, 2):
        ratio = by["triangulate", processes, 1].per_second / by["spacy", processes, 1].per_second
        out.append(target_row(f"Triangulate / spaCy, {processes} process(es)",
                              f">= {TARGET_RATIO}", ratio, ratio >= TARGET_RATIO))
    ours, theirs = by["triangulate", 1, 1], by["spacy", 1, 1]
    cpu_ratio = (theirs.cpu_seconds / theirs.articles) / (ours.cpu_seconds / ours.articles)
    out.append(f"| the same in CPU time (start-up included; other load on the machine left "
               f"out) | | {cpu_ratio:.2f} | |")
    for engine in ("triangulate", "spacy"):
        gain = by[engine, 2, 1].per_second / by[engine, 1, 1].per_second
        out.append(target_row(f"{engine}: 2 processes / 1", f">= {TARGET_SCALING}", gain,
                              gain >= TARGET_SCALING))
    growth = by["triangulate", 2, 4].peak_mb / by["triangulate", 2, 1].peak_mb
    out.append(target_row("peak memory 4x / 1x (Triangulate, 2 processes)",
                          f"<= {TARGET_MEMORY}", growth, growth <= TARGET_MEMORY))
    total = sum(times.values())
    out += ["", f"Where the time goes, one document at a time over {profiled} articles "
            f"({total:.1f} s):", "", "| step | seconds | share |", "|---|---|---|"]
    out += [f"| {name} | {seconds:.2f} | {seconds / total:.1%} |"
            for name, seconds in sorted(times.items(), key=lambda item: -item[1])]
    return out


def target_row(name: str, target: str, value: float, met: bool) -> str:
    return f"| {name} | {target} | {value:.2f} | {'yes' if met else '**no**'} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--profile", type=int, default=200,
                        help="articles for the per-component breakdown")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each 1x configuration, the fastest reported")
    parser.add_argument("--out", type=Path, default=BENCHMARKS)
    parser.add_argument("--child", choices=("spacy", "triangulate"), help=argparse.SUPPRESS)
    parser.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.processes, args.corpus)
        return
    about = [*machine(), about_model()]
    command = " ".join(["python", "bench/throughput.py", *sys.argv[1:]])
    with tempfile.TemporaryDirectory() as folder:
        inputs = {copies: make_input(args.corpus, Path(folder), copies, args.limit)
                  for copies in (1, 4)}
        runs: dict[Run, list[Result]] = {run: [] for run in RUNS}
        for turn in range(args.repeat):
            for run in RUNS:
                if turn == 0 or run.copies == 1:
                    path, words = inputs[run.copies]
                    runs[run].append(measure(run, path, words))
                    print(runs[run][-1], flush=True)
        results = [fastest(found) for found in runs.values()]
        times, profiled = component_times(inputs[1][0], args.profile)
    print(write_section("throughput", report(results, times, profiled, command, about),
                        args.out))


if __name__ == "__main__":
    main()
