"""Whether a whole run grows linearly: ``triangulate analyze`` on 100, 200, 400, 800 articles.

    python bench/linearity.py [--sizes 100 200 400 800] [--corpus PATH]

For each size, the first that many articles of the corpus (default
``../shared/data/insightcrime-news/insightcrime.jsonl``) are written to one JSON Lines file
and analysed by a fresh ``triangulate analyze FILE -q --json`` process with a fresh SQLite
store. Of each process: its wall time, its CPU time and its peak memory (its own
``wait4`` resource usage, so a busy machine inflates the wall time more than the CPU time);
then, in a second fresh process, the cross-check of the store it left, alone (CPU time), so
that its share of the run shows. The time per article is given as a ratio to the smallest
size's (linear: within 15%), the peak memory likewise (bounded: at most 1.2 at 8 times the
articles); the CPU time each article beyond the last size's added shows the growth apart from
the process's fixed cost (imports, the model). Beside each, a whole plain spaCy process
(``nlp.pipe`` with the same model over the same texts) is timed the same way, so that the
per-article ratio of the parse itself shows: where both fall alike, the fall is the
fixed start-up spread thinner and the parser's own warm-up, not anything of ours. Results
go to stdout and to ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from itertools import islice
from pathlib import Path

from benchdoc import BENCHMARKS, PLAIN_SPACY, REPO, machine, write_section
from triangulate.settings import DEFAULTS

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "insightcrime-news" / "insightcrime.jsonl"
TRIANGULATE = Path(sys.executable).with_name("triangulate")
CROSSCHECK_ALONE = """
import sys, time
from triangulate.reconcile import crosscheck_stream
from triangulate.store import Store
store = Store(sys.argv[1], read_only=True)
started = time.process_time()
crosscheck_stream(store.iter_readings())
print(time.process_time() - started)
"""


@dataclass(frozen=True)
class Run:
    articles: int
    wall_s: float
    cpu_s: float
    peak_mib: float
    crosscheck_s: float
    spacy_wall_s: float  # a whole plain spaCy process over the same texts
    spacy_peak_mib: float  # and its peak memory


def sample(corpus: Path, count: int, folder: Path) -> Path:
    path = folder / f"articles-{count}.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        path.write_text("".join(islice(lines, count)), encoding="utf-8")
    return path


def measured(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system) and peak memory (MiB) of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_size(corpus: Path, count: int, folder: Path) -> Run:
    articles = sample(corpus, count, folder)
    url = f"sqlite:///{folder}/run-{count}.db"
    out = folder / f"run-{count}.json"
    wall, cpu, peak = measured([str(TRIANGULATE), "analyze", str(articles), "-q", "--db", url,
                                "--json", str(out)])
    analysed = len(json.loads(out.read_text(encoding="utf-8"))["articles"])
    alone = subprocess.run([sys.executable, "-c", CROSSCHECK_ALONE, url], check=True,
                           capture_output=True, text=True)
    spacy_wall, _cpu, spacy_peak = measured([sys.executable, "-c", PLAIN_SPACY.format(
        model=DEFAULTS.model), str(articles)])
    return Run(analysed, wall, cpu, peak, float(alone.stdout.strip().splitlines()[-1]),
               spacy_wall, spacy_peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 200, 400, 800])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        start_up = run_size(args.corpus, 1, Path(name))
        runs = [run_size(args.corpus, count, Path(name)) for count in sorted(args.sizes)]
    report(args, start_up, runs)


def past(run: Run, start_up: Run) -> float:
    """Wall seconds per article beyond the first: the run less a 1-article run's time (the
    start-up, imports and the model, and one article), over the articles beyond it."""
    return (run.wall_s - start_up.wall_s) / (run.articles - start_up.articles)


def report(args: argparse.Namespace, start_up: Run, runs: list[Run]) -> None:
    first = runs[0]
    lines = ["## Linearity of a whole run", "",
             f"`python bench/linearity.py --sizes {' '.join(map(str, sorted(args.sizes)))}` on "
             f"{args.corpus.name}, {date.today().isoformat()}; one fresh `triangulate analyze` "
             "process per size, beside one plain spaCy process over the same texts; "
             "per-article times and peak memory as ratios to the smallest size's (linear: "
             "0.85-1.15; bounded memory: at most 1.2). A 1-article run (the start-up: "
             f"imports, the model, one article) takes {start_up.wall_s:.1f} s wall, "
             f"{start_up.cpu_s:.1f} s CPU.", *machine(), "",
             "| articles | wall | per article | ratio | per article past the start-up | ratio |"
             " spaCy per article | ratio | share of spaCy's speed |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in runs:
        wall = run.wall_s / run.articles
        spacy = run.spacy_wall_s / run.articles
        lines.append(
            f"| {run.articles} | {run.wall_s:.1f} s | {1000 * wall:.0f} ms | "
            f"{wall / (first.wall_s / first.articles):.2f} | "
            f"{1000 * past(run, start_up):.0f} ms | "
            f"{past(run, start_up) / past(first, start_up):.2f} | {1000 * spacy:.0f} ms | "
            f"{spacy / (first.spacy_wall_s / first.articles):.2f} | "
            f"{run.spacy_wall_s / run.wall_s:.2f} |")
    lines += ["", "| articles | CPU | CPU per article | ratio | CPU per article added |"
              " cross-check CPU (share) | peak memory | ratio | spaCy's peak memory | ratio |",
              "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for before, run in zip([None, *runs], runs, strict=False):
        cpu = run.cpu_s / run.articles
        added = "" if before is None else \
            f"{1000 * (run.cpu_s - before.cpu_s) / (run.articles - before.articles):.0f} ms"
        lines.append(
            f"| {run.articles} | {run.cpu_s:.1f} s | {1000 * cpu:.0f} ms | "
            f"{cpu / (first.cpu_s / first.articles):.2f} | {added} | "
            f"{run.crosscheck_s:.1f} s ({run.crosscheck_s / run.cpu_s:.0%}) | "
            f"{run.peak_mib:,.0f} MiB | {run.peak_mib / first.peak_mib:.2f} | "
            f"{run.spacy_peak_mib:,.0f} MiB | {run.spacy_peak_mib / first.spacy_peak_mib:.2f} |")
    print(write_section("linearity", lines, BENCHMARKS))


if __name__ == "__main__":
    main()
